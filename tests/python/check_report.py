#!/usr/bin/python3
"""Builds `bstp report` pages from a small run and a small sweep and checks what they say against
the results files read independently with h5py and numpy: the headline means and % changes
equal the file's, "no clear difference" marks exactly the indicators whose paired 95% interval
covers 0, every indicator is in the table, the page is self-contained, the Spanish page is in
Spanish, and bad input gives exit code 2 with a message.

Usage: check_report.py BSTP WORKDIR
Leaves WORKDIR/run.html and WORKDIR/sweep.html for the browser test.
Exit 0 = pass, 1 = fail, 77 = skipped (modules missing).
"""
import html.parser
import math
import os
import re
import subprocess
import sys

try:
    import h5py
    import jinja2  # noqa: F401
    import matplotlib  # noqa: F401
    import numpy as np
    import xarray  # noqa: F401
    import yaml  # noqa: F401
except ImportError as e:  # pragma: no cover
    print(f"skipped: {e} (./scripts/install-deps.sh installs the Debian packages)")
    sys.exit(77)

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python"))
from bstp_report import i18n  # noqa: E402
from bstp_report import indicators as labels  # noqa: E402
from bstp_report.border_map import MAX_PANELS  # noqa: E402

checks = {"passed": 0, "failed": 0}
# 97.5% quantiles of Student's t (published tables), by degrees of freedom.
T975 = {3: 3.182446, 4: 2.776445, 5: 2.570582}


def check(condition, what):
    if condition:
        checks["passed"] += 1
    else:
        checks["failed"] += 1
        print("FAIL:", what)


class Rows(html.parser.HTMLParser):
    """The headline rows (tr with data-mean inside div.card[data-point]) and their text."""

    def __init__(self):
        super().__init__()
        self.point = None
        self.rows = []
        self.table_rows = []
        self.table_labels = {}  # indicator -> the text of its first cell in the full table
        self.label_of = None
        self.current = None
        self.in_mean = False
        self.text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "div" and "data-point" in a:
            self.point = a["data-point"]
        if tag == "tr" and "data-mean" in a:
            self.current = dict(a, point=self.point, text="", shown="")
        elif tag == "tr" and "data-indicator" in a:
            self.table_rows.append(a["data-indicator"])
            if "first" in a.get("class", "").split():
                self.label_of = a["data-indicator"]
                self.table_labels[self.label_of] = ""
        if tag == "td" and self.current is not None:
            self.in_mean = "mean" in a.get("class", "").split()

    def handle_endtag(self, tag):
        if tag == "td":
            self.in_mean = False
            self.label_of = None
        if tag == "tr" and self.current is not None:
            self.rows.append(self.current)
            self.current = None

    def handle_data(self, data):
        if self.label_of is not None:
            self.table_labels[self.label_of] += data
        if self.current is not None:
            self.current["text"] += data
            if self.in_mean:
                self.current["shown"] += data
        self.text.append(data)


def bstp_report(bstp, *args):
    return subprocess.run([bstp, "report", *args], capture_output=True, text=True)


def parse_number(text):
    """The first number in a formatted cell: "1,234 kg" -> 1234, "43.2%" -> 0.432, "$5,000" -> 5000."""
    match = re.search(r"([\u2212-]?)\$?([\d,]+(?:\.\d+)?)(%?)", text)
    value = float(match.group(2).replace(",", ""))
    value = -value if match.group(1) else value
    return value / 100 if match.group(3) else value


