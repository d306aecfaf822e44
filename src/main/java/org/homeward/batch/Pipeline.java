package org.homeward.batch;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.homeward.document.Diagnostic;
import org.homeward.document.Location;
import org.homeward.person.PartialDate;
import org.homeward.person.Person;
import org.homeward.person.Row;
import org.homeward.screening.Screener;
import org.homeward.screening.Screening;
import org.homeward.screening.Verdict;

/**
 * Screens a stream of rows into a sink: rows are read on the calling thread in chunks, screened
 * on worker threads, and written on the calling thread strictly in input order, with a bounded
 * number of chunks in flight so memory stays flat however long the input. Every row read becomes
 * exactly one result written, bad rows included.
 */
public final class Pipeline {
  /** Rows per chunk handed to a worker: large enough to amortise the hand-off, small enough to keep order cheap. */
  static final int CHUNK = 256;
  /** Before this as-of date no screening makes sense. */
  static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  private final Screener screener;
  private final LocalDate asOf;
  private final LocalDate today;
  private final int threads;
  private final boolean explain;

  /**
   * {@code asOf} is the date given on the command line (or null: each person's screening_date, else
   * {@code today}); {@code threads} is how many workers screen (1 screens on the calling thread);
   * {@code explain} records the facts each criterion read, for full reports.
   */
  public Pipeline(Screener screener, LocalDate asOf, LocalDate today, int threads, boolean explain) {
    this.screener = screener;
    this.asOf = asOf;
    this.today = today;
    this.threads = Math.max(1, threads);
    this.explain = explain;
  }

  /** Screens one row for the sink. */
  Result screen(Row row, boolean full) {
    if (!row.ok()) {
      return new Result(row, null, null);
    }
    Person p = row.person();
    LocalDate date = Screener.asOf(p, asOf, today);
    String wrong = date.isBefore(EARLIEST) ? "the as-of date " + date + " is before 1900"
        : p.facts().get("birth_date") instanceof PartialDate born && date.isBefore(born.first())
            ? "the as-of date " + date + " is before the person's birth date" : null;
    if (wrong != null) {
      Diagnostic d = Diagnostic.error(Location.of(p.source()).withField("birth_date"), wrong
          + "; screening then makes no sense (check --as-of, the screening_date and the birth date)");
      return new Result(new Row(row.number(), row.label(), row.id(), null, List.of(d)), null, null);
    }
    if (full) {
      Screening s = screener.screen(p, date, explain);
      return new Result(row, Verdict.of(s), s);
    }
    return new Result(row, screener.verdict(p, date), null);
  }

  /**
   * Runs every row of {@code rows} into {@code sink} and counts them into {@code summary};
   * {@code progress} hears the number of rows written so far, now and then.
   */
  public void run(Iterator<Row> rows, Sink sink, Summary summary, LongConsumer progress) throws IOException {
    boolean full = sink.needsScreening();
    long written = 0;
    if (threads == 1) {
      while (rows.hasNext()) {
        Result r = screen(rows.next(), full);
        sink.write(r);
        summary.add(r);
        if (++written % CHUNK == 0) {
          progress.accept(written);
        }
      }
      progress.accept(written);
      return;
    }
    ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
      Thread t = new Thread(runnable, "homeward-screen");
      t.setDaemon(true);
      return t;
    });
    try {
      ArrayDeque<Future<List<Result>>> inFlight = new ArrayDeque<>();
      int maxInFlight = threads * 4;
      while (rows.hasNext() || !inFlight.isEmpty()) {
        while (rows.hasNext() && inFlight.size() < maxInFlight) {
          List<Row> chunk = new ArrayList<>(CHUNK);
          while (rows.hasNext() && chunk.size() < CHUNK) {
            chunk.add(rows.next());
          }
          inFlight.add(workers.submit(() -> {
            List<Result> out = new ArrayList<>(chunk.size());
            for (Row row : chunk) {
              out.add(screen(row, full));
            }
            return out;
          }));
        }
        for (Result r : take(inFlight.poll())) {
          sink.write(r);
          summary.add(r);
        }
        written = summary.rows();
        progress.accept(written);
      }
    } finally {
      workers.shutdownNow();
    }
  }

  private static List<Result> take(Future<List<Result>> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IOException(e.getCause());
    }
  }
}
