#!/usr/bin/env bash
# Indicators benchmark (issue: key management indicators). A workbook of the generated
# 10M transactions / 1M customers / 36 months (2021-01 … 2023-12; managers, customers,
# transactions imported), analysed RUNS times (median): the time the indicators add to
# `clienting analyze` is its phases "indicator months" (what gathering each customer's months
# took beyond the models it runs beside) + "indicators" (compute and store every period × node ×
# segment). Then the same with the managers cut to 500 (the issue's size; the generator makes
# 2,009: the head, the regions and the first account managers are kept, the others' customers
# are dealt to the kept managers of their region), and with a k-means segmentation of 6 segments active.
# Last, `clienting kpi` for one manager's node (read and print its stored series), and
# `clienting portfolio` for the largest and a typical manager, median of 5.
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

# 500 managers: keep the head and the regions, and account managers taken in turn from each
# region (by id) up to 500; the customers of the others are dealt round-robin (by customer id) to
# the kept account managers of their region, so each has a portfolio of the typical size (about
# 2,000 customers).
cp "$wb" "$work/m500.cwb"
sqlite3 "$work/m500.cwb" <<'SQL'
CREATE TEMP TABLE heads AS SELECT id, region FROM managers WHERE id IN (SELECT parent_id FROM managers WHERE parent_id IS NOT NULL);
CREATE TEMP TABLE leaves AS SELECT id, region FROM (SELECT id, region, row_number() OVER (PARTITION BY region ORDER BY id) AS turn
  FROM managers WHERE id NOT IN (SELECT id FROM heads)) ORDER BY turn, id LIMIT 500 - (SELECT count(*) FROM heads);
CREATE TEMP TABLE slots AS SELECT id, region, row_number() OVER (PARTITION BY region ORDER BY id) - 1 AS slot,
  count(*) OVER (PARTITION BY region) AS n FROM leaves;
CREATE INDEX temp.slots_region ON slots(region, slot);
CREATE TEMP TABLE moved(customer INTEGER PRIMARY KEY, manager INTEGER NOT NULL);
INSERT INTO moved SELECT c.id, s.id FROM customers c JOIN managers m ON m.id = c.manager_id
  JOIN (SELECT region, max(n) AS n FROM slots GROUP BY region) r ON r.region = m.region
  JOIN slots s ON s.region = m.region AND s.slot = c.id % r.n
  WHERE c.manager_id NOT IN (SELECT id FROM heads UNION ALL SELECT id FROM leaves);
UPDATE customers SET manager_id = (SELECT manager FROM moved WHERE customer = customers.id) WHERE id IN (SELECT customer FROM moved);
DELETE FROM managers WHERE id NOT IN (SELECT id FROM heads UNION ALL SELECT id FROM leaves);
SQL
left=$(sqlite3 "$work/m500.cwb" "SELECT count(*) FROM customers WHERE manager_id IS NOT NULL AND manager_id NOT IN (SELECT id FROM managers)")
[ "$left" = 0 ] || { echo "500-manager cut left $left customers without their manager"; exit 1; }
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

# `clienting portfolio` of the 500-manager workbook's busiest commercial manager and of a median
# one: every customer with metrics, quadrants, plans, last contact, and the ranked alerts; a new
# process each time (open, read, print JSON), median of 5. Target: <= 0.200 s.
for pick in "DESC" "median"; do
    if [ "$pick" = DESC ]; then order="count(*) DESC"; else order="abs(count(*) - (SELECT count(*) FROM customers) / 500)"; fi
    code=$(sqlite3 "$work/m500s.cwb.analysed" "SELECT m.code FROM managers m JOIN customers c ON c.manager_id = m.id
      WHERE m.id NOT IN (SELECT parent_id FROM managers WHERE parent_id IS NOT NULL) GROUP BY m.id ORDER BY $order LIMIT 1")
    owned=$(sqlite3 "$work/m500s.cwb.analysed" "SELECT count(*) FROM customers c JOIN managers m ON m.id = c.manager_id WHERE m.code = '$code'")
    times=()
    for i in 1 2 3 4 5; do
        timed s kb "$bin" portfolio -w "$work/m500s.cwb.analysed" "$code" --format json
        times+=("$s")
    done
    printf '  clienting portfolio %-6s (%5d customers)  %.3f s (target <= 0.200 s)  peak %d KB  runs: %s\n' \
        "$code" "$owned" "$(median "${times[@]}")" "$kb" "${times[*]}"
done
