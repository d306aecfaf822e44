/**
 * Rule files and the condition language: YAML condition trees compiled against the fact catalogue
 * and evaluated in three-valued (Kleene) logic over partial dates and missing facts.
 */
package org.homeward.rules;
