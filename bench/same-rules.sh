#!/usr/bin/env bash
# The evaluator of this tree against a baseline revision's evaluator on the SAME rules: the
# baseline's own rule set. bench/compare.sh measures each build with its own rules, so when the
# rules grow (more law encoded) it shows the rules' cost and the engine's together; this separates
# them. The baseline's rule files are brought into today's format without changing a condition
# (Spanish `es:` texts dropped, ids given to review points and next steps) and loaded by this tree's
# engine in a temporary worktree where dates and numbers written into conditions are warnings, not
# errors (the only check the old files cannot pass). Needs python3 with PyYAML.
# Usage: bench/same-rules.sh BASE [persons] [rounds]     e.g. bench/same-rules.sh 745a820 20000 5
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: bench/same-rules.sh BASE [persons] [rounds]}
n=${2:-20000}
rounds=${3:-5}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true;
      git worktree remove --force "$work/this" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/base" "$base"
git worktree add -q --detach "$work/this" HEAD
sed -i 's/static final boolean LITERALS_ARE_ERRORS = true;/static final boolean LITERALS_ARE_ERRORS = false;/' \
  "$work/this/src/main/java/org/homeward/rules/RuleLoader.java"
echo "building $base and this tree..." >&2
(cd "$work/base" && mvn -q -B -DskipTests package test-compile >&2)
(cd "$work/this" && mvn -q -B -DskipTests -Dspotless.check.skip=true package test-compile >&2)
mkdir -p "$work/rules" "$work/cls/base" "$work/cls/this"
git archive "$base" rules | tar -x -C "$work/rules"
python3 - "$work/rules/rules" <<'PY'
import glob, os, sys, yaml
os.chdir(sys.argv[1])
keep_text = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool"}   # dates and on/yes stay as written
class Load(yaml.SafeLoader): pass
class Dump(yaml.SafeDumper): pass
for cls, parent in ((Load, yaml.SafeLoader), (Dump, yaml.SafeDumper)):
    cls.yaml_implicit_resolvers = {k: [r for r in v if r[0] not in keep_text]
                                   for k, v in parent.yaml_implicit_resolvers.items()}
count = [0]
def convert(x, key=None):
    if isinstance(x, dict):
        if "review" in x and "id" not in x:
            count[0] += 1
            x = dict(x, id=f"review-{count[0]}")
        return {k: convert(v, k) for k, v in x.items() if k != "es"}
    if isinstance(x, list):
        out = [convert(v, key) for v in x]
        if key == "next_steps":
            for i, step in enumerate(out):
                if isinstance(step, dict):
                    step.setdefault("id", f"step-{i + 1}")
        return out
    return x
for f in glob.glob("**/*.yaml", recursive=True):
    if not f.endswith("tests.yaml"):
        with open(f) as fh:
            doc = yaml.load(fh, Loader=Load)
        with open(f, "w") as fh:
            yaml.dump(convert(doc), fh, Dumper=Dump, sort_keys=False, allow_unicode=True, width=1000)
PY
sed 's/RuleLoader.load(RuleSource.bundled())/RuleLoader.load(RuleSource.directory(java.nio.file.Path.of(System.getProperty("bench.rules"))))/' \
  bench/Bench.java > "$work/Bench.java"
javac -cp "$work/base/target/homeward.jar:$work/base/target/test-classes" -d "$work/cls/base" bench/Bench.java \
  src/test/java/org/homeward/PopulationGenerator.java
javac -cp "$work/this/target/homeward.jar:$work/this/target/test-classes" -d "$work/cls/this" "$work/Bench.java" \
  src/test/java/org/homeward/PopulationGenerator.java
python3 - "$work" "$n" "$rounds" "$base" <<'PY'
import re, statistics, subprocess, sys
work, n, rounds, base = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
sides = {
    "base": ["java", "-cp", f"{work}/cls/base:{work}/base/target/homeward.jar:{work}/base/target/test-classes",
             "Bench", n, "3"],
    "this": ["java", f"-Dbench.rules={work}/rules/rules", "-cp",
             f"{work}/cls/this:{work}/this/target/homeward.jar:{work}/this/target/test-classes", "Bench", n, "3"],
}
kinds = ("screen", "verdict", "sparse")
rates = {(s, k): [] for s in sides for k in kinds}
for r in range(rounds):
    for side, cmd in (sides.items() if r % 2 == 0 else reversed(list(sides.items()))):
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        for k in kinds:
            rates[(side, k)].append(float(re.search(k + r"\s+median (\d+)", out).group(1)))
print(f"evaluators on the same rules ({base}'s rule set), {n} generated persons, {rounds} alternating rounds:")
for k in kinds:
    b, t = statistics.median(rates[("base", k)]), statistics.median(rates[("this", k)])
    print(f"  {k:8s} engine {base}: {b:9.0f} persons/s   this engine: {t:9.0f} persons/s   ratio {t / b:4.2f}x")
PY
