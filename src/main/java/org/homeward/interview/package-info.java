/**
 * The guided interview: from what is known of a person, the next question whose answer can still
 * change a result, most decisive first; answers checked as a spreadsheet cell is, and the person
 * file kept as JSON that {@code homeward screen} reads unchanged.
 */
package org.homeward.interview;
