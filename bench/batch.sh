#!/usr/bin/env bash
# The batch figures of issue 16 (bench/README.md, "Batch"): `lede analyze --jsonl` end to end
# (process start, read, analyse, write) with 1 thread and with every core, against wink-nlp on the
# same news in the same run; `lede analyze` of a 4 MB text (time, peak memory, output size).
# Three rounds taking turns (Lede, wink-nlp, the previous build); in each round every figure is
# the fastest of three processes (wink-nlp: of three passes in one process, bench/wink.mjs), and
# the script prints the median of the three rounds. Wall-clock and CPU (user + system) figures:
# on a loaded machine the CPU ones wait less on the scheduler.
#   bench/batch.sh
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

# News as JSON lines: the 5 MB corpus (the text wink-nlp reads) cut into articles of about 4 KB
# of whole paragraphs; and the first 4 MB of the 10 MB corpus as one text.
python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
paras = open(f"{out}/corpus-5mb.txt", encoding="utf-8").read().split("\n")
with open(f"{out}/news-5mb.jsonl", "w", encoding="utf-8") as f:
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
TEXT_BYTES=$(stat -c %s "$OUT/corpus-5mb.txt")

# "wall cpu" seconds of one process reading IN; the fastest (by each) of three
run1() { local in=$1; shift; /usr/bin/time -f "%e %U %S" "$@" < "$in" 2>&1 >/dev/null | tail -1 | awk '{print $1, $2 + $3}'; }
best3() { { run1 "$@"; run1 "$@"; run1 "$@"; } | sort -g -k1 | awk 'NR==1{w=$1} {if (c=="" || $2<c) c=$2} END{print w, c}'; }
jsonl() { best3 "$OUT/news-5mb.jsonl" "$1" analyze --jsonl --jobs "$2"; }
median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
mbps() { python3 -c "print(round($TEXT_BYTES / 1e6 / $1, 1))"; }
ratio() { python3 -c "print(round($1 / $2, 1))"; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
j1w=(); j1c=(); jnw=(); jnc=(); ww=(); wc=(); p1w=(); p1c=(); pnw=(); pnc=(); ft=(); fm=(); fc=()
for r in 1 2 3; do
  read -r w c < <(jsonl "$LEDE" 1); j1w+=("$(mbps "$w")"); j1c+=("$(mbps "$c")")
  read -r w c < <(jsonl "$LEDE" "$JOBS"); jnw+=("$(mbps "$w")"); jnc+=("$(mbps "$c")")
  read -r w c < <(node bench/wink.mjs "$OUT/corpus-5mb.txt" | python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["mb_per_s"], j["cpu_mb_per_s"])')
  ww+=("$w"); wc+=("$c")
  if [ -n "$PREV" ]; then
    if "$PREV" help | grep -q -- --jobs; then read -r w c < <(jsonl "$PREV" 1);
    else read -r w c < <(best3 "$OUT/news-5mb.jsonl" "$PREV" analyze --jsonl); fi
    p1w+=("$(mbps "$w")"); p1c+=("$(mbps "$c")")
    if "$PREV" help | grep -q -- --jobs; then
      read -r w c < <(jsonl "$PREV" "$JOBS"); pnw+=("$(mbps "$w")"); pnc+=("$(mbps "$c")")
    fi
  fi
  read -r t m u < <(for k in 1 2 3; do /usr/bin/time -f "%e %M %U %S" "$LEDE" analyze "$OUT/news-4mb.txt" 2>&1 >"$OUT/news-4mb.lede.json" | tail -1; done | sort -g | head -1 | awk '{print $1, $2, $3 + $4}')
  ft+=("$t"); fm+=("$m"); fc+=("$u")
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
W=$(median "${ww[@]}"); WC=$(median "${wc[@]}")
S1=$(median "${j1w[@]}"); S1C=$(median "${j1c[@]}"); SN=$(median "${jnw[@]}"); SNC=$(median "${jnc[@]}")
echo "wink-nlp (readDoc + entities, 5 MB, in-process): median $W MB/s wall [${ww[*]}], $WC MB/s CPU [${wc[*]}]"
echo "lede analyze --jsonl --jobs 1 (same 5 MB as JSON lines, whole process): median $S1 MB/s wall [${j1w[*]}] = $(ratio "$S1" "$W")x wink-nlp; $S1C MB/s CPU [${j1c[*]}] = $(ratio "$S1C" "$WC")x"
echo "lede analyze --jsonl --jobs $JOBS: median $SN MB/s wall [${jnw[*]}] = $(ratio "$SN" "$W")x wink-nlp; $SNC MB/s CPU [${jnc[*]}]"
if [ -n "$PREV" ]; then
  P1=$(median "${p1w[@]}"); P1C=$(median "${p1c[@]}")
  echo "previous build, --jsonl (1 thread): median $P1 MB/s wall [${p1w[*]}] = $(ratio "$P1" "$W")x wink-nlp; $P1C MB/s CPU [${p1c[*]}] = $(ratio "$P1C" "$WC")x"
  if [ ${#pnw[@]} -gt 0 ]; then
    PN=$(median "${pnw[@]}"); PNC=$(median "${pnc[@]}")
    echo "previous build, --jsonl --jobs $JOBS: median $PN MB/s wall [${pnw[*]}] = $(ratio "$PN" "$W")x wink-nlp; $PNC MB/s CPU [${pnc[*]}]"
  fi
fi
echo "lede analyze news-4mb.txt ($(stat -c %s "$OUT/news-4mb.txt") bytes): median $(median "${ft[@]}") s wall [${ft[*]}], $(median "${fc[@]}") s CPU [${fc[*]}], peak $(( $(median "${fm[@]}") / 1024 )) MB [KB: ${fm[*]}], writes $(stat -c %s "$OUT/news-4mb.lede.json") bytes"
