#!/usr/bin/env bash
# Acceptance: the Online Retail slice imports through the shipped profile, and
# every count the importer reports matches an independent computation made
# here with the sqlite3 CLI's own CSV reader and plain SQL over the raw text.
# Usage: online_retail_counts_test.sh CLIENTING_BIN TEST_DATA_DIR
set -euo pipefail
bin=$1
data=$2/online_retail_slice.csv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v sqlite3 >/dev/null || { echo "sqlite3 CLI missing (apt-get install sqlite3)"; exit 1; }

"$bin" new -w "$tmp/wb.cwb" >/dev/null
"$bin" import -w "$tmp/wb.cwb" --table transactions --profile online-retail --json -q "$data" >"$tmp/report.json"

# Independent counts: sqlite3 reads the same CSV as text.
sqlite3 "$tmp/raw.db" <<SQL
.mode csv
.import "$data" raw
CREATE TABLE expected AS SELECT
  (SELECT count(*) FROM raw) AS records,
  (SELECT count(*) FROM raw WHERE CAST(UnitPrice AS REAL) < 0) AS negative_price,
  (SELECT count(*) FROM raw WHERE CAST(UnitPrice AS REAL) >= 0 AND (InvoiceNo LIKE 'C%' OR CAST(Quantity AS REAL) < 0)) AS returns,
  (SELECT count(*) FROM raw WHERE CAST(UnitPrice AS REAL) >= 0 AND trim(CustomerID) = '') AS anonymous,
  (SELECT count(DISTINCT CAST(CAST(CustomerID AS REAL) AS INTEGER)) FROM raw
     WHERE CAST(UnitPrice AS REAL) >= 0 AND trim(CustomerID) <> '') AS customers,
  (SELECT printf('%.2f', sum(CASE WHEN InvoiceNo LIKE 'C%' OR CAST(Quantity AS REAL) < 0
                              THEN -abs(CAST(Quantity AS REAL) * CAST(UnitPrice AS REAL))
                              ELSE CAST(Quantity AS REAL) * CAST(UnitPrice AS REAL) END))
     FROM raw WHERE CAST(UnitPrice AS REAL) >= 0) AS revenue;
SQL

fail=0
check() {  # name expected actual
  if [ "$2" = "$3" ]; then echo "ok   $1 = $3"; else echo "FAIL $1: expected $2, got $3"; fail=1; fi
}
exp() { sqlite3 "$tmp/raw.db" "SELECT $1 FROM expected"; }
rep() { sqlite3 :memory: "SELECT json_extract(readfile('$tmp/report.json'), '\$.$1')"; }
wb() { sqlite3 "$tmp/wb.cwb" "$1"; }

records=$(exp records); neg=$(exp negative_price)
check "records (report)" "$records" "$(rep records)"
check "loaded + rejected = records" "$records" "$(( $(rep loaded) + $(rep rejected) ))"
check "rejected negative_price" "$neg" "$(rep reasons.negative_price)"
check "loaded" "$(( records - neg ))" "$(rep loaded)"
check "returns (report)" "$(exp returns)" "$(rep returns)"
check "anonymous (report)" "$(exp anonymous)" "$(rep anonymous)"
check "customers created" "$(exp customers)" "$(rep customers_created)"
check "transactions stored" "$(( records - neg ))" "$(wb 'SELECT count(*) FROM transactions')"
check "returns stored" "$(exp returns)" "$(wb 'SELECT count(*) FROM transactions WHERE kind=1')"
check "anonymous stored" "$(exp anonymous)" "$(wb 'SELECT count(*) FROM transactions WHERE customer_id IS NULL')"
check "revenue stored" "$(exp revenue)" "$(wb "SELECT printf('%.2f', sum(revenue)) FROM transactions")"
check "rejects stored" "$neg" "$(wb "SELECT count(*) FROM import_rejects WHERE reason='negative_price'")"
check "countries as regions" "$(sqlite3 "$tmp/raw.db" "SELECT count(DISTINCT Country) FROM raw WHERE CAST(UnitPrice AS REAL) >= 0")" \
      "$(wb 'SELECT count(DISTINCT region) FROM transactions')"
check "customer id written as float becomes integer text" "17850" \
      "$(wb "SELECT code FROM customers WHERE code='17850'")"
exit $fail
