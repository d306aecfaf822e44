package org.homeward.batch;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
 * Screens a stream of rows into a sink: rows are read on the calling thread in chunks, screened on
 * worker threads, and written on the calling thread strictly in input order, with a bounded number
 * of chunks in flight so memory stays flat however long the input. Every row read becomes exactly
 * one result written, bad rows included. A {@link #streaming() streaming} pipeline (standard input,
 * a pipe) reads on a thread of its own and writes each result as soon as it is screened, flushing
 * the sink whenever the input pauses, so that a reader downstream sees the first result before the
 * input ends.
 */
public final class Pipeline {
  /**
   * Rows per chunk handed to a worker: large enough to amortise the hand-off, small enough to keep
   * order cheap.
   */
  static final int CHUNK = 256;

  /**
   * Rows per chunk when the sink writes full reports: a screened person's full report (rendered
   * ahead, on the worker, see {@link Sink#prepare}) takes hundreds of kilobytes, so fewer are held
   * in flight, which keeps a batch of them within the same memory as one of sheet rows.
   */
  static final int FULL_CHUNK = 8;

  /** Before this as-of date no screening makes sense. */
  static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  private final Screener screener;
  private final LocalDate asOf;
  private final LocalDate today;
  private final int threads;
  private final boolean explain;
  private final Comparison comparison;
  private final boolean streaming;

  /**
   * {@code asOf} is the date given on the command line (or null: each person's screening_date, else
   * {@code today}); {@code threads} is how many workers screen (1 screens on the calling thread);
   * {@code explain} records the facts each criterion read, for full reports.
   */
  public Pipeline(
      Screener screener, LocalDate asOf, LocalDate today, int threads, boolean explain) {
    this(screener, asOf, today, threads, explain, null, false);
  }

  private Pipeline(
      Screener screener,
      LocalDate asOf,
      LocalDate today,
      int threads,
      boolean explain,
      Comparison comparison,
      boolean streaming) {
    this.screener = screener;
    this.asOf = asOf;
    this.today = today;
    this.threads = Math.max(1, threads);
    this.explain = explain;
    this.comparison = comparison;
    this.streaming = streaming;
  }

  /**
   * This pipeline, marking each result with what changed since the earlier results ({@code
   * --compare}).
   */
  public Pipeline comparing(Comparison earlier) {
    return new Pipeline(screener, asOf, today, threads, explain, earlier, streaming);
  }

  /**
   * This pipeline, for an input that may pause (standard input): each result goes out as soon as it
   * can.
   */
  public Pipeline streaming() {
    return new Pipeline(screener, asOf, today, threads, explain, comparison, true);
  }

