#!/usr/bin/env bash
# Kill loop: a workbook killed at any point of `import`, `analyze` or `segment` must be intact and
# hold either everything the command stores or nothing of it — never a state in between.
#
# For each command: the "before" workbook and its fingerprint; the command run to its end on
# copies (RUNS times: its run time, the longest of them, and the "after" fingerprint, which must be
# the same every time); then KILLS times: a fresh copy of "before", the command started and
# SIGKILLed after a delay spread over that run time (stratified: kill i of K lands in
# [i/K, (i+1)/K) of it), then
# `PRAGMA integrity_check` (must be "ok") and the fingerprint, classified as before / after /
# BETWEEN. Prints a table; exits 1 on any BETWEEN or integrity failure (2 when an uncut run is not
# deterministic, 3 when something needed is missing).
#
# Fingerprint (`fingerprinted` below): row count and a SHA3 of the ordered rows of every table a
# user sees. Only wall-clock fields are left out: started_at/finished_at of imports and
# analysis_runs (but whether finished_at is set counts), the phase timings and `seconds` of a run's
# summary, created_at/updated_at of segmentations and insights.
#
# Usage: bench/kill_loop.sh [build dir]       (or BUILD_DIR=…; default build/)
#   KILLS=N      kills per command (default 17: 51 in all)
#   RUNS=N       uncut runs per command (default 3)
#   SEED=N       seed of the kill delays (default 1)
#   CUSTOMERS=N  demo customers (default 20000); the import file is generated for as many
#   HOLD=S       a busy workbook: in every killed run another connection holds the write lock
#                (BEGIN IMMEDIATE) for the first S seconds (try 6: longer than the 5 s busy
#                timeout); the kill delays then spread over the run time + S
#   VERBOSE=1    one line per kill
#   KEEP=1       keep the work folder (a new kill-loop.XXXXXX in $CW_KILL_DIR, default the build
#                dir) with a copy of every BETWEEN or damaged workbook
# Needs sqlite3 (CLI, with its sha3_query) and the built `clienting`. The import file comes from
# ../shared/tools/gen_transactions.py (python3-numpy) when present, else from the demo's own sales.
set -euo pipefail
source "$(dirname "$0")/common.sh"
build=${1:-${BUILD_DIR:-$root/build}}
bin=$build/src/cli/clienting
kills=${KILLS:-17}
runs=${RUNS:-3}
customers=${CUSTOMERS:-20000}
RANDOM=${SEED:-1}
mkdir -p "${CW_KILL_DIR:-$build}"
work=$(mktemp -d "${CW_KILL_DIR:-$build}/kill-loop.XXXXXX")
hold=${HOLD:-0}

[ -x "$bin" ] || { echo "no $bin: build the target clienting first" >&2; exit 3; }
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 CLI (apt-get install sqlite3)" >&2; exit 3; }
sqlite3 :memory: "select sha3_query('select 1')" >/dev/null 2>&1 ||
    { echo "this sqlite3 CLI has no sha3_query()" >&2; exit 3; }

if [ "${KEEP:-0}" = 1 ]; then echo "work folder: $work"; else trap 'rm -rf "$work"' EXIT; fi

# What a fingerprint covers: table | columns (wall-clock ones left out) | order.
fingerprinted=(
    "imports|id, file, file_name, table_name, profile, content_hash, file_size, finished_at is null, records, loaded, rejected, details|id"
    "import_rejects|*|import_id, line, column_no, reason"
    "managers|*|id"
    "customers|*|id"
    "transactions|*|id"
    "survey_responses|*|id"
    "survey_scores|*|response_id, attribute_id"
    "notes|*|id"
    "custom_fields|*|id"
    "custom_values|*|field_id, entity_id"
    "settings|*|key"
    "analysis_runs|id, finished_at is null, analysis_day, window_start, settings, json_remove(summary, '$.phases', '$.seconds')|id"
    "customer_metrics|*|customer_id"
    "model_fits|*|name"
    "attribute_metrics|*|attribute_id"
    "segmentations|id, name, method, definition, quality|id"
    "segments|*|id"
    "customer_segments|*|segmentation_id, customer_id"
    "insights|id, title, note, source, customer_ids|id"
)

