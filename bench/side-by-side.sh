#!/usr/bin/env bash
# The builds against Hugo, interleaved: ROUNDS rounds of each command in turn, so that the
# shared disk's slow spells fall on all of them alike. Prints the median wall time, CPU time
# and peak memory of each.
#
#   bench/side-by-side.sh [ROUNDS]    # default 7; run bench/run.sh 10000 first (the corpus
#                                     # and Hugo's copy of it are in $BENCH_DIR); with
#                                     # PAGEFIND=path/to/pagefind_extended, Hugo + Pagefind too
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-7}
CLERK=$PWD/target/release/clerk
WORK=${BENCH_DIR:-/tmp/clerk-bench}
CORPUS=$(ls -d "$WORK"/corpus-* | head -1)
TODAY=2026-11-26
# Pagefind's own binary (the extended one, which segments Chinese as clerk's index does), for
# Hugo + Pagefind: `npm i pagefind` puts it in node_modules/@pagefind/linux-x64/bin/.
PAGEFIND=${PAGEFIND:-$(command -v pagefind_extended || true)}
(cd "$CORPUS" && git checkout -q HEAD -- .)
# A draft (no approval goes stale) to edit before each warm build.
D=$(cd "$CORPUS" && grep -l '^status: draft' documents/*.md | sed -n 5p)
"$CLERK" build "$CORPUS" -o "$WORK/site-confidential" --audience confidential --today $TODAY >/dev/null
timed() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "$label %e %U %S %M" "$@" 2>&1 >/dev/null | tail -1
}
for i in $(seq "$ROUNDS"); do
  CLERK_NO_CACHE=1 timed "clerk-build-confidential-cold" "$CLERK" build "$CORPUS" -o "$WORK/site-confidential" --audience confidential --today $TODAY
  (cd "$WORK/hugo" && timed "hugo" hugo --quiet)
  if [ -n "$PAGEFIND" ]; then
    (cd "$WORK/hugo" && rm -rf public/pagefind && timed "hugo+pagefind" sh -c "hugo --quiet && \"\$1\" --site public --force-language zh --quiet" _ "$PAGEFIND")
  fi
  printf '\nx %s\n' "$i" >> "$CORPUS/$D"
  timed "clerk-build-confidential-one-edit" "$CLERK" build "$CORPUS" -o "$WORK/site-confidential" --audience confidential --today $TODAY
  CLERK_NO_CACHE=1 timed "clerk-build-public-cold" "$CLERK" build "$CORPUS" -o "$WORK/site-public" --audience public --today $TODAY
  CLERK_NO_CACHE=1 timed "clerk-build-confidential-no-search" "$CLERK" build "$CORPUS" -o "$WORK/site-nosearch" --audience confidential --no-search --today $TODAY
  CLERK_NO_CACHE=1 timed "clerk-build-confidential-cold-no-pdf" "$CLERK" build "$CORPUS" -o "$WORK/site-nopdf" --audience confidential --no-pdf --today $TODAY
done > "$WORK/side-by-side.txt"
(cd "$CORPUS" && git checkout -q HEAD -- .)
python3 - "$WORK/side-by-side.txt" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    label, *values = line.split()
    runs[label].append([float(v) for v in values])
hugo = statistics.median(r[0] for r in runs["hugo"])
print("| what | wall (median) | min–max | user CPU | system CPU | peak memory | Hugo's time ÷ this |")
print("|---|---|---|---|---|---|---|")
for label, rows in runs.items():
    wall, user, system, rss = (list(c) for c in zip(*rows))
    print(f"| {label} | {statistics.median(wall):.2f} s | {min(wall):.2f}–{max(wall):.2f} s "
          f"| {statistics.median(user):.2f} s | {statistics.median(system):.2f} s "
          f"| {statistics.median(rss) / 1024:.0f} MiB | {hugo / statistics.median(wall):.2f} |")
PY
