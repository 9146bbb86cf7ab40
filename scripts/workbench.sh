#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine:
#   scripts/workbench.sh run   install what is missing, build, open the workbench on the demo workbook
#   scripts/workbench.sh test  install what is missing, build, run the whole test suite
# Environment: BUILD_DIR (default build), JOBS (default 2), CW_DEMO_CUSTOMERS (default 3000).
set -euo pipefail
mode=${1:-run}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
jobs=${JOBS:-2}

packages=(build-essential cmake ninja-build pkg-config git
  qt6-base-dev libqt6sql6-sqlite libqt6opengl6-dev qt6-svg-dev libgl-dev libxkbcommon-dev
  libeigen3-dev libspdlog-dev libfmt-dev libsqlite3-dev sqlite3 libgtest-dev libgmock-dev
  nlohmann-json3-dev libcli11-dev libfast-float-dev libxxhash-dev libnlopt-cxx-dev libboost-math-dev
  libxlsxwriter-dev qt6-pdf-dev
  xvfb xauth poppler-utils unzip fonts-dejavu-core time xz-utils ccache util-linux)

install_missing() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "Missing Debian packages. Install them with:"
        echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
        exit 1
    fi
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
}

configure_and_build() {
    # With ccache, compiles are cached (paths relative to the checkout, no build-directory hash:
    # a fresh clone elsewhere, as in CI, hits the cache of an earlier build); ccache cannot cache
    # compiles that use CMake's precompiled headers, so those are used only without it.
    local launcher=(-DCW_PCH=ON)
    if command -v ccache >/dev/null 2>&1; then
        export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
        launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCW_PCH=OFF)
    fi
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
    cmake --build "$build" -j "$jobs"
}

runtime_env() {
    if [ -z "${XDG_RUNTIME_DIR:-}" ]; then
        export XDG_RUNTIME_DIR=$(mktemp -d /tmp/runtime-XXXXXX)
        chmod 700 "$XDG_RUNTIME_DIR"
    fi
}

demo_workbook() {
    local demo=$build/demo.cwb
    if [ ! -f "$demo" ]; then
        "$build/src/cli/clienting" demo -w "$demo" --customers "${CW_DEMO_CUSTOMERS:-3000}" --seed 42 >/dev/null
        "$build/src/cli/clienting" analyze -q -w "$demo" >/dev/null
    fi
    echo "$demo"
}

install_missing
configure_and_build
runtime_env
case "$mode" in
run)
    demo=$(demo_workbook)
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        exec "$build/src/app/clienting-workbench" "$demo"
    fi
    echo "No display: starting the workbench under Xvfb and saving a screenshot to $build/workbench.png"
    xvfb-run -a -s "-screen 0 1600x1000x24" "$build/src/app/clienting-workbench" --screenshot "$build/workbench.png" "$demo"
    echo "Screenshot: $build/workbench.png"
    ;;
test)
    export QT_QPA_PLATFORM=offscreen
    cd "$build"
    ctest --output-on-failure -j "$jobs" --timeout 600
    # The report from the command line with no display at all (no X server, no platform set).
    demo=$(demo_workbook)
    env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$build/src/cli/clienting" report -w "$demo" \
        --out "$build/report.pdf" --xlsx "$build/report.xlsx"
    ;;
*)
    echo "usage: $0 run|test" >&2
    exit 1
    ;;
esac
