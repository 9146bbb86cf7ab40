#!/usr/bin/env bash
# Purchase-model benchmark: BG/NBD, Gamma-Gamma and CLV fits on generated data (100k
# customers / 1M transactions) against the lifetimes figures quoted in shared/ANCHORS.md
# (lifetimes cannot be installed here). When /usr/bin/python3 has scipy, an independent
# maximum-likelihood fit of the same summary (the likelihoods as lifetimes writes them,
# scipy BFGS) checks the parameters to 1e-3 and is timed in the same run.
# Usage: bench/models.sh [path/to/bench-models-bin] [transactions] [customers]
set -euo pipefail
source "$(dirname "$0")/common.sh"
bin=${1:-$root/build/bench/bench-models-bin}
n=${2:-1000000}
c=${3:-$((n / 10))}
dir=$(gen_data "$c" "$n") || exit 0
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

rc=0
"$bin" "$dir/transactions.csv" "${RUNS:-5}" "$work/summary.csv" >"$work/out.txt" || rc=$?
grep -v '^PARAMS ' "$work/out.txt"
[ "$rc" -eq 0 ] || { echo "the fits did not converge (exit $rc)"; exit "$rc"; }
read -r _ r alpha a b p q g < <(grep '^PARAMS ' "$work/out.txt")

if ! /usr/bin/python3 -c 'import scipy' 2>/dev/null; then
    echo "  (no scipy for /usr/bin/python3: parameter cross-check skipped)"
    exit 0
fi
/usr/bin/python3 - "$work/summary.csv" "$r" "$alpha" "$a" "$b" "$p" "$q" "$g" <<'PY'
import sys, time
import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln

d = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
x, tx, T, mx = d[:, 0], d[:, 1], d[:, 2], d[:, 3]
ours = [float(v) for v in sys.argv[2:]]

def bgnbd_nll(u):
    r, alpha, a, b = np.exp(u)
    A1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    A2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    A3 = -(r + x) * np.log(alpha + T)
    xs = np.where(x > 0, x, 1.0)
    A4 = np.where(x > 0, np.log(a) - np.log(b + xs - 1) - (r + x) * np.log(alpha + tx), -np.inf)
    return -np.mean(A1 + A2 + np.logaddexp(A3, A4))

rep = (x > 0) & (mx > 0)
xr, mr = x[rep], mx[rep]
def gg_nll(u):
    p, q, g = np.exp(u)
    return -np.mean(gammaln(p * xr + q) - gammaln(p * xr) - gammaln(q) + q * np.log(g)
                    + (p * xr - 1) * np.log(mr) + p * xr * np.log(xr) - (p * xr + q) * np.log(g + xr * mr))

def fit(f, u0):
    t = time.perf_counter()
    res = minimize(f, u0, method="BFGS", options={"gtol": 1e-9, "maxiter": 1000})
    return np.exp(res.x), time.perf_counter() - t, res

bg, tbg, rbg = fit(bgnbd_nll, np.zeros(4))
gg, tgg, rgg = fit(gg_nll, np.zeros(3))
dbg = np.max(np.abs(np.array(ours[:4]) / bg - 1))
dgg = np.max(np.abs(np.array(ours[4:]) / gg - 1))
print("  reference fit, scipy %s BFGS (numerical gradient) on the same summary, timed here:" % __import__("scipy").__version__)
print("    BG/NBD  r %.6g alpha %.6g a %.6g b %.6g  %.0f ms (%s)" % (*bg, tbg * 1e3, "ok" if rbg.success else rbg.message))
print("    Gamma-Gamma  p %.6g q %.6g gamma %.6g  %.0f ms (%s)" % (*gg, tgg * 1e3, "ok" if rgg.success else rgg.message))
print("    max relative difference of our parameters: BG/NBD %.1e, Gamma-Gamma %.1e (target <= 1e-3): %s"
      % (dbg, dgg, "same" if max(dbg, dgg) <= 1e-3 else "DIFFERENT"))
sys.exit(0 if max(dbg, dgg) <= 1e-3 else 2)
PY
