#!/usr/bin/env python3
"""Writes the synthetic fixture of the key-management-indicator tests (tests/data/kpi/).

Why: tests/engine/KpiValues_test.cpp imports these files, runs the analysis and recomputes every
stored part of kpi_values (docs/indicators.md) with its own SQL. The data is made up so that each
rule of the indicators has cases to bite on, in a file small enough to read by hand:

- managers.csv: a three-level hierarchy. Director D1; regional managers R1, R2, R3 under it;
  commercial managers C11, C12 (R1), C21, C22, C23 (R2), C31, C32 (R3). D1 and R2 have customers
  of their own, C32 has none (a node without customers gets no rows); C11 is listed before its
  parent R1 and R1 before D1.
- customers.csv: 70 customers (code, name, region, channel, manager, a numeric `wallet` custom
  field for some); 5 without a manager, 2 that never buy, one without a channel and one whose
  channel has no cost-to-serve row (both take the default rates). Two more customers appear only
  in the transactions (K901) or only in the survey (K950): both have no manager.
- transactions.csv: invoices from 2022-09-05 to 2024-11-19 (the analysis date, the last
  transaction day), with times of day: customers arriving over the whole span, customers who
  stop buying (exits, some of them big spenders: profitable exits), customers who keep buying
  but much less (anorexia, at different period ends), returns (negative amounts), a fifth of the
  rows without a cost (the gross margin rate applies), several invoices of one customer on one
  day, a few anonymous sales, and customer K012 whose only transaction of June 2023 is a return.
- survey.csv: dated answers (date and time) with an overall satisfaction 0-10 and a likelihood
  to recommend 0-10; some customers answer twice in a period (once twice on one day, the later
  answer listed first), some answers lack the recommendation or the overall score, one answer
  has no date, one is dated after the analysis date, and the first answer (2022-08-22) comes
  before the first purchase, so the first month of the indicators is August 2022.
- cost_to_serve.csv: rates per order and per customer-year by channel (the field channel split
  into two activities, which add up) and a default row without a channel.

Deterministic: a fixed seed and only random.Random.random() (reproducible across Python 3
versions and platforms). Standard library only. Run from anywhere:
    python3 tests/data/tools/make_kpi_fixture.py
it (re)writes the CSVs in tests/data/kpi/.
"""

import csv
import datetime as dt
import math
import os
import random

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "kpi")
RNG = random.Random(20241119)

FIRST_SALE = dt.date(2022, 9, 5)
ANALYSIS = dt.date(2024, 11, 19)  # the last transaction day: the analysis date by default


def u():
    return RNG.random()


def pick(seq):
    return seq[int(u() * len(seq))]


def day_plus(d, days):
    return d + dt.timedelta(days=int(days))


def stamp(d, hour=None, minute=None):
    hour = 8 + int(u() * 10) if hour is None else hour
    minute = int(u() * 60) if minute is None else minute
    return f"{d.isoformat()} {hour:02d}:{minute:02d}"


# ---- managers ---------------------------------------------------------------------------------
# (code, name, parent, level, region), in file order: children before their parent at the top.
MANAGERS = [
    ("C11", "Chloe Martin", "R1", "commercial", "North"),
    ("R1", "Robert North", "D1", "regional", "North"),
    ("D1", "Diane Director", "", "director", ""),
    ("C12", "Carl Dubois", "R1", "commercial", "North"),
    ("R2", "Rita South", "D1", "regional", "South"),
    ("C21", "Clara Petit", "R2", "commercial", "South"),
    ("C22", "Cedric Roux", "R2", "commercial", "South"),
    ("C23", "Camille Leroy", "R2", "commercial", "South"),
    ("R3", "Raoul East", "D1", "regional", "East"),
    ("C31", "Cyril Moreau", "R3", "commercial", "East"),
    ("C32", "Celine Faure", "R3", "commercial", "East"),  # no customers
]
REGION_OF = {code: region for code, _, _, _, region in MANAGERS}

# ---- customers --------------------------------------------------------------------------------
# Customers per manager ("" = no manager); 70 in all.
PER_MANAGER = [("D1", 1), ("C11", 8), ("C12", 9), ("R2", 4), ("C21", 10), ("C22", 8), ("C23", 7),
               ("C31", 12), ("", 5), ("C12", 1), ("C21", 1), ("C31", 4)]
