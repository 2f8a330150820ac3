"""The report page: numbers from `analysis`, figures from `charts` and `border_map`, words from
the gettext catalog, put together by the Jinja2 template templates/report.html.j2."""
import html
import math
import os

import jinja2

from . import analysis as analysis_module
from . import border_map, charts, cost_effectiveness, indicators
from .i18n import N_
from .numbers import MINUS, percent, points, significant, with_unit

HIGHER = N_("With {policy}, {indicator} is {change} higher than with {reference} (95% interval {low} to {high}).")
LOWER = N_("With {policy}, {indicator} is {change} lower than with {reference} (95% interval {low} to {high}).")
UNCLEAR = N_("With {policy}, no clear difference in {indicator} from {reference} (95% interval {low} to {high}).")
COST = N_("Training cost: {cost}.")
PROGRAMME_COST = N_("Programme cost, every lever: {cost}.")


def _signed(value, unit):
    text = with_unit(value, unit)
    return "+" + text if math.isfinite(value) and value > 0 and not text.startswith(MINUS) else text


POINTS = N_("points")  # percentage points: the difference of two rates


def _is_rate(row):
    return row.unit in ("ratio", "1")


def _diff_text(row, _=lambda text: text):
    """(change, low, high): in percentage points for rates (a rate of 10% going to 12% is +2
    points, not +20%), as % when the reference mean is not 0, else in the indicator's unit."""
    if _is_rate(row):
        word = _(POINTS)
        lo, hi = row.diff - row.diff_half_width, row.diff + row.diff_half_width
        return points(abs(row.diff), word, signed=False), points(lo, word), points(hi, word)
    if math.isfinite(row.pct):
        return percent(abs(row.pct), signed=False), percent(row.pct_low), percent(row.pct_high)
    lo, hi = row.diff - row.diff_half_width, row.diff + row.diff_half_width
    return with_unit(abs(row.diff), row.unit), _signed(lo, row.unit), _signed(hi, row.unit)


def sentence(a, row, _):
    change, low, high = _diff_text(row, _)
    words = dict(policy=row.point, indicator=indicators.label(row.indicator, _), reference=a.reference,
                 change=change, low=low, high=high)
    if not row.clear:
        return _(UNCLEAR).format(**words)
    return _(HIGHER if row.diff > 0 else LOWER).format(**words)


def _interval(mean, hw, unit):
    if not math.isfinite(hw):
        return ""
    return f"{with_unit(mean - hw, unit)} \u2013 {with_unit(mean + hw, unit)}"


def headline(a, _):
    """Per design point: its key indicators, each with the text the page shows."""
    blocks = []
    for p, point in enumerate(a.points):
        items = []
        for name in a.key_indicators():
            row = a.row(name, point)
            item = {"label": indicators.label(name, _), "mean": with_unit(row.mean, row.unit), "is_clear": row.clear,
                    "indicator": name, "mean_value": row.mean}
            if p > 0:
                change, low, high = _diff_text(row, _)
                if _is_rate(row):
                    change = points(row.diff, _(POINTS))
                elif math.isfinite(row.pct):
                    change = percent(row.pct)
                else:
                    change = _signed(row.diff, row.unit)
                item.update(change=change,
                            low=low, high=high, sentence=sentence(a, row, _), pct_value=row.pct,
                            direction="up" if row.diff > 0 else "down")
            items.append(item)
        cost = None
        # Files written since the cost model have every lever's cost; older ones training alone.
        name, text = ("programme_cost_usd", PROGRAMME_COST) if "programme_cost_usd" in a.units else ("training_cost_usd", COST)
        if name in a.units:
            c = a.row(name, point).mean
            if math.isfinite(c) and c > 0:
                cost = _(text).format(cost=with_unit(c, "USD"))
        blocks.append({"point": point, "policy": a.policies[p], "reference": p == 0, "rows": items, "cost": cost})
    return blocks


