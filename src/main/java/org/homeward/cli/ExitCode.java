package org.homeward.cli;

/** The exit codes of every command, defined once and listed in {@code --help} and the README. */
public enum ExitCode {
  OK(0, "done"),
  ROW_ERRORS(
      1,
      "done, but some input rows could not be screened (each is reported), or rule tests failed"),
  USAGE(2, "usage error (unknown option, missing argument)"),
  INPUT(3, "input unreadable or invalid (nothing screened)"),
  RULES(4, "rule set invalid"),
  OUTPUT(
      5,
      "output could not be written (no such folder, no permission, disk full); the input was fine"),
  INTERNAL(70, "internal error (a bug: please report it)");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  /** Lines for picocli's exit-code list: {@code "0:done"}. */
  static String[] helpLines() {
    ExitCode[] all = values();
    String[] out = new String[all.length];
    for (int i = 0; i < all.length; i++) {
      out[i] = all[i].code + ":" + all[i].meaning;
    }
    return out;
  }
}
