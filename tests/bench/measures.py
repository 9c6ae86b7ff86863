"""The per-department measures of turnus report, in pandas: the baseline
that make bench times turnus against.  usage: python3 measures.py CASE"""
import math
import sys

import numpy as np
import pandas as pd

case = sys.argv[1]
r = pd.read_csv(f"{case}/roster.csv", sep=";",
                dtype={"id": str, "department": str, "shift": str})
s = pd.read_csv(f"{case}/shifts.csv", sep=";", dtype=str)


def minutes(t):
    if not isinstance(t, str) or not t.strip():
        return -1
    h, m = t.replace(".", ":").split(":")
    return int(h) * 60 + int(m)


s["start_m"] = s["start"].map(minutes)
s["len"] = (s["end"].map(minutes) - s["start_m"]) % 1440
s.loc[s["start_m"] < 0, "len"] = 0
s["paid"] = s["len"]
r = r.merge(s[["code", "start_m", "len", "paid"]], left_on="shift",
            right_on="code", how="left")
weeks = math.ceil(r["day"].max() / 7)
pos = (r.groupby(["id", "department"], sort=False)["paid"].sum()
       / (35.5 * 60 * weeks) * 100).rename("pos").reset_index()
total = pos.groupby("id")["pos"].sum()
pos["total"] = pos["id"].map(total)
pos["ft"] = pos["total"] >= 100
r["weekend"] = ((r["day"] - 1) % 7 >= 5) & (r["len"] > 0)
r["long"] = r["weekend"] & (r["len"] >= 600)
r["week"] = (r["day"] - 1) // 7
g = pos.groupby("department", sort=False)
out = pd.DataFrame({"headcount": g.size(), "fte": g["pos"].sum() / 100,
                    "avg_position_pct": g["total"].mean(),
                    "full_time": g["ft"].sum()})
out["full_time_share"] = out["full_time"] / out["headcount"]
out["needed_for_target"] = (np.ceil(0.5 * out["headcount"])
                            - out["full_time"]).clip(lower=0)
wk = r[r["weekend"]]
out["weekend_shifts"] = wk.groupby("department").size()
out["long_weekend_share"] = (wk.groupby("department")["long"].sum()
                             / out["weekend_shifts"])
worked = wk.groupby(["department", "id"])["week"].nunique()
out["avg_weekends_worked"] = (worked.groupby("department").sum()
                              / out["headcount"])
print(out.to_string())
