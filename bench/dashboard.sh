#!/usr/bin/env bash
# Hierarchy dashboard responsiveness (issue 11): a demo workbook (`clienting demo`, seed 42) of
# CUSTOMERS customers (default 1,000,000), analysed once and kept in build/bench-data (or
# $CW_BENCH_DATA), then bench-dashboard-bin switches between SWITCHES nodes (default 41: the
# company and managers spread over the hierarchy) with the dock shown offscreen at 1366×768 and
# prints the median and max per switch (target <= 100 ms).
# Usage: bench/dashboard.sh [build dir] [--customers N] [--switches N]
set -euo pipefail
source "$(dirname "$0")/common.sh"
build=$root/build
customers=1000000
switches=41
while [ $# -gt 0 ]; do
    case $1 in
        --customers) customers=$2; shift 2 ;;
        --switches) switches=$2; shift 2 ;;
        *) build=$1; shift ;;
    esac
done
wb=$(demo_workbook "$build/src/cli/clienting" "$customers")
echo "dashboard benchmark: a demo workbook of $customers customers ($wb)"
QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)} "$build/bench/bench-dashboard-bin" "$wb" "$switches"
