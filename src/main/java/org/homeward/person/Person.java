package org.homeward.person;

/**
 * A person's history: the root record, the person's id (from the file, or the record's position
 * when it has none), and where it was read from (file and line or row).
 */
public record Person(String id, String source, Rec facts) {}
