"""bstp review LOG.jsonl -o aar.html [--lang en|es]: the after-action report of a tabletop
exercise, from the log `bstp tabletop ... --log` wrote (docs/tabletop.md, "After-action review").
Run by `bstp review`, or as `python3 -m bstp_report.review` with python/ on PYTHONPATH.
Exit codes: 0 written, 1 failed, 2 bad arguments or input.

The log's records (JSON lines): `session` (the exercise), `map` (the graph), `order`,
`order_refused`, `undo`, `inject`, `inject_skipped`, `step` (the outcome after each move of the
clock) and `end`: the outcome, the fates of the shipments by node, the orders in force, and the
same replication replayed without the players' orders (`counterfactual`) and without each
team's orders (`without`). Common random numbers make those differences exactly the orders'
effect."""
import argparse
import html
import json
import os
import sys

from . import page_file
from .i18n import N_, languages

EXIT_FAILURE, EXIT_USAGE = 1, 2
REQUIRED = (("matplotlib", "python3-matplotlib"), ("jinja2", "python3-jinja2"))

# The outcome's measures, summed over the countries: (key in the log, label, unit).
MEASURES = (
    ("seizures", N_("shipments seized"), ""),
    ("seized_kg", N_("seized kg"), "kg"),
    ("deliveries", N_("shipments delivered"), ""),
    ("delivered_kg", N_("delivered kg"), "kg"),
    ("patrol_detections", N_("shipments detected by patrols"), ""),
    ("checkpoint_finds", N_("shipments found at checkpoints"), ""),
    ("escapes", N_("detected shipments that escaped across the line"), ""),
    ("bribes", N_("bribes taken"), ""),
    ("violent_incidents", N_("violent incidents"), ""),
    ("deaths", N_("deaths"), ""),
)
# The fates by node: (key, label); a count and its kg (key_kg), but kg_through.
FATES = (
    ("kg_through", N_("kg through")),
    ("detected", N_("detected")),
    ("bribed", N_("bribed")),
    ("escaped", N_("escaped")),
    ("seized", N_("seized")),
    ("delivered", N_("delivered")),
)
FATE_KEYS = ("kg_through", *(k + suffix for k, _label in FATES[1:] for suffix in ("", "_kg")))
MORE = N_("{measure}: {exercise} in the exercise, {baseline} without {whose}: {difference} more.")
FEWER = N_("{measure}: {exercise} in the exercise, {baseline} without {whose}: {difference} fewer.")
SAME = N_("{measure}: {exercise}, with or without {whose}.")
WHOSE_ALL = N_("the players' orders")
WHOSE_TEAM = N_("the orders of {team}")
FACILITATOR = N_("the facilitator")
INJECTS = N_("the injects")


class LogError(ValueError):
    """The log cannot be read: file:line and what is wrong."""


