#!/usr/bin/env bash
# Load-independent instruction count of one analyze() call in WebAssembly: x86 instructions that
# V8's compiled Wasm code executes, counted by callgrind on node. On the shared 2-core machine the
# wall clock of one Wasm build varies 2x to 6x with the load; this count does not (see bench/README.md).
#   bench/wasm_instructions.sh [BENCH_JS] [CORPUS]
# V8 compiles every function with TurboFan up front (--no-liftoff --no-wasm-tier-up) on the main
# thread (--single-threaded), so the code counted is the optimized code and runs the same way each
# time. Two runs, with 0 and 1 timed calls after lede_bench's untimed one: the difference is one
# analyze() call, without start-up, lexicon loading and compilation.
set -euo pipefail
cd "$(dirname "$0")/.."
JS=${1:-build-web/lede_bench.js}
CORPUS=${2:-build/bench/corpus-1mb.txt}
T=$(mktemp -d)
count() {  # instructions in code that callgrind cannot place in a file: V8's generated code
  callgrind_annotate --threshold=100 "$1" | awk '/\?\?\?:0x[0-9a-f]+ \[\?\?\?\]/ {gsub(",", "", $1); s += $1} END {print s}'
}
for n in 0 1; do
  nice valgrind --tool=callgrind --callgrind-out-file="$T/cg.$n" node --single-threaded --no-liftoff --no-wasm-tier-up \
    --no-experimental-fetch "$JS" "$CORPUS" $n > "$T/log.$n" 2>&1 &
done
wait
a=$(count "$T/cg.0"); b=$(count "$T/cg.1")
echo "{\"bench\": \"$JS\", \"corpus\": \"$CORPUS\", \"generated_code_instructions_0\": $a, \"generated_code_instructions_1\": $b, \"one_analyze_M\": $(python3 -c "print(round(($b - $a) / 1e6, 2))")}"
rm -rf "$T"
