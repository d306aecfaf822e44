#!/usr/bin/env bash
# Mutation fuzzing of every reader (JSON, JSON Lines, CSV, XLSX) through `homeward screen`, in one
# JVM capped at -Xmx256m: N mutated files per reader (2,000 by default), seeded from the samples.
# Prints, per reader, the exit codes seen, internal errors, OutOfMemoryErrors and runs whose result
# rows differ from the rows read; exits 1 if any of those is not zero (failing inputs are kept).
# Usage: bench/fuzz.sh [N] [seed] [json|jsonl|csv|xlsx...]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
shift || true
mvn -q -B -o -DskipTests package test-compile >&2 || mvn -q -B -DskipTests package test-compile >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp=target/homeward.jar:target/test-classes
javac -cp "$cp" -d "$work" bench/Fuzz.java
java -Xmx256m -cp "$cp:$work" Fuzz "$n" "$@"
