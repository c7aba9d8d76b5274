#!/usr/bin/env bash
# Builds and runs the GED-188 codec fuzzer: tests/fuzz/run.sh [SECONDS] (default 30).
# Built directly from the codec sources with clang's libFuzzer + ASan + UBSan; not part of CMake.
set -euo pipefail

seconds="${1:-30}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${FUZZ_OUT:-$root/build-fuzz}"
cxx="${CXX_FUZZ:-clang++}"
mkdir -p "$out/corpus" "$out/artifacts"

codec_sources=("$root"/gateway/cti/*.cpp)
flags=(-std=c++20 -O1 -g -I"$root")

"$cxx" "${flags[@]}" -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  "$here/cti_decode_fuzzer.cpp" "${codec_sources[@]}" -o "$out/cti_decode_fuzzer"

# Seeds come from the codec's own encoder (typical messages of each family) plus the committed
# hand-written seeds in tests/fuzz/corpus/.
"$cxx" "${flags[@]}" "$here/write_seed_corpus.cpp" "${codec_sources[@]}" -o "$out/write_seed_corpus"
"$out/write_seed_corpus" "$out/corpus"
cp "$here"/corpus/*.bin "$out/corpus/" 2>/dev/null || true

"$out/cti_decode_fuzzer" -max_total_time="$seconds" -max_len=13000 \
  -artifact_prefix="$out/artifacts/" "$out/corpus"