def check_page(page, path, lang):
    with open(page, encoding="utf-8") as stream:
        text = stream.read()
    name = os.path.basename(page)
    check(f'<html lang="{lang}">' in text, f"{name}: lang {lang}")
    check(not re.search(r'(src|href)="(https?:)?//', text), f"{name}: no external resources")
    check("<link" not in text and "<script" not in text, f"{name}: no linked stylesheets or scripts")
    parser = Rows()
    parser.feed(text)
    with h5py.File(path, "r") as f:
        points = list(f["point"].asstr()[...])
        indicators = list(f["totals"])
        check(parser.table_rows.count("seized_kg") == len(points), f"{name}: table has seized_kg for every point")
        check(set(parser.table_rows) == set(indicators), f"{name}: table has every indicator of the file")
        # Every indicator has a label of its own, translated: not its file name.
        translate = i18n.translation(lang).gettext
        for indicator in indicators:
            check(indicator in labels.LABELS, f"{name}: indicator {indicator} has no label in bstp_report/indicators.py")
            if indicator not in labels.LABELS:
                continue
            english = labels.LABELS[indicator]
            shown = parser.table_labels.get(indicator, "").strip()
            check(shown == translate(english) and "_" not in shown,
                  f"{name}: the table calls {indicator} {shown!r}, expected {translate(english)!r}")
            if lang != "en":
                check(translate(english) != english, f"{name}: the label of {indicator} ({english!r}) is not translated to {lang}")
        check(len(parser.rows) >= 6 * len(points), f"{name}: headline rows ({len(parser.rows)})")
        for row in parser.rows:
            values = f["totals"][row["data-indicator"]][...]
            p = points.index(row["point"])
            mean = float(np.mean(values[p][np.isfinite(values[p])]))
            check(math.isclose(float(row["data-mean"]), mean, rel_tol=1e-12, abs_tol=1e-12),
                  f"{name}: headline mean of {row['data-indicator']} at {row['point']}: {row['data-mean']} vs {mean}")
            shown = parse_number(row["shown"])
            check(math.isclose(shown, mean, rel_tol=6e-3, abs_tol=1e-9),
                  f"{name}: shown mean of {row['data-indicator']} at {row['point']}: {shown} vs {mean}")
            if p == 0:
                continue
            both = np.isfinite(values[0]) & np.isfinite(values[p])
            d = values[p][both] - values[0][both]
            ref = float(np.mean(values[0][np.isfinite(values[0])]))
            if ref != 0:
                check(math.isclose(float(row["data-pct"]), 100 * d.mean() / abs(ref), rel_tol=1e-9, abs_tol=1e-9),
                      f"{name}: % change of {row['data-indicator']} at {row['point']}")
            attrs = f["totals"][row["data-indicator"]].attrs
            unit = next((str(attrs[k]) for k in ("display_units", "unit_word", "bstp_units", "units") if k in attrs), "")
            if unit in ("ratio", "1") and row["data-indicator"].endswith("rate"):
                # A difference of rates is said in percentage points, the paired mean difference x 100.
                word = "puntos" if lang == "es" else "points"
                check(word in row["text"], f"{name}: change of {row['data-indicator']} in {word}: {row['text']!r}")
                said = re.search(r"([+\u2212-]?)([\d.,]+) " + word, row["text"])
                if said and d.size and math.isfinite(d.mean()):
                    digits = said.group(2)
                    magnitude = float(digits.replace(",", "." if lang == "es" and "." not in digits else ""))
                    check(math.isclose(magnitude, abs(100 * d.mean()), rel_tol=0.06, abs_tol=0.06),
                          f"{name}: {row['data-indicator']}: {said.group(0)} vs {100 * d.mean():.3g} points")
            half = T975[len(d) - 1] * d.std(ddof=1) / math.sqrt(len(d)) if len(d) > 1 else math.nan
            clear = bool(d.mean() - half > 0 or d.mean() + half < 0)
            unclear_word = "sin diferencia clara" if lang == "es" else "no clear difference"
            check((unclear_word in row["text"]) == (not clear),
                  f"{name}: 'no clear difference' of {row['data-indicator']} at {row['point']} (clear: {clear})")
    return text


