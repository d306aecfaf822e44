package org.homeward.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** The compact id set numbers ids as a map would. */
class IdIndexTest {
  @Property(tries = 50)
  void itNumbersIdsInTheOrderFirstAdded(
      @ForAll @Size(max = 5000) List<@StringLength(max = 6) String> ids,
      @ForAll @Size(max = 50) List<@StringLength(max = 6) String> probes) {
    IdIndex index = new IdIndex();
    Map<String, Integer> reference = new HashMap<>();
    for (String id : ids) {
      assertThat(index.add(id)).isEqualTo(reference.computeIfAbsent(id, k -> reference.size()));
    }
    assertThat(index.size()).isEqualTo(reference.size());
    for (String p : probes) {
      assertThat(index.find(p)).isEqualTo(reference.getOrDefault(p, -1));
    }
    for (String id : ids) {
      assertThat(index.find(id)).isEqualTo(reference.get(id));
    }
  }
}
