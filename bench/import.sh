#!/usr/bin/env bash
# Import benchmark: `clienting import` of a generated 1M-row transactions CSV
# (parsing and validating every field, creating customers, indexing) against
# the sqlite3 CLI's `.import` of the same file into a table with the same
# index (text only, no validation), timed in the same run; median of 3.
# Usage: bench/import.sh [path/to/clienting] [transactions] [customers]
set -euo pipefail
source "$(dirname "$0")/common.sh"
bin=${1:-$root/build/src/cli/clienting}
n=${2:-1000000}
c=${3:-$((n / 10))}
runs=${RUNS:-3}
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 CLI (apt-get install sqlite3)"; exit 3; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 3; }
dir=$(gen_data "$c" "$n") || exit 0
csv=$dir/transactions.csv
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

ours=(); ours_kb=(); anchor=(); anchor_kb=()
for i in $(seq "$runs"); do
    rm -f "$work"/*; "$bin" new -w "$work/w.cwb" >/dev/null
    timed s kb "$bin" import -q -w "$work/w.cwb" --table transactions "$csv"
    ours+=("$s"); ours_kb+=("$kb")
    rm -f "$work"/*
    printf '.mode csv\n.import %s t\nCREATE INDEX t_customer ON t(customer_id);\n' "$csv" >"$work/anchor.sql"
    timed s kb sh -c "sqlite3 '$work/a.db' <'$work/anchor.sql'"
    anchor+=("$s"); anchor_kb+=("$kb")
done
o=$(median "${ours[@]}"); a=$(median "${anchor[@]}")
okb=$(median "${ours_kb[@]}"); akb=$(median "${anchor_kb[@]}")
echo "import benchmark: $n rows ($(du -m "$csv" | cut -f1) MiB CSV), median of $runs"
printf '  %-44s %7.2f s  peak %5d MiB   runs: %s\n' "clienting import (parse+validate+index)" "$o" $((okb / 1024)) "${ours[*]}"
printf '  %-44s %7.2f s  peak %5d MiB   runs: %s\n' "sqlite3 .import + CREATE INDEX (anchor)" "$a" $((akb / 1024)) "${anchor[*]}"
ratio=$(awk -v o="$o" -v a="$a" 'BEGIN {printf "%.2f", o / a}')
echo "  ratio ours/anchor: ${ratio}x (target <= 1.00x)"
echo "  rows per second: $(awk -v o="$o" -v n="$n" 'BEGIN {printf "%.0f", n / o}')"
