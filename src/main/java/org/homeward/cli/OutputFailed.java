package org.homeward.cli;

import java.io.IOException;

/**
 * Writing the output failed (a full disk, a folder removed, permission taken away): not the input's
 * fault.
 */
final class OutputFailed extends IOException {
  private static final long serialVersionUID = 1L;

  OutputFailed(String message, IOException cause) {
    super(message, cause);
  }
}
