/** The screening engine: evaluates a rule set for a person and decides each category's outcome. */
package org.homeward.screening;
