#!/usr/bin/env bash
# Batch benchmark, rerunnable by anyone: generates a realistic intake sheet (seeded; 1,000,000 rows by
# default), then, in alternating runs in fresh JVMs capped at -Xmx256m:
#   floor:  read every row (parse and check it) and write a result row, screening nothing;
#   screen: `homeward screen sheet.csv -o results.csv` against the whole bundled rule set.
# Reports rows/s for each (median of the runs), the ratio of their times, and the peak heap.
# Usage: bench/batch.sh [rows] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
runs=${2:-3}
mvn -q -B -DskipTests package test-compile >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp=target/homeward.jar:target/test-classes
javac -cp "$cp" -d "$work" bench/BatchBench.java
java -cp "$cp:$work" BatchBench generate "$n" "$work/people.csv"
echo "input: $n rows, $(du -h "$work/people.csv" | cut -f1), $(head -1 "$work/people.csv" | tr ',' '\n' | wc -l) columns" >&2
python3 - "$runs" "$work" "$cp:$work" <<'PY'
import subprocess, sys, statistics
runs, work, cp = int(sys.argv[1]), sys.argv[2], sys.argv[3]
res = {"floor": [], "screen": []}
for _ in range(runs):                      # alternating, so machine noise hits both alike
  for mode in res:
    out = subprocess.run(["java", "-Xmx256m", "-cp", cp, "BatchBench", mode, work + "/people.csv", work + "/out.csv"],
                         check=True, capture_output=True, text=True).stdout.split()
    res[mode].append((int(out[0]), float(out[1]), int(out[2])))
    print(f"  {mode:6s} {out[0]} rows in {float(out[1]):.1f} s, peak heap {int(out[2]) / 2**20:.0f} MB", file=sys.stderr)
med = {m: statistics.median(r[1] for r in v) for m, v in res.items()}
rows = res["floor"][0][0]
print(f"batch, {rows:,} rows, {runs} alternating runs each, -Xmx256m (median):")
for m in res:
  peak = max(r[2] for r in res[m]) / 2**20
  print(f"  {m:40s} {rows / med[m]:>10,.0f} rows/s  {med[m]:6.1f} s  peak heap {peak:4.0f} MB")
print(f"  screening / floor time ratio: {med['screen'] / med['floor']:.2f}x (goal: <= 2x)")
PY
