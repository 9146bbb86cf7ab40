#!/usr/bin/env python3
"""Reference BG/NBD and Gamma-Gamma fits of CDNOW purchase files, written apart from the C++
engine so that the tests compare against figures it did not produce.

Setting (the one of the published CDNOW fits): time in weeks (days / 7), calibration period up
to and including 1997-09-30, purchases of one customer on one day count as one purchase whose
value is their sum. Per customer: x = purchase days in the period - 1, t_x = weeks from the
first to the last purchase day, T = weeks from the first purchase day to the calibration end,
m = mean value of the x repeat purchase days.

Likelihoods:
- BG/NBD, Fader, Hardie & Lee (2005), "Counting your customers the easy way", eq. 6.
- Gamma-Gamma, Fader & Hardie (2013), "The Gamma-Gamma model of monetary value", eq. 4
  (customers with x > 0 and m > 0).
Both are maximised with scipy.optimize (Nelder-Mead on log-parameters, then BFGS).

Usage:
  cdnow_reference_fit.py FILE...            fit each file, print the parameters
  cdnow_reference_fit.py --check [SHARED]   also check the published sample figures and the
                                            master figures of shared/ANCHORS.md
  cdnow_reference_fit.py --write-slice MASTER SAMPLE K OUT
                                            write the customers of MASTER whose id is K mod 10
                                            and who are not in SAMPLE as `customer,date,value`

Files: `customer,date,value` CSV with a header (tests/data), CDNOW_master.txt (`id date cds
value`, optional header) or CDNOW_sample.txt (`id sample_id date cds value`).
Needs python3-numpy and python3-scipy.
"""
import argparse
import datetime
import os
import sys

import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln, gammaln

CALIBRATION_END = datetime.date(1997, 9, 30)

# Published CDNOW sample figures (FHL 2005; Fader & Hardie 2013) and the master figures of
# shared/ANCHORS.md.
PUBLISHED_SAMPLE = {"r": 0.2426, "alpha": 4.4136, "a": 0.7929, "b": 2.4259, "ll": -9582.43,
                    "p": 6.2496, "q": 3.7442, "gamma": 15.4435}
ANCHOR_MASTER = {"r": 0.2516, "alpha": 4.7889, "a": 0.7234, "b": 2.1611,
                 "p": 6.2754, "q": 3.6245, "gamma": 14.9837}


def read_purchases(path):
    """(customer id, date, value) per line, whatever of the three layouts the file has."""
    rows = []
    with open(path, newline="") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            fields = line.split(",") if "," in line else line.split()
            if not fields[0].isdigit():
                continue  # header
            if len(fields) == 3:  # customer,date,value
                cid, ymd, value = fields
            elif len(fields) == 4:  # master: id date cds value
                cid, ymd, _, value = fields
            elif len(fields) == 5:  # sample: id sample_id date cds value
                cid, _, ymd, _, value = fields
            else:
                raise ValueError(f"{path}: unexpected line {line!r}")
            day = datetime.date(int(ymd[:4]), int(ymd[4:6]), int(ymd[6:8]))
            rows.append((int(cid), day, float(value)))
    return rows


def summarize(rows, end=CALIBRATION_END):
    """Arrays x, t_x, T (weeks) and m (mean repeat-day value) per customer."""
    days = {}
    for cid, day, value in rows:
        if day > end:
            continue
        per_day = days.setdefault(cid, {})
        per_day[day] = per_day.get(day, 0.0) + value
    x, tx, T, m = [], [], [], []
    for cid in sorted(days):
        ordered = sorted(days[cid].items())
        first, last = ordered[0][0], ordered[-1][0]
        repeat = [v for _, v in ordered[1:]]
        x.append(len(repeat))
        tx.append((last - first).days / 7.0)
        T.append((end - first).days / 7.0)
        m.append(sum(repeat) / len(repeat) if repeat else 0.0)
    return np.array(x, float), np.array(tx), np.array(T), np.array(m)


def bgnbd_log_likelihood(params, x, tx, T):
    """Sum over customers of ln L(r, alpha, a, b | x, t_x, T), FHL 2005 eq. 6."""
    r, alpha, a, b = params
    common = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    first = betaln(a, b + x) - betaln(a, b) + common - (r + x) * np.log(alpha + T)
    second = np.full_like(x, -np.inf)
    has = x > 0
    second[has] = (betaln(a + 1, b + x[has] - 1) - betaln(a, b) + common[has]
                   - (r + x[has]) * np.log(alpha + tx[has]))
    return float(np.sum(np.logaddexp(first, second)))


def gammagamma_log_likelihood(params, x, m):
    """Sum over customers of ln f(m | p, q, gamma, x), Fader & Hardie 2013 eq. 4."""
    p, q, g = params
    px = p * x
    return float(np.sum(gammaln(px + q) - gammaln(px) - gammaln(q) + q * np.log(g)
                        + (px - 1) * np.log(m) + px * np.log(x) - (px + q) * np.log(g + m * x)))


