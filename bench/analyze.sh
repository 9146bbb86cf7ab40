#!/usr/bin/env bash
# Analysis benchmark: a workbook of the generated 1M transactions / 100k customers (managers,
# customers, transactions imported), a k-means segmentation (k = 6, one k-means++ start, 8
# metrics) stored in it, then `clienting analyze` end to end (scan, metrics, BG/NBD, Gamma-Gamma,
# CLV, survey, loyalty, exits, storing 100k rows, re-running the segmentation), median of RUNS.
# In the same run: scikit-learn's KMeans on the very feature matrix the segmentation clusters
# (exported by `clienting segment --export-features`), through bench/kmeans_bench.cpp and
# bench/sklearn_kmeans.py. The Python lifetimes package cannot be installed here; its figures on
# the same data are quoted from ../shared/ANCHORS.md (BG/NBD 1.05 s, Gamma-Gamma 0.42 s, CLV 0.45 s).
# Usage: bench/analyze.sh [build dir] [transactions] [customers]     BIG=1 also runs 10M / 1M once.
set -euo pipefail
source "$(dirname "$0")/common.sh"
build=${1:-$root/build}
bin=$build/src/cli/clienting
kmeans_bin=$build/bench/bench-kmeans-bin
n=${2:-1000000}
c=${3:-$((n / 10))}
runs=${RUNS:-5}
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 3; }

features=revenue,margin,orders,recency_days,tenure_days,months_active,p_alive,expected_purchases

analyze_once() {  # WORKBOOK OUT_PREFIX -> prints "seconds peak_kb json_file"
    /usr/bin/time -f "%e %M" -o "$2.time" "$bin" analyze -q --json -w "$1" >"$2.json"
    echo "$(cat "$2.time") $2.json"
}

