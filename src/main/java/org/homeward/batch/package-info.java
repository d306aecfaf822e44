/**
 * Batch screening: the formats and the readers and sinks they call for, the ordered, parallel
 * pipeline from a stream of input rows to one output row each, the result sheets, the call list
 * (whom to call first), the comparison with earlier results ({@code --compare}) and the run's
 * summary.
 */
package org.homeward.batch;
