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
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Where a report goes: standard output, or a file written to a temporary sibling and renamed into
 * place only when complete, so an interrupted run never leaves a whole-looking half file. Use
 * either the text {@link #writer()} or the byte {@link #stream()}, not both.
 */
abstract class AtomicOutput implements java.io.Closeable, org.homeward.batch.Sinks.Target {

  @Override
  public abstract Writer writer();

  @Override
  public abstract OutputStream stream();

  /** The output is complete: move it into place. */
  abstract void commit() throws IOException;

  /** The output must not appear. */
  abstract void abandon() throws IOException;

  static AtomicOutput of(PrintWriter out, OutputStream bytes) {
    OutputStream shielded =
        new FilterOutputStream(bytes) {
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
      public Writer writer() {
        return out;
      }

      @Override
      public OutputStream stream() {
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

  /**
   * Checks, before anything is read or asked, that {@code target} can be written: refuses (a usage
   * error, exit 2) a directory, a device or FIFO, a symbolic link (the file would land elsewhere
   * than named), any of the {@code inputs} (it would be overwritten before it is read), and a
   * folder that does not exist or cannot be written in, each with a plain message.
   */
  static void check(Path target, String command, List<Path> inputs) {
    Path dir = target.toAbsolutePath().getParent();
    String name = target.toString();
    if (Files.isSymbolicLink(target)) {
      throw Args.usage(
          command,
          "-o "
              + name
              + " is a symbolic link; name the file itself, so that what is written "
              + "is where you said");
    }
    if (Files.isDirectory(target)) {
      throw Args.usage(command, "-o " + name + " is a folder; name a file in it");
    }
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      throw Args.usage(
          command,
          "-o "
              + name
              + " is not a regular file (a device or a pipe); name a file, or leave -o "
              + "out to write to standard output");
    }
    for (Path in : inputs) {
      try {
        if (Files.exists(target) && Files.isSameFile(target, in)) {
          throw Args.usage(
              command,
              "-o "
                  + name
                  + " is the input file "
                  + in
                  + "; writing the results there would "
                  + "destroy it, so name another file");
        }
      } catch (IOException e) {
        // an input that cannot be compared is reported when it is read
      }
    }
    if (dir == null || !Files.isDirectory(dir)) {
      throw Args.usage(command, "cannot write " + name + ": the folder " + dir + " does not exist");
    }
    if (!Files.isWritable(dir)) {
      throw Args.usage(
          command, "cannot write " + name + ": no permission to write in the folder " + dir);
    }
  }

  /**
   * A file written whole to a temporary sibling {@code .NAME.PID-N.part} (readable by its owner
   * only: it holds personal data) and renamed into place on {@link #commit()}. Temporary files that
   * a killed run left beside the same target are deleted first: those of a process no longer
   * running, and those in the older form without a process id not touched for a minute.
   */
  static AtomicOutput file(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    removeStale(dir, target.getFileName().toString());
    Path temp;
    try {
      String prefix = "." + target.getFileName() + "." + ProcessHandle.current().pid() + "-";
      temp = Files.createTempFile(dir, prefix, ".part", ownerOnly(dir));
    } catch (IOException e) {
      throw new OutputFailed("cannot write " + target + ": " + why(e, dir), e);
    }
    temp.toFile().deleteOnExit();
    OutputStream bytes =
        new BufferedOutputStream(failing(Files.newOutputStream(temp), target), 1 << 16);
    Writer w = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), 1 << 16);
    return new AtomicOutput() {
      private boolean done;

      @Override
      public Writer writer() {
        return w;
      }

      @Override
      public OutputStream stream() {
        return bytes;
      }

      @Override
      void commit() throws IOException {
        w.close();
        try {
          try {
            Files.move(
                temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
          }
        } catch (IOException e) {
          throw new OutputFailed("cannot write " + target + ": " + why(e, dir), e);
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

  private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly(Path dir) {
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new java.nio.file.attribute.FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
      };
    }
    return new java.nio.file.attribute.FileAttribute<?>[0];
  }

  /** Deletes the temporary files of earlier runs that were killed before they could. */
  static void removeStale(Path dir, String name) {
    String prefix = "." + name + ".";
    try (DirectoryStream<Path> parts =
        Files.newDirectoryStream(
            dir,
            p -> {
              String f = p.getFileName().toString();
              return f.startsWith(prefix) && f.endsWith(".part");
            })) {
      for (Path part : parts) {
        String middle = part.getFileName().toString();
        middle = middle.substring(prefix.length(), middle.length() - ".part".length());
        int dash = middle.indexOf('-');
        Long pid = null;
        try {
          pid = dash > 0 ? Long.valueOf(middle.substring(0, dash)) : null;
        } catch (NumberFormatException e) {
          // the older form, without a process id
        }
        boolean stale =
            pid != null
                ? ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)
                : Files.getLastModifiedTime(part).toMillis() < System.currentTimeMillis() - 60_000;
        if (stale && Files.isRegularFile(part, LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(part);
        }
      }
    } catch (IOException e) {
      // a leftover that cannot be removed does not stop this run
    }
  }

  private static OutputStream failing(OutputStream out, Path target) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        try {
          out.write(b, off, len);
        } catch (IOException e) {
          throw new OutputFailed(
              "cannot write " + target + ": " + why(e, target.toAbsolutePath().getParent()), e);
        }
      }

      @Override
      public void flush() throws IOException {
        try {
          out.flush();
        } catch (IOException e) {
          throw new OutputFailed(
              "cannot write " + target + ": " + why(e, target.toAbsolutePath().getParent()), e);
        }
      }
    };
  }

  /** Why writing failed, in plain words, never a temporary file's name. */
  static String why(IOException e, Path dir) {
    if (e instanceof NoSuchFileException) {
      return "the folder " + dir + " does not exist (any more)";
    }
    if (e instanceof AccessDeniedException) {
      return "no permission to write in the folder " + dir;
    }
    String m = e.getMessage() == null ? "" : e.getMessage();
    if (m.contains("No space left")) {
      return "the disk is full";
    }
    return "the system refused it (" + e.getClass().getSimpleName() + ")";
  }
}
