"""The map: the scenario's border graph from its nodes' lat/lon over the countries' outlines
(data/countries.geojson, Natural Earth 1:110m), crossings sized by the kg that passed them and
coloured by the change from the reference point: one panel per design point."""
import json
import math
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from .charts import svg  # noqa: E402
from .numbers import significant  # noqa: E402

MAX_PANELS = 6
CROSSING_KINDS = ("port_of_entry", "blind_crossing")


def find_outlines(extra=()):
    """data/countries.geojson next to the install (share/bstp/data) or in the source tree."""
    here = os.path.dirname(os.path.abspath(__file__))
    candidates = [*extra, os.path.join(here, "..", "..", "data", "countries.geojson"),
                  os.path.join(here, "..", "..", "..", "share", "bstp", "data", "countries.geojson"),
                  os.path.join(here, "..", "data", "countries.geojson")]
    for path in candidates:
        if path and os.path.exists(path):
            return os.path.normpath(path)
    return None


def _rings(geometry):
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    return [ring for polygon in geometry["coordinates"] for ring in polygon]


def graph(scenario):
    """Nodes {id: (lon, lat, kind, country)} and edges [(from, to)] of a parsed scenario."""
    nodes = {}
    for node_id, node in (scenario.get("nodes") or {}).items():
        if isinstance(node, dict) and "lat" in node and "lon" in node:
            nodes[str(node_id)] = (float(node["lon"]), float(node["lat"]), node.get("kind", ""), node.get("country", ""))
    edges = [(str(e.get("from")), str(e.get("to"))) for e in (scenario.get("edges") or []) if isinstance(e, dict)]
    return nodes, [(a, b) for a, b in edges if a in nodes and b in nodes]


def draw(analysis, scenario, outlines_path, _):
    """The map as inline SVG, or None when the scenario has no coordinates."""
    nodes, edges = graph(scenario)
    if not nodes:
        return None
    flow = analysis.results.by_crossing
    crossings = [str(c) for c in flow["crossing"].values] if flow is not None else []
    kg = np.asarray(flow["kg"].values, dtype=float) if flow is not None else np.zeros((len(analysis.points), 0, 0))
    with np.errstate(invalid="ignore"):
        mean_kg = np.nanmean(kg, axis=1) if kg.size else np.zeros((len(analysis.points), 0))
    mean_kg = np.nan_to_num(mean_kg)
    points = analysis.points[:MAX_PANELS]
    lons = [n[0] for n in nodes.values()]
    lats = [n[1] for n in nodes.values()]
    pad = max(0.3, 0.08 * max(max(lons) - min(lons), max(lats) - min(lats)))
    extent = (min(lons) - pad, max(lons) + pad, min(lats) - pad, max(lats) + pad)
    aspect = 1.0 / math.cos(math.radians(0.5 * (extent[2] + extent[3])))
    cols = 1 if len(points) == 1 else 2 if len(points) <= 4 else 3
    rows = math.ceil(len(points) / cols)
    width = {1: 8.0, 2: 5.0, 3: 3.4}[cols]
    height = min(width * (extent[3] - extent[2]) * aspect / (extent[1] - extent[0]), 8.0)
    fig, axes = plt.subplots(rows, cols, figsize=(width * cols, height * rows + 1.2), squeeze=False)
    fig.subplots_adjust(left=0.05, right=0.98, top=0.95, bottom=0.15 if len(points) > 1 else 0.05, wspace=0.12,
                        hspace=0.18)
    outlines = []
    if outlines_path:
        with open(outlines_path, encoding="utf-8") as stream:
            outlines = json.load(stream)["features"]
    biggest = float(mean_kg.max()) if mean_kg.size and mean_kg.max() > 0 else 1.0
    change = mean_kg - mean_kg[0:1] if mean_kg.size else mean_kg
    limit = float(np.abs(change).max()) if change.size and np.abs(change).max() > 0 else 1.0
    cmap = plt.get_cmap("RdBu_r")
    for p, (ax, point) in enumerate(zip(axes.flat, points)):
        for feature in outlines:
            for ring in _rings(feature["geometry"]):
                xs, ys = zip(*ring)
                ax.fill(xs, ys, facecolor="#f2efe6", edgecolor="#9a9a8a", linewidth=0.7, zorder=0)
            inside = [(x, y) for x, y in _rings(feature["geometry"])[0]
                      if extent[0] < x < extent[1] and extent[2] < y < extent[3]]
            props = feature["properties"]
            if "label_lon" in props:
                inside = [(props["label_lon"], props["label_lat"])] * 3
            if len(inside) >= 3:  # the label at its given place, else the middle of the visible outline
                cx, cy = (sum(v) / len(inside) for v in zip(*inside))
                ax.text(cx, cy, feature["properties"]["id"], color="#8a8a7a", fontsize=11, ha="center", va="center",
                        zorder=1)
        for a, b in edges:
            ax.plot([nodes[a][0], nodes[b][0]], [nodes[a][1], nodes[b][1]], color="#b0b0b0", linewidth=0.6, zorder=2)
        others = [n for n in nodes.values() if n[2] not in CROSSING_KINDS]
        ax.scatter([n[0] for n in others], [n[1] for n in others], s=6, color="#606060", zorder=3)
        xs, ys, sizes, colours = [], [], [], []
        for c, crossing in enumerate(crossings):
            if crossing not in nodes:
                continue
            xs.append(nodes[crossing][0])
            ys.append(nodes[crossing][1])
            sizes.append(12 + 600 * mean_kg[p, c] / biggest)
            colours.append(cmap(0.5 + 0.5 * change[p, c] / limit) if p > 0 else "#7f7f7f")
        ax.scatter(xs, ys, s=sizes, c=colours, edgecolors="black", linewidths=0.5, alpha=0.85, zorder=4)
        order = np.argsort(-mean_kg[p]) if mean_kg.size else []
        for c in list(order)[:3]:
            if crossings[c] in nodes and mean_kg[p, c] > 0:
                ax.annotate(f"{crossings[c]}\n{significant(mean_kg[p, c])} kg", nodes[crossings[c]][:2], fontsize=6.5,
                            xytext=(4, 4), textcoords="offset points", zorder=5)
        ax.set_xlim(extent[0], extent[1])
        ax.set_ylim(extent[2], extent[3])
        ax.set_aspect(aspect)
        ax.set_title(point, loc="left", fontsize=9)
        ax.tick_params(labelsize=7)
        ax.grid(False)
    for ax in list(axes.flat)[len(points):]:
        ax.set_visible(False)
    if len(points) > 1:
        mappable = matplotlib.cm.ScalarMappable(norm=matplotlib.colors.Normalize(-limit, limit), cmap=cmap)
        bar = fig.colorbar(mappable, cax=fig.add_axes([0.3, 0.075, 0.4, 0.018]), orientation="horizontal")
        bar.set_label(_("change in kg through the crossing from the reference (red: more, blue: less)"))
    return svg(fig)
