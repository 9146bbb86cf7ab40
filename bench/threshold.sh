#!/usr/bin/env bash
# Responsiveness of a threshold change with the UCI Online Retail workbook open (needs
# ../shared/data/online-retail): imports and analyses it once into build/bench-data, then runs
# bench-threshold-bin. Usage: bench/threshold.sh [build dir]
set -euo pipefail
source "$(dirname "$0")/common.sh"
build=${1:-$root/build}
src=$shared/data/online-retail/online_retail.csv.xz
[ -f "$src" ] || { echo "../shared/data/online-retail is absent: this benchmark needs it"; exit 0; }
wb=$data_root/online-retail.cwb
if [ ! -f "$wb" ]; then
    mkdir -p "$data_root"
    xz -dc "$src" >"$data_root/online_retail.csv"
    "$build/src/cli/clienting" new -w "$wb" >/dev/null
    "$build/src/cli/clienting" import -q -w "$wb" --profile online-retail "$data_root/online_retail.csv" >/dev/null
    "$build/src/cli/clienting" analyze -q -w "$wb" >/dev/null
fi
QT_QPA_PLATFORM=offscreen "$build/bench/bench-threshold-bin" "$wb" 21
