package org.homeward.rules;

/** A legal source a rule cites: id, title, and where known a URL and date. */
public record Citation(String id, String title, String url, String date) {}
