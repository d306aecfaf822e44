package org.homeward.report;

/** The one-line disclaimer every report carries. */
public final class Disclaimer {
  public static final String TEXT =
      "Screening aid only, not legal advice: an attorney or accredited representative must confirm every result.";

  private Disclaimer() {}
}
