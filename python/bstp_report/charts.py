"""Figures as inline SVG (matplotlib, text kept as text): monthly series with interval bands,
per-country bars, and sweep panels of an indicator against a swept parameter."""
import io
import itertools
import math
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from . import indicators, statistics  # noqa: E402
from .numbers import significant  # noqa: E402

plt.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "bstp", "font.size": 9, "axes.spines.top": False,
                     "axes.spines.right": False, "axes.grid": True, "grid.alpha": 0.3, "legend.frameon": False})
MAX_LINES = 8  # design points drawn in one panel; more are listed in the table only


_figures = itertools.count()
_GEOMETRY = re.compile(r'\b(d|x|y|transform|points)="([^"]*)"')
_DECIMALS = re.compile(r"(-?\d+)\.(\d+)")


def _round(match):
    """Coordinates to 0.1 pt (a figure is 720 pt wide: far below a screen's or printer's dot);
    numbers under 1 (a scale in a transform) keep three decimals."""
    text = match.group(0)
    if match.group(1) in ("0", "-0"):
        return text if len(match.group(2)) <= 3 else f"{float(text):.3f}"
    return f"{float(text):.1f}".removesuffix(".0")


_PATH = re.compile(r'<path d="([^"]*)"')
_CIRCLE = re.compile(r"M (\S+) (\S+)\s+" + r"C \S+ \S+ \S+ \S+ (\S+) (\S+)\s+" * 8 + r"z\s*$")


def _as_circle(d):
    """(cx, cy, r) when path data `d` is matplotlib's circle (8 cubic arcs whose ends lie on a
    circle), else None."""
    match = _CIRCLE.match(d)
    if not match:
        return None
    ends = [(float(match.group(i)), float(match.group(i + 1))) for i in range(3, 19, 2)]
    cx, cy = sum(x for x, _ in ends) / 8, sum(y for _, y in ends) / 8
    radii = [math.hypot(x - cx, y - cy) for x, y in ends]
    if max(radii) - min(radii) > 0.25 or abs(float(match.group(1)) - ends[-1][0]) > 0.05:
        return None
    return cx, cy, sum(radii) / 8


def _short(value):
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _path(match):
    """A path element's data, shorter: circles as <circle>, and "L" left out where it repeats
    (after M or L a coordinate pair is a line to it)."""
    d = match.group(1)
    circle = _as_circle(d)
    if circle:
        return '<circle cx="{}" cy="{}" r="{}"'.format(*map(_short, circle))
    out, previous = [], None
    for command in re.findall(r"[A-Za-z][^A-Za-z]*", d):
        letter, rest = command[0], command[1:].strip()
        out.append(rest if letter == "L" and previous in ("M", "L") else f"{letter} {rest}".strip())
        previous = letter
    return '<path d="{}"'.format(" ".join(out))


def compact(text, prefix):
    """An SVG made smaller without changing what it shows: no metadata, coordinates to 0.1 pt,
    circles as circles, paths without repeated commands, and each inline style used more than
    once replaced by a class of its own (`prefix` keeps the classes of figures on one page apart)."""
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, count=1, flags=re.S)
    text = _GEOMETRY.sub(lambda m: f'{m.group(1)}="{_DECIMALS.sub(_round, m.group(2))}"', text)
    text = _PATH.sub(_path, text)
    text = re.sub(r" *\n *", "\n", text)
    # Elements with an id (marker definitions that <use> copies) keep their inline style.
    tag = re.compile(r'<(?![^>]* id=")[^>]* style="([^"]*)"')
    counts = {}
    for match in tag.finditer(text):
        counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    shared = {style: f"{prefix}{i}" for i, style in enumerate(s for s, n in counts.items() if n > 1)}
    if not shared:
        return text

    def use_class(match):
        style = match.group(1)
        if style not in shared:
            return match.group(0)
        return match.group(0).replace(f' style="{style}"', f' class="{shared[style]}"')
    text = tag.sub(use_class, text)
    rules = "".join(f"svg .{name}{{{style}}}" for style, name in shared.items())
    return text.replace("<defs>", f'<defs>\n<style type="text/css">{rules}</style>', 1)


def svg(fig):
    """The figure as an <svg> element (no XML prolog, no fixed pixel size, so it scales),
    compacted."""
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    text = out.getvalue()
    text = text[text.index("<svg"):]
    text = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1 class="figure"', text, count=1)
    return compact(text, f"f{next(_figures)}s")


def _formatter(unit):
    percent = unit in ("ratio", "1")

    def fmt(value, _pos=None):
        return significant(100 * value, 2) + "%" if percent and abs(value) <= 1.0 else significant(value, 3)
    return matplotlib.ticker.FuncFormatter(fmt)


