/**
 * Runs the rule tests written as data beside each rule file ({@code tests.yaml}) and measures
 * criterion coverage.
 */
package org.homeward.ruletest;