# One line per table: name, row count, SHA3 of the ordered rows.
fingerprint() {
    local entry table columns order query sql=""
    for entry in "${fingerprinted[@]}"; do
        IFS='|' read -r table columns order <<<"$entry"
        query="select $columns from $table order by $order"
        sql+="select '$table', count(*), hex(sha3_query('${query//\'/\'\'}')) from $table;"$'\n'
    done
    sqlite3 -separator ' ' "$1" <<<"$sql"
}

# A workbook file alone (no -wal/-shm beside it), so that `cp` copies all of it.
settle() { sqlite3 "$1" "pragma wal_checkpoint(truncate)" >/dev/null; }
fresh() { rm -f "$2" "$2-wal" "$2-shm" "$2-journal"; cp "$1" "$2"; }
now() { date +%s.%N; }

# --- the workbooks: demo → analysed → k-means "value" (k = 4) = before import --------------------
echo "demo workbook: $customers customers, seed 42 …"
"$bin" demo -w "$work/base.cwb" --customers "$customers" --seed 42 >/dev/null 2>&1
"$bin" analyze -q -w "$work/base.cwb" >/dev/null
"$bin" segment -w "$work/base.cwb" --name value --method kmeans --k 4 --seed 1 --activate >/dev/null
settle "$work/base.cwb"

csv=""
if dir=$(gen_data "$customers" $((customers * 10)) 2>/dev/null); then
    csv=$dir/transactions.csv
    echo "import file: $csv (gen_transactions.py, $((customers * 10)) rows)"
else
    # The demo's own sales, a year later: new rows for the same customers.
    csv=$work/transactions.csv
    sqlite3 -csv -header "$work/base.cwb" \
        "select t.id as transaction_id, c.code as customer_id,
                date(t.ts, 'unixepoch', '+1 year') as date, t.category as product_category,
                t.channel, t.region, t.quantity, t.unit_price, t.cost / t.quantity as unit_cost
         from transactions t join customers c on c.id = t.customer_id
         where t.quantity > 0 order by t.id" >"$csv"
    echo "import file: $csv (the demo's sales a year later; ../shared absent)"
fi

# command name → its arguments (the workbook is appended) and the workbook it starts from
declare -A args
args[import]="import -q $csv"
args[analyze]="analyze -q"
args[segment]="segment --name value --method kmeans --k 6 --seed 7 --activate"
order=(import analyze segment)

# The "before" of each command is the "after" of the one before it.
cp "$work/base.cwb" "$work/import.before.cwb"

