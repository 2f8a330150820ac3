"""The maps: the scenario's border graph from its nodes' lat/lon over the countries' outlines
(data/countries.geojson, Natural Earth 1:110m). Two figures: one panel per design point, each
border crossing a circle sized by the kg that passed it and coloured by the shipments seized at
it; and the difference map, one panel per other point, each crossing's circle sized by the
change in kg through it from the reference, red for more and blue for less. Circles that would
hide each other are spread around their place, with a line to it, and labels are put where they
cover no other label or circle."""
import json
import math
import os
import textwrap
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from .charts import svg  # noqa: E402
from .numbers import significant  # noqa: E402

MAX_PANELS = 6
CROSSING_KINDS = ("port_of_entry", "blind_crossing")
LABELLED = 3          # crossings labelled per panel (all of them when there are at most LABEL_ALL)
LABEL_ALL = 4
SMALLEST, LARGEST = 12.0, 600.0  # circle areas in pt^2
SEIZURES = "YlOrRd"
CHANGE = "RdBu_r"


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


def clip_ring(ring, box):
    """The part of a polygon ring inside box (xmin, xmax, ymin, ymax), Sutherland-Hodgman: the
    map draws what it shows and no more."""
    xmin, xmax, ymin, ymax = box
    edges = ((lambda p: p[0] >= xmin, lambda a, b: _cross_x(a, b, xmin)),
             (lambda p: p[0] <= xmax, lambda a, b: _cross_x(a, b, xmax)),
             (lambda p: p[1] >= ymin, lambda a, b: _cross_y(a, b, ymin)),
             (lambda p: p[1] <= ymax, lambda a, b: _cross_y(a, b, ymax)))
    points = [tuple(p[:2]) for p in ring]
    for inside, cross in edges:
        if not points:
            break
        out = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    out.append(cross(previous, current))
                out.append(current)
            elif inside(previous):
                out.append(cross(previous, current))
        points = out
    return points


