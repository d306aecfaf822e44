package org.homeward.batch;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A set of ids, each numbered in the order it was first added, kept compactly enough for a million
 * rows in a few tens of megabytes: the ids' UTF-8 bytes end to end in one array, and an
 * open-addressing table of entry numbers. Not thread-safe while adding; finding is read-only.
 */
final class IdIndex {
  private byte[] bytes = new byte[1 << 14];
  private int used;
  private int[] ends = new int[1024];
  private int[] hashes = new int[1024];
  private int[] table = new int[2048];
  private int size;

  /** How many distinct ids there are. */
  int size() {
    return size;
  }

  /** The number of {@code id}, adding it when it is new. */
  int add(String id) {
    byte[] b = id.getBytes(StandardCharsets.UTF_8);
    int h = hash(id);
    int slot = slot(b, h);
    if (table[slot] != 0) {
      return table[slot] - 1;
    }
    if (size == ends.length) {
      ends = Arrays.copyOf(ends, size + (size >> 1));
      hashes = Arrays.copyOf(hashes, ends.length);
    }
    if (used + b.length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length + (bytes.length >> 1), used + b.length));
    }
    System.arraycopy(b, 0, bytes, used, b.length);
    used += b.length;
    ends[size] = used;
    hashes[size] = h;
    table[slot] = ++size;
    if (size * 2 > table.length) {
      rehash();
    }
    return size - 1;
  }

  /** The number of {@code id}, or -1 when it is not in the set. */
  int find(String id) {
    int slot = slot(id.getBytes(StandardCharsets.UTF_8), hash(id));
    return table[slot] - 1;
  }

  private int slot(byte[] b, int h) {
    int mask = table.length - 1;
    int i = h & mask;
    while (table[i] != 0) {
      int e = table[i] - 1;
      if (hashes[e] == h && same(e, b)) {
        return i;
      }
      i = (i + 1) & mask;
    }
    return i;
  }

  private boolean same(int e, byte[] b) {
    int start = e == 0 ? 0 : ends[e - 1];
    return Arrays.equals(bytes, start, ends[e], b, 0, b.length);
  }

  private void rehash() {
    int[] bigger = new int[table.length * 2];
    int mask = bigger.length - 1;
    for (int e = 0; e < size; e++) {
      int i = hashes[e] & mask;
      while (bigger[i] != 0) {
        i = (i + 1) & mask;
      }
      bigger[i] = e + 1;
    }
    table = bigger;
  }

  private static int hash(String id) {
    int h = id.hashCode() * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
