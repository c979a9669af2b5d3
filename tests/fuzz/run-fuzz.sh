#!/bin/sh
# SPDX-FileCopyrightText: 2026 TenantBridge contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets with clang in build/fuzz and runs one of them, or all of them one after another, for
# SECONDS each on its seed corpus:
#   tests/fuzz/run-fuzz.sh ExpressionFuzz 300
#   tests/fuzz/run-fuzz.sh all 15        what CI runs (.ci/build-and-test)
#   tests/fuzz/run-fuzz.sh all 3600      a long run
# The targets are listed in tests/fuzz/FuzzTargets.h. For each target it prints one line: executions, seconds,
# corpus size and the verdict. New inputs go to build/fuzz/corpus/<target> (kept between runs, so a long run goes on
# from where the last one stopped), the fuzzer's output to build/fuzz/logs/<target>.log and a crashing input to
# build/fuzz/artifacts/<target>-crash-*; after a crash the report's end is printed and the other targets still run.
# Exits non-zero when any target crashed, hung (over 10 s on one input) or ran out of memory.
# tests/fuzz/<name>.dict, when there is one, is the fuzzer's dictionary. FUZZ_JOBS (default 1) sets the number of
# parallel fuzzing processes per target; FUZZ_BUILD_JOBS (default 2) the parallel compile jobs.
set -eu

if [ $# -ne 2 ]; then
    echo "usage: $0 TARGET|all SECONDS" >&2
    exit 2
fi
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=$source_dir/build/fuzz
seconds=$2
all_targets=$(sed -n 's/^TB_FUZZ_TARGET(\([A-Za-z]*\)).*/\1/p' "$source_dir/tests/fuzz/FuzzTargets.h")
if [ "$1" = all ]; then
    targets=$all_targets
elif echo "$all_targets" | grep -qx "$1"; then
    targets=$1
else
    echo "unknown target '$1'; the targets are: all $(echo "$all_targets" | tr '\n' ' ')" >&2
    exit 2
fi

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    # No build type: tests/fuzz/CMakeLists.txt sets the optimisation and debug flags of the fuzz targets.
    cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE= \
        -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
        -DTB_BUILD_TESTS=ON -DTB_BUILD_GUI=OFF -DTB_BUILD_FUZZ=ON -DTB_PRECOMPILE_HEADERS=OFF
fi
# shellcheck disable=SC2086 # the target names are words without spaces
cmake --build "$build_dir" -j "${FUZZ_BUILD_JOBS:-2}" --target $targets

jobs=${FUZZ_JOBS:-1}
failed=0
for target in $targets; do
    # The seed corpus folder is named for the target without "Fuzz": ExpressionFuzz -> corpus/expression.
    seed_name=$(echo "${target%Fuzz}" | tr '[:upper:]' '[:lower:]')
    seeds=$source_dir/tests/fuzz/corpus/$seed_name
    dictionary=$source_dir/tests/fuzz/$seed_name.dict
    dictionary_option=
    if [ -f "$dictionary" ]; then
        dictionary_option=-dict=$dictionary
    fi
    jobs_option=
    if [ "$jobs" -gt 1 ]; then
        jobs_option="-jobs=$jobs -workers=$jobs"
    fi
    corpus=$build_dir/corpus/$target
    # libFuzzer writes its per-job logs (fuzz-N.log) into the working directory: one folder per target.
    work=$build_dir/work/$target
    log=$build_dir/logs/$target.log
    mkdir -p "$corpus" "$build_dir/artifacts" "$build_dir/logs" "$work"
    rm -f "$work"/fuzz-*.log
    started=$(date +%s)
    status=0
    # shellcheck disable=SC2086 # the options are empty or words without spaces
    (cd "$work" && "$build_dir/bin/$target" $dictionary_option $jobs_option -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 -artifact_prefix="$build_dir/artifacts/$target-" \
        "$corpus" "$seeds") >"$log" 2>&1 || status=$?
    elapsed=$(($(date +%s) - started))
    # With parallel jobs every process writes its own statistics.
    executions=$(cat "$log" "$work"/fuzz-*.log 2>/dev/null | sed -n 's/^stat::number_of_executed_units: *//p' |
        awk '{ total += $1 } END { print total + 0 }')
    corpus_size=$(find "$corpus" -type f | wc -l)
    if [ "$status" -eq 0 ] && ! grep -q '^==[0-9]*==ERROR\|^SUMMARY: \|deadly signal' "$log" "$work"/fuzz-*.log 2>/dev/null
    then
        verdict="no crash"
    else
        verdict="FAILED (exit $status): see $log"
        failed=1
    fi
    rate=$((executions / (elapsed > 0 ? elapsed : 1)))
    echo "$target: $executions executions in $elapsed s ($rate/s), corpus $corpus_size files, $verdict"
    if [ "$verdict" != "no crash" ]; then
        cat "$work"/fuzz-*.log 2>/dev/null | tail -n 40 >&2 || true
        tail -n 40 "$log" >&2
        ls "$build_dir/artifacts/$target-"* 2>/dev/null >&2 || true
    fi
done
exit $failed