run_size() {
    local n=$1 c=$2 runs=$3
    local dir; dir=$(gen_data "$c" "$n") || return 0
    local work; work=$(mktemp -d)
    local wb=$work/bench.cwb
    "$bin" new -w "$wb" >/dev/null
    trap 'rm -rf "$work"' RETURN
    "$bin" import -q -w "$wb" --table managers "$dir/managers.csv" >/dev/null
    "$bin" import -q -w "$wb" --table customers "$dir/customers.csv" >/dev/null
    "$bin" import -q -w "$wb" --table transactions "$dir/transactions.csv" >/dev/null
    "$bin" analyze -q -w "$wb" >/dev/null  # the metrics the segmentation needs
    "$bin" segment -w "$wb" --name bench --method kmeans --k 6 --restarts 1 --seed 0 --features "$features" --activate >/dev/null
    local times=() peaks=() last=""
    for i in $(seq "$runs"); do
        read -r s kb f < <(analyze_once "$wb" "$work/run$i")
        times+=("$s"); peaks+=("$kb"); last=$f
    done
    local med; med=$(median "${times[@]}")
    echo "analysis benchmark: $n transactions, $c customers, median of $runs whole-process runs"
    printf '  clienting analyze  %6.3f s   peak %5d MiB   runs: %s\n' "$med" $(( $(median "${peaks[@]}") / 1024 )) "${times[*]}"
    # `clienting model` fits what analyze fits (same scan, same log): as a whole process it must
    # not take longer than the whole analysis.
    local mtimes=()
    for i in $(seq "$runs"); do
        /usr/bin/time -f "%e" -o "$work/model.time" "$bin" model --json -w "$wb" >"$work/model.json" || true
        mtimes+=("$(cat "$work/model.time")")
    done
    local mmed; mmed=$(median "${mtimes[@]}")
    printf '  clienting model    %6.3f s   runs: %s   model / analyze %.2fx (target <= 1.00x)\n' "$mmed" "${mtimes[*]}" \
        "$(awk -v m="$mmed" -v a="$med" 'BEGIN {print m / a}')"
    /usr/bin/python3 - "$last" "$c" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
big = int(sys.argv[2]) >= 1000000
# lifetimes 0.11.3 on the same generated data (ANCHORS.md): BG/NBD fit, Gamma-Gamma fit, 12-month CLV
anchor = (10.5, 3.7, 4.6) if big else (1.05, 0.42, 0.45)
print("  phases of the last run (in-process):")
for p in j["phases"]:
    print(f"    {p['phase']:<24} {p['seconds'] * 1000:8.1f} ms")
print(f"    {'total':<24} {j['seconds'] * 1000:8.1f} ms" + ("" if big else "   (target <= 1000 ms)"))
models = next((p["seconds"] for p in j["phases"] if p["phase"] == "models"), None)
bg = j["models"].get("bgnbd", {})
gg = j["models"].get("gamma_gamma", {})
print(f"  BG/NBD r {bg.get('r', float('nan')):.4f} alpha {bg.get('alpha', float('nan')):.4f} a {bg.get('a', float('nan')):.4f} "
      f"b {bg.get('b', float('nan')):.4f} converged {bg.get('converged')}; Gamma-Gamma p {gg.get('p', float('nan')):.4f} "
      f"q {gg.get('q', float('nan')):.4f} gamma {gg.get('gamma', float('nan')):.4f} converged {gg.get('converged')}")
if models:
    print(f"  models phase (BG/NBD + Gamma-Gamma + P(alive) + 12-month CLV, all customers) {models * 1000:.1f} ms; "
          f"lifetimes on this data (ANCHORS.md, not runnable here) {anchor[0]} + {anchor[1]} + {anchor[2]} = {sum(anchor):.2f} s "
          f"-> {sum(anchor) / models:.0f}x faster (target >= 20x)")
c = j["customers"]
print(f"  customers {c['total']}, active {c['active']}, exits {c['exited']}, anorexic {c['anorexic']}")
PY
    if [ "$n" -le 1000000 ]; then
        if [ -x "$kmeans_bin" ] && /usr/bin/python3 -c 'import sklearn' 2>/dev/null; then
            "$bin" segment -w "$wb" --method kmeans --k 6 --features "$features" --export-features "$work/features.csv" >/dev/null
            "$kmeans_bin" "$work/features.csv" "$work/init.csv" 6 5 2 >"$work/ours.txt"
            /usr/bin/python3 "$here/sklearn_kmeans.py" time "$work/features.csv" "$work/init.csv" 5 >"$work/sk.txt"
            get() { awk -v k="$2" '$1 == k {print $2}' "$1"; }
            rest() { awk -v k="$2" '$1 == k {$1 = ""; print substr($0, 2)}' "$1"; }
            local o s; o=$(get "$work/ours.txt" ours_ms); s=$(get "$work/sk.txt" sklearn_ms)
            echo "  k-means on the segmentation's feature matrix ($(get "$work/ours.txt" ours_rows) x 8), k = 6, k-means++, n_init = 1, median of 5:"
            printf '    ours %.1f ms   scikit-learn %.1f ms   ratio %.2fx (target <= 1.00x)\n' "$o" "$s" "$(awk -v o="$o" -v s="$s" 'BEGIN {print o / s}')"
            local oi si; oi=$(get "$work/ours.txt" ours_same_init_inertia); si=$(get "$work/sk.txt" sklearn_same_init_inertia)
            echo "    inertia from the same initial centroids: ours $oi  scikit-learn $si  rel. diff $(awk -v a="$oi" -v b="$si" 'BEGIN {printf "%.2e", (a - b) / b}') (target within 1e-3)"
            local ob sb; ob=$(rest "$work/ours.txt" ours_best10_inertia); sb=$(rest "$work/sk.txt" sklearn_best10_inertia)
            echo "    inertia, best of 10 restarts (seeds 0 1 2): ours $ob | scikit-learn $sb"
        else
            echo "  (k-means comparison skipped: needs $kmeans_bin and python3-sklearn + libopenblas0-pthread)"
        fi
    fi
    rm -rf "$work"
}

run_size "$n" "$c" "$runs"
if [ "${BIG:-0}" = 1 ]; then
    run_size 10000000 1000000 1
fi
