#!/usr/bin/env python3
"""Writes survey_only.csv: a small satisfaction study with no transactions, made for the tests.

48 respondents (no customer ids), answered 2024-03-01 .. 2024-03-24; two service attributes
scored 1-5 ("Check-in", "Cabin comfort") and an overall satisfaction scored 1-10 that depends
more on cabin comfort than on check-in, plus noise. A fixed linear congruential generator keeps
the file the same on every machine: `python3 make_survey_only.py > ../survey_only.csv`.
"""

state = 20240301


def rand():
    global state
    state = (1103515245 * state + 12345) % 2**31
    return state / 2**31


def clamp(v, lo, hi):
    return max(lo, min(hi, v))


print("respondent_id,answered_on,Check-in,Cabin comfort,overall")
for i in range(48):
    check_in = 1 + int(rand() * 5)
    cabin = clamp(round(check_in * 0.4 + rand() * 3.6 + 0.5), 1, 5)
    overall = clamp(round(0.6 * check_in + 1.3 * cabin - 1 + (rand() - 0.5) * 3), 1, 10)
    print(f"R{i + 1:03d},2024-03-{1 + i // 2:02d},{check_in},{cabin},{overall}")
