package org.homeward.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.homeward.rules.Missing;

/**
 * The next questions are picked without sorting every missing fact; whatever the waits, they are
 * exactly the first {@code n} of a stable sort by waits (most first) of the facts that can be
 * asked.
 */
class VerdictQuestionsPropertiesTest {
  private static final Missing.Kind[] KINDS = Missing.Kind.values();

  @Property(tries = 500)
  void theQuestionsAreTheFirstOfAStableSortByWaits(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 6) Integer> waits,
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 7) Integer> shapes,
      @ForAll @IntRange(min = 0, max = 8) int n) {
    List<MissingFact> missing = new ArrayList<>();
    for (int i = 0; i < waits.size(); i++) {
      int shape = i < shapes.size() ? shapes.get(i) : 0;
      Missing.Kind kind = KINDS[shape % KINDS.length];
      String at = shape == 5 ? "entries[].date" : shape == 6 ? "skipped" + i : "fact" + i;
      missing.add(new MissingFact(kind, "fact" + i, at, "question " + i));
    }
    Set<String> skipped =
        waits.size() > 4 ? Set.of("skipped3", "skipped" + (waits.size() - 1)) : Set.of();
    Verdict v = new Verdict(LocalDate.of(2026, 11, 28), List.of(), List.of(), missing, waits);

    List<Integer> expected =
        IntStream.range(0, missing.size())
            .filter(
                i ->
                    missing.get(i).kind() != Missing.Kind.REVIEW
                        && waits.get(i) > 0
                        && !missing.get(i).at().contains("[]")
                        && !skipped.contains(missing.get(i).at()))
            .boxed()
            .sorted(Comparator.comparingInt((Integer i) -> -waits.get(i)))
            .limit(n)
            .toList();
    assertThat(v.questions(n, skipped))
        .containsExactlyElementsOf(expected.stream().map(missing::get).toList());
  }
}