def table(a, _):
    rows = []
    for name in a.indicators:
        group = []
        for p, point in enumerate(a.points):
            row = a.row(name, point)
            entry = {"point": point, "mean": with_unit(row.mean, row.unit),
                     "interval": _interval(row.mean, row.half_width, row.unit), "n": row.n}
            if p > 0:
                if _is_rate(row):  # a difference of rates, in percentage points
                    change, low, high = _diff_text(row, _)
                    entry["diff"] = points(row.diff, _(POINTS))
                    entry["diff_interval"] = f"{low} \u2013 {high}" if math.isfinite(row.diff_half_width) else ""
                else:
                    entry["diff"] = _signed(row.diff, row.unit)
                    entry["diff_interval"] = (f"{_signed(row.diff - row.diff_half_width, row.unit)} \u2013 "
                                              f"{_signed(row.diff + row.diff_half_width, row.unit)}"
                                              if math.isfinite(row.diff_half_width) else "")
                entry["pct"] = percent(row.pct)
                entry["is_clear"] = row.clear
            group.append(entry)
        rows.append({"indicator": name, "label": indicators.label(name, _), "unit": a.units[name], "points": group})
    return rows


def costs(a, scenario, _):
    """The cost-effectiveness rows as the page shows them."""
    shown = []
    for row in cost_effectiveness.rows(a, scenario):
        if row["clear"]:
            icer = f"{with_unit(row['ratio'], row['unit'])} ({with_unit(row['low'], row['unit'])} \u2013 {with_unit(row['high'], row['unit'])})"
        else:
            icer = _("not distinguishable from zero: the extra effect's interval includes 0")
        shown.append({"point": row["point"], "per": _(row["per"]),
                      "cost": _signed(row["cost"], "USD") + (f" \u00b1 {with_unit(row['cost_hw'], 'USD')}" if math.isfinite(row["cost_hw"]) else ""),
                      "effect": significant(row["effect"]) + (f" \u00b1 {significant(row['effect_hw'])}" if math.isfinite(row["effect_hw"]) else ""),
                      "icer": icer, "clear": row["clear"]})
    return shown


def provenance(results, scenario):
    attrs = results.attrs
    s = scenario.get("scenario", {}) if isinstance(scenario, dict) else {}
    return {"scenario": s.get("name", ""), "description": s.get("description", ""),
            "scenario_file": attrs.get("scenario_file", ""), "seed": attrs.get("seed", ""),
            "version": attrs.get("bstp_version", ""), "git": attrs.get("git_revision", ""),
            "created": attrs.get("created_utc", ""), "command": attrs.get("command_line", ""),
            "format_version": attrs.get("format_version", "")}


def render(results, lang, translation, outlines=None):
    """The whole page as one HTML string."""
    _ = translation.gettext
    a = analysis_module.analyse(results)
    try:
        scenario = results.scenario()
    except Exception:  # noqa: BLE001 - a scenario that does not parse only costs the map
        scenario = {}
    key = a.key_indicators()
    figures = {"monthly": charts.monthly(a, [n for n in indicators.SERIES if n in a.units], _)
               if results.monthly is not None else None,
               "country": charts.by_country(a, [n for n in indicators.COUNTRY if n in a.units], _)
               if results.by_country is not None and results.by_country.sizes.get("country", 0) else None,
               "sweep": [{"parameter": name, "path": path, "svg": charts.sweep(a, key, name, _)}
                         for name, path in results.parameters.items()],
               "map": border_map.draw(a, scenario, border_map.find_outlines([outlines]), _)}
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(os.path.join(os.path.dirname(__file__), "templates")),
                             autoescape=True, undefined=jinja2.StrictUndefined)
    env.globals.update(_=_)
    template = env.get_template("report.html.j2")
    rate, years = cost_effectiveness.discounting(scenario)
    return template.render(lang=lang, a=a, headline=headline(a, _), table=table(a, _),
                           costs=costs(a, scenario, _), discount_rate=rate, benefit_years=years,
                           provenance=provenance(results, scenario), figures=figures,
                           is_sweep=results.is_sweep, parameters=results.parameters,
                           truncated=len(a.points) > charts.MAX_LINES, max_lines=charts.MAX_LINES,
                           map_truncated=len(a.points) > border_map.MAX_PANELS, max_panels=border_map.MAX_PANELS,
                           significant=significant, escape=html.escape)
