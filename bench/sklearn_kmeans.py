#!/usr/bin/env python3
"""k-means benchmark helper (bench/kmeans.sh).

  features TRANSACTIONS_CSV OUT_CSV   8 standardised per-customer features, one row per customer
  time FEATURES_CSV INIT_CSV RUNS     scikit-learn KMeans(k=6): fit time (median of RUNS,
                                      k-means++, n_init=1), inertia from INIT_CSV, best of 10
"""
import csv
import sys
import time

import numpy as np


def features(src, out):
    cust, month, cat, chan, qty, price, cost = [], [], [], [], [], [], []
    cats, chans = {}, {}
    with open(src, newline="") as f:
        r = csv.reader(f)
        next(r)
        for row in r:
            cust.append(int(row[1]))
            month.append(int(row[2][:4]) * 12 + int(row[2][5:7]))
            cat.append(cats.setdefault(row[3], len(cats)))
            chan.append(chans.setdefault(row[4], len(chans)))
            qty.append(float(row[6]))
            price.append(float(row[7]))
            cost.append(float(row[8]))
    cust, month, cat, chan = map(np.asarray, (cust, month, cat, chan))
    qty, price, cost = map(np.asarray, (qty, price, cost))
    ids, c = np.unique(cust, return_inverse=True)
    n = len(ids)
    revenue = qty * price
    rev = np.bincount(c, revenue, n)
    lines = np.bincount(c, None, n)
    margin = np.bincount(c, revenue - qty * cost, n)
    months = np.array([len(set(x)) for x in np.split(month[np.argsort(c, kind="stable")], np.cumsum(lines)[:-1].astype(int))])
    ncat = np.array([len(set(x)) for x in np.split(cat[np.argsort(c, kind="stable")], np.cumsum(lines)[:-1].astype(int))])
    web = np.bincount(c, chan == chans.get("web", -1), n) / lines
    store = np.bincount(c, chan == chans.get("store", -1), n) / lines
    span = np.bincount(c, None, n)  # placeholder replaced below
    first = np.full(n, 10**9); last = np.zeros(n, int)
    np.minimum.at(first, c, month); np.maximum.at(last, c, month)
    span = last - first + 1
    x = np.column_stack([np.log1p(np.maximum(rev, 0)), np.log(lines), np.log1p(np.maximum(rev, 0) / lines),
                         months / span, ncat, web, store, margin / np.maximum(rev, 1e-9)])
    x = (x - x.mean(0)) / np.where(x.std(0) > 0, x.std(0), 1)
    np.savetxt(out, x, delimiter=",", fmt="%.17g")
    print(f"{n} customers x {x.shape[1]} features -> {out}", file=sys.stderr)


def timing(path, init_path, runs):
    from sklearn.cluster import KMeans
    x = np.loadtxt(path, delimiter=",")
    init = np.loadtxt(init_path, delimiter=",")
    times, inertia = [], None
    for i in range(runs):
        km = KMeans(n_clusters=6, n_init=1, init="k-means++", random_state=i)
        t = time.perf_counter()
        km.fit(x)
        times.append(time.perf_counter() - t)
        inertia = km.inertia_ if inertia is None else inertia
        last = km
    same_times = []
    for i in range(runs):
        same = KMeans(n_clusters=6, n_init=1, init=init)
        t = time.perf_counter()
        same.fit(x)
        same_times.append(time.perf_counter() - t)
    best = [KMeans(n_clusters=6, n_init=10, init="k-means++", random_state=s).fit(x).inertia_ for s in range(3)]
    print(f"sklearn_ms {np.median(times) * 1000:.1f}")
    print(f"sklearn_runs {' '.join(f'{t * 1000:.1f}' for t in times)}")
    print(f"sklearn_iterations {last.n_iter_}")
    print(f"sklearn_inertia {inertia:.10g}")
    print(f"sklearn_same_init_inertia {same.inertia_:.10g} iterations {same.n_iter_}")
    print(f"sklearn_same_init_ms {np.median(same_times) * 1000:.1f}")
    print(f"sklearn_best10_inertia {' '.join(f'{b:.10g}' for b in best)}")


if __name__ == "__main__":
    if sys.argv[1] == "features":
        features(sys.argv[2], sys.argv[3])
    else:
        timing(sys.argv[2], sys.argv[3], int(sys.argv[4]))