def _cross_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _cross_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def _centroid(ring):
    """(x, y, area) of a polygon ring (shoelace)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-12:
        return (ring[0][0], ring[0][1], 0.0)
    return (cx / (3 * a), cy / (3 * a), abs(a) / 2)


def graph(scenario):
    """Nodes {id: (lon, lat, kind, country, name)} and edges [(from, to)] of a parsed scenario."""
    nodes = {}
    for node_id, node in (scenario.get("nodes") or {}).items():
        if isinstance(node, dict) and "lat" in node and "lon" in node:
            nodes[str(node_id)] = (float(node["lon"]), float(node["lat"]), node.get("kind", ""), node.get("country", ""),
                                   str(node.get("name") or node_id))
    edges = [(str(e.get("from")), str(e.get("to"))) for e in (scenario.get("edges") or []) if isinstance(e, dict)]
    return nodes, [(a, b) for a, b in edges if a in nodes and b in nodes]


def crossing_means(results, name):
    """Per design point and crossing, the mean over replications of /by_crossing/<name>; None
    when the file has no such dataset (seizures at crossings are not in older files)."""
    flow = results.by_crossing
    if flow is None or name not in flow:
        return None
    values = np.asarray(flow[name].values, dtype=float)  # [point, replication, crossing]
    if values.size == 0:
        return np.zeros((values.shape[0], values.shape[2]))
    with warnings.catch_warnings():  # a crossing with no replication done is NaN, not a warning
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.nan_to_num(np.nanmean(values, axis=1))


class Frame:
    """The map's extent, aspect and outlines, shared by every panel."""

    def __init__(self, nodes, edges, outlines):
        lons = [n[0] for n in nodes.values()]
        lats = [n[1] for n in nodes.values()]
        pad = max(0.3, 0.08 * max(max(lons) - min(lons), max(lats) - min(lats)))
        self.extent = (min(lons) - pad, max(lons) + pad, min(lats) - pad, max(lats) + pad)
        self.aspect = 1.0 / math.cos(math.radians(0.5 * (self.extent[2] + self.extent[3])))
        self.nodes, self.edges = nodes, edges
        margin = 0.05 * (self.extent[1] - self.extent[0])
        box = (self.extent[0] - margin, self.extent[1] + margin, self.extent[2] - margin, self.extent[3] + margin)
        self.shapes = []  # (clipped rings, label, label place or None)
        for feature in outlines:
            rings = [r for r in (clip_ring(ring, box) for ring in _rings(feature["geometry"])) if len(r) >= 3]
            props = feature["properties"]
            place = (props["label_lon"], props["label_lat"]) if "label_lon" in props else None
            if not place or not self.shows(place):  # the middle of the largest visible part
                visible = [r for r in (clip_ring(ring, self.extent) for ring in _rings(feature["geometry"])) if len(r) >= 3]
                centres = [_centroid(r) for r in visible]
                centres = [c for c in centres if c[2] > 0.002 * (self.extent[1] - self.extent[0]) * (self.extent[3] - self.extent[2])]
                place = max(centres, key=lambda c: c[2])[:2] if centres else None
            if rings or place:
                self.shapes.append((rings, props["id"], place))

    def shows(self, place):
        return self.extent[0] < place[0] < self.extent[1] and self.extent[2] < place[1] < self.extent[3]

    def figure(self, panels, colour_bar):
        cols = 1 if panels == 1 else 2 if panels <= 4 else 3
        rows = math.ceil(panels / cols)
        width = {1: 8.0, 2: 5.0, 3: 3.4}[cols]
        e = self.extent
        height = min(width * (e[3] - e[2]) * self.aspect / (e[1] - e[0]), 8.0)
        bar = 1.0 if colour_bar else 0.2
        fig, axes = plt.subplots(rows, cols, figsize=(width * cols, height * rows + bar), squeeze=False)
        total = height * rows + bar
        fig.subplots_adjust(left=0.05, right=0.98, top=1 - 0.3 / total, bottom=(bar - 0.1) / total if colour_bar else 0.03,
                            wspace=0.12, hspace=0.35 / height)
        for ax in list(axes.flat)[panels:]:
            ax.set_visible(False)
        return fig, list(axes.flat)[:panels]

    def background(self, ax, title):
        """Outlines, country names, routes (one path) and places (one marker set)."""
        for rings, name, place in self.shapes:
            for ring in rings:
                xs, ys = zip(*ring)
                ax.fill(xs, ys, facecolor="#f2efe6", edgecolor="#9a9a8a", linewidth=0.7, zorder=0)
            if place and self.shows(place):
                ax.text(place[0], place[1], name, color="#8a8a7a", fontsize=11, ha="center", va="center", zorder=1)
        xs, ys = [], []
        for a, b in self.edges:
            xs += [self.nodes[a][0], self.nodes[b][0], np.nan]
            ys += [self.nodes[a][1], self.nodes[b][1], np.nan]
        ax.plot(xs, ys, color="#b0b0b0", linewidth=0.6, zorder=2)
        others = [n for n in self.nodes.values() if n[2] not in CROSSING_KINDS]
        ax.plot([n[0] for n in others], [n[1] for n in others], linestyle="none", marker="o", markersize=2.2,
                markeredgewidth=0, color="#606060", zorder=3)
        ax.set_xlim(self.extent[0], self.extent[1])
        ax.set_ylim(self.extent[2], self.extent[3])
        ax.set_aspect(self.aspect)
        ax.set_title(title, loc="left", fontsize=9)
        ax.tick_params(labelsize=7)
        ax.grid(False)


