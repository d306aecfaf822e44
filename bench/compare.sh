#!/usr/bin/env bash
# Evaluator throughput of this tree against a baseline revision, measured in the same run:
# builds BASE (a git revision) in a temporary worktree, then runs bench/Bench.java on each build in
# alternating rounds (fresh JVMs), so machine noise hits both alike, and prints the median
# persons/s of `screen` (the full report), `verdict` (a batch row) and `sparse` (the verdict of
# unknown-heavy people, as a campaign's sheet holds them) for each, and their ratio.
# Usage: bench/compare.sh BASE [persons] [rounds]     e.g. bench/compare.sh 745a820 20000 5
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: bench/compare.sh BASE [persons] [rounds]}
n=${2:-20000}
rounds=${3:-5}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/base" "$base"
echo "building $base and this tree..." >&2
(cd "$work/base" && mvn -q -B -DskipTests package test-compile >&2)
mvn -q -B -DskipTests package test-compile >&2
for side in base this; do
  root=$([ "$side" = base ] && echo "$work/base" || pwd)
  mkdir -p "$work/$side"
  # this tree's generator on both sides, so both screen the same people
  javac -cp "$root/target/homeward.jar:$root/target/test-classes" -d "$work/$side" bench/Bench.java \
    src/test/java/org/homeward/PopulationGenerator.java
done
python3 - "$work" "$(pwd)" "$n" "$rounds" "$base" <<'PY'
import re, statistics, subprocess, sys
work, here, n, rounds, base = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
roots = {"base": work + "/base", "this": here}
kinds = ("screen", "verdict", "sparse")
rates = {(s, k): [] for s in roots for k in kinds}
for r in range(rounds):
    for side, root in (roots.items() if r % 2 == 0 else reversed(list(roots.items()))):
        cp = f"{work}/{side}:{root}/target/homeward.jar:{root}/target/test-classes"
        out = subprocess.run(["java", "-cp", cp, "Bench", n, "3"], cwd=root, capture_output=True, text=True, check=True).stdout
        for kind in kinds:
            rates[(side, kind)].append(float(re.search(kind + r"\s+median (\d+)", out).group(1)))
print(f"evaluator, {n} generated persons, {rounds} alternating rounds (fresh JVMs, median of 3 passes each):")
for kind in kinds:
    b, t = statistics.median(rates[("base", kind)]), statistics.median(rates[("this", kind)])
    print(f"  {kind:8s} base {base}: {b:9.0f} persons/s   this tree: {t:9.0f} persons/s   ratio {t / b:4.2f}x"
          f"   [base {min(rates[('base', kind)]):.0f}-{max(rates[('base', kind)]):.0f}, this {min(rates[('this', kind)]):.0f}-{max(rates[('this', kind)]):.0f}]")
PY
