package org.homeward.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.person.Person;
import org.homeward.person.Row;
import org.homeward.rules.Missing;
import org.homeward.screening.MissingFact;
import org.homeward.screening.Outcome;
import org.homeward.screening.Verdict;
import org.junit.jupiter.api.Test;

/**
 * Whom to call first: may fit, then leads, then the most results one answer settles; ties in input
 * order.
 */
class CallListTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

  /**
   * A synthetic row: its outcomes in two categories, how many results its first question settles
   * (0: none).
   */
  record Person2(Outcome a, boolean leadA, Outcome b, int waits, boolean error) {}

  private static Result result(long row, Person2 p) {
    if (p.error()) {
      return new Result(
          new Row(
              row,
              "row " + row,
              "e" + row,
              null,
              List.of(Diagnostic.error(Location.of("x.csv"), "bad"))),
          null,
          null);
    }
    List<Verdict.CategoryOutcome> categories =
        List.of(
            new Verdict.CategoryOutcome("a", p.a(), p.leadA(), null),
            new Verdict.CategoryOutcome("b", p.b(), false, null));
    List<MissingFact> missing =
        p.waits() == 0
            ? List.of()
            : List.of(
                new MissingFact(
                    Missing.Kind.UNKNOWN,
                    "birth_date",
                    "birth_date",
                    "What is the date of birth?"));
    List<Integer> waits = p.waits() == 0 ? List.of() : List.of(p.waits());
    Verdict v = new Verdict(AS_OF, categories, List.of(), missing, waits);
    return new Result(
        new Row(row, "row " + row, new Person("p" + row, "x.csv", null), List.of()), v, null);
  }

  private static int standing(Person2 p) {
    return p.a() == Outcome.MAY_FIT || p.b() == Outcome.MAY_FIT
        ? 0
        : p.a() == Outcome.NEEDS_INFO && p.leadA() ? 1 : 2;
  }

  @Provide
  Arbitrary<List<Person2>> people() {
    Arbitrary<Outcome> outcome = Arbitraries.of(Outcome.class);
    Arbitrary<Person2> one =
        Combinators.combine(
                outcome,
                Arbitraries.of(true, false),
                outcome,
                Arbitraries.integers().between(0, 4),
                Arbitraries.of(false, false, false, true))
            .as(Person2::new);
    return one.list().ofMaxSize(3000);
  }

  @Property(tries = 40)
  void theOrderIsMayFitThenLeadsThenTheMostSettledWithTiesInInputOrder(
      @ForAll("people") List<Person2> people, @ForAll @IntRange(min = 1, max = 300) int top) {
    // given
    CallList all = CallList.all();
    CallList first = CallList.top(top);
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      Result r = result(i + 2, people.get(i));
      all.add(r);
      first.add(r);
      if (!people.get(i).error()) {
        expected.add(i);
      }
    }
    // when
    expected.sort(
        Comparator.comparingInt((Integer i) -> standing(people.get(i)))
            .thenComparingInt(i -> -people.get(i).waits()));
    List<Long> rows = new ArrayList<>();
    all.forEach(e -> rows.add(e.row()));
    List<Long> firstRows = new ArrayList<>();
    first.forEach(e -> firstRows.add(e.row()));
    // then
    assertThat(rows)
        .as("every screened row once, in call order")
        .containsExactlyElementsOf(expected.stream().map(i -> (long) i + 2).toList());
    assertThat(firstRows)
        .as("the first n are the whole list's first n")
        .isEqualTo(rows.subList(0, Math.min(top, rows.size())));
  }

  @Test
  void anEntryNamesItsCategoriesItsQuestionAndTheResultsWaiting() {
    CallList list = CallList.all();
    list.add(result(2, new Person2(Outcome.NEEDS_INFO, true, Outcome.DOES_NOT_FIT, 3, false)));
    list.add(result(3, new Person2(Outcome.DOES_NOT_FIT, false, Outcome.MAY_FIT, 0, false)));
    list.add(result(4, new Person2(Outcome.DOES_NOT_FIT, false, Outcome.DOES_NOT_FIT, 0, false)));
    List<CallList.Entry> entries = new ArrayList<>();
    list.forEach(entries::add);
    assertThat(entries).extracting(CallList.Entry::id).containsExactly("p3", "p2", "p4");
    assertThat(entries.get(0).standing()).isEqualTo("may_fit");
    assertThat(entries.get(0).mayFit()).containsExactly("b");
    assertThat(entries.get(0).question()).isNull();
    assertThat(entries.get(1).standing()).isEqualTo("lead");
    assertThat(entries.get(1).leads()).containsExactly("a");
    assertThat(entries.get(1).question().at()).isEqualTo("birth_date");
    assertThat(entries.get(1).waits()).isEqualTo(3);
    assertThat(entries.get(2).standing())
        .as("nothing fits and nothing is left to ask")
        .isEqualTo("settled");
  }
}
