"""Checks a `bstp trace` CSV: the columns, every shipment's rows in time order, each fate (one at
most) after the shipment's first arrival and at a node on its way, every seizure after a
detection (who detected it named), violent incidents that only add up, and both fates present."""
import csv
import sys
from collections import defaultdict

COLUMNS = ["time_s", "day", "event", "shipment", "organisation", "country", "node", "next_leg", "kg",
           "found_at_checkpoint", "fate", "lost_on_leg", "bribed_on_legs", "detected_by", "detected_at",
           "violent_incidents"]

with open(sys.argv[1], newline="", encoding="utf-8") as stream:
    reader = csv.DictReader(stream)
    assert reader.fieldnames == COLUMNS, reader.fieldnames
    rows = list(reader)
by_shipment = defaultdict(list)
for row in rows:
    by_shipment[row["shipment"]].append(row)
fates = defaultdict(int)
for shipment, steps in by_shipment.items():
    arrivals = [r for r in steps if r["fate"] == ""]
    ends = [r for r in steps if r["fate"] != ""]
    assert arrivals, f"shipment {shipment} has a fate but no arrival"
    assert len(ends) <= 1, f"shipment {shipment} has {len(ends)} fates"
    times = [float(r["time_s"]) for r in arrivals]
    assert times == sorted(times), f"shipment {shipment}: arrivals out of time order"
    for end in ends:
        fates[end["fate"]] += 1
        assert float(end["time_s"]) >= times[0], f"shipment {shipment}: fate before its first arrival"
        assert end["node"] in {r["node"] for r in arrivals}, f"shipment {shipment}: fate at a node it never reached"
        if end["fate"] == "seized":
            assert end["lost_on_leg"], f"shipment {shipment}: seized on no leg"
            # A seizure follows a detection: by a country, at a unit, a checkpoint or its officers.
            assert end["detected_by"] and end["detected_at"], f"shipment {shipment}: seized, detected by nobody"
    incidents = [int(r["violent_incidents"]) for r in steps]
    assert incidents == sorted(incidents), f"shipment {shipment}: violent incidents counted down"
assert fates["delivered"] > 0 and fates["seized"] > 0, dict(fates)
print(f"{len(rows)} rows, {len(by_shipment)} shipments, fates {dict(fates)}")
