"""Figures as inline SVG (matplotlib, text kept as text): monthly series with interval bands,
per-country bars, and sweep panels of an indicator against a swept parameter."""
import io
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


def svg(fig):
    """The figure as an <svg> element (no XML prolog, no fixed pixel size, so it scales)."""
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    text = out.getvalue()
    text = text[text.index("<svg"):]
    return re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1 class="figure"', text, count=1)


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
