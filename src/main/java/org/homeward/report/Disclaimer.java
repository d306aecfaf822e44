package org.homeward.report;

/** The one-line disclaimer every report carries. */
public final class Disclaimer {
  public static final String TEXT = Words.english().ui("disclaimer");

  private Disclaimer() {}
}