declare -A n_kills n_before n_after n_between n_integrity n_finished n_failed run_time
status=0
for step in "${!order[@]}"; do
    cmd=${order[$step]}
    next=${order[$((step + 1))]:-}
    before=$work/$cmd.before.cwb
    fingerprint "$before" >"$work/$cmd.before.fp"

    # Uncut runs: run time and the "after" state, which must not depend on the run.
    times=()
    for r in $(seq 1 "$runs"); do
        fresh "$before" "$work/uncut.cwb"
        t0=$(now)
        # shellcheck disable=SC2086
        "$bin" ${args[$cmd]} -w "$work/uncut.cwb" >/dev/null 2>&1
        t1=$(now)
        times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}')")
        fingerprint "$work/uncut.cwb" >"$work/$cmd.after.$r.fp"
        if ! cmp -s "$work/$cmd.after.1.fp" "$work/$cmd.after.$r.fp"; then
            echo "$cmd: uncut run $r ends in another state than run 1 (not deterministic):" >&2
            diff "$work/$cmd.after.1.fp" "$work/$cmd.after.$r.fp" >&2 || true
            exit 2
        fi
    done
    cp "$work/$cmd.after.1.fp" "$work/$cmd.after.fp"
    settle "$work/uncut.cwb"
    [ -n "$next" ] && cp "$work/uncut.cwb" "$work/$next.before.cwb"
    if cmp -s "$work/$cmd.before.fp" "$work/$cmd.after.fp"; then
        echo "$cmd: changes nothing a fingerprint sees; the loop would prove nothing" >&2
        exit 2
    fi
    # The longest uncut run: the kills must reach the commit at the end even when this run is slow.
    t=$(printf '%s\n' "${times[@]}" | sort -g | tail -1)
    run_time[$cmd]=$t
    echo "$cmd: uncut runs ${times[*]} s (longest $t s); killing $kills times" \
        "$([ "$hold" = 0 ] || echo "with the write lock held for the first $hold s ")…"

    n_kills[$cmd]=0 n_before[$cmd]=0 n_after[$cmd]=0 n_between[$cmd]=0 n_integrity[$cmd]=0
    n_finished[$cmd]=0 n_failed[$cmd]=0
    for i in $(seq 0 $((kills - 1))); do
        # Under a hold the command waits for the lock first: its run time grows by the hold.
        delay=$(awk -v t="$t" -v h="$hold" -v i="$i" -v k="$kills" -v u="$RANDOM" \
            'BEGIN {printf "%.3f", (t + h) * (i + u / 32768) / k}')
        trial=$work/trial.cwb
        fresh "$before" "$trial"
        holder=""
        if [ "$hold" != 0 ]; then
            sqlite3 "$trial" "begin immediate" ".shell sleep $hold" "rollback" >/dev/null 2>&1 &
            holder=$!
            sleep 0.1  # the holder has the write lock
        fi
        # shellcheck disable=SC2086
        "$bin" ${args[$cmd]} -w "$trial" >/dev/null 2>&1 &
        pid=$!
        sleep "$delay"
        kill -KILL "$pid" 2>/dev/null || true
        rc=0
        wait "$pid" 2>/dev/null || rc=$?
        [ -z "$holder" ] || wait "$holder" || true
        n_kills[$cmd]=$((n_kills[$cmd] + 1))
        case $rc in
            137) ;;
            0) n_finished[$cmd]=$((n_finished[$cmd] + 1)) ;;
            *) n_failed[$cmd]=$((n_failed[$cmd] + 1))
               echo "  kill $i at $delay s: the command exited $rc before the kill" ;;
        esac

        check=$(sqlite3 "$trial" "pragma integrity_check" 2>&1 || true)
        if [ "$check" != ok ]; then
            n_integrity[$cmd]=$((n_integrity[$cmd] + 1))
            echo "  kill $i at $delay s (exit $rc): integrity_check: $check" | head -5
            if [ "${KEEP:-0}" = 1 ]; then cp "$trial" "$work/$cmd.integrity.$i.cwb"; fi
            continue
        fi
        fingerprint "$trial" >"$work/trial.fp"
        if cmp -s "$work/trial.fp" "$work/$cmd.before.fp"; then
            n_before[$cmd]=$((n_before[$cmd] + 1)) state=before
        elif cmp -s "$work/trial.fp" "$work/$cmd.after.fp"; then
            n_after[$cmd]=$((n_after[$cmd] + 1)) state=after
        else
            n_between[$cmd]=$((n_between[$cmd] + 1)) state=BETWEEN
            differs=$({ diff "$work/$cmd.before.fp" "$work/trial.fp" || true; } |
                awk '/^>/ {printf "%s(%s) ", $2, $3}')
            echo "  kill $i at $delay s (exit $rc): BETWEEN; tables not as before: $differs"
            if [ "${KEEP:-0}" = 1 ]; then cp "$trial" "$work/$cmd.between.$i.cwb"; fi
        fi
        if [ "${VERBOSE:-0}" = 1 ]; then echo "  kill $i at $delay s (exit $rc): $state"; fi
    done
    if [ "${n_between[$cmd]}" != 0 ] || [ "${n_integrity[$cmd]}" != 0 ]; then status=1; fi
done

echo
printf '%-8s %8s %6s %6s %6s %8s %9s %9s %7s\n' command "run (s)" kills before after BETWEEN integrity finished failed
total=0
for cmd in "${order[@]}"; do
    printf '%-8s %8s %6d %6d %6d %8d %9d %9d %7d\n' "$cmd" "${run_time[$cmd]}" "${n_kills[$cmd]}" \
        "${n_before[$cmd]}" "${n_after[$cmd]}" "${n_between[$cmd]}" "${n_integrity[$cmd]}" \
        "${n_finished[$cmd]}" "${n_failed[$cmd]}"
    total=$((total + n_kills[$cmd]))
done
echo "$total kills. finished: the command had exited (0) before its SIGKILL landed; failed: it"
echo "exited with an error first. Both are classified like the others."
[ "$status" = 0 ] && echo "every killed workbook was intact and either before or after" ||
    echo "FAILED: a workbook between the two states or not intact"
exit "$status"
