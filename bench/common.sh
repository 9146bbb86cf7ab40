# Shared helpers of the benchmark scripts (sourced).
# Generated data lives in $CW_BENCH_DATA (default: build/bench-data), made by
# ../shared/tools/gen_transactions.py, the generator ../shared/ANCHORS.md used.

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
shared=${CW_SHARED:-$root/../shared}
data_root=${CW_BENCH_DATA:-$root/build/bench-data}

# gen_data CUSTOMERS TRANSACTIONS -> prints the folder holding transactions.csv
gen_data() {
    local c=$1 n=$2 dir="$data_root/c$1-t$2"
    if [ ! -s "$dir/transactions.csv" ]; then
        if [ ! -f "$shared/tools/gen_transactions.py" ]; then
            echo "shared/tools/gen_transactions.py is absent: this benchmark needs ../shared (see bench/README.md)" >&2
            return 3
        fi
        /usr/bin/python3 -c 'import numpy' 2>/dev/null || { echo "needs python3-numpy (apt-get install python3-numpy)" >&2; return 3; }
        mkdir -p "$dir"
        echo "generating $n transactions / $c customers (seed 42) …" >&2
        /usr/bin/python3 "$shared/tools/gen_transactions.py" --customers "$c" --transactions "$n" --seed 42 --out "$dir" >&2
    fi
    echo "$dir"
}

# demo_workbook CLIENTING CUSTOMERS -> prints the path of a demo workbook (`clienting demo`, seed
# 42) of CUSTOMERS customers, analysed; made once and kept in $data_root for every benchmark.
demo_workbook() {
    local cli=$1 c=$2 wb="$data_root/demo-c$2.cwb"
    if [ ! -f "$wb" ]; then
        mkdir -p "$data_root"
        echo "making a demo workbook of $c customers and analysing it (once) …" >&2
        rm -f "$wb.making"
        "$cli" demo -q -w "$wb.making" --customers "$c" --seed 42 >/dev/null
        "$cli" analyze -q -w "$wb.making" >/dev/null
        mv "$wb.making" "$wb"
    fi
    echo "$wb"
}

# timed OUTVAR_SECONDS OUTVAR_KB command… : wall seconds and peak RSS (KiB) of a command
timed() {
    local __s=$1 __m=$2; shift 2
    local f; f=$(mktemp)
    /usr/bin/time -f "%e %M" -o "$f" "$@" >/dev/null
    read -r "$__s" "$__m" <"$f"
    rm -f "$f"
}

# timed_cpu OUTVAR_SECONDS OUTVAR_CPU_SECONDS OUTVAR_KB command… : wall seconds, CPU seconds
# (user + system, every thread) and peak RSS (KiB) of a command
timed_cpu() {
    local __s=$1 __c=$2 __m=$3; shift 3
    local f; f=$(mktemp)
    /usr/bin/time -f "%e %U %S %M" -o "$f" "$@" >/dev/null
    local __w __u __y __k
    read -r __w __u __y __k <"$f"
    rm -f "$f"
    printf -v "$__s" '%s' "$__w"
    printf -v "$__c" '%s' "$(awk -v u="$__u" -v y="$__y" 'BEGIN {printf "%.2f", u + y}')"
    printf -v "$__m" '%s' "$__k"
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
