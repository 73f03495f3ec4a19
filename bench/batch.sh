#!/usr/bin/env bash
# The batch figures of issue 16 (bench/README.md, "Batch"): `lede analyze --jsonl` end to end
# (process start, read, analyse, write) with 1 thread and with every core, against wink-nlp on the
# same news in the same run; `lede analyze` of a 4 MB text (time, peak memory, output size).
# Three rounds, taking turns (Lede, wink-nlp, the previous build), each figure the median of three.
#   bench/batch.sh                       # build/lede
#   LEDE_PREV=/path/to/old/lede bench/batch.sh   # also the previous build, for the "before" column
set -euo pipefail
cd "$(dirname "$0")/.."
B=${LEDE_BUILD:-build}
OUT=$PWD/$B/bench
mkdir -p "$OUT"
python3 bench/make_corpus.py "$OUT" >/dev/null
test -f "$B/CMakeCache.txt" || cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$B" --target lede -j2 >/dev/null
if [ ! -d bench/node_modules/wink-nlp ]; then (cd bench && npm install --no-audit --no-fund --silent); fi
LEDE=$PWD/$B/lede
PREV=${LEDE_PREV:-}
JOBS=$(nproc)

# News as JSON lines: the 10 MB corpus cut into articles of about 4 KB (whole paragraphs), and
# the first 4 MB of it as one text.
python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
paras = open(f"{out}/corpus-10mb.txt", encoding="utf-8").read().split("\n")
with open(f"{out}/news-10mb.jsonl", "w", encoding="utf-8") as f:
    cur, size, n = [], 0, 0
    for p in paras:
        cur.append(p); size += len(p.encode())
        if size >= 4000:
            n += 1; f.write(json.dumps({"id": n, "text": "\n".join(cur)}, ensure_ascii=False) + "\n"); cur, size = [], 0
    if cur:
        f.write(json.dumps({"id": n + 1, "text": "\n".join(cur)}, ensure_ascii=False) + "\n")
text = open(f"{out}/corpus-10mb.txt", "rb").read()[:4_000_000]
open(f"{out}/news-4mb.txt", "wb").write(text[: len(text.decode("utf-8", "ignore").encode())])
PY
TEXT_BYTES=$(stat -c %s "$OUT/corpus-10mb.txt")

secs() { /usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -1; }
jsonl() { secs "$1" analyze --jsonl --jobs "$2" < "$OUT/news-10mb.jsonl"; }
median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
mbps() { python3 -c "print(round($TEXT_BYTES / 1e6 / $1, 1))"; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
j1=(); jn=(); wk=(); p1=(); pn=(); ft=(); fm=()
for r in 1 2 3; do
  j1+=("$(jsonl "$LEDE" 1)")
  jn+=("$(jsonl "$LEDE" "$JOBS")")
  wk+=("$(node bench/wink.mjs "$OUT/corpus-5mb.txt" | python3 -c 'import json,sys; print(json.load(sys.stdin)["mb_per_s"])')")
  if [ -n "$PREV" ]; then
    if "$PREV" help | grep -q -- --jobs; then pn+=("$(jsonl "$PREV" "$JOBS")"); p1+=("$(jsonl "$PREV" 1)");
    else p1+=("$(secs "$PREV" analyze --jsonl < "$OUT/news-10mb.jsonl")"); fi
  fi
  read -r t m < <(/usr/bin/time -f "%e %M" "$LEDE" analyze "$OUT/news-4mb.txt" 2>&1 >"$OUT/news-4mb.lede.json" | tail -1)
  ft+=("$t"); fm+=("$m")
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
W=$(median "${wk[@]}")
S1=$(mbps "$(median "${j1[@]}")")
SN=$(mbps "$(median "${jn[@]}")")
echo "wink-nlp (readDoc + entities, 5 MB, in-process, best of 3 passes): median $W MB/s  [${wk[*]}]"
echo "lede analyze --jsonl --jobs 1 (10 MB of text, whole process): median $S1 MB/s = $(python3 -c "print(round($S1/$W,1))")x wink-nlp  [s: ${j1[*]}]"
echo "lede analyze --jsonl --jobs $JOBS: median $SN MB/s = $(python3 -c "print(round($SN/$W,1))")x wink-nlp  [s: ${jn[*]}]"
if [ -n "$PREV" ]; then
  P1=$(mbps "$(median "${p1[@]}")")
  echo "previous build, --jsonl (1 thread): median $P1 MB/s = $(python3 -c "print(round($P1/$W,1))")x wink-nlp  [s: ${p1[*]}]"
  if [ ${#pn[@]} -gt 0 ]; then echo "previous build, --jobs $JOBS: median $(mbps "$(median "${pn[@]}")") MB/s"; fi
fi
echo "lede analyze news-4mb.txt ($(stat -c %s "$OUT/news-4mb.txt") bytes): median $(median "${ft[@]}") s, peak $(( $(median "${fm[@]}") / 1024 )) MB, writes $(stat -c %s "$OUT/news-4mb.lede.json") bytes  [s: ${ft[*]}; KB: ${fm[*]}]"