CHANNELS = ["web", "store", "field"]

customers = []
n = 0
for manager, count in PER_MANAGER:
    for _ in range(count):
        n += 1
        code = f"K{n:03d}"
        region = REGION_OF.get(manager) or pick(["North", "South", "East", "West"])
        customers.append({"code": code, "name": f"Customer {n:03d}", "region": region,
                          "channel": pick(CHANNELS), "manager": manager, "wallet": ""})
customers[6]["channel"] = ""        # no channel: default rates
customers[40]["channel"] = "phone"  # a channel without rates: default rates
for c in customers:
    if u() < 0.6:
        c["wallet"] = f"{2000 + int(u() * 18) * 500}"

# Behaviour of each customer: (kind, start, stop or drop date, mean gap in days, mean amount).
#   steady   buys from start to the end
#   exit     buys from start to stop, then never again
#   anorexic buys normally until drop, then three times less often and for less
#   once     a single purchase
#   never    no transaction
profiles = {}
span = (ANALYSIS - FIRST_SALE).days
for i, c in enumerate(customers):
    code = c["code"]
    r = u()
    start = day_plus(FIRST_SALE, (u() ** 1.6) * (span - 60))  # more customers early on
    gap = 18 + u() * 50
    amount = 120 + (u() ** 2) * 1400
    if code in ("K069", "K070"):
        kind = "never"
    elif code == "K001":  # the director's key account
        kind, start, gap, amount = "steady", FIRST_SALE, 12, 2600
    elif r < 0.18:
        kind = "exit"
    elif r < 0.36:
        kind = "anorexic"
    elif r < 0.42:
        kind = "once"
    else:
        kind = "steady"
    stop = None
    if kind == "exit":
        # The exit day (last purchase + 180 days or more) must fall before the analysis date.
        start = day_plus(FIRST_SALE, u() * 200)
        stop = day_plus(dt.date(2023, 2, 1), u() * 430)
        if u() < 0.5:
            amount = 900 + u() * 1500  # big spenders: profitable exits
    elif kind == "anorexic":
        start = day_plus(FIRST_SALE, u() * 250)
        stop = day_plus(dt.date(2023, 6, 1), u() * 420)  # the drop
        gap = min(gap, 30)
    elif kind == "once":
        start = day_plus(FIRST_SALE, u() * (span - 5))
    profiles[code] = (kind, start, stop, gap, amount)

# The first sale of the workbook and the last day are fixed by hand.
profiles["K002"] = ("steady", FIRST_SALE, None, 25, 700)
profiles["K012"] = ("steady", dt.date(2023, 1, 9), None, 21, 450)  # only a return in June 2023

# ---- transactions -----------------------------------------------------------------------------
rows = []  # (datetime text, customer code, revenue, cost or None)


def add_sale(code, d, amount, hour=None, minute=None):
    revenue = round(amount * (0.6 + 0.8 * u()), 2)
    cost = None if u() < 0.2 else round(revenue * (0.45 + 0.3 * u()), 2)
    rows.append([stamp(d, hour, minute), code, revenue, cost])
    if u() < 0.06 and day_plus(d, 20) <= ANALYSIS:  # part of it comes back
        back = round(revenue * (0.2 + 0.5 * u()), 2)
        back_cost = None if cost is None else round(-cost * back / revenue, 2)
        rows.append([stamp(day_plus(d, 1 + u() * 19)), code, -back, back_cost])


for c in customers + [{"code": "K901"}]:
    code = c["code"]
    if code == "K901":  # known from the transactions only (no manager)
        profile = ("steady", dt.date(2023, 4, 3), None, 35, 300)
    else:
        profile = profiles[code]
    kind, start, stop, gap, amount = profile
    if kind == "never":
        continue
    if kind == "once":
        add_sale(code, start, amount)
        continue
    d = start
    end = stop if kind == "exit" else ANALYSIS
    while d <= end:
        if code == "K012" and (d.year, d.month) == (2023, 6):
            d = day_plus(d, 3)
            continue
        slow = kind == "anorexic" and d >= stop
        add_sale(code, d, amount * (0.4 if slow else 1.0))
        if u() < 0.05:  # a second invoice the same day
            add_sale(code, d, amount * 0.3)
        step = -math.log(1 - u()) * gap * (3 if slow else 1)
        d = day_plus(d, max(2, step))

