package org.homeward.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a report goes: standard output, or a file written to a temporary sibling and renamed into
 * place only when complete, so an interrupted run never leaves a whole-looking half file.
 */
abstract class AtomicOutput implements java.io.Closeable {

  abstract Writer writer();

  /** The output is complete: move it into place. */
  abstract void commit() throws IOException;

  /** The output must not appear. */
  abstract void abandon() throws IOException;

  static AtomicOutput of(PrintWriter out) {
    return new AtomicOutput() {
      @Override
      Writer writer() {
        return out;
      }

      @Override
      void commit() {
        out.flush();
      }

      @Override
      void abandon() {
        out.flush();
      }

      @Override
      public void close() {
        out.flush();
      }
    };
  }

  static AtomicOutput file(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
    BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
    return new AtomicOutput() {
      private boolean done;

      @Override
      Writer writer() {
        return w;
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
        w.close();
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