def check_map(text, path, page, lang):
    """The map: a panel per point whose labels give each labelled crossing's mean kg and mean
    seizures as the file has them (the tutorial labels both crossings in every panel), and the
    difference map when there are several points."""
    start = text.find('id="map"')
    end = text.find('id="map-change"')
    check(start >= 0 and end > start, f"{page}: the map and the difference map")
    if start < 0 or end < 0:
        return
    word = "incautaciones" if lang == "es" else "seizures"
    said = [(parse_number(kg), parse_number(n)) for kg, n in
            re.findall(r">([\d,.]+ kg) \u00b7 ([\d,.]+) " + word + "<", text[start:end])]
    with h5py.File(path, "r") as f:
        kg = np.nanmean(f["by_crossing/kg"][...], axis=1)[:MAX_PANELS]  # [point, crossing], the points drawn
        seizures = np.nanmean(f["by_crossing/seizures"][...], axis=1)[:MAX_PANELS]
        check(f["by_crossing/seizures"].attrs["units"] == "1", f"{page}: seizures at crossings are counts")
    if kg.shape[1] <= 4:  # every crossing labelled in every panel
        check(len(said) == kg.size, f"{page}: a label per crossing and panel ({len(said)} for {kg.size})")
        for p in range(kg.shape[0]):
            for c in range(kg.shape[1]):
                check(any(math.isclose(k, kg[p, c], rel_tol=6e-3) and math.isclose(n, seizures[p, c], rel_tol=6e-3, abs_tol=0.006)
                          for k, n in said), f"{page}: map label of crossing {c} at point {p}: {kg[p, c]:.4g} kg, {seizures[p, c]:.3g} {word}")
    check(("pale for few" in text) == (lang == "en"), f"{page}: the map says its colour is seizures")


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    bstp, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(work, exist_ok=True)
    run, sweep = os.path.join(work, "run.h5"), os.path.join(work, "sweep.h5")
    subprocess.run([bstp, "run", "scenarios/tutorial.yaml", "--replications", "5", "--force", "--out", run],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([bstp, "sweep", "tests/experiments/sweeps/small.yaml", "--force", "--out", sweep],
                   check=True, stdout=subprocess.DEVNULL)

    for source, page, lang in ((run, "run.html", "en"), (run, "run-es.html", "es"), (sweep, "sweep.html", "en"),
                               (sweep, "sweep-es.html", "es")):
        out = os.path.join(work, page)
        done = bstp_report(bstp, source, "-o", out, "--lang", lang, "--force")
        check(done.returncode == 0, f"bstp report {page}: exit {done.returncode}: {done.stderr}")
        if done.returncode:
            continue
        text = check_page(out, source, lang)
        check(text.count("<svg") >= 3, f"{page}: map, monthly and country figures inline ({text.count('<svg')})")
        check('id="map"' in text, f"{page}: has the map")
        check_map(text, source, page, lang)
        if source == run:  # the tutorial's three policies: two compared with baseline on four effects
            costs = text[text.find('id="costs"'):]
            check('id="costs"' in text and costs.count("<tr data-point=") == 2 * 4,
                  f"{page}: the cost-effectiveness block has a row per policy and effect")
        if source == sweep:
            check('id="sweep"' in text and "training.programs.creompaz_basic.cohorts.0.seats" in text,
                  f"{page}: indicators against the swept parameters")
        if lang == "es":
            check("Resumen" in text and "Headline" not in text and "Mapa" in text, f"{page}: in Spanish")
        else:
            check("Headline" in text and "clear difference" in text, f"{page}: in English")

    # A file written before the seizures at crossings: the page is made, the circles are grey.
    older = os.path.join(work, "before-seizures.h5")
    with open(run, "rb") as a, open(older, "wb") as b:
        b.write(a.read())
    with h5py.File(older, "r+") as f:
        for group in ("by_crossing", "by_crossing_monthly"):
            for name in ("seizures", "seized_kg"):
                del f[group][name]
    done = bstp_report(bstp, older, "-o", os.path.join(work, "before-seizures.html"), "--force")
    check(done.returncode == 0, f"report of a file without seizures at crossings: exit {done.returncode}: {done.stderr}")
    if done.returncode == 0:
        with open(os.path.join(work, "before-seizures.html"), encoding="utf-8") as stream:
            text = stream.read()
        check("circles are grey" in text and 'id="map-change"' in text, "before-seizures.html: grey circles, difference map")

    # Bad input: exit 2 and a message; the output is not written.
    missing = bstp_report(bstp, os.path.join(work, "no_such.h5"), "-o", os.path.join(work, "x.html"))
    check(missing.returncode == 2 and "no such file" in missing.stderr, f"missing input: {missing.returncode}")
    exists = bstp_report(bstp, run, "-o", os.path.join(work, "run.html"))
    check(exists.returncode == 2 and "--force" in exists.stderr, f"existing output: {exists.returncode}")
    not_h5 = os.path.join(work, "not-results.h5")
    with open(not_h5, "w") as stream:
        stream.write("not HDF5\n")
    bad = bstp_report(bstp, not_h5, "-o", os.path.join(work, "bad.html"), "--force")
    check(bad.returncode == 2 and "not a bstp results file" in bad.stderr, f"not a results file: {bad.returncode}")
    check(not os.path.exists(os.path.join(work, "bad.html")), "no output for bad input")
    lang = bstp_report(bstp, run, "-o", os.path.join(work, "fr.html"), "--lang", "fr")
    check(lang.returncode == 2 and "--lang" in lang.stderr, f"unknown language: {lang.returncode}")
    no_python = subprocess.run([bstp, "report", run, "-o", os.path.join(work, "np.html")], capture_output=True,
                               text=True, env=dict(os.environ, BSTP_PYTHON=os.path.join(work, "no_such_python3")))
    check(no_python.returncode == 1 and "no_such_python3" in no_python.stderr,
          f"an interpreter that is not there: exit {no_python.returncode}: {no_python.stderr}")
    print(f"{checks['passed']} passed, {checks['failed']} failed")
    return 1 if checks["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
