package org.homeward.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a report goes: standard output, or a file written to a temporary sibling and renamed into
 * place only when complete, so an interrupted run never leaves a whole-looking half file. Use either
 * the text {@link #writer()} or the byte {@link #stream()}, not both.
 */
abstract class AtomicOutput implements java.io.Closeable {

  abstract Writer writer();

  abstract OutputStream stream();

  /** The output is complete: move it into place. */
  abstract void commit() throws IOException;

  /** The output must not appear. */
  abstract void abandon() throws IOException;

  static AtomicOutput of(PrintWriter out, OutputStream bytes) {
    OutputStream shielded = new FilterOutputStream(bytes) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        bytes.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
    return new AtomicOutput() {
      @Override
      Writer writer() {
        return out;
      }

      @Override
      OutputStream stream() {
        out.flush();
        return shielded;
      }

      @Override
      void commit() throws IOException {
        out.flush();
        shielded.flush();
      }

      @Override
      void abandon() throws IOException {
        commit();
      }

      @Override
      public void close() throws IOException {
        commit();
      }
    };
  }

  static AtomicOutput file(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
    temp.toFile().deleteOnExit();
    OutputStream bytes = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
    Writer w = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), 1 << 16);
    return new AtomicOutput() {
      private boolean done;

      @Override
      Writer writer() {
        return w;
      }

      @Override
      OutputStream stream() {
        return bytes;
      }

      @Override
      void commit() throws IOException {
        w.close();
        try {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
      }

      @Override
      void abandon() throws IOException {
        try {
          w.close();
        } catch (IOException e) {
          // the temporary file is deleted whatever state it is in
        }
        Files.deleteIfExists(temp);
        done = true;
      }

      @Override
      public void close() throws IOException {
        if (!done) {
          abandon();
        }
      }
    };
  }
}
