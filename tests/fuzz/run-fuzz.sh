#!/bin/sh
# SPDX-FileCopyrightText: 2026 TenantBridge contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds a libFuzzer target with clang in build/fuzz and runs it for SECONDS on its seed corpus.
#   tests/fuzz/run-fuzz.sh ExpressionFuzz 300
# New inputs go to build/fuzz/corpus/<target>; a crash is written to build/fuzz/artifacts/ and ends the run with
# a non-zero status. tests/fuzz/<name>.dict, when there is one, is the fuzzer's dictionary. FUZZ_JOBS (default 1) sets the number of parallel fuzzing processes.
set -eu

if [ $# -ne 2 ]; then
    echo "usage: $0 TARGET SECONDS" >&2
    exit 2
fi
target=$1
seconds=$2
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=$source_dir/build/fuzz
# The seed corpus folder is named for the target without "Fuzz": ExpressionFuzz -> corpus/expression.
seed_name=$(echo "${target%Fuzz}" | tr '[:upper:]' '[:lower:]')
seeds=$source_dir/tests/fuzz/corpus/$seed_name

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
        -DTB_BUILD_TESTS=ON -DTB_BUILD_GUI=OFF -DTB_BUILD_FUZZ=ON -DTB_PRECOMPILE_HEADERS=OFF
fi
cmake --build "$build_dir" --target "$target" -j 1

dictionary=$source_dir/tests/fuzz/$seed_name.dict
dictionary_option=
if [ -f "$dictionary" ]; then
    dictionary_option=-dict=$dictionary
fi

mkdir -p "$build_dir/corpus/$target" "$build_dir/artifacts"
jobs=${FUZZ_JOBS:-1}
jobs_option=
if [ "$jobs" -gt 1 ]; then
    jobs_option="-jobs=$jobs -workers=$jobs"
fi
# libFuzzer writes its per-job logs (fuzz-N.log) into the working directory: keep them in the build folder.
cd "$build_dir"
# shellcheck disable=SC2086 # the options are empty or words without spaces
"$build_dir/bin/$target" $dictionary_option $jobs_option -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=4096 -print_final_stats=1 -artifact_prefix="$build_dir/artifacts/" "$build_dir/corpus/$target" "$seeds"
