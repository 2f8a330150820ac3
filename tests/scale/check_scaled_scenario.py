#!/usr/bin/env python3
"""scripts/scale_scenario.py on the region: 3 copies validate, have 3 times the network in the
same countries, keep each organisation in its copy, rewrite the policies and orders, and run with
the same bits on 1 and 2 LP threads; 1 copy runs exactly like the region itself.

    check_scaled_scenario.py BSTP SOURCE_DIR WORK_DIR      (exit 77 without PyYAML)
"""
import csv
import importlib.util
import io
import os
import re
import subprocess
import sys

try:
    import yaml  # noqa: F401
except ImportError:
    print("skipped: no PyYAML (Debian: python3-yaml)")
    sys.exit(77)

bstp, source, work = sys.argv[1:4]
os.makedirs(work, exist_ok=True)
script = os.path.join(source, "scripts", "scale_scenario.py")
spec = importlib.util.spec_from_file_location("scale_scenario", script)
scale_scenario = importlib.util.module_from_spec(spec)
spec.loader.exec_module(scale_scenario)
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=scale_scenario.ScenarioLoader)


def generate(scenario, copies, name):
    out = os.path.join(work, name)
    subprocess.run([sys.executable, script, scenario, "--copies", str(copies), "-o", out], check=True)
    return out


def validate(path):
    r = subprocess.run([bstp, "validate", path], capture_output=True, text=True)
    check(r.returncode == 0 and ": ok (" in r.stdout + r.stderr, f"bstp validate {path}: {r.stdout}{r.stderr}")


def run_csv(path, *extra):
    r = subprocess.run([bstp, "run", path, "--replications", "1", "--policy", "baseline", "--jobs", "1",
                        "--format", "csv", *extra], capture_output=True, text=True)
    check(r.returncode == 0, f"bstp run {path} {' '.join(extra)}: {r.stderr}")
    return r.stdout


def total(csv_text, quantity):
    for row in csv.DictReader(io.StringIO(csv_text)):
        if row["quantity"] == quantity and not row["crossing"] and not row["organisation"]:
            return float(row["mean"])
    raise KeyError(quantity)


region_path = os.path.join(source, "scenarios", "bstp-region.yaml")
region = load(region_path)

# Three copies: valid, three times the network, the same countries.
x3_path = generate(region_path, 3, "bstp-region-x3.yaml")
validate(x3_path)
x3 = load(x3_path)
check(list(x3["countries"]) == list(region["countries"]), "the countries stay the same five")
for section in ("nodes", "edges", "sectors", "checkpoints", "traffic", "organisations"):
    check(len(x3[section]) == 3 * len(region[section]),
          f"{section}: {len(x3[section])}, expected 3 x {len(region[section])}")
for country in region["countries"]:
    nodes = lambda doc: sum(1 for n in doc["nodes"].values() if n["country"] == country)
    check(nodes(x3) == 3 * nodes(region), f"{country} has 3 times its nodes")
    officers = region["countries"][country]["police"]["officers"]
    check(x3["countries"][country]["police"]["officers"] == 3 * officers, f"{country} has 3 times its officers")
check(sum(s["units"] for s in x3["sectors"].values()) == 3 * sum(s["units"] for s in region["sectors"].values()),
      "3 times the patrol units")
# Each organisation of copy k starts and ends in copy k; each leg and its sector are in one copy.
def copy_of(item_id):
    m = re.search(r"_c([0-9]+)$", item_id)
    return int(m.group(1)) if m else 1


for org_id, org in x3["organisations"].items():
    for node in org["sources"] + org["destinations"]:
        check(copy_of(node) == copy_of(org_id), f"{org_id} uses {node} of another copy")
for edge in x3["edges"]:
    ends = {copy_of(edge["from"]), copy_of(edge["to"])} | ({copy_of(edge["sector"])} if edge.get("sector") else set())
    check(len(ends) == 1, f"leg {edge['from']}-{edge['to']} ({edge.get('sector')}) joins copies")
check(sorted({copy_of(n) for n in x3["nodes"]}) == [1, 2, 3], "copies 1, 2 and 3")
# Policies: the coordinated package pairs the sectors of each copy.
pairs = lambda doc: doc["policies"]["coordinated"]["set"]["coordination.joint_patrols"]
check(len(pairs(x3)) == 3 * len(pairs(region)), "coordinated: 3 times the joint patrol pairs")
check({"sector_a": "gt_suchiate_c3", "sector_b": "mx_suchiate_c3"} in pairs(x3), "copy 3 patrols its own Suchiate")

# The same bits on 1 and 2 LP threads, and 3 times the region's legitimate traffic.
one = run_csv(x3_path)
two = run_csv(x3_path, "--lp-threads", "2", "--exact-lp-threads")
check(one == two, "3 copies: the CSV differs between 1 and 2 LP threads")

# One copy is the region itself: the same results, bit for bit.
x1_path = generate(region_path, 1, "bstp-region-x1.yaml")
region_csv = run_csv(region_path)
check(run_csv(x1_path) == region_csv, "1 copy: the CSV differs from the region's")
ratio = total(one, "legitimate_crossings") / total(region_csv, "legitimate_crossings")
check(2.95 < ratio < 3.05, f"3 copies carry {ratio:.3f} times the region's legitimate crossings, expected ~3")

# Orders that name a unit, leg or checkpoint are given in each copy.
orders_path = os.path.join(source, "tests", "hostile", "orders_accepted.yaml")
o2_path = generate(orders_path, 2, "orders-x2.yaml")
validate(o2_path)
o2 = load(o2_path)
check(len(o2["orders"]) == 2 * len(load(orders_path)["orders"]), "2 copies: each order twice")
check({"day": 2, "order": "post gt_line_c2.1 coast_c2-ford_c2"} in o2["orders"], "copy 2's post order")

print("ok" if not failures else f"{len(failures)} failures")
sys.exit(1 if failures else 0)
