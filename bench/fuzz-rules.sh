#!/usr/bin/env bash
# Mutation fuzzing of a rule set, the other input Homeward reads (`--rules DIR`): N mutated rule
# files through `homeward rules check` and N mutated tests.yaml files through `homeward rules test`
# (200 each by default), in one JVM, on a copy of rules/. A mutation gives one to three lines another
# value (a map, a list, a number, null, a word), another key of the rule language, or deletes or
# doubles them. Prints the exit codes seen, the internal errors and how many errors each mutated rule
# file got (one mistake should be one message); exits 1 if there is any internal error (failing
# files are kept). Every build runs a small version of this (RuleFilesFuzzTest).
# Usage: bench/fuzz-rules.sh [N] [seed] [check|test...]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
shift || true
mvn -q -B -o -DskipTests package test-compile >&2 || mvn -q -B -DskipTests package test-compile >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp=target/homeward.jar:target/test-classes
javac -cp "$cp" -d "$work" bench/RuleFuzz.java
java -Xmx512m -cp "$cp:$work" RuleFuzz "$n" "$@"
