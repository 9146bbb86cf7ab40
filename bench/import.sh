#!/usr/bin/env bash
# Import benchmark: `clienting import` of a generated transactions CSV (parsing and
# validating every field, creating customers, indexing) against the sqlite3 CLI's `.import`
# of the same file into a table with the same kind of index (text only, no validation),
# timed in the same run, runs interleaved; median of RUNS (default 3). Wall time and CPU
# time (user + system, all threads) are both printed: the goals are <= 0.70x the CLI's wall
# time and <= 1.00x its CPU time.
# Usage: bench/import.sh [path/to/clienting] [transactions] [customers]
#   e.g. bench/import.sh build/src/cli/clienting 10000000   (the 10M-row file: ~600 MiB)
set -euo pipefail
source "$(dirname "$0")/common.sh"
bin=${1:-$root/build/src/cli/clienting}
[ -d "$bin" ] && bin=$bin/src/cli/clienting
n=${2:-1000000}
c=${3:-$((n / 10))}
runs=${RUNS:-3}
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 CLI (apt-get install sqlite3)"; exit 3; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 3; }
dir=$(gen_data "$c" "$n") || exit 0
csv=$dir/transactions.csv
work=$(mktemp -d "${TMPDIR:-/tmp}/cw-import-bench.XXXXXX"); trap 'rm -rf "$work"' EXIT

ours=(); ours_cpu=(); ours_kb=(); anchor=(); anchor_cpu=(); anchor_kb=()
for i in $(seq "$runs"); do
    rm -f "$work"/*; "$bin" new -w "$work/w.cwb" >/dev/null
    timed_cpu s cpu kb "$bin" import -q -w "$work/w.cwb" --table transactions "$csv"
    ours+=("$s"); ours_cpu+=("$cpu"); ours_kb+=("$kb")
    rm -f "$work"/*
    printf '.mode csv\n.import %s t\nCREATE INDEX t_customer ON t(customer_id);\n' "$csv" >"$work/anchor.sql"
    timed_cpu s cpu kb sh -c "sqlite3 '$work/a.db' <'$work/anchor.sql'"
    anchor+=("$s"); anchor_cpu+=("$cpu"); anchor_kb+=("$kb")
done
o=$(median "${ours[@]}"); a=$(median "${anchor[@]}")
oc=$(median "${ours_cpu[@]}"); ac=$(median "${anchor_cpu[@]}")
okb=$(median "${ours_kb[@]}"); akb=$(median "${anchor_kb[@]}")
echo "import benchmark: $n rows ($(du -m "$csv" | cut -f1) MiB CSV), median of $runs, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
printf '  %-42s %7s %8s %9s   %s\n' "" "wall" "CPU" "peak" "runs (wall / CPU)"
row() { printf '  %-42s %6.2fs %7.2fs %5d MiB   %s / %s\n' "$1" "$2" "$3" $(($4 / 1024)) "$5" "$6"; }
row "clienting import (parse+validate+index)" "$o" "$oc" "$okb" "${ours[*]}" "${ours_cpu[*]}"
row "sqlite3 .import + CREATE INDEX (anchor)" "$a" "$ac" "$akb" "${anchor[*]}" "${anchor_cpu[*]}"
wr=$(awk -v o="$o" -v a="$a" 'BEGIN {printf "%.2f", o / a}')
cr=$(awk -v o="$oc" -v a="$ac" 'BEGIN {printf "%.2f", o / a}')
echo "  ratio ours/anchor: wall ${wr}x (goal <= 0.70x), CPU ${cr}x (goal <= 1.00x)"
echo "  rows per second: $(awk -v o="$o" -v n="$n" 'BEGIN {printf "%.0f", n / o}')"
