/**
 * Batch screening: the ordered, parallel pipeline from a stream of input rows to one output row
 * each, the spreadsheet and JSON sinks the rows go to, and the run's summary.
 */
package org.homeward.batch;