  /**
   * Screens one row: its verdict, and its full screening too when {@code full}; a row that could
   * not be read, or whose as-of date makes no sense (before 1900, or before the birth date), stays
   * a row in error.
   */
  public Result screen(Row row, boolean full) {
    if (!row.ok()) {
      return new Result(row, null, null);
    }
    Person p = row.person();
    LocalDate date = Screener.asOf(p, asOf, today);
    String wrong =
        date.isBefore(EARLIEST)
            ? "the as-of date " + date + " is before 1900"
            : p.facts().get("birth_date") instanceof PartialDate born && date.isBefore(born.first())
                ? "the as-of date " + date + " is before the person's birth date"
                : null;
    if (wrong != null) {
      Diagnostic d =
          Diagnostic.error(
              Location.of(p.source()).withField("birth_date"),
              wrong
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
   * Runs every row of {@code rows} into {@code sink} and counts them into {@code summary}; {@code
   * progress} hears the number of rows written so far, now and then.
   */
  public void run(Iterator<Row> rows, Sink sink, Summary summary, LongConsumer progress)
      throws IOException {
    boolean full = sink.needsScreening();
    if (streaming) {
      stream(rows, sink, summary, progress, full);
      return;
    }
    long written = 0;
    if (threads == 1) {
      while (rows.hasNext()) {
        Result r = screen(rows.next(), full);
        write(new Done(r, sink.prepare(r)), sink, summary);
        if (++written % CHUNK == 0) {
          progress.accept(written);
        }
      }
      progress.accept(written);
      return;
    }
    ExecutorService workers = workers();
    int size = chunk(full);
    try {
      ArrayDeque<Future<List<Done>>> inFlight = new ArrayDeque<>();
      int maxInFlight = threads * 4;
      while (rows.hasNext() || !inFlight.isEmpty()) {
        while (rows.hasNext() && inFlight.size() < maxInFlight) {
          List<Row> chunk = new ArrayList<>(size);
          while (rows.hasNext() && chunk.size() < size) {
            chunk.add(rows.next());
          }
          inFlight.add(submit(workers, chunk, full, sink));
        }
        for (Done d : take(inFlight.poll())) {
          write(d, sink, summary);
        }
        written = summary.rows();
        progress.accept(written);
      }
    } finally {
      workers.shutdownNow();
    }
  }

  /** Rows per chunk handed to a worker: fewer when each becomes a full report. */
  private static int chunk(boolean full) {
    return full ? FULL_CHUNK : CHUNK;
  }

  /** The screening threads: daemons, so a stuck run never keeps the program alive. */
  private ExecutorService workers() {
    return Executors.newFixedThreadPool(
        threads,
        runnable -> {
          Thread t = new Thread(runnable, "homeward-screen");
          t.setDaemon(true);
          return t;
        });
  }

  /** A row's result and what the sink made of it ahead ({@link Sink#prepare}). */
  private record Done(Result result, Object prepared) {}

  /**
   * Screens a chunk of rows on a worker, keeping their order, and lets the sink do what it can
   * ahead for each, there.
   */
  private Future<List<Done>> submit(
      ExecutorService workers, List<Row> chunk, boolean full, Sink sink) {
    return workers.submit(
        () -> {
          List<Done> out = new ArrayList<>(chunk.size());
          for (Row row : chunk) {
            Result r = screen(row, full);
            out.add(new Done(r, sink.prepare(r)));
          }
          return out;
        });
  }

  private void write(Done d, Sink sink, Summary summary) throws IOException {
    Result out = comparison == null ? d.result() : comparison.apply(d.result());
    sink.write(out, d.prepared());
    summary.add(out);
  }

  /** The end of the input, or what stopped it being read, as the reading thread hands it over. */
  private record End(RuntimeException thrown, Error error) {}

  /**
   * Reads on a thread of its own into a bounded queue; screens whatever has arrived as soon as it
   * has; writes results in order, and flushes the sink whenever everything read so far is written
   * and the input has nothing more yet.
   */
  private void stream(
      Iterator<Row> rows, Sink sink, Summary summary, LongConsumer progress, boolean full)
      throws IOException {
    int maxInFlight = threads * 4;
    int size = chunk(full);
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(size * maxInFlight);
    Thread reader =
        new Thread(
            () -> {
              Object end;
              try {
                while (rows.hasNext()) {
                  queue.put(rows.next());
                }
                end = new End(null, null);
              } catch (InterruptedException e) {
                return;
              } catch (RuntimeException e) {
                end = new End(e, null);
              } catch (Error e) {
                end = new End(null, e);
              }
              try {
                queue.put(end);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "homeward-read");
    reader.setDaemon(true);
    reader.start();
    ExecutorService workers = workers();
    ArrayDeque<Future<List<Done>>> inFlight = new ArrayDeque<>();
    End end = null;
    try {
      while (true) {
        while (end == null && inFlight.size() < maxInFlight) {
          List<Row> chunk = new ArrayList<>(size);
          Object item = queue.poll();
          if (item == null && inFlight.isEmpty()) {
            sink.flush(); // everything read so far is out; wait for more input
            item = queue.take();
          }
          while (item != null) {
            if (item instanceof End e) {
              end = e;
              break;
            }
            chunk.add((Row) item);
            item = chunk.size() < size ? queue.poll() : null;
          }
          if (!chunk.isEmpty()) {
            inFlight.add(submit(workers, chunk, full, sink));
          }
          if (chunk.size() < size) {
            break;
          }
        }
        if (inFlight.isEmpty()) {
          if (end != null) {
            break;
          }
          continue;
        }
        for (Done d : take(inFlight.poll())) {
          write(d, sink, summary);
        }
        progress.accept(summary.rows());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      workers.shutdownNow();
      reader.interrupt();
    }
    progress.accept(summary.rows());
    if (end.thrown() != null) {
      throw end.thrown();
    }
    if (end.error() != null) {
      throw end.error();
    }
  }

  private static List<Done> take(Future<List<Done>> f) throws IOException {
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
