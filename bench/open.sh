#!/usr/bin/env bash
# Opening benchmark: the workbench opens a 100,000-customer workbook (1M transactions imported
# and analysed, a k-means segmentation active) and reports how long it took from the start of
# the opening to the first matrix drawn with its points (`clienting-workbench --open-timing`,
# offscreen), median of RUNS (default 5). Goal: <= 2 s. The whole process (Qt start-up,
# window, opening, drawing, quitting) is printed beside it. No anchor: no other tool opens a
# workbook; the goal is the issue's.
# Usage: bench/open.sh [build dir] [transactions] [customers]
set -euo pipefail
source "$(dirname "$0")/common.sh"
build=${1:-$root/build}
bin=$build/src/cli/clienting
gui=$build/src/app/clienting-workbench
n=${2:-1000000}
c=${3:-$((n / 10))}
runs=${RUNS:-5}
[ -x "$gui" ] || { echo "needs the workbench: ninja -C $build clienting-workbench"; exit 3; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 3; }
dir=$(gen_data "$c" "$n") || exit 0
work=$(mktemp -d "${TMPDIR:-/tmp}/cw-open-bench.XXXXXX"); trap 'rm -rf "$work"' EXIT
wb=$work/bench.cwb
"$bin" new -w "$wb" >/dev/null
"$bin" import -q -w "$wb" --table managers "$dir/managers.csv" >/dev/null
"$bin" import -q -w "$wb" --table customers "$dir/customers.csv" >/dev/null
"$bin" import -q -w "$wb" --table transactions "$dir/transactions.csv" >/dev/null
"$bin" analyze -q -w "$wb" >/dev/null
"$bin" segment -w "$wb" --name bench --method kmeans --k 6 --restarts 1 --seed 0 --activate >/dev/null
mkdir -p -m 0700 "$work/xdg"
# Its own settings: the timed openings must not fill the user's recent workbooks.
export XDG_CONFIG_HOME=$work/config
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$work/xdg

drawn=(); whole=(); last=""
for i in $(seq "$runs"); do
    out=$(/usr/bin/time -f "%e" -o "$work/time" "$gui" --open-timing "$wb" 2>/dev/null | grep '^first matrix drawn')
    ms=$(sed -E 's/^first matrix drawn after ([0-9]+) ms.*/\1/' <<<"$out")
    drawn+=("$(awk -v m="$ms" 'BEGIN {printf "%.3f", m / 1000}')"); whole+=("$(cat "$work/time")"); last=$out
done
d=$(median "${drawn[@]}"); w=$(median "${whole[@]}")
echo "open benchmark: $c customers, $n transactions ($(du -m "$wb" | cut -f1) MiB workbook), median of $runs, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
printf '  %-44s %6.2f s   runs: %s   (goal <= 2.00 s)\n' "opening to the first matrix drawn" "$d" "${drawn[*]}"
printf '  %-44s %6.2f s   runs: %s\n' "whole process (start, open, draw, quit)" "$w" "${whole[*]}"
echo "  phases of the last run: ${last#*: }"
