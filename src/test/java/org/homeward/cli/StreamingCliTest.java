package org.homeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * For pipelines: {@code screen - --format jsonl} writes each result while standard input is still
 * open.
 */
class StreamingCliTest {

  @Test
  @Timeout(60)
  void theFirstResultLineAppearsBeforeStandardInputEnds() throws Exception {
    for (String threads : new String[] {"1", "3"}) {
      // given: a pipe into standard input, and one out of standard output
      PipedOutputStream feed = new PipedOutputStream();
      PipedInputStream stdin = new PipedInputStream(feed, 1 << 16);
      PipedInputStream results = new PipedInputStream(1 << 20);
      PrintStream stdout =
          new PrintStream(new PipedOutputStream(results), false, StandardCharsets.UTF_8);
      ExecutorService pool = Executors.newSingleThreadExecutor();
      Future<Integer> run =
          pool.submit(
              () -> {
                try {
                  return Main.run(
                      new String[] {
                        "screen",
                        "-",
                        "--format",
                        "jsonl",
                        "--as-of",
                        "2026-11-28",
                        "-q",
                        "--threads",
                        threads
                      },
                      stdin,
                      stdout,
                      new PrintStream(OutputStream.nullOutputStream()),
                      Map.of(),
                      false,
                      LocalDate.of(2026, 11, 28));
                } finally {
                  stdout.close();
                }
              });
      BufferedReader out =
          new BufferedReader(new InputStreamReader(results, StandardCharsets.UTF_8));
      // when: one person is written, and standard input stays open
      feed.write("{\"id\":\"first\",\"birth_date\":\"1990\"}\n".getBytes(StandardCharsets.UTF_8));
      feed.flush();
      // Every read on one live thread: a piped stream fails ("read end dead") once the thread that
      // last read from it has ended, as a pooled thread may between two reads.
      ExecutorService reading = Executors.newSingleThreadExecutor();
      String first = reading.submit(out::readLine).get(30, TimeUnit.SECONDS);
      // then: its result is out already
      assertThat(first)
          .as("with %s threads", threads)
          .startsWith("{\"schema\":\"homeward.screening/2\",\"row\":1,\"id\":\"first\"");
      assertThat(run.isDone()).as("still reading standard input").isFalse();
      feed.write("{\"id\":\"second\"}\n".getBytes(StandardCharsets.UTF_8));
      feed.close();
      assertThat(reading.submit(out::readLine).get(30, TimeUnit.SECONDS))
          .contains("\"id\":\"second\"");
      assertThat(reading.submit(out::readLine).get(30, TimeUnit.SECONDS)).isNull();
      assertThat(run.get(30, TimeUnit.SECONDS)).isZero();
      reading.shutdown();
      pool.shutdown();
    }
  }
}
