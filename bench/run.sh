#!/usr/bin/env bash
# Benchmarks, rerunnable by anyone:
#  1. evaluator throughput in persons/s on a generated, seeded population (in memory);
#  2. cold start of `homeward screen <sample>` against a `java` hello-world measured in the same run,
#     without and with the class-data-sharing archive the ./homeward launcher keeps.
# Usage: bench/run.sh [persons] [cold-start runs]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50000}
runs=${2:-15}
mvn -q -B -DskipTests package test-compile >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp=target/homeward.jar:target/test-classes
javac -q -cp "$cp" -d "$work" bench/Bench.java bench/Hello.java 2>/dev/null || javac -cp "$cp" -d "$work" bench/Bench.java bench/Hello.java
java -cp "$cp:$work" Bench "$n"

sample=samples/daca-may-fit.json
jsa="$work/homeward.jsa"
java -XX:ArchiveClassesAtExit="$jsa" -Xlog:disable -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar target/homeward.jar screen "$sample" --as-of 2026-11-28 >/dev/null
python3 - "$runs" "$work" "$jsa" "$sample" <<'PY'
import subprocess, sys, time, statistics
runs, work, jsa, sample = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
cmds = {
  "hello world (java -cp)": ["java", "-cp", work, "Hello"],
  "homeward screen (java -jar)": ["java", "-jar", "target/homeward.jar", "screen", sample, "--as-of", "2026-11-28"],
  "homeward screen (launcher flags: CDS, C1, SerialGC)": ["java", "-XX:SharedArchiveFile=" + jsa, "-Xshare:auto",
      "-Xlog:disable", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
      "-jar", "target/homeward.jar", "screen", sample, "--as-of", "2026-11-28"],
}
times = {k: [] for k in cmds}
for _ in range(runs):                      # interleaved, so machine noise hits every command alike
  for k, c in cmds.items():
    t = time.perf_counter()
    subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    times[k].append((time.perf_counter() - t) * 1000)
base = statistics.median(times["hello world (java -cp)"])
print(f"cold start, {runs} interleaved runs each (median ms, min-max):")
for k, v in times.items():
  m = statistics.median(v)
  print(f"  {k:52s} {m:7.0f} ms  [{min(v):.0f}-{max(v):.0f}]  {m / base:4.1f}x hello world")
PY
