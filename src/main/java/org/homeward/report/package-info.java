/** Renders screening results for people (text) and for programs (JSON, JSON Lines). */
package org.homeward.report;