def spread(places, radii, gap=1.5):
    """Display positions (points) for circles at `places` with `radii` (points): a circle whose
    centre falls inside a larger one's is moved, with the others of its group, onto a ring around
    the group's middle, in the order of their true bearings, so that no circle of the group covers
    another. Returns the new centres."""
    n = len(places)
    group = list(range(n))

    def root(i):
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i
    for i in range(n):
        for j in range(i + 1, n):
            if math.dist(places[i], places[j]) < max(radii[i], radii[j]) + gap:
                group[root(i)] = root(j)
    shown = [tuple(p) for p in places]
    members = {}
    for i in range(n):
        members.setdefault(root(i), []).append(i)
    for ids in members.values():
        if len(ids) < 2:
            continue
        cx = sum(places[i][0] for i in ids) / len(ids)
        cy = sum(places[i][1] for i in ids) / len(ids)
        biggest = max(radii[i] for i in ids) + gap
        ring = biggest if len(ids) == 2 else biggest / math.sin(math.pi / len(ids))
        bearings = {i: math.atan2(places[i][1] - cy, places[i][0] - cx) if math.dist(places[i], (cx, cy)) > 1e-9 else 0.0
                    for i in ids}
        ids.sort(key=lambda i: bearings[i])
        start = bearings[ids[0]]
        for k, i in enumerate(ids):
            angle = start + 2 * math.pi * k / len(ids)
            shown[i] = (cx + ring * math.cos(angle), cy + ring * math.sin(angle))
    return shown


class _Labels:
    """Places labels beside their circles where they cover no other label, circle or country
    name and stay inside the panel: sixteen directions close to the circle, then further out
    with a line to it; where every place covers something, the place that covers least."""

    DIRECTIONS = 16
    STEPS = (2.5, 12, 24, 38, 55, 75)  # points beyond the circle's edge

    def __init__(self, ax, circles):
        self.ax = ax
        self.fig = ax.figure
        self.renderer = self.fig.canvas.get_renderer()
        self.circles = circles  # display pixels
        self.taken = [_box(text.get_window_extent(self.renderer)) for text in ax.texts]  # country names, then labels
        self.placed = []
        self.frame = _box(ax.get_window_extent(self.renderer))

    def _cost(self, box):
        return (sum(_overlap(box, other) for other in self.taken) + 4 * _outside(box, self.frame) +
                sum(50 + 40 * depth for depth in (_into_circle(box, c, r) for c, r in self.circles) if depth > 0))

    def add(self, centre, radius, text):
        """centre: display pixels; radius: pixels."""
        px = self.fig.dpi / 72.0
        style = {"fontsize": 6.5, "zorder": 6, "textcoords": "offset points",
                 "bbox": {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.75}}
        where = self.ax.transData.inverted().transform(centre)
        probe = self.ax.annotate(text, where, xytext=(0, 0), **style)
        size = _box(probe.get_window_extent(self.renderer))
        probe.remove()
        width, height = size[2] - size[0] + 3, size[3] - size[1] + 3  # with the white box's pad
        best = None
        for step in self.STEPS:
            distance = radius / px + step
            for k in range(self.DIRECTIONS):
                angle = 2 * math.pi * k / self.DIRECTIONS
                dx, dy = math.cos(angle), math.sin(angle)
                ha = "left" if dx > 0.3 else "right" if dx < -0.3 else "center"
                va = "bottom" if dy > 0.3 else "top" if dy < -0.3 else "center"
                x, y = centre[0] + dx * distance * px, centre[1] + dy * distance * px
                x0 = x if ha == "left" else x - width if ha == "right" else x - width / 2
                y0 = y if va == "bottom" else y - height if va == "top" else y - height / 2
                box = (x0, y0, x0 + width, y0 + height)
                cost = self._cost(box)
                if best is None or cost < best[0]:
                    best = (cost, box, (dx * distance, dy * distance), ha, va, step > self.STEPS[0])
            if best[0] == 0:
                break
        _, box, offset, ha, va, leader = best
        arrow = {"arrowstyle": "-", "color": "#555555", "linewidth": 0.5, "shrinkA": 0, "shrinkB": radius / px}
        self.ax.annotate(text, where, xytext=offset, ha=ha, va=va, arrowprops=arrow if leader else None, **style)
        self.taken.append(box)
        self.placed.append(box)


