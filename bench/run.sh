#!/usr/bin/env bash
# Benchmarks for the targets in BENCHMARKS.md on this machine: check, staged check, build, serve rebuild, memory,
# against Hugo on the same Markdown files, and the floor (read + parse the Markdown).
#
#   bench/run.sh [RECORDS]        # default 10000; results go to stdout as Markdown rows
#
# Needs: a release build (cargo build --release), Debian's `hugo` (apt install hugo) for the
# side-by-side, GNU time (/usr/bin/time), curl. Each figure is the median of 3 runs.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
CLERK=$PWD/target/release/clerk
FLOOR=$PWD/target/release/examples/floor
WORK=${BENCH_DIR:-/tmp/clerk-bench}
TODAY=2026-11-26
cargo build --release --quiet
cargo build --release --quiet --example floor
rm -rf "$WORK" && mkdir -p "$WORK"
CORPUS=$WORK/corpus-$N
"$CLERK" corpus --records "$N" --seed 1 -o "$CORPUS" >/dev/null
RECORDS=$(find "$CORPUS" -name '*.md' ! -name README.md | wc -l)
BYTES=$(find "$CORPUS" -name '*.md' ! -name README.md -print0 | xargs -0 cat | wc -c)
(cd "$CORPUS" && git init -q && git add -A && git -c user.name=bench -c user.email=bench@example.org commit -qm corpus)

# median of three: prints "seconds maxrss_kb"
measure() {
  local out
  out=$(for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1
  done | sort -n | sed -n 2p)
  echo "$out"
}
row() { # name, "seconds kb"
  set -- "$1" $2
  printf '| %s | %s s | %d MiB |\n' "$1" "$2" $(( $3 / 1024 ))
}

echo "corpus: $RECORDS records, $BYTES bytes of Markdown ($(nproc) cores)"
echo
echo "| what | time | peak memory |"
echo "|---|---|---|"
row "floor: read + split + parse YAML + render Markdown" "$(measure "$FLOOR" "$CORPUS")"
row "clerk check (cold: no cache of verified signatures)" "$(CLERK_NO_CACHE=1 measure "$CLERK" check "$CORPUS" --today $TODAY)"
"$CLERK" check "$CORPUS" --today $TODAY >/dev/null
row "clerk check (nothing changed since the last run)" "$(measure "$CLERK" check "$CORPUS" --today $TODAY)"
# The hook has run before (the previous commit): then one record is edited and staged.
(cd "$CORPUS" && "$CLERK" check --staged . --today $TODAY >/dev/null)
F=$(cd "$CORPUS" && ls documents/*.md | sed -n 50p)
printf '\n修訂。\n' >> "$CORPUS/$F"
(cd "$CORPUS" && git add "$F")
row "clerk check --staged (one staged change, its first check)" "$(cd "$CORPUS" && /usr/bin/time -f "%e %M" "$CLERK" check --staged . --today $TODAY 2>&1 >/dev/null | tail -1)"
row "clerk check --staged (one staged change, checked again)" "$(cd "$CORPUS" && measure "$CLERK" check --staged . --today $TODAY)"
row "clerk check --staged (one staged change, no caches)" "$(cd "$CORPUS" && CLERK_NO_CACHE=1 measure "$CLERK" check --staged . --today $TODAY)"
(cd "$CORPUS" && git reset -q && git checkout -q HEAD -- "$F")
for audience in public confidential; do
  row "clerk build --audience $audience (cold: no caches)" "$(CLERK_NO_CACHE=1 measure "$CLERK" build "$CORPUS" -o "$WORK/site-$audience" --audience $audience --today $TODAY)"
done
# Warm: the previous build's search parts are cached, and one record (a draft, so no approval
# goes stale) was edited since.
D=$(cd "$CORPUS" && grep -l '^status: draft' documents/*.md | sed -n 5p)
"$CLERK" build "$CORPUS" -o "$WORK/site-confidential" --audience confidential --today $TODAY >/dev/null
edited=$(for i in 1 2 3; do
  printf '\n再修訂 %s。\n' "$i" >> "$CORPUS/$D"
  /usr/bin/time -f "%e %M" "$CLERK" build "$CORPUS" -o "$WORK/site-confidential" --audience confidential --today $TODAY 2>&1 >/dev/null | tail -1
done | sort -n | sed -n 2p)
row "clerk build --audience confidential (one record edited since the last build)" "$edited"
(cd "$CORPUS" && git checkout -q HEAD -- "$D")
row "clerk build --audience confidential --no-search" "$(measure "$CLERK" build "$CORPUS" -o "$WORK/site-nosearch" --audience confidential --no-search --today $TODAY)"
if command -v hugo >/dev/null; then
  H=$WORK/hugo && mkdir -p "$H/layouts/_default" "$H/content"
  printf 'baseURL = "http://example.org/"\ntitle = "corpus"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n' > "$H/hugo.toml"
  echo '<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>' > "$H/layouts/_default/single.html"
  echo '<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>' > "$H/layouts/_default/list.html"
  (cd "$CORPUS" && find . -name '*.md' ! -path './.git/*' ! -name README.md -print0 | while IFS= read -r -d '' f; do mkdir -p "$H/content/$(dirname "$f")"; cp "$f" "$H/content/$f"; done)
  row "hugo $(hugo version | cut -d' ' -f2) (minimal layout, same files)" "$(cd "$H" && measure hugo --quiet)"
fi

# serve: the time from saving a record to the page showing it.
PORT=$((20000 + RANDOM % 20000))
"$CLERK" serve "$CORPUS" --port $PORT --today $TODAY >"$WORK/serve.log" 2>&1 &
SERVE=$!
trap 'kill $SERVE 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/" >/dev/null; do sleep 0.2; done
ID=$(basename "$F" .md)
for i in 1 2 3 4 5; do
  sleep 5
  MARK="bench-edit-$i-$RANDOM"
  start=$(date +%s%N)
  printf '\n%s\n' "$MARK" >> "$CORPUS/$F"
  until curl -sf "http://127.0.0.1:$PORT/document/$ID.html" | grep -q "$MARK"; do :; done
  end=$(date +%s%N)
  echo "| clerk serve: edit visible (run $i) | $(( (end - start) / 1000000 )) ms | |"
done
kill $SERVE
(cd "$CORPUS" && git checkout -q HEAD -- "$F")
echo
grep -E "built in|page updated in|rebuilt in" "$WORK/serve.log" | tail -11 | sed 's/^/    serve log: /'