rows.append(["2023-05-26 09:15", "K012", 455.0, 300.0])
rows.append(["2023-06-07 16:40", "K012", -220.0, None])  # K012's only transaction of June 2023
# Several invoices on one day.
for hour in (9, 11, 15):
    rows.append([stamp(dt.date(2024, 3, 12), hour), "K004", 180.0 + hour, 110.0])
rows.append([stamp(dt.date(2023, 10, 3), 10), "K030", 640.0, None])
rows.append([stamp(dt.date(2023, 10, 3), 17), "K030", 95.5, 60.0])
# Anonymous sales (no customer: in no node, not even the company's).
for k in range(8):
    rows.append([stamp(day_plus(dt.date(2023, 1, 10), 70 * k)), "", round(40 + 200 * u(), 2), None])
# The first and the last transaction of the workbook.
rows.append([stamp(FIRST_SALE, 10, 5), "K002", 820.0, 500.0])
rows.append([stamp(ANALYSIS, 16, 30), "K001", 2450.0, 1600.0])

rows = [r for r in rows if r[0][:10] <= ANALYSIS.isoformat() and r[0][:10] >= FIRST_SALE.isoformat()]
rows.sort(key=lambda r: (r[0], r[1]))

# ---- survey -----------------------------------------------------------------------------------
answers = []  # (customer, date text, overall, recommend)


def answer(code, when, overall=None, recommend=None):
    if overall is None:
        overall = "" if u() < 0.05 else str(min(10, max(0, round(4 + 6 * u() + (u() - 0.5) * 3))))
    if recommend is None:
        recommend = "" if u() < 0.18 else str(min(10, max(0, round(3 + 7.5 * u()))))
    answers.append([code, when, overall, recommend])


for c in customers:
    kind, start, stop, _, _ = profiles[c["code"]]
    if kind == "never" or u() < 0.35:
        continue
    last = stop if kind == "exit" else ANALYSIS
    for _ in range(1 + int(u() * 3)):
        d = day_plus(start, u() * max(1, (last - start).days))
        answer(c["code"], stamp(d))
        if u() < 0.15:  # twice in one month
            answer(c["code"], stamp(day_plus(d, 1 + u() * 5)))

answer("K003", "2022-08-22 11:00", "7", "8")         # before the first purchase
answer("K005", "2024-02-14 16:20", "9", "10")        # the later answer of that day, listed first
answer("K005", "2024-02-14 09:05", "3", "2")
answer("K950", "2023-11-08 10:30", "6", "6")         # a customer known from the survey only
answer("K010", "", "8", "9")                         # no date: in no period
answer("K011", "2024-11-26 12:00", "2", "1")         # after the analysis date
answer("K013", "2024-05-06 10:00", "8", "")          # no recommendation
answer("K013", "2024-05-20 10:00", "", "9")          # no overall score: the latest of May

# ---- writing ----------------------------------------------------------------------------------
os.makedirs(OUT, exist_ok=True)


def write(name, header, records):
    with open(os.path.join(OUT, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(records)


def money(v):
    return "" if v is None else f"{v:.2f}"


write("managers.csv", ["manager_id", "name", "parent_id", "level", "region"], MANAGERS)
write("customers.csv", ["customer_id", "name", "region", "channel", "manager_id", "wallet"],
      [[c["code"], c["name"], c["region"], c["channel"], c["manager"], c["wallet"]] for c in customers])
write("transactions.csv", ["invoice", "customer_id", "date", "revenue", "cost"],
      [[f"{'R' if r[2] < 0 else 'I'}{k + 1:04d}", r[1], r[0], money(r[2]), money(r[3])]
       for k, r in enumerate(rows)])
write("survey.csv", ["customer_id", "date", "overall", "recommend"], answers)
write("cost_to_serve.csv", ["channel", "activity", "cost_per_order", "cost_per_customer_year"],
      [["web", "all", "2.50", "40"], ["store", "all", "6.00", "90"],
       ["field", "visits", "25.00", ""], ["field", "account management", "", "300"],
       ["", "default", "8.00", "120"]])