def _box(extent):
    return (extent.x0, extent.y0, extent.x1, extent.y1)


def _into_circle(box, centre, radius):
    """How far (pixels) a box (x0, y0, x1, y1) reaches into a circle; 0 when apart."""
    nearest = (min(max(centre[0], box[0]), box[2]), min(max(centre[1], box[1]), box[3]))
    return max(0.0, radius - math.dist(nearest, centre))


def _overlap(box, other):
    w = min(box[2], other[2]) - max(box[0], other[0])
    h = min(box[3], other[3]) - max(box[1], other[1])
    return w * h if w > 0 and h > 0 else 0.0


def _outside(box, frame):
    return (box[2] - box[0]) * (box[3] - box[1]) - _overlap(box, frame)


def _circles(ax, frame, crossings, areas, colours, max_areas):
    """Draws the crossings' circles, spread where they would hide each other (the spread uses
    each crossing's largest circle over the panels, so a crossing sits in the same place in
    every panel); returns their display centres and radii in pixels."""
    px = ax.figure.dpi / 72.0
    ax.apply_aspect()
    to_display = ax.transData
    true = [tuple(to_display.transform(frame.nodes[c][:2])) for c in crossings]
    places = spread(true, [math.sqrt(a / math.pi) * px for a in max_areas])
    back = to_display.inverted()
    moved = [i for i in range(len(crossings)) if math.dist(true[i], places[i]) > 0.5]
    for i in moved:
        (x0, y0), (x1, y1) = back.transform(true[i]), back.transform(places[i])
        ax.plot([x0, x1], [y0, y1], color="#444444", linewidth=0.5, zorder=4)
    if moved:
        ax.plot(*zip(*(back.transform(true[i]) for i in moved)), linestyle="none", marker="o", markersize=1.6,
                markeredgewidth=0, color="#222222", zorder=4)
    centres = back.transform(places) if places else np.zeros((0, 2))
    order = np.argsort(-np.asarray(areas)) if len(areas) else []
    ax.scatter([centres[i][0] for i in order], [centres[i][1] for i in order], s=[areas[i] for i in order],
               c=[colours[i] for i in order], edgecolors="#333333", linewidths=0.5, zorder=5)
    return places, [math.sqrt(a / math.pi) * px for a in areas]


def panel(ax, frame, crossings, areas, colours, max_areas, labels):
    """One map panel's crossings: circles (areas in pt^2, colours), spread where they would hide
    each other, and `labels` [(crossing index, text)] placed beside them. Returns the circles
    [(centre, radius)] and the labels' boxes, in display pixels."""
    places, radii = _circles(ax, frame, crossings, areas, colours, max_areas)
    placer = _Labels(ax, list(zip(places, radii)))
    for c, text in labels:
        placer.add(places[c], radii[c], text)
    return list(zip(places, radii)), placer.placed


def _label_text(frame, crossing, amount):
    return textwrap.fill(frame.nodes[crossing][4], 28) + "\n" + amount


def _to_label(values):
    """Indices of the crossings to label: all when there are few, else the LABELLED largest |value|."""
    order = [int(i) for i in np.argsort(-np.abs(values), kind="stable") if values[i] != 0]
    return order if len(values) <= LABEL_ALL else order[:LABELLED]


def _colour_bar(fig, mappable, label):
    bar = fig.colorbar(mappable, cax=fig.add_axes([0.3, 0.45 / fig.get_figheight(), 0.4, 0.12 / fig.get_figheight()]),
                       orientation="horizontal")
    bar.set_label(label, fontsize=8)
    bar.ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _pos: significant(v)))
    bar.ax.tick_params(labelsize=7)


def _area(value, biggest):
    return SMALLEST + (LARGEST - SMALLEST) * value / biggest if biggest > 0 else SMALLEST


