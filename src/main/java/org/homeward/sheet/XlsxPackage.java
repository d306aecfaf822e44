package org.homeward.sheet;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * The parts (zip entries) of an .xlsx workbook, found through the zip's central directory: from a
 * file, read in place, or from standard input, held in memory (never written to disk, as it holds
 * personal data). Each part is opened through an {@link XmlGuard}.
 */
final class XlsxPackage implements Closeable {
  /** Most bytes of a workbook read from standard input, held in memory. */
  static final int MAX_IN_MEMORY = 64 * 1024 * 1024;

  private final ZipFile zip;

  private XlsxPackage(ZipFile zip) {
    this.zip = zip;
  }

  static XlsxPackage of(File file) throws IOException {
    return new XlsxPackage(ZipFile.builder().setFile(file).get());
  }

  /**
   * A workbook from a stream (standard input), held in memory; refused past {@link #MAX_IN_MEMORY}.
   */
  static XlsxPackage of(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_IN_MEMORY + 1);
    if (bytes.length > MAX_IN_MEMORY) {
      throw new XmlGuard.TooLarge(
          "more than "
              + MAX_IN_MEMORY / (1024 * 1024)
              + " MB on standard input; "
              + "give the workbook's file name instead",
          false);
    }
    return new XlsxPackage(
        ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get());
  }

  /** A part, guarded, or null when the workbook has none of that name. */
  XmlGuard open(String name, long maxTotal) throws IOException {
    ZipArchiveEntry e = zip.getEntry(name);
    if (e == null || e.isDirectory()) {
      return null;
    }
    if (e.getSize() > maxTotal) {
      throw new XmlGuard.TooLarge("a part larger than " + maxTotal / (1024 * 1024) + " MB", false);
    }
    InputStream in = zip.getInputStream(e);
    if (in == null) {
      throw new IOException("a part compressed in a way zip readers do not know");
    }
    return new XmlGuard(in, maxTotal);
  }

  /** The part's uncompressed size as the zip declares it, or -1. */
  long size(String name) {
    ZipArchiveEntry e = zip.getEntry(name);
    return e == null ? -1 : e.getSize();
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
