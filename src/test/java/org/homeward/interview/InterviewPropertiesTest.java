package org.homeward.interview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.homeward.Fixtures;
import org.homeward.PopulationGenerator;
import org.homeward.rules.Missing;
import org.homeward.rules.RuleSet;
import org.homeward.screening.BarrierResult;
import org.homeward.screening.BarrierStatus;
import org.homeward.screening.CategoryResult;
import org.homeward.screening.MissingFact;
import org.homeward.screening.Outcome;
import org.homeward.screening.Screening;

/**
 * The interview asks only what can still change a result. By information monotonicity (tested in
 * MonotonicityPropertiesTest), a decided result (may fit, does not fit, a barrier active, expired
 * or not triggered) stays decided whatever else is learnt; so a fact can change a result only if an
 * open result is missing it. Every question asked must be such a fact, never one asked before, and
 * the interview must end.
 */
class InterviewPropertiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
  private static final List<String> ANSWERS =
      List.of(
          "",
          "yes",
          "no",
          "0",
          "1",
          "2",
          "2001",
          "1995-06-15",
          "2015-03",
          "MX",
          "CA",
          "don't know",
          "abc",
          "180");

  @Property(tries = 15)
  void everyQuestionIsMissingForAnOpenResultAndNoneIsAskedTwice(@ForAll long seed) {
    Random random = new Random(seed);
    RuleSet rules = Fixtures.rules();
    Map<String, Object> full = PopulationGenerator.person(random);
    full.keySet().removeIf(k -> random.nextInt(3) > 0);
    ObjectNode start = JSON.valueToTree(full);
    Interview interview = new Interview(rules, start, AS_OF);
    Set<String> asked = new HashSet<>();
    int questions = 0;
    Interview.Question q;
    while ((q = interview.next()) != null) {
      assertThat(openMissing(interview.screening()))
          .as("question %s is missing for an open result", q.at())
          .contains(q.at());
      assertThat(asked.add(q.at() + "#" + interview.facts().toString().hashCode()))
          .as("the same question on the same facts")
          .isTrue();
      String answer = ANSWERS.get(random.nextInt(ANSWERS.size()));
      if (interview.answer(q, answer) != null) {
        interview.skip(q);
      }
      assertThat(++questions).as("the interview ends").isLessThan(1500);
    }
    assertThat(openMissing(interview.screening()).stream().filter(at -> !at.contains("[]")))
        .as("nothing askable is left once the interview ends")
        .allMatch(at -> asked.stream().anyMatch(a -> a.startsWith(at + "#")));
  }

  private static Set<String> openMissing(Screening s) {
    Set<String> out = new HashSet<>();
    for (CategoryResult c : s.categories()) {
      if (c.outcome() == Outcome.NEEDS_INFO) {
        c.missing().stream()
            .filter(m -> m.kind() != Missing.Kind.REVIEW)
            .map(MissingFact::at)
            .forEach(out::add);
      }
    }
    for (BarrierResult b : s.barriers()) {
      if (b.status() == BarrierStatus.POSSIBLE) {
        b.missing().stream()
            .filter(m -> m.kind() != Missing.Kind.REVIEW)
            .map(MissingFact::at)
            .forEach(out::add);
      }
    }
    return out;
  }

  @Property(tries = 10)
  void takingBackAnAnswerRestoresThePersonAndTheResults(@ForAll long seed) {
    Random random = new Random(seed);
    Interview interview = new Interview(Fixtures.rules(), JSON.createObjectNode(), AS_OF);
    List<String> snapshots = new ArrayList<>();
    for (int i = 0; i < 6 && interview.next() != null; i++) {
      Interview.Question q = interview.next();
      snapshots.add(interview.facts().toString());
      if (interview.answer(q, ANSWERS.get(1 + random.nextInt(ANSWERS.size() - 1))) != null) {
        interview.skip(q);
      }
    }
    for (int i = snapshots.size() - 1; i >= 0; i--) {
      assertThat(interview.back()).isTrue();
      assertThat(interview.facts().toString()).isEqualTo(snapshots.get(i));
    }
    assertThat(interview.back()).isFalse();
  }
}
