/**
 * Located document trees read from JSON, JSON Lines and YAML, and the diagnostics that point into
 * them.
 */
package org.homeward.document;
