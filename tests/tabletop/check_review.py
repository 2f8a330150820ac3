#!/usr/bin/python3
"""Plays scripted tabletop sessions with --log, makes their after-action reports with `bstp review`
and checks what the pages say against the logs read here: the outcome with the orders and without
any (and without each team's) equals the log's `end` record, measure by measure and country by
country; the fates by node equal the log's; the timeline has every order, inject and step; the
page is self-contained; the Spanish page is in Spanish; bad input gives exit code 2.

Usage: check_review.py BSTP WORKDIR
Leaves WORKDIR/review.html and WORKDIR/review-es.html for the browser test.
Exit 0 = pass, 1 = fail, 77 = skipped (modules missing).
"""
import html.parser
import json
import os
import subprocess
import sys

try:
    import jinja2  # noqa: F401
    import matplotlib  # noqa: F401
except ImportError as e:  # pragma: no cover
    print(f"skipped: {e} (./scripts/install-deps.sh installs the Debian packages)")
    sys.exit(77)

EXERCISE = "tests/tabletop/tutorial_exercise.yaml"
checks = {"passed": 0, "failed": 0}


def check(condition, what):
    if condition:
        checks["passed"] += 1
    else:
        checks["failed"] += 1
        print("FAIL:", what)


class Page(html.parser.HTMLParser):
    """Every element with data- attributes, with the text inside it, and the page's text."""

    def __init__(self):
        super().__init__()
        self.elements, self.open, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        a["tag"] = tag
        a["text"] = ""
        if any(k.startswith("data-") for k in a):
            self.elements.append(a)
        if tag not in ("br", "meta", "img", "input", "link", "hr"):
            self.open.append(a)

    def handle_endtag(self, tag):
        if self.open:
            self.open.pop()

    def handle_data(self, data):
        self.text.append(data)
        for a in self.open:
            a["text"] += data


def run(*args, expect=0):
    done = subprocess.run(list(args), capture_output=True, text=True)
    check(done.returncode == expect, f"exit {done.returncode} (expected {expect}): {' '.join(args)}\n{done.stderr}")
    return done


def total(outcome, key):
    return sum(c[key] for c in outcome.values())


def same(a, b):
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))


def check_page(page_path, log_path):
    records = [json.loads(line) for line in open(log_path, encoding="utf-8")]
    end = records[-1]
    outcome, baseline = end["outcome"], end["counterfactual"]["outcome"]
    page = Page()
    text = open(page_path, encoding="utf-8").read()
    page.feed(text)
    elements = page.elements
    # The outcome against no orders, summed over the countries.
    overall = [e for e in elements if e["tag"] == "tr" and "data-key" in e and "data-team" not in e and "data-country" not in e]
    check(len(overall) == 10, f"{page_path}: 10 measures in the overall table, found {len(overall)}")
    for e in overall:
        key = e["data-key"]
        check(same(e["data-exercise"], total(outcome, key)), f"{page_path}: {key} with the orders {e['data-exercise']} != log")
        check(same(e["data-baseline"], total(baseline, key)), f"{page_path}: {key} without orders {e['data-baseline']} != log")
        if key in ("seizures", "deliveries", "bribes"):  # the number shown is the log's, as a whole number
            check(f"{total(outcome, key):,}" in e["text"], f"{page_path}: {key} shows {e['text']!r}")
    # By country.
    cells = [e for e in elements if "data-country" in e]
    check(len(cells) == 10 * len(outcome), f"{page_path}: {len(cells)} country cells")
    for e in cells:
        c, key = e["data-country"], e["data-key"]
        check(same(e["data-exercise"], outcome[c][key]) and same(e["data-baseline"], baseline[c][key]),
              f"{page_path}: {c} {key} != log")
    # Per team: what its orders changed.
    teams = {e["data-team"] for e in elements if e["tag"] == "div" and "data-team" in e}
    check(teams == set(end["without"]), f"{page_path}: teams {teams} != log's {set(end['without'])}")
    givers = {o["for_team"] for o in end["orders_in_force"] if not o["by_inject"]}
    check(givers == set(end["without"]), f"{log_path}: replays without {set(end['without'])}, orders by {givers}")
    for e in elements:
        if e["tag"] == "tr" and "data-team" in e:
            run_without = end["without"][e["data-team"]]["outcome"]
            key = e["data-key"]
            check(same(e["data-exercise"], total(outcome, key)) and same(e["data-baseline"], total(run_without, key)),
                  f"{page_path}: team {e['data-team']} {key} != log")
    # The fates by node.
    nodes = {e["data-node"]: e for e in elements if "data-node" in e}
    check(set(nodes) == set(end["nodes"]) | set(end["counterfactual"]["nodes"]), f"{page_path}: nodes {sorted(nodes)}")
    for node, fates in end["nodes"].items():
        for key, value in fates.items():
            shown = nodes[node].get("data-" + key.replace("_", "-"))
            check(shown is not None and same(shown, value), f"{page_path}: node {node} {key} {shown} != {value}")
        check(same(nodes[node]["data-baseline-kg"], end["counterfactual"]["nodes"].get(node, {}).get("kg_through", 0.0)),
              f"{page_path}: node {node} kg through without orders")
    # The timeline: every order, inject and step, in the log's numbers.
    kinds = [e["data-kind"] for e in elements if "data-kind" in e]
    for kind in ("order", "order_refused", "inject", "step"):
        check(kinds.count(kind) == sum(r["kind"] == kind for r in records), f"{page_path}: {kinds.count(kind)} {kind} rows")
    steps = [r for r in records if r["kind"] == "step"]
    shown = [int(e["data-seizures"]) for e in elements if e.get("data-kind") == "step"]
    expected, before = [], 0
    for r in steps:
        expected.append(total(r["outcome"], "seizures") - before)
        before = total(r["outcome"], "seizures")
    check(shown == expected, f"{page_path}: seizures per step {shown} != {expected}")
    # Self-contained: nothing fetched from elsewhere.
    check("<script" not in text and "<link" not in text and "src=\"http" not in text, f"{page_path}: not self-contained")
    check("<svg" in text, f"{page_path}: no map")
    return records, "".join(page.text)


