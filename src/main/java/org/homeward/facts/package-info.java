/**
 * The fact catalogue: every fact a person file may hold, defined once in {@code rules/facts.yaml},
 * from which the reader's validation, the JSON Schema and the rule checker are derived.
 */
package org.homeward.facts;