def read_log(path):
    """The records of the log, checked for what the review needs."""
    records = []
    with open(path, encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise LogError(f"{path}:{number}:{e.colno}: not a JSON record: {e.msg}") from None
            if not isinstance(record, dict) or "kind" not in record or "time_s" not in record:
                raise LogError(f"{path}:{number}:1: expected a record with a kind and a time_s")
            records.append(record)
    kinds = [r["kind"] for r in records]
    if not records or kinds[0] != "session":
        raise LogError(f"{path}:1:1: expected the session record first (a log written by bstp tabletop --log)")
    if "map" not in kinds:
        raise LogError(f"{path}: no map record: the log was written by an older bstp tabletop; play the exercise again")
    end = records[-1]
    if end["kind"] != "end":
        raise LogError(f"{path}:{len(records)}:1: no end record: the session did not end (was it interrupted?)")
    if "counterfactual" not in end:
        raise LogError(f"{path}:{len(records)}:1: the end record has no counterfactual: the log was written by an "
                       "older bstp tabletop; play the exercise again")
    return records


def total(outcome, key):
    """A measure summed over the countries."""
    return sum(country.get(key, 0) for country in outcome.values())


def number(value, unit, significant):
    if unit == "kg":
        return significant(value) + " kg"
    if float(value).is_integer():
        return f"{int(value):,}"
    return significant(value)


def day_text(time_s, _):
    day, rest = divmod(int(time_s), 86400)
    if rest == 0:
        return _("day {day}").format(day=day)
    return _("day {day} {hh:02}:{mm:02}").format(day=day, hh=rest // 3600, mm=rest % 3600 // 60)


def giver_name(giver, _):
    return {"facilitator": _(FACILITATOR), "injects": _(INJECTS)}.get(giver, giver)


def comparison(outcome, baseline, whose, _, significant, countries=None):
    """Per measure: the exercise's value, the baseline's, the difference, and a sentence."""
    rows = []
    for key, label, unit in MEASURES:
        pick = (lambda o: o.get(countries, {}).get(key, 0)) if countries else (lambda o: total(o, key))
        mine, theirs = pick(outcome), pick(baseline)
        diff = mine - theirs
        mine_text, theirs_text = number(mine, unit, significant), number(theirs, unit, significant)
        words = dict(measure=_(label), exercise=mine_text, baseline=theirs_text, whose=whose,
                     difference=number(abs(diff), unit, significant))
        sentence = _(MORE if diff > 0 else FEWER if diff < 0 else SAME).format(**words)
        sign = "+" if diff > 0 else "\u2212" if diff < 0 else ""
        rows.append({"key": key, "label": _(label), "unit": unit, "exercise": mine, "baseline": theirs, "diff": diff,
                     "exercise_text": mine_text, "baseline_text": theirs_text,
                     "diff_text": sign + number(abs(diff), unit, significant),
                     "direction": "up" if diff > 0 else "down" if diff < 0 else "same", "sentence": sentence})
    return rows


def timeline(records, lang, _, significant):
    """Injects, orders (taken back ones marked), refused orders and what each step brought."""
    rows, orders = [], []
    previous = None
    for r in records:
        kind = r["kind"]
        row = {"time_s": r["time_s"], "when": day_text(r["time_s"], _), "kind": kind}
        if kind == "order":
            row.update(team=giver_name("injects" if r.get("by_inject") else r.get("team", ""), _),
                       text=r.get("summary", ""), command=r.get("text", ""), undone=False)
            orders.append(row)
        elif kind == "undo":
            for o in reversed(orders):
                if o["command"] == r.get("text") and not o["undone"]:
                    o["undone"] = True
                    break
            continue
        elif kind == "order_refused":
            row.update(team=giver_name(r.get("team", ""), _), text=r.get("text", ""), reason=r.get("reason", ""))
        elif kind == "inject":
            row.update(team=_("everyone") if r.get("to", "all") == "all" else r["to"], id=r.get("id", ""),
                       text=r.get("text_" + lang, "") or r.get("text", ""))
        elif kind == "step":
            now = r.get("outcome", {})
            before = previous or {}
            change = {key: total(now, key) - total(before, key) for key, _label, _unit in MEASURES}
            row.update(from_when=day_text(round(r.get("from_day", 0) * 86400), _), change=change,
                       text=_("seized: {seized} ({seized_kg}); delivered: {delivered} ({delivered_kg}); "
                              "bribes: {bribes}; violent incidents: {incidents}").format(
                           seized=change["seizures"], seized_kg=number(change["seized_kg"], "kg", significant),
                           delivered=change["deliveries"],
                           delivered_kg=number(change["delivered_kg"], "kg", significant),
                           bribes=change["bribes"], incidents=change["violent_incidents"]))
            previous = now
        else:
            continue
        rows.append(row)
    # A move of the clock is logged when it ends, after the injects that stopped it: show it first.
    rows.sort(key=lambda row: (row["time_s"], 0 if row["kind"] == "step" else 1))
    return rows


def _fate_texts(fates, significant):
    """What the node table shows: kg through, then each fate as "count (kg)" ("0" when none)."""
    texts = {"kg_through": number(fates.get("kg_through", 0.0), "kg", significant)}
    for key, _label in FATES[1:]:
        count = fates.get(key, 0)
        texts[key] = f"{count:,} ({number(fates.get(key + '_kg', 0.0), 'kg', significant)})" if count else "0"
    return texts


def node_rows(graph, nodes, baseline_nodes, significant):
    """The nodes with any activity (with or without the orders), busiest first, with the no-orders
    run's kg through."""
    names = {n["id"]: n for n in graph.get("nodes", [])}
    rows = []
    for node_id in [*nodes, *(n for n in baseline_nodes if n not in nodes)]:
        fates = {key: nodes.get(node_id, {}).get(key, 0) for key in FATE_KEYS}
        meta = names.get(node_id, {})
        base = baseline_nodes.get(node_id, {})
        rows.append({"id": node_id, "name": meta.get("name", node_id), "country": meta.get("country", ""),
                     "kind": meta.get("kind", ""), "fates": fates, "baseline_kg": base.get("kg_through", 0.0),
                     "texts": _fate_texts(fates, significant),
                     "baseline_text": number(base.get("kg_through", 0.0), "kg", significant)})
    rows.sort(key=lambda row: (-row["fates"].get("kg_through", 0.0), row["id"]))
    return rows


def render(records, lang, translation, outlines=None):
    """The whole page as one HTML string."""
    import jinja2

    from . import border_map, review_map
    from .numbers import significant

    _ = translation.gettext
    session = records[0]
    graph = next(r for r in records if r["kind"] == "map")
    end = records[-1]
    outcome, baseline = end["outcome"], end["counterfactual"]["outcome"]
    countries = [c["id"] for c in graph.get("countries", [])] or sorted(outcome)
    country_names = {c["id"]: c.get("name", c["id"]) for c in graph.get("countries", [])}
    orders = end.get("orders_in_force", [])
    teams = []
    for giver, run in end.get("without", {}).items():
        mine = [o for o in orders if not o.get("by_inject") and o.get("for_team", o.get("team")) == giver]
        whose = _(WHOSE_TEAM).format(team=giver_name(giver, _))
        teams.append({"id": giver, "name": giver_name(giver, _),
                      "orders": [{"when": day_text(o["time_s"], _), "summary": o.get("summary", ""),
                                  "text": o.get("text", "")} for o in mine],
                      "rows": comparison(outcome, run["outcome"], whose, _, significant)})
    figure = review_map.draw(graph, end.get("nodes", {}), end["counterfactual"].get("nodes", {}),
                             border_map.find_outlines([outlines]), _)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(os.path.join(os.path.dirname(__file__), "templates")),
                             autoescape=True, undefined=jinja2.StrictUndefined)
    env.globals.update(_=_)
    template = env.get_template("review.html.j2")
    return template.render(
        lang=lang, session=session,
        title=(session.get("title_" + lang) or session.get("title") or session.get("exercise", "")), end=end,
        end_when=day_text(end["time_s"], _),
        overall=comparison(outcome, baseline, _(WHOSE_ALL), _, significant),
        by_country=[{"id": c, "name": country_names.get(c, c),
                     "rows": comparison(outcome, baseline, _(WHOSE_ALL), _, significant, countries=c)}
                    for c in countries if c in outcome],
        teams=teams, timeline=timeline(records, lang, _, significant),
        nodes=node_rows(graph, end.get("nodes", {}), end["counterfactual"].get("nodes", {}), significant),
        fates=[(key, _(label)) for key, label in FATES], fate_keys=FATE_KEYS, figure=figure, escape=html.escape,
        team_name=giver_name(session.get("team", "facilitator"), _), orders_count=len(orders))


def parse(argv):
    parser = argparse.ArgumentParser(prog="bstp review", description=__doc__.split("\n\n")[0])
    parser.add_argument("log", help="the exercise's log, written by bstp tabletop --log")
    page_file.add_page_options(parser, languages())
    return parser.parse_args(argv)


def main(argv=None):
    args = parse(argv)
    missing = page_file.missing_modules(REQUIRED)
    if missing:
        page_file.say_missing("bstp review", missing)
        return EXIT_FAILURE
    from . import i18n

    if page_file.paths_refused("bstp review", args.log, args.out, args.force):
        return EXIT_USAGE
    try:
        records = read_log(args.log)
    except (LogError, UnicodeDecodeError) as e:
        print(f"bstp review: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    try:
        translation = i18n.translation(args.lang, args.locale_dir)
        page_file.write_whole(args.out, render(records, args.lang, translation, args.outlines))
    except Exception as e:  # noqa: BLE001 - any failure is reported, the output left as it was
        print(f"bstp review: failed: {type(e).__name__}: {e}", file=sys.stderr)
        return EXIT_FAILURE
    print(f"After-action report written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