def main():
    bstp, work = os.path.abspath(sys.argv[1]), sys.argv[2]
    os.makedirs(work, exist_ok=True)
    log, page = os.path.join(work, "review.jsonl"), os.path.join(work, "review.html")
    run(bstp, "tabletop", EXERCISE, "--script", "tests/tabletop/review_session.txt", "--log", log)
    run(bstp, "review", log, "-o", page, "--force")
    records, words = check_page(page, log)
    end = records[-1]
    check(any(total(end["outcome"], k) != total(end["counterfactual"]["outcome"], k) for k in ("seizures", "delivered_kg")),
          "the facilitator's orders changed nothing: the test would not see a wrong baseline")
    check("What the orders changed" in words and "the facilitator" in words, "English headings")
    check(sum(r["kind"] == "undo" for r in records) == 1 and "lanes tecun_uman 6" in words, "the order taken back is shown")

    # A team's session, in Spanish.
    team_log, team_page = os.path.join(work, "team.jsonl"), os.path.join(work, "review-es.html")
    run(bstp, "tabletop", EXERCISE, "--team", "mexico", "--script", "tests/tabletop/team_session.txt", "--log", team_log)
    run(bstp, "review", team_log, "-o", team_page, "--lang", "es", "--force")
    records, words = check_page(team_page, team_log)
    check("mexico" in records[-1]["without"], "the team's orders are replayed away")
    check("Qué cambiaron las órdenes" in words and "What the orders changed" not in words, "the Spanish page is in Spanish")

    # Bad input: exit 2 and what is wrong.
    run(bstp, "review", log, "-o", page, expect=2)
    cut = os.path.join(work, "cut.jsonl")
    with open(cut, "w", encoding="utf-8") as stream:
        stream.writelines(open(log, encoding="utf-8").readlines()[:-1])
    done = run(bstp, "review", cut, "-o", os.path.join(work, "cut.html"), "--force", expect=2)
    check("no end record" in done.stderr, f"a log without its end: {done.stderr!r}")
    done = run(bstp, "review", os.path.join(work, "none.jsonl"), "-o", os.path.join(work, "none.html"), expect=2)
    check("no such file" in done.stderr, f"a missing log: {done.stderr!r}")
    print(f"{checks['passed']} checks passed, {checks['failed']} failed")
    return 1 if checks["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
