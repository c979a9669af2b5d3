#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 TenantBridge contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One table of every performance figure: runs each benchmark of a build (Release for figures worth quoting) one
# after the other and prints the "FIGURE" lines they print as one Markdown table, headed by the machine it ran on.
#   tests/bench/bench-table.sh BUILD_DIR [--quick]
# Full: 100,000 users fetched, 1,000,000 log records (imported as JSON and CSV, queried, shown in the page), and the
# sandbox's state file saved and loaded with 100,000 users; it needs about 10 GB in TMPDIR and takes 20-40 minutes on
# two cores. --quick: 10,000 users and 100,000 records.
# Each benchmark's whole report is kept next to the table (bench-table-<time>/NAME.log).
set -euo pipefail

build=$(cd "${1:?usage: $0 BUILD_DIR [--quick]}" && pwd)
bin="$build/bin"
users=100000
records=1000000
if [[ "${2:-}" == --quick ]]; then
    users=10000
    records=100000
fi
reports="$build/bench-table-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$reports"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/bench-table-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

failed=()
ran=()
run() {
    local name=$1
    shift
    ran+=("$name")
    echo "== $name $*" >&2
    local started=$SECONDS
    if ! "$bin/$name" "$@" >"$reports/$name.log" 2>&1; then
        failed+=("$name")
        echo "   $name failed; its report: $reports/$name.log" >&2
    fi
    echo "   $((SECONDS - started)) s" >&2
}

run FetchUsersBench --users "$users"
run RolloutBench
run LogImportBench --records "$records" --formats json,csv --skip-parse --dir "$scratch"
run LogStoreBench --records "$records" --dir "$scratch"
run LogsPageBench --records "$records" --dir "$scratch"
run StartupBench
run SandboxStateBench --users "$users"

build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
memory=$(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
system=$(. /etc/os-release && echo "$PRETTY_NAME")
echo
echo "Machine: $cpu, $(nproc) cores, $memory RAM; $system, kernel $(uname -r); $build_type build; $(date -u +%Y-%m-%d)"
echo
echo "| Figure | Value | Unit | Target |"
echo "|---|---:|---|---|"
for name in "${ran[@]}"; do cat "$reports/$name.log"; done | awk -F '\t' '$1 == "FIGURE" { printf "| %s | %s | %s | %s |\n", $2, $3, $4, $5 }'
if [[ ${#failed[@]} -gt 0 ]]; then
    echo
    echo "Failed: ${failed[*]} (reports in $reports)"
    exit 1
fi
