#!/usr/bin/env bash
# Indicators benchmark (issue: key management indicators). A workbook of the generated
# 10M transactions / 1M customers / 36 months (2021-01 … 2023-12; managers, customers,
# transactions imported), analysed RUNS times (median): the time the indicators add to
# `clienting analyze` is its phases "indicator months" (what gathering each customer's months
# took beyond the models it runs beside) + "indicators" (compute and store every period × node ×
# segment). Then the same with the managers cut to 500 (the issue's size; the generator makes
# 2,009: the head, the regions and the first account managers are kept, the others' customers
# go to a kept manager of their region), and with a k-means segmentation of 6 segments active.
# Last, `clienting kpi` for one manager's node (read and print its stored series), median of 5.
# Usage: bench/kpi.sh [build dir] [transactions] [customers]. Needs ../shared (the generator),
# python3-numpy, sqlite3 and /usr/bin/time.
set -euo pipefail
source "$(dirname "$0")/common.sh"
build=${1:-$root/build}
n=${2:-10000000}
c=${3:-$((n / 10))}
runs=${RUNS:-3}
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 3; }
command -v sqlite3 >/dev/null || { echo "needs sqlite3"; exit 3; }
dir=$(gen_data "$c" "$n") || exit 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=$work/clienting
cp "$build/src/cli/clienting" "$bin"  # a rebuild during the run changes nothing

wb=$work/base.cwb
"$bin" new -w "$wb" >/dev/null
"$bin" import -q -w "$wb" --table managers "$dir/managers.csv" >/dev/null
"$bin" import -q -w "$wb" --table customers "$dir/customers.csv" >/dev/null
"$bin" import -q -w "$wb" --table transactions "$dir/transactions.csv" >/dev/null

analyze_runs() {  # LABEL WORKBOOK
    local label=$1 src=$2 added=() totals=() rows=0 last=""
    for i in $(seq "$runs"); do
        cp "$src" "$work/run.cwb"
        "$bin" analyze -q --json -w "$work/run.cwb" >"$work/run.json"
        read -r a t rows < <(python3 -c '
import json, sys
j = json.load(open(sys.argv[1]))
ph = {p["phase"]: p["seconds"] for p in j["phases"]}
print(ph.get("indicator months", 0) + ph.get("indicators", 0), j["seconds"], j["indicator_rows"])' "$work/run.json")
        added+=("$a"); totals+=("$t"); last=$work/run.json
    done
    local managers; managers=$(sqlite3 "$src" "SELECT count(*) FROM managers")
    printf '  %-34s managers %5d  rows %7d  analyze %6.2f s  indicators add %5.2f s (target <= 3.00 s)  runs: %s\n' \
        "$label" "$managers" "$rows" "$(median "${totals[@]}")" "$(median "${added[@]}")" "${added[*]}"
    cp "$work/run.cwb" "$src.analysed"
}

echo "indicators benchmark: $n transactions, $c customers, median of $runs analyses"
analyze_runs "the generator's managers" "$wb"

# 500 managers: keep the head, the regions and the first account managers by id.
cp "$wb" "$work/m500.cwb"
sqlite3 "$work/m500.cwb" <<'SQL'
CREATE TEMP TABLE kept AS SELECT id, region FROM managers ORDER BY (parent_id IS NOT NULL AND id NOT IN
  (SELECT parent_id FROM managers WHERE parent_id IS NOT NULL)), id LIMIT 500;
UPDATE customers SET manager_id = (SELECT k.id FROM kept k JOIN managers m ON m.id = customers.manager_id
  WHERE k.region = m.region AND k.id NOT IN (SELECT parent_id FROM managers WHERE parent_id IS NOT NULL)
  ORDER BY k.id LIMIT 1) WHERE manager_id NOT IN (SELECT id FROM kept);
DELETE FROM managers WHERE id NOT IN (SELECT id FROM kept);
SQL
analyze_runs "500 managers" "$work/m500.cwb"

features=revenue,margin,orders,recency_days,tenure_days,months_active,p_alive,expected_purchases
cp "$work/m500.cwb.analysed" "$work/m500s.cwb"
"$bin" segment -w "$work/m500s.cwb" --name bench --method kmeans --k 6 --restarts 1 --seed 0 --features "$features" --activate >/dev/null
analyze_runs "500 managers, 6 segments" "$work/m500s.cwb"
cp "$wb.analysed" "$work/alls.cwb"
"$bin" segment -w "$work/alls.cwb" --name bench --method kmeans --k 6 --restarts 1 --seed 0 --features "$features" --activate >/dev/null
analyze_runs "the generator's managers, 6 segments" "$work/alls.cwb"

code=$(sqlite3 "$work/m500s.cwb.analysed" "SELECT code FROM managers WHERE id NOT IN (SELECT parent_id FROM managers WHERE parent_id IS NOT NULL) LIMIT 1")
times=()
for i in 1 2 3 4 5; do
    timed s kb "$bin" kpi -w "$work/m500s.cwb.analysed" --node "$code" --period month --all --by segment --format json
    times+=("$s")
done
printf '  clienting kpi --node %s --all --by segment (36 months x 7)  %.3f s  runs: %s\n' "$code" "$(median "${times[@]}")" "${times[*]}"
