"""The after-action review's map: the exercise's border graph (from the log's `map` record) over
the countries' outlines, each place sized by the kg that passed it and marked where shipments
were seized, escaped across the line or paid a bribe; beside it the same replication without any
order. Reuses the report's map helpers (border_map)."""
import json
import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from .border_map import CROSSING_KINDS, _rings, graph  # noqa: E402
from .charts import svg  # noqa: E402
from .numbers import significant  # noqa: E402

SEIZED, ESCAPED, BRIBED = "#c0392b", "#e67e22", "#8e44ad"


def _scenario_like(record):
    """The log's graph as border_map.graph reads a scenario: nodes by id, edges from/to."""
    return {"nodes": {n["id"]: {"lat": n["lat"], "lon": n["lon"], "kind": n.get("kind", ""),
                                "country": n.get("country", "")} for n in record.get("nodes", [])},
            "edges": [{"from": e["from"], "to": e["to"]} for e in record.get("edges", [])]}


def _outlines(ax, features, extent):
    for feature in features:
        for ring in _rings(feature["geometry"]):
            xs, ys = zip(*ring)
            ax.fill(xs, ys, facecolor="#f2efe6", edgecolor="#9a9a8a", linewidth=0.7, zorder=0)
        props = feature["properties"]
        lon, lat = props.get("label_lon"), props.get("label_lat")
        if lon is not None and extent[0] < lon < extent[1] and extent[2] < lat < extent[3]:
            ax.text(lon, lat, props["id"], color="#8a8a7a", fontsize=11, ha="center",
                    va="center", zorder=1)


def draw(record, fates, baseline_fates, outlines_path, _):
    """Two panels (the exercise, and without the players' orders) as inline SVG, or None without coordinates."""
    nodes, edges = graph(_scenario_like(record))
    if not nodes:
        return None
    lons = [n[0] for n in nodes.values()]
    lats = [n[1] for n in nodes.values()]
    pad = max(0.3, 0.08 * max(max(lons) - min(lons), max(lats) - min(lats)))
    extent = (min(lons) - pad, max(lons) + pad, min(lats) - pad, max(lats) + pad)
    aspect = 1.0 / math.cos(math.radians(0.5 * (extent[2] + extent[3])))
    # One panel above the other, each the page's width: a region's places need the room.
    width = 9.0
    height = min(width * (extent[3] - extent[2]) * aspect / (extent[1] - extent[0]), 6.5)
    fig, axes = plt.subplots(2, 1, figsize=(width, 2 * height + 1.0), squeeze=False)
    fig.subplots_adjust(left=0.07, right=0.98, top=0.96, bottom=0.07, hspace=0.15)
    features = []
    if outlines_path:
        with open(outlines_path, encoding="utf-8") as stream:
            features = json.load(stream)["features"]
    panels = ((_("the exercise"), fates), (_("without the players' orders"), baseline_fates))
    biggest = max([f.get("kg_through", 0.0) for f in [*fates.values(), *baseline_fates.values()]] + [1.0])
    most = max([max(f.get("seized", 0), f.get("escaped", 0), f.get("bribed", 0))
                for f in [*fates.values(), *baseline_fates.values()]] + [1])
    for ax, (title, shown) in zip(axes.flat, panels):
        _outlines(ax, features, extent)
        for a, b in edges:
            ax.plot([nodes[a][0], nodes[b][0]], [nodes[a][1], nodes[b][1]], color="#b0b0b0", linewidth=0.6, zorder=2)
        ax.scatter(lons, lats, s=6, color="#606060", zorder=3)
        busy = [(node_id, f) for node_id, f in shown.items() if node_id in nodes and f.get("kg_through", 0.0) > 0]
        ax.scatter([nodes[i][0] for i, _f in busy], [nodes[i][1] for i, _f in busy],
                   s=[12 + 600 * f["kg_through"] / biggest for _i, f in busy],
                   c=["#5d8aa8" if nodes[i][2] in CROSSING_KINDS else "#9fb6c8" for i, _f in busy],
                   edgecolors="black", linewidths=0.5, alpha=0.6, zorder=4)
        # Side by side around the place, so that all three show where they coincide.
        step = 0.012 * (extent[1] - extent[0])
        for key, colour, marker, dx, dy in (("seized", SEIZED, "X", -step, 0.0), ("escaped", ESCAPED, "^", step, 0.0),
                                            ("bribed", BRIBED, "D", 0.0, step)):
            marked = [(i, f) for i, f in shown.items() if i in nodes and f.get(key, 0) > 0]
            ax.scatter([nodes[i][0] + dx for i, _f in marked], [nodes[i][1] + dy for i, _f in marked],
                       s=[20 + 160 * f[key] / most for _i, f in marked], marker=marker, color=colour,
                       edgecolors="white", linewidths=0.5, zorder=5)
        # The busiest places named, skipping one too close to a place already named.
        named = []
        for node_id, f in sorted(busy, key=lambda item: -item[1]["kg_through"]):
            x, y = nodes[node_id][:2]
            near = [(u, v) for u, v in named
                    if abs(x - u) < 0.06 * (extent[1] - extent[0]) and abs(y - v) < 0.04 * (extent[3] - extent[2])]
            if len(named) == 5 or near:
                continue
            named.append((x, y))
            ax.annotate(f"{node_id}\n{significant(f['kg_through'])} kg", (x, y), fontsize=7, xytext=(6, 6),
                        textcoords="offset points", zorder=6)
        ax.set_xlim(extent[0], extent[1])
        ax.set_ylim(extent[2], extent[3])
        ax.set_aspect(aspect)
        ax.set_title(title, loc="left", fontsize=10)
        ax.tick_params(labelsize=7)
    legend = [Line2D([], [], marker="o", linestyle="", markerfacecolor="#5d8aa8", markeredgecolor="black", markersize=9,
                     label=_("kg through (area)")),
              Line2D([], [], marker="X", linestyle="", color=SEIZED, markersize=8, label=_("seizures")),
              Line2D([], [], marker="^", linestyle="", color=ESCAPED, markersize=8, label=_("escapes across the line")),
              Line2D([], [], marker="D", linestyle="", color=BRIBED, markersize=7, label=_("bribes taken"))]
    fig.legend(handles=legend, loc="lower center", ncol=4, fontsize=8, frameon=False)
    return svg(fig)