def draw(analysis, scenario, outlines_path, _):
    """{"flow": SVG, "change": SVG or None, "seizures": whether the file has seizures at crossings},
    or None when the scenario has no coordinates."""
    nodes, edges = graph(scenario)
    if not nodes:
        return None
    results = analysis.results
    flow = results.by_crossing
    all_crossings = [str(c) for c in flow["crossing"].values] if flow is not None else []
    kg = crossing_means(results, "kg")
    if kg is None:
        kg = np.zeros((len(analysis.points), len(all_crossings)))
    seizures = crossing_means(results, "seizures")
    shown = [c for c, name in enumerate(all_crossings) if name in nodes]
    crossings = [all_crossings[c] for c in shown]
    kg = kg[:, shown]
    seizures = seizures[:, shown] if seizures is not None else None
    outlines = []
    if outlines_path:
        with open(outlines_path, encoding="utf-8") as stream:
            outlines = json.load(stream)["features"]
    frame = Frame(nodes, edges, outlines)
    points = analysis.points[:MAX_PANELS]
    maps = {"seizures": seizures is not None, "change": None}

    # One panel per point: area = kg through, colour = seizures at the crossing.
    biggest = float(kg.max()) if kg.size and kg.max() > 0 else 1.0
    areas = [[_area(kg[p, c], biggest) for c in range(len(crossings))] for p in range(len(points))]
    max_areas = np.max(np.asarray(areas), axis=0) if crossings else []
    cmap = plt.get_cmap(SEIZURES)
    most = float(seizures[:len(points)].max()) if seizures is not None and seizures.size and seizures.max() > 0 else 1.0
    norm = matplotlib.colors.Normalize(0, most)
    fig, axes = frame.figure(len(points), seizures is not None)
    for p, (ax, point) in enumerate(zip(axes, points)):
        frame.background(ax, point)
        colours = [cmap(norm(seizures[p, c])) if seizures is not None else "#9a9a9a" for c in range(len(crossings))]
        labels = []
        for c in _to_label(kg[p]):
            amount = f"{significant(kg[p, c])} kg"
            if seizures is not None:
                amount += " · " + _("{n} seizures").format(n=significant(seizures[p, c]))
            labels.append((c, _label_text(frame, crossings[c], amount)))
        panel(ax, frame, crossings, areas[p], colours, max_areas, labels)
    if seizures is not None:
        _colour_bar(fig, matplotlib.cm.ScalarMappable(norm=norm, cmap=cmap),
                    _("shipments seized at the crossing (mean per replication)"))
    maps["flow"] = svg(fig)

    # The difference map: area = |change in kg through| from the reference, colour = its sign.
    if len(points) > 1 and crossings:
        change = kg[1:len(points)] - kg[0:1]
        limit = float(np.abs(change).max()) if np.abs(change).max() > 0 else 1.0
        cmap = plt.get_cmap(CHANGE)
        areas = [[_area(abs(change[p, c]), limit) for c in range(len(crossings))] for p in range(len(change))]
        max_areas = np.max(np.asarray(areas), axis=0)
        fig, axes = frame.figure(len(change), True)
        for p, ax in enumerate(axes):
            frame.background(ax, _("{point} minus {reference}").format(point=points[p + 1], reference=points[0]))
            colours = [cmap(0.5 + 0.5 * change[p, c] / limit) for c in range(len(crossings))]
            labels = [(c, _label_text(frame, crossings[c], ("+" if change[p, c] > 0 else "\u2212") +
                                      f"{significant(abs(change[p, c]))} kg")) for c in _to_label(change[p])]
            panel(ax, frame, crossings, areas[p], colours, max_areas, labels)
        _colour_bar(fig, matplotlib.cm.ScalarMappable(norm=matplotlib.colors.Normalize(-limit, limit), cmap=cmap),
                    _("change in kg through the crossing from the reference (red: more, blue: less)"))
        maps["change"] = svg(fig)
    return maps
