#!/usr/bin/env bash
# k-means benchmark: our k-means (bench-kmeans-bin) against scikit-learn's KMeans on the same
# matrix of 8 standardised per-customer features built from the generated transactions;
# k = 6, k-means++, n_init = 1, fit time only, median of RUNS (5). Inertia is compared from the
# same initial centroids (ours written out, scikit-learn init=array) and as best of 10 restarts.
# Usage: bench/kmeans.sh [path/to/bench-kmeans-bin] [transactions] [customers]
set -euo pipefail
source "$(dirname "$0")/common.sh"
bin=${1:-$root/build/bench/bench-kmeans-bin}
n=${2:-1000000}
c=${3:-$((n / 10))}
runs=${RUNS:-5}
/usr/bin/python3 -c 'import sklearn' 2>/dev/null ||
    { echo "needs scikit-learn (apt-get install --no-install-recommends python3-sklearn libopenblas0-pthread)"; exit 3; }
dir=$(gen_data "$c" "$n") || exit 0
features=$dir/kmeans_features.csv
[ -s "$features" ] || /usr/bin/python3 "$here/sklearn_kmeans.py" features "$dir/transactions.csv" "$features"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

"$bin" "$features" "$work/init.csv" 6 "$runs" 2 >"$work/ours.txt"
/usr/bin/python3 "$here/sklearn_kmeans.py" time "$features" "$work/init.csv" "$runs" >"$work/sk.txt"
get() { awk -v k="$2" '$1 == k {print $2}' "$1"; }
rest() { awk -v k="$2" '$1 == k {$1 = ""; print substr($0, 2)}' "$1"; }
o=$(get "$work/ours.txt" ours_ms); s=$(get "$work/sk.txt" sklearn_ms)
echo "k-means benchmark: $(get "$work/ours.txt" ours_rows) customers x 8 features, k = 6, k-means++, n_init = 1, median of $runs"
printf '  %-36s %8.1f ms   runs: %s   iterations (seed 0): %s\n' "ours (2 threads)" "$o" "$(rest "$work/ours.txt" ours_runs)" "$(get "$work/ours.txt" ours_iterations)"
printf '  %-36s %8.1f ms   runs: %s   iterations (last): %s\n' "scikit-learn $(/usr/bin/python3 -c 'import sklearn; print(sklearn.__version__)')" "$s" "$(rest "$work/sk.txt" sklearn_runs)" "$(get "$work/sk.txt" sklearn_iterations)"
echo "  ratio ours/scikit-learn: $(awk -v o="$o" -v s="$s" 'BEGIN {printf "%.2f", o / s}')x (target <= 1.00x)"
echo "  inertia, first run (different seeds): ours $(get "$work/ours.txt" ours_inertia)  scikit-learn $(get "$work/sk.txt" sklearn_inertia)"
oi=$(get "$work/ours.txt" ours_same_init_inertia); si=$(get "$work/sk.txt" sklearn_same_init_inertia)
echo "  inertia, same initial centroids:    ours $(rest "$work/ours.txt" ours_same_init_inertia)  scikit-learn $(rest "$work/sk.txt" sklearn_same_init_inertia)" \
     "  rel. diff $(awk -v a="$oi" -v b="$si" 'BEGIN {printf "%.2e", (a - b) / b}')"
echo "  fit time from the same centroids (same iterations): ours $(get "$work/ours.txt" ours_same_init_ms) ms  scikit-learn $(get "$work/sk.txt" sklearn_same_init_ms) ms"
ob=$(rest "$work/ours.txt" ours_best10_inertia); sb=$(rest "$work/sk.txt" sklearn_best10_inertia)
echo "  inertia, best of 10 restarts, seeds 0 1 2: ours $ob"
echo "                                      scikit-learn $sb"
echo "  best of those, rel. diff ours vs scikit-learn: $(echo "$ob|$sb" | awk -F'|' '{n = split($1, a, " "); m = split($2, b, " "); x = a[1]; for (i = 2; i <= n; i++) if (a[i] < x) x = a[i]; y = b[1]; for (i = 2; i <= m; i++) if (b[i] < y) y = b[i]; printf "%.2e", (x - y) / y}') (target within 1e-3)"