def maximise(log_likelihood, start):
    """Maximum of log_likelihood over positive parameters (searched on their logarithms)."""
    objective = lambda u: -log_likelihood(np.exp(u))
    u = minimize(objective, np.log(start), method="Nelder-Mead",
                 options={"xatol": 1e-10, "fatol": 1e-10, "maxiter": 20000, "maxfev": 20000}).x
    best = minimize(objective, u, method="BFGS", options={"gtol": 1e-9})
    if not np.isfinite(best.fun):
        raise RuntimeError("fit did not reach a finite likelihood")
    return np.exp(best.x), -best.fun


def fit(rows):
    x, tx, T, m = summarize(rows)
    bg, bg_ll = maximise(lambda v: bgnbd_log_likelihood(v, x, tx, T), [1.0, 1.0, 1.0, 1.0])
    keep = (x > 0) & (m > 0)
    gg, gg_ll = maximise(lambda v: gammagamma_log_likelihood(v, x[keep], m[keep]),
                         [1.0, 1.0, 1.0])
    return {"customers": len(x), "repeat": int((x > 0).sum()), "gg_customers": int(keep.sum()),
            "r": bg[0], "alpha": bg[1], "a": bg[2], "b": bg[3], "ll": bg_ll,
            "p": gg[0], "q": gg[1], "gamma": gg[2], "gg_ll": gg_ll}


def report(name, f):
    print(f"{name}: {f['customers']} customers, {f['repeat']} with repeat purchases, "
          f"{f['gg_customers']} in the Gamma-Gamma fit")
    print(f"  BG/NBD       r {f['r']:.6f}  alpha {f['alpha']:.6f}  a {f['a']:.6f}  "
          f"b {f['b']:.6f}  LL {f['ll']:.4f}")
    print(f"  Gamma-Gamma  p {f['p']:.6f}  q {f['q']:.6f}  gamma {f['gamma']:.6f}  "
          f"LL {f['gg_ll']:.4f}")


def compare(name, f, expected):
    """Prints the relative differences; True when every parameter is within half a unit of the
    last published digit, give or take 1e-6 (and the log-likelihood within 0.01)."""
    ok = True
    for key, want in expected.items():
        got = f[key]
        if key == "ll":
            good = abs(got - want) <= 0.01
            print(f"  {name} {key:6s} {got:.4f} vs {want} (diff {got - want:+.4f})"
                  f"{'' if good else '  MISMATCH'}")
        else:
            good = abs(got - want) <= 0.5e-4 + 1e-6  # the optimiser's own slack
            print(f"  {name} {key:6s} {got:.6f} vs {want} (relative {(got - want) / want:+.2e})"
                  f"{'' if good else '  MISMATCH'}")
        ok &= good
    return ok


def write_slice(master, sample, k, out):
    in_sample = {cid for cid, _, _ in read_purchases(sample)}
    rows = [r for r in read_purchases_with_order(master) if r[0] % 10 == k and r[0] not in in_sample]
    with open(out, "w", newline="\n") as f:
        f.write("customer,date,value\n")
        for cid, ymd, value in rows:
            f.write(f"{cid},{ymd},{value}\n")
    print(f"{out}: {len(rows)} transactions, {len({r[0] for r in rows})} customers")


def read_purchases_with_order(master):
    """Master lines as (id, 'YYYYMMDD', value text), in file order, value as written."""
    rows = []
    with open(master) as f:
        for line in f:
            fields = line.split()
            if len(fields) == 4 and fields[0].isdigit():
                rows.append((int(fields[0]), fields[1], fields[3]))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--check", nargs="?", const="", metavar="SHARED",
                    help="check the published figures (SHARED: the shared/ folder)")
    ap.add_argument("--write-slice", nargs=4, metavar=("MASTER", "SAMPLE", "K", "OUT"))
    args = ap.parse_args()
    if args.write_slice:
        master, sample, k, out = args.write_slice
        write_slice(master, sample, int(k), out)
        return 0
    ok = True
    if args.check is not None:
        here = os.path.dirname(os.path.abspath(__file__))
        shared = args.check or os.path.join(here, "..", "..", "..", "..", "shared")
        sample = os.path.join(here, "..", "cdnow_sample.csv")
        f = fit(read_purchases(sample))
        report("CDNOW sample (tests/data/cdnow_sample.csv)", f)
        ok &= compare("sample", f, PUBLISHED_SAMPLE)
        master = os.path.join(shared, "data", "cdnow", "CDNOW_master.txt")
        if os.path.exists(master):
            f = fit(read_purchases(master))
            report(f"CDNOW master ({master})", f)
            ok &= compare("master", f, ANCHOR_MASTER)
        else:
            print(f"no {master}: master figures not checked")
    for path in args.files:
        report(path, fit(read_purchases(path)))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
