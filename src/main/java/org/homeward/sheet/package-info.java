/**
 * Spreadsheets as person files: the column model derived from the fact catalogue (shared by the
 * reader, the template and its data dictionary), cell conversion, CSV and XLSX row sources and
 * header mapping.
 */
package org.homeward.sheet;
