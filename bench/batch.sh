#!/usr/bin/env bash
# Batch benchmark, rerunnable by anyone: generates an intake sheet (seeded; 1,000,000 rows by
# default; `dense`: full generated histories, `sparse`: a campaign's ~17-column intake form, mostly
# blank), then, in alternating runs in fresh JVMs capped at -Xmx256m, each with the flags the
# ./homeward launcher gives a batch (read from the launcher itself):
#   raw:    read every row and write it again with the same CSV library (Jackson CSV), parsing nothing;
#   floor:  read every row with the program's reader (parse and check it) and write a result row, screening nothing;
#   screen: `homeward screen sheet.csv -o results.csv` against the whole bundled rule set.
# Reports rows/s for each (median of the runs), screening's time against each floor, the peak heap,
# the result sheet's size against the input's, and the CPU time of the thread that reads and writes
# in order (the serial part of a batch: the ceiling on a machine with any number of cores).
# Usage: bench/batch.sh [rows] [runs] [dense|sparse]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
runs=${2:-3}
profile=${3:-dense}
mvn -q -B -DskipTests package test-compile >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp=target/homeward.jar:target/test-classes
javac -cp "$cp" -d "$work" bench/BatchBench.java
java -cp "$cp:$work" BatchBench generate "$n" "$work/people.csv" "$profile"
echo "input ($profile): $n rows, $(du -h "$work/people.csv" | cut -f1), $(head -1 "$work/people.csv" | tr ',' '\n' | wc -l) columns" >&2
flags=$(sed -n 's/^batch="\(.*\)"$/\1/p' homeward)
[ -n "$flags" ] || { echo "bench/batch.sh: no batch=\"...\" line in ./homeward" >&2; exit 1; }
echo "JVM flags (the launcher's for a batch): $flags -Xmx256m" >&2
python3 - "$runs" "$work" "$cp:$work" "$profile" "$flags" <<'PY'
import os, subprocess, sys, statistics
runs, work, cp, profile, flags = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5].split()
res = {"raw": [], "floor": [], "screen": []}
for _ in range(runs):                      # alternating, so machine noise hits both alike
  for mode in res:
    out = subprocess.run(["java", *flags, "-Xmx256m", "-cp", cp, "BatchBench", mode, work + "/people.csv", work + "/out.csv"],
                         check=True, capture_output=True, text=True).stdout.split()
    res[mode].append((int(out[0]), float(out[1]), int(out[2]), float(out[3])))
    if mode == "screen":
      size_ratio = os.path.getsize(work + "/out.csv") / os.path.getsize(work + "/people.csv")
    print(f"  {mode:6s} {out[0]} rows in {float(out[1]):.1f} s, peak heap {int(out[2]) / 2**20:.0f} MB", file=sys.stderr)
med = {m: statistics.median(r[1] for r in v) for m, v in res.items()}
rows = res["floor"][0][0]
print(f"batch ({profile}), {rows:,} rows, {runs} alternating runs each, {' '.join(flags)} -Xmx256m (median):")
for m in res:
  peak = max(r[2] for r in res[m]) / 2**20
  print(f"  {m:40s} {rows / med[m]:>10,.0f} rows/s  {med[m]:6.1f} s  peak heap {peak:4.0f} MB")
print(f"  screening / raw CSV time ratio:    {med['screen'] / med['raw']:.2f}x")
print(f"  screening / read+check time ratio: {med['screen'] / med['floor']:.2f}x")
print(f"  result sheet / input size:         {size_ratio:.2f}x")
serial = statistics.median(r[3] for r in res["screen"])
print(f"  reading and writing thread (screen): {serial:.1f} s CPU, {serial / rows * 1e6:.1f} us a row: the part that does")
print(f"    not run in parallel, so no number of cores screens faster than {rows / serial:,.0f} rows/s")
PY
