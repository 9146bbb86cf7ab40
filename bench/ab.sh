#!/usr/bin/env bash
# A/B benchmark of two builds of the workbench (e.g. before and after a refactoring that must
# change no speed): the same import, analysis and rendering, runs interleaved A, B, A, B … on the
# same data in the same run, medians and the ratio B / A. Import: `clienting import` of a
# generated transactions CSV into a new workbook (wall and CPU). Analyze: `clienting analyze` of
# a workbook with managers, customers and those transactions, built by A once and copied for
# every run (each build's copy analysed once before, so a schema upgrade is not timed). Render: bench-render-bin's median milliseconds per case (when both builds have it).
# Usage: bench/ab.sh BUILD_A BUILD_B [transactions] [customers]     RUNS=N (default 5)
#   e.g. bench/ab.sh ../base/build build 1000000
set -euo pipefail
source "$(dirname "$0")/common.sh"
[ $# -ge 2 ] || { echo "usage: bench/ab.sh BUILD_A BUILD_B [transactions] [customers]"; exit 1; }
a=$(cd "$1" && pwd); b=$(cd "$2" && pwd)
n=${3:-1000000}
c=${4:-$((n / 10))}
runs=${RUNS:-5}
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 3; }
for d in "$a" "$b"; do [ -x "$d/src/cli/clienting" ] || { echo "$d/src/cli/clienting is not built"; exit 3; }; done
dir=$(gen_data "$c" "$n") || exit 0
work=$(mktemp -d "${TMPDIR:-/tmp}/cw-ab.XXXXXX"); trap 'rm -rf "$work"' EXIT

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0) printf "%.3f", b / a; else print "-" }'; }
echo "A: $a"
echo "B: $b"
echo "$n transactions, $c customers; median of $runs interleaved runs; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
printf '  %-40s %9s %9s %8s\n' "" "A" "B" "B / A"

# Import
declare -A wall cpu
for side in a b; do wall[$side]=""; cpu[$side]=""; done
for i in $(seq "$runs"); do
    for side in a b; do
        bin=${!side}/src/cli/clienting
        rm -f "$work"/imp.*; "$bin" new -w "$work/imp.cwb" >/dev/null
        timed_cpu s t kb "$bin" import -q -w "$work/imp.cwb" --table transactions "$dir/transactions.csv"
        wall[$side]+="$s "; cpu[$side]+="$t "
    done
done
wa=$(median ${wall[a]}); wb=$(median ${wall[b]}); ca=$(median ${cpu[a]}); cb=$(median ${cpu[b]})
printf '  %-40s %8.2fs %8.2fs %8s\n' "import, wall" "$wa" "$wb" "$(ratio "$wa" "$wb")"
printf '  %-40s %8.2fs %8.2fs %8s\n' "import, CPU" "$ca" "$cb" "$(ratio "$ca" "$cb")"

# Analyze: one workbook made by A, copied for each run.
bin=$a/src/cli/clienting
"$bin" new -w "$work/base.cwb" >/dev/null
"$bin" import -q -w "$work/base.cwb" --table managers "$dir/managers.csv" >/dev/null
"$bin" import -q -w "$work/base.cwb" --table customers "$dir/customers.csv" >/dev/null
"$bin" import -q -w "$work/base.cwb" --table transactions "$dir/transactions.csv" >/dev/null
# Each build analyses its own copy once first: a newer build upgrades the workbook's schema on
# its first write, which is not what is timed, and both sides then replace stored results.
for side in a b; do
    cp "$work/base.cwb" "$work/base.$side.cwb"
    "${!side}/src/cli/clienting" analyze -q -w "$work/base.$side.cwb" >/dev/null
done
for side in a b; do wall[$side]=""; done
for i in $(seq "$runs"); do
    for side in a b; do
        rm -f "$work"/an.*; cp "$work/base.$side.cwb" "$work/an.cwb"
        timed s kb "${!side}/src/cli/clienting" analyze -q -w "$work/an.cwb"
        wall[$side]+="$s "
    done
done
wa=$(median ${wall[a]}); wb=$(median ${wall[b]})
printf '  %-40s %8.2fs %8.2fs %8s\n' "analyze, wall" "$wa" "$wb" "$(ratio "$wa" "$wb")"

# Render: each build's own medians, run alternately; the median over runs of each case.
if [ -x "$a/bench/bench-render-bin" ] && [ -x "$b/bench/bench-render-bin" ]; then
    for i in $(seq "$runs"); do
        for side in a b; do
            QT_QPA_PLATFORM=offscreen "${!side}/bench/bench-render-bin" >"$work/render.$side.$i" 2>/dev/null
        done
    done
    /usr/bin/python3 - "$work" "$runs" <<'PY'
import re, statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
cases = {}
for side in "ab":
    for i in range(1, runs + 1):
        for line in open(f"{work}/render.{side}.{i}"):
            m = re.match(r"^(\d+k points, .*?)\s+([\d.]+)(\s|$)", line)
            if m:
                cases.setdefault(m.group(1), {}).setdefault(side, []).append(float(m.group(2)))
for case, sides in cases.items():
    if "a" in sides and "b" in sides:
        a, b = statistics.median(sides["a"]), statistics.median(sides["b"])
        print(f"  {'render ' + case:<40} {a:7.2f}ms {b:7.2f}ms {b / a if a else float('nan'):8.3f}")
PY
else
    echo "  render: bench-render-bin missing in one build (configure with CW_BUILD_BENCH=ON)"
fi
