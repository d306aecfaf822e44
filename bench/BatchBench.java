import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.homeward.PopulationGenerator;
import org.homeward.batch.CsvSink;
import org.homeward.batch.Result;
import org.homeward.batch.Summary;
import org.homeward.batch.Table;
import org.homeward.cli.Main;
import org.homeward.person.PersonBuilder;
import org.homeward.person.Row;
import org.homeward.rules.RuleLoader;
import org.homeward.rules.RuleSet;
import org.homeward.rules.RuleSource;
import org.homeward.screening.BarrierStatus;
import org.homeward.screening.Outcome;
import org.homeward.screening.Verdict;
import org.homeward.sheet.ColumnMap;
import org.homeward.sheet.Columns;
import org.homeward.sheet.SheetFixtures;
import org.homeward.sheet.SheetPersonStream;

/**
 * The batch benchmark's steps, each run in its own JVM by bench/batch.sh:
 *
 * <ul>
 *   <li>{@code generate N FILE [dense|sparse]}: an intake sheet of N people (seeded): dense, the
 *       generated population's full histories; sparse, what a campaign's intake form asks (about 17
 *       columns, most often blank, a date in ten known only to its year); one row in a hundred with
 *       a mistyped date;
 *   <li>{@code raw IN OUT}: reads every row and writes it out again with the same CSV library
 *       (Jackson CSV), parsing nothing: the floor of moving the bytes;
 *   <li>{@code floor IN OUT}: reads every row with the program's own reader (parsing and checking
 *       it) and writes a result row for it, without screening;
 *   <li>{@code screen IN OUT}: the real thing, {@code homeward screen IN -o OUT}, against the whole
 *       bundled rule set.
 * </ul>
 *
 * The last two print their elapsed seconds and the peak heap used.
 */
public final class BatchBench {
  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "generate" ->
          generate(
              Integer.parseInt(args[1]),
              Path.of(args[2]),
              args.length > 3 && args[3].equals("sparse"));
      case "raw" -> report(() -> raw(Path.of(args[1]), Path.of(args[2])));
      case "floor" -> report(() -> floor(Path.of(args[1]), Path.of(args[2])));
      case "screen" -> report(() -> screen(Path.of(args[1]), Path.of(args[2])));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private interface Job {
    long run() throws Exception;
  }

  /**
   * The CPU time of the calling thread while the job ran, in nanoseconds: in {@code screen} the
   * thread that reads the rows and writes the results in order, the one part of a batch that does
   * not run in parallel (set by {@link #screen} around the run itself).
   */
  private static long callingThreadCpu = -1;

  /**
   * The most heap in use at any moment, in bytes: the whole heap's use just before each collection
   * (the moments it peaks), and at the end. Summing each pool's own peak would count a young
   * generation that was full at one moment and an old one that was full at another.
   */
  private static final AtomicLong peakHeap = new AtomicLong();

