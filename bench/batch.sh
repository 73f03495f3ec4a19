#!/usr/bin/env bash
# The batch figures of issue 16 (bench/README.md, "Batch"): `lede analyze --jsonl` end to end
# (process start, read, analyse, write) with 1 thread and with every core, against wink-nlp on the
# same news in the same run; `lede analyze` of a 4 MB text (time, peak memory, output size).
# ROUNDS rounds (5) taking turns (Lede, wink-nlp, the previous build); in each round PROCS (5)
# processes of each figure (wink-nlp: PROCS passes in one process after a warm-up, bench/wink.mjs),
# each timed with a high-resolution clock (bench/proc_time.py). It prints the median and the fastest
# of all of them, and each as a ratio to wink-nlp's median and fastest in the same run. Wall-clock
# and CPU (user + system) figures: on a loaded machine the CPU ones wait less on the scheduler.
#   bench/batch.sh
#   ROUNDS=3 PROCS=3 bench/batch.sh                # quicker
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
ROUNDS=${ROUNDS:-5}
PROCS=${PROCS:-5}

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

# Every process timed by bench/proc_time.py (perf_counter for the wall clock, wait4 for CPU time and
# peak memory): one "wall cpu rss" line per process, appended to a file per figure.
S=$OUT/batch-samples
rm -rf "$S"; mkdir -p "$S"
procs() { local file=$1 in=$2; shift 2; python3 bench/proc_time.py "$PROCS" "$in" /dev/null -- "$@" >>"$S/$file"; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$ROUNDS"); do
  procs lede1 "$OUT/news-5mb.jsonl" "$LEDE" analyze --jsonl --jobs 1
  procs leden "$OUT/news-5mb.jsonl" "$LEDE" analyze --jsonl --jobs "$JOBS"
  node bench/wink.mjs "$OUT/corpus-5mb.txt" "$PROCS" | python3 -c 'import json,sys; j=json.load(sys.stdin); [print(w, c) for w, c in zip(j["pass_seconds"], j["pass_cpu_seconds"])]' >>"$S/wink"
  if [ -n "$PREV" ]; then
    if "$PREV" help | grep -q -- --jobs; then
      procs prev1 "$OUT/news-5mb.jsonl" "$PREV" analyze --jsonl --jobs 1
      procs prevn "$OUT/news-5mb.jsonl" "$PREV" analyze --jsonl --jobs "$JOBS"
    else
      procs prev1 "$OUT/news-5mb.jsonl" "$PREV" analyze --jsonl
    fi
  fi
  python3 bench/proc_time.py 1 /dev/null "$OUT/news-4mb.lede.json" -- "$LEDE" analyze "$OUT/news-4mb.txt" >>"$S/file4mb"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$S" "$TEXT_BYTES" "$JOBS" "$(stat -c %s "$OUT/news-4mb.txt")" "$(stat -c %s "$OUT/news-4mb.lede.json")" <<'PY'
import os, statistics, sys
S, text_bytes, jobs, in4, out4 = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
def load(name):
    p = os.path.join(S, name)
    return [list(map(float, l.split())) for l in open(p)] if os.path.exists(p) else []
def mbps(sec): return text_bytes / 1e6 / sec
def fig(rows, col):  # (median, fastest) in MB/s
    xs = [r[col] for r in rows]
    return mbps(statistics.median(xs)), mbps(min(xs))
wink = load('wink')
ww, wc = fig(wink, 0), fig(wink, 1)
print(f"wink-nlp (readDoc + entities, 5 MB, in-process, {len(wink)} passes): wall median {ww[0]:.2f} MB/s, fastest {ww[1]:.2f}; CPU median {wc[0]:.2f}, fastest {wc[1]:.2f}")
for name, what in (('lede1', '--jobs 1'), ('leden', f'--jobs {jobs}'), ('prev1', 'previous build, --jobs 1'), ('prevn', f'previous build, --jobs {jobs}')):
    rows = load(name)
    if not rows: continue
    w, c = fig(rows, 0), fig(rows, 1)
    print(f"lede analyze --jsonl {what} (same 5 MB as JSON lines, whole process, {len(rows)} processes): "
          f"wall median {w[0]:.1f} MB/s = {w[0] / ww[0]:.1f}x wink-nlp, fastest {w[1]:.1f} MB/s = {w[1] / ww[1]:.1f}x; "
          f"CPU median {c[0]:.1f} MB/s = {c[0] / wc[0]:.1f}x, fastest {c[1]:.1f} = {c[1] / wc[1]:.1f}x "
          f"(median {statistics.median(r[0] for r in rows) * 1e3:.1f} ms wall, {statistics.median(r[1] for r in rows) * 1e3:.1f} ms CPU)")
f = load('file4mb')
print(f"lede analyze news-4mb.txt ({in4} bytes, {len(f)} processes): wall median {statistics.median(r[0] for r in f):.3f} s, fastest {min(r[0] for r in f):.3f}; "
      f"CPU median {statistics.median(r[1] for r in f):.3f} s; peak {statistics.median(r[2] for r in f) / 1024:.0f} MB; writes {out4} bytes")
PY