def _title(name, unit, _):
    word = {"USD": "USD", "kg": "kg", "hours": _("hours")}.get(unit, "")
    text = indicators.label(name, _)
    return f"{text} ({word})" if word and word not in text else text


def monthly(analysis, names, _):
    """One panel per indicator: mean per month and 95% band, one line per design point."""
    ds = analysis.results.monthly
    points = analysis.points[:MAX_LINES]
    names = [n for n in names if n in ds]
    cols = 2
    rows = math.ceil(len(names) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(9, 2.8 * rows), squeeze=False)
    months = ds["month"].values
    for ax, name in zip(axes.flat, names):
        values = np.asarray(ds[name].values, dtype=float)  # [point, replication, month]
        for p, point in enumerate(points):
            mean, hw = statistics.interval_along(values[p], axis=0)
            line, = ax.plot(months, mean, marker="o", markersize=2.5, label=point)
            ax.fill_between(months, mean - hw, mean + hw, color=line.get_color(), alpha=0.15, linewidth=0)
        ax.set_title(_title(name, analysis.units[name], _), loc="left")
        ax.set_xlabel(_("month"))
        ax.yaxis.set_major_formatter(_formatter(analysis.units[name]))
    for ax in list(axes.flat)[len(names):]:
        ax.set_visible(False)
    axes.flat[0].legend(fontsize=8, loc="best")
    fig.tight_layout()
    return svg(fig)


def by_country(analysis, names, _):
    """Grouped bars: one group per country, one bar per design point, 95% interval whiskers."""
    ds = analysis.results.by_country
    points = analysis.points[:MAX_LINES]
    names = [n for n in names if n in ds]
    countries = [str(c) for c in ds["country"].values]
    cols = 2
    rows = math.ceil(len(names) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(9, 2.8 * rows), squeeze=False)
    width = 0.8 / max(1, len(points))
    x = np.arange(len(countries))
    for ax, name in zip(axes.flat, names):
        values = np.asarray(ds[name].values, dtype=float)  # [point, replication, country]
        for p, point in enumerate(points):
            mean, hw = statistics.interval_along(values[p], axis=0)
            ax.bar(x + (p - (len(points) - 1) / 2) * width, np.nan_to_num(mean), width, yerr=np.nan_to_num(hw),
                   capsize=2, label=point, error_kw={"linewidth": 0.8})
        ax.set_xticks(x, countries)
        ax.set_title(_title(name, analysis.units[name], _), loc="left")
        ax.yaxis.set_major_formatter(_formatter(analysis.units[name]))
        ax.grid(axis="x", visible=False)
    for ax in list(axes.flat)[len(names):]:
        ax.set_visible(False)
    axes.flat[0].legend(fontsize=8, loc="best")
    fig.tight_layout()
    return svg(fig)


def sweep(analysis, names, parameter, _):
    """One panel per indicator against one swept parameter: a line per policy and value of the
    other parameters, mean and 95% band over replications."""
    results = analysis.results
    totals = results.totals
    others = [p for p in results.parameters if p != parameter]
    x_all = np.asarray(totals[parameter].values, dtype=float)
    groups = {}
    for i, policy in enumerate(analysis.policies):
        key = (policy, *(float(totals[o].values[i]) for o in others))
        groups.setdefault(key, []).append(i)
    names = [n for n in names if n in totals]
    cols = 2
    rows = math.ceil(len(names) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(9, 2.8 * rows), squeeze=False)
    for ax, name in zip(axes.flat, names):
        values = np.asarray(totals[name].values, dtype=float)
        for key, idx in list(groups.items())[:MAX_LINES]:
            idx = [i for i in idx if math.isfinite(x_all[i])]
            idx.sort(key=lambda i: x_all[i])
            if not idx:
                continue
            mean, hw = statistics.interval_along(values[idx], axis=1)
            label = ", ".join([key[0], *(f"{o}={significant(v)}" for o, v in zip(others, key[1:]))])
            line, = ax.plot(x_all[idx], mean, marker="o", markersize=3, label=label)
            ax.fill_between(x_all[idx], mean - hw, mean + hw, color=line.get_color(), alpha=0.15, linewidth=0)
        ax.set_title(_title(name, analysis.units[name], _), loc="left")
        ax.set_xlabel(parameter)
        ax.yaxis.set_major_formatter(_formatter(analysis.units[name]))
    for ax in list(axes.flat)[len(names):]:
        ax.set_visible(False)
    axes.flat[0].legend(fontsize=8, loc="best")
    fig.tight_layout()
    return svg(fig)
