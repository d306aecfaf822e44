package org.homeward;

/**
 * How many mutated files got how many messages, for the fuzzing runs of {@code bench/}: one mistake
 * should be one message, at the mistake, not one at every place its consequences reach.
 */
public final class Spread {
  /** The lower bound of each bucket: 0, 1, 2, 3-4, 5-10, 11 and more. */
  private static final int[] BUCKETS = {0, 1, 2, 3, 5, 11};

  private final int[] counts = new int[BUCKETS.length];
  private int most;

  /** Counts one file that got {@code messages} messages. */
  public void add(int messages) {
    most = Math.max(most, messages);
    int b = 0;
    while (b + 1 < BUCKETS.length && messages >= BUCKETS[b + 1]) {
      b++;
    }
    counts[b]++;
  }

  /** The buckets and their counts, then the most any file got: {@code 0: 3 1: 80 ... (most: 9)}. */
  @Override
  public String toString() {
    StringBuilder line = new StringBuilder();
    for (int b = 0; b < BUCKETS.length; b++) {
      String label =
          b + 1 == BUCKETS.length
              ? ">=" + BUCKETS[b]
              : BUCKETS[b + 1] - BUCKETS[b] == 1
                  ? Integer.toString(BUCKETS[b])
                  : BUCKETS[b] + "-" + (BUCKETS[b + 1] - 1);
      line.append(b == 0 ? "" : " ").append(label).append(": ").append(counts[b]);
    }
    return line + "  (most: " + most + ")";
  }
}
