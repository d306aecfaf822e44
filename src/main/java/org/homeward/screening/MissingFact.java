package org.homeward.screening;

import org.homeward.rules.Missing;

/** A fact that would settle an open result, with the question that asks for it. */
public record MissingFact(Missing.Kind kind, String path, String at, String question) {}