  private static void watchHeap() {
    Set<String> heap = new HashSet<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heap.add(pool.getName());
      }
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc)
          .addNotificationListener(
              (n, handback) -> {
                if (n.getType()
                    .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                  long used = 0;
                  for (Map.Entry<String, MemoryUsage> pool :
                      GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData())
                          .getGcInfo()
                          .getMemoryUsageBeforeGc()
                          .entrySet()) {
                    // the collector reports every pool, the class metadata's and code's too
                    used += heap.contains(pool.getKey()) ? pool.getValue().getUsed() : 0;
                  }
                  peakHeap.accumulateAndGet(used, Math::max);
                }
              },
              null,
              null);
    }
  }

  private static void report(Job job) throws Exception {
    watchHeap();
    long t0 = System.nanoTime();
    long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    long rows = job.run();
    double secs = (System.nanoTime() - t0) / 1e9;
    long cpu =
        callingThreadCpu >= 0
            ? callingThreadCpu
            : ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
    long peak =
        Math.max(
            peakHeap.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    System.out.printf("%d %.3f %d %.3f%n", rows, secs, peak, cpu / 1e9);
  }

  private static Map<String, Object> person(Random random, int i, boolean sparse) {
    return sparse ? PopulationGenerator.sparse(random, i) : PopulationGenerator.person(random);
  }

  private static void generate(int n, Path file, boolean sparse) throws IOException {
    Random random = new Random(20261128);
    List<Map<String, String>> sample = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      sample.add(SheetFixtures.flatten(person(new Random(i), i, sparse)));
    }
    List<String> header = new ArrayList<>(List.of("id", "name"));
    SheetFixtures.header(sample).stream().filter(h -> !header.contains(h)).forEach(header::add);
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(file), 1 << 16)) {
      SheetFixtures.writeCsv(w, header, List.of());
      List<Map<String, String>> chunk = new ArrayList<>(1000);
      for (int i = 0; i < n; i++) {
        Map<String, String> row = SheetFixtures.flatten(person(random, i, sparse));
        row.put("id", "P" + (100000 + i));
        row.put("name", "Person " + i);
        if (random.nextInt(100) == 0) {
          row.put("birth_date", "13/45/" + (1975 + random.nextInt(25)));
        }
        chunk.add(row);
        if (chunk.size() == 1000) {
          writeRows(w, header, chunk);
        }
      }
      writeRows(w, header, chunk);
    }
  }

  private static void writeRows(Writer w, List<String> header, List<Map<String, String>> rows)
      throws IOException {
    java.io.StringWriter s = new java.io.StringWriter();
    SheetFixtures.writeCsv(s, header, rows);
    String text = s.toString();
    w.write(text, text.indexOf('\n') + 1, text.length() - text.indexOf('\n') - 1);
    rows.clear();
  }

  /** Reads every row and writes it out again with Jackson CSV: nothing parsed, nothing checked. */
  private static long raw(Path in, Path out) throws IOException {
    com.fasterxml.jackson.dataformat.csv.CsvMapper csv =
        new com.fasterxml.jackson.dataformat.csv.CsvMapper();
    csv.enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY);
    long n = 0;
    try (com.fasterxml.jackson.databind.MappingIterator<String[]> rows =
            csv.readerFor(String[].class).readValues(Files.newBufferedReader(in));
        Writer w = Files.newBufferedWriter(out);
        com.fasterxml.jackson.databind.SequenceWriter writer =
            csv.writerFor(String[].class).writeValues(w)) {
      while (rows.hasNext()) {
        writer.write(rows.next());
        n++;
      }
    }
    return n - 1;
  }

  /** Reads and writes every row with the program's own reader and writer, screening nothing. */
  private static long floor(Path in, Path out) throws IOException {
    RuleSet rules = RuleLoader.load(RuleSource.bundled());
    Columns columns = new Columns(rules.facts());
    Table table = new Table(rules);
    Verdict unscreened =
        new Verdict(
            LocalDate.of(2026, 11, 28),
            rules.categories().stream()
                .map(c -> new Verdict.CategoryOutcome(c.id(), Outcome.NEEDS_INFO, false, null))
                .toList(),
            rules.barriers().stream()
                .map(b -> new Verdict.BarrierFlag(b.id(), BarrierStatus.POSSIBLE, null, null))
                .toList(),
            List.of());
    long n = 0;
    try (InputStream bytes = Files.newInputStream(in);
        SheetPersonStream rows =
            SheetPersonStream.csv(
                bytes,
                in.toString(),
                columns,
                ColumnMap.NONE,
                new PersonBuilder(rules.facts()),
                d -> {});
        Writer w = Files.newBufferedWriter(out)) {
      CsvSink sink = new CsvSink(table, w, false);
      while (rows.hasNext()) {
        Row row = rows.next();
        sink.write(new Result(row, row.ok() ? unscreened : null, null));
        n++;
      }
      sink.finish(new Summary(rules));
    }
    return n;
  }

  /** The command line itself. */
  private static long screen(Path in, Path out) throws IOException {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    int code =
        Main.run(
            new String[] {
              "screen", in.toString(), "-o", out.toString(), "--as-of", "2026-11-28", "-q"
            },
            new ByteArrayInputStream(new byte[0]),
            System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of(),
            false,
            LocalDate.of(2026, 11, 28));
    callingThreadCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
    if (code > 1) {
      throw new IllegalStateException("exit " + code + ": " + err.toString(StandardCharsets.UTF_8));
    }
    try (var lines = Files.lines(out)) {
      return lines.count() - 1;
    }
  }
}
