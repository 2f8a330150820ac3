"""Incremental cost-effectiveness of each point against the first, as `bstp run` prints it
(tools/cost_effectiveness.cpp): per replication pair the extra programme cost over the extra
effect, both discounted month by month, with Fieller's 95% interval (docs/model.md)."""
import math

import numpy as np

from .i18n import N_
from .statistics import mean_interval, student_t_975

# (indicator, sign, what one unit of effect is, unit of the ratio)
EFFECTS = (("seized_kg", 1.0, N_("per additional kg seized"), "USD"),
           ("delivered_kg", -1.0, N_("per kg less delivered"), "USD"),
           ("seizures", 1.0, N_("per additional seizure"), "USD"),
           ("deaths", -1.0, N_("per death averted"), "USD"))


def discounting(scenario):
    """(rate per year, years of benefits credited after the run) from the scenario's `discounting`."""
    d = scenario.get("discounting", {}) if isinstance(scenario, dict) else {}
    d = d if isinstance(d, dict) else {}

    def number(key):
        try:
            return float(d.get(key, 0.0))
        except (TypeError, ValueError):
            return 0.0
    return number("rate_per_year"), number("benefits_beyond_run_years")


def fieller(numerator, denominator):
    """(ratio, low, high, denominator's interval excludes 0) of mean(numerator) / mean(denominator)."""
    a, b = np.asarray(numerator, dtype=float), np.asarray(denominator, dtype=float)
    both = np.isfinite(a) & np.isfinite(b)
    a, b = a[both], b[both]
    n = a.size
    if n < 2:
        return math.nan, math.nan, math.nan, False
    ma, mb = float(a.mean()), float(b.mean())
    ratio = ma / mb if mb != 0 else math.nan
    scale = 1.0 / ((n - 1) * n)
    vaa, vbb = float(((a - ma) ** 2).sum()) * scale, float(((b - mb) ** 2).sum()) * scale
    vab = float(((a - ma) * (b - mb)).sum()) * scale
    t2 = student_t_975(n - 1) ** 2
    qa, qb, qc = mb * mb - t2 * vbb, ma * mb - t2 * vab, ma * ma - t2 * vaa
    if qa <= 0:
        return ratio, math.nan, math.nan, False
    root = math.sqrt(max(0.0, qb * qb - qa * qc))
    return ratio, (qb - root) / qa, (qb + root) / qa, True


def _discounted(series, rate, beyond_months):
    """[replication] discounted sums of a [replication, month] array, and the months' weights."""
    months = series.shape[-1]
    weights = (1.0 + rate) ** (-np.arange(months) / 12.0)
    total = (series * weights).sum(axis=-1)
    after = ((1.0 + rate) ** (-(months + np.arange(beyond_months)) / 12.0)).sum() if beyond_months > 0 else 0.0
    return total, after


def rows(analysis, scenario):
    """One row per point after the first and effect; empty when the file has no programme cost."""
    ds = analysis.results.monthly
    if ds is None or "programme_cost_usd" not in ds:
        return []
    rate, years = discounting(scenario)
    beyond = int(round(12.0 * years))
    cost = np.asarray(ds["programme_cost_usd"].values, dtype=float)  # [point, replication, month]
    out = []
    for p in range(1, len(analysis.points)):
        extra_cost = _discounted(cost[p], rate, 0)[0] - _discounted(cost[0], rate, 0)[0]
        for name, sign, per, unit in EFFECTS:
            if name not in ds:
                continue
            v = np.asarray(ds[name].values, dtype=float)
            diff = v[p] - v[0]
            total, after = _discounted(diff, rate, beyond)
            if beyond > 0:
                total = total + diff[:, -12:].mean(axis=-1) * after
            effect = sign * total
            ratio, low, high, clear = fieller(extra_cost, effect)
            c_mean, c_hw, _ = mean_interval(extra_cost)
            e_mean, e_hw, _ = mean_interval(effect)
            out.append({"point": analysis.points[p], "per": per, "unit": unit, "cost": c_mean, "cost_hw": c_hw,
                        "effect": e_mean, "effect_hw": e_hw, "ratio": ratio, "low": low, "high": high, "clear": clear})
    return out
