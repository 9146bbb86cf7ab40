#!/usr/bin/env bash
# Reports (issue 12): the full Clienting report of a demo workbook of CUSTOMERS customers (default
# 100,000; `clienting demo`, seed 42, analysed once and kept in build/bench-data or
# $CW_BENCH_DATA) and PACKS portfolio packs (default 50: the managers with the most customers),
# each timed as the whole `clienting report` process with no display, median of RUNS (default 3).
# Targets: the full report <= 3 s, 50 packs <= 10 s. Anchor, in the same run: the sqlite3 CLI
# computing the report's headline figures alone (the four customer matrices' quadrant counts at
# their medians, the top 20 % margin share, exits and anorexia by manager: bench/report_anchor.sql),
# i.e. what the figures cost without any page.
# Usage: bench/report.sh [build dir] [--customers N] [--packs N] [--runs N]
set -euo pipefail
source "$(dirname "$0")/common.sh"
build=$root/build
customers=100000
packs=50
runs=${RUNS:-3}
while [ $# -gt 0 ]; do
    case $1 in
        --customers) customers=$2; shift 2 ;;
        --packs) packs=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        *) build=$1; shift ;;
    esac
done
cli=$build/src/cli/clienting
wb=$(demo_workbook "$cli" "$customers")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$out}
unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM

echo "report benchmark: $wb ($customers customers), median of $runs runs, no display"
pages=0
full=()
for _ in $(seq "$runs"); do
    timed s kb "$cli" report -q -w "$wb" --out "$out/report.pdf"
    full+=("$s"); full_kb=$kb
done
pages=$(pdfinfo "$out/report.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
size=$(stat -c %s "$out/report.pdf")

# The PACKS managers with the most customers of their own.
codes=$(sqlite3 -readonly "$wb" "SELECT m.code FROM managers m JOIN customers c ON c.manager_id = m.id
    GROUP BY m.id ORDER BY count(*) DESC, m.code LIMIT $packs" | paste -sd, -)
custs=$(sqlite3 -readonly "$wb" "SELECT sum(n) FROM (SELECT count(*) AS n FROM customers c JOIN managers m ON m.id = c.manager_id
    GROUP BY m.id ORDER BY n DESC, m.code LIMIT $packs)")
pack=()
for _ in $(seq "$runs"); do
    rm -rf "$out/packs"
    timed s kb "$cli" report -q -w "$wb" --per-manager --managers "$codes" --out-dir "$out/packs"
    pack+=("$s"); pack_kb=$kb
done
pack_pages=0
for f in "$out"/packs/*.pdf; do pack_pages=$((pack_pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}'))); done

anchor=()
for _ in $(seq "$runs"); do
    timed s kb sqlite3 -readonly "$wb" ".read $here/report_anchor.sql"
    anchor+=("$s")
done

f=$(median "${full[@]}"); p=$(median "${pack[@]}"); a=$(median "${anchor[@]}")
printf '%-44s %8s s  (runs %s; %s pages, %s KiB PDF, peak %s MiB; target <= 3 s)\n' "full Clienting report" "$f" "${full[*]}" "$pages" "$((size / 1024))" "$((full_kb / 1024))"
printf '%-44s %8s s  (runs %s; %s customers, %s pages, peak %s MiB; target <= 10 s)\n' "$packs portfolio packs, one PDF each" "$p" "${pack[*]}" "$custs" "$pack_pages" "$((pack_kb / 1024))"
printf '%-44s %8s s  (runs %s)\n' "anchor: sqlite3 CLI, the headline figures only" "$a" "${anchor[*]}"
awk -v f="$f" -v a="$a" 'BEGIN {printf "full report / headline SQL: %.2fx\n", f / a}'
