#!/usr/bin/env bash
# Two clerk binaries on the same corpus, interleaved: ROUNDS rounds in which each command runs
# once with each binary in turn, so the shared disk's slow spells fall on both alike. Each
# binary works on its own copy of the corpus (its caches in .git/clerk are its own). Prints the
# median wall time and peak memory of each command for each binary.
#
#   bench/against.sh OLD_CLERK NEW_CLERK [ROUNDS]   # default 7; run bench/run.sh 10000 first
#                                                   # (the corpus is in $BENCH_DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=$(realpath "$1")
NEW=$(realpath "$2")
ROUNDS=${3:-7}
WORK=${BENCH_DIR:-/tmp/clerk-bench}
CORPUS=$(ls -d "$WORK"/corpus-* | head -1)
TODAY=2026-11-26
for side in old new; do
  rm -rf "$WORK/against-$side"
  cp -a "$CORPUS" "$WORK/against-$side"
  rm -rf "$WORK/against-$side/.git/clerk"
done
F=$(cd "$CORPUS" && ls documents/*.md | sed -n 50p)

timed() { # label, command... (its findings may fail it: only the time is wanted)
  local label=$1; shift
  /usr/bin/time -f "$label %e %M" "$@" 2>&1 >/dev/null | tail -1 || true
}
one_round() { # side, binary, round
  local side=$1 clerk=$2 dir="$WORK/against-$1" round=$3
  CLERK_NO_CACHE=1 timed "$side check-cold" "$clerk" check "$dir" --today $TODAY
  "$clerk" check "$dir" --today $TODAY >/dev/null || true
  timed "$side check-nothing-changed" "$clerk" check "$dir" --today $TODAY
  # The hook after an earlier commit: one record edited and staged, caches warm.
  (cd "$dir" && git reset -q && git checkout -q HEAD -- . && "$clerk" check --staged . --today $TODAY >/dev/null || true)
  # A change never staged before (its own text each round): the hook's first look at it.
  printf '\n修訂 %s。\n' "$round" >> "$dir/$F"
  (cd "$dir" && git add "$F" && timed "$side staged-one-change" "$clerk" check --staged . --today $TODAY)
  (cd "$dir" && git reset -q && git checkout -q HEAD -- .)
  # A change to a person's roles: judged by the rules in force before it, and every record's
  # own checks run again (they read the people).
  if [ -f "$dir/people/wang-fang.md" ]; then
    sed -i "s/    scope: \[general\]/    scope: [general, membership-$round]/" "$dir/people/wang-fang.md"
    (cd "$dir" && git add people/wang-fang.md && timed "$side staged-role-change" "$clerk" check --staged . --today $TODAY)
    (cd "$dir" && git reset -q && git checkout -q HEAD -- .)
  fi
  CLERK_NO_CACHE=1 timed "$side build-public-cold" "$clerk" build "$dir" -o "$WORK/against-site-$side-public" --audience public --today $TODAY
  CLERK_NO_CACHE=1 timed "$side build-confidential-no-search-cold" "$clerk" build "$dir" -o "$WORK/against-site-$side-nosearch" --audience confidential --no-search --today $TODAY
}
for i in $(seq "$ROUNDS"); do
  # Alternate which binary goes first, so neither always runs on a warmer disk cache.
  if (( i % 2 )); then one_round old "$OLD" "$i"; one_round new "$NEW" "$i"; else one_round new "$NEW" "$i"; one_round old "$OLD" "$i"; fi
done > "$WORK/against.txt"
python3 - "$WORK/against.txt" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    side, label, wall, rss = line.split()
    runs[(label, side)].append((float(wall), int(rss)))
labels = list(dict.fromkeys(label for label, _ in runs))
print("| what | before: wall (median, min–max) | after: wall (median, min–max) | after ÷ before | peak memory before → after |")
print("|---|---|---|---|---|")
for label in labels:
    cells = []
    for side in ("old", "new"):
        wall = [w for w, _ in runs[(label, side)]]
        rss = statistics.median(r for _, r in runs[(label, side)]) / 1024
        cells.append((statistics.median(wall), min(wall), max(wall), rss))
    (ow, omin, omax, orss), (nw, nmin, nmax, nrss) = cells
    print(f"| {label} | {ow:.3f} s ({omin:.3f}–{omax:.3f}) | {nw:.3f} s ({nmin:.3f}–{nmax:.3f}) "
          f"| {nw / ow:.2f} | {orss:.0f} → {nrss:.0f} MiB |")
PY
