#!/usr/bin/python3
"""The report map's layout (python/bstp_report/border_map.py) on the scenarios' own graphs:
crossings at nearly the same place (the tutorial's bridge and rafts, 130 m apart; the region's
twin crossings) are drawn as circles that do not cover each other, each with a line to its
place; labels cover no other label, no circle and no country name, and stay inside the panel;
outlines are clipped to the map.

Usage: check_map_layout.py PYTHONDIR     (run from the source tree)
Exit 0 = pass, 1 = fail, 77 = skipped (modules missing).
"""
import json
import math
import os
import sys

try:
    import matplotlib.pyplot  # noqa: F401
    import numpy as np  # noqa: F401
    import yaml
except ImportError as e:  # pragma: no cover
    print(f"skipped: {e}")
    sys.exit(77)

checks = {"passed": 0, "failed": 0}


def check(condition, what):
    checks["passed" if condition else "failed"] += 1
    if not condition:
        print("FAIL:", what)


def overlap(a, b):
    a = a if isinstance(a, tuple) else (a.x0, a.y0, a.x1, a.y1)
    b = b if isinstance(b, tuple) else (b.x0, b.y0, b.x1, b.y1)
    return min(a[2], b[2]) - max(a[0], b[0]) > 0.5 and min(a[3], b[3]) - max(a[1], b[1]) > 0.5


def layout(border_map, scenario_file, areas, labelled, title):
    """Draws one panel of `scenario_file`'s graph with crossing circles of `areas` (by crossing
    id; others the smallest) and labels on `labelled`; checks the layout."""
    with open(scenario_file, encoding="utf-8") as stream:
        scenario = yaml.safe_load(stream)
    nodes, edges = border_map.graph(scenario)
    with open(border_map.find_outlines(), encoding="utf-8") as stream:
        outlines = json.load(stream)["features"]
    frame = border_map.Frame(nodes, edges, outlines)
    crossings = [n for n, node in nodes.items() if node[2] in border_map.CROSSING_KINDS]
    sizes = [areas.get(c, border_map.SMALLEST) for c in crossings]
    fig, axes = frame.figure(1, False)
    ax = axes[0]
    frame.background(ax, title)
    names = [t for t in ax.texts]
    labels = [(crossings.index(c), f"{nodes[c][4]}\n12,300 kg · 4.5 seizures") for c in labelled]
    circles, _ = border_map.panel(ax, frame, crossings, sizes, ["#ff0000"] * len(crossings), sizes, labels)
    renderer = fig.canvas.get_renderer()
    # The labels as drawn: their white boxes (without the leader lines).
    fig.canvas.draw()
    boxes = [t.get_bbox_patch().get_window_extent(renderer) for t in ax.texts if t not in names]
    panel = ax.get_window_extent(renderer)
    name_boxes = [t.get_window_extent(renderer) for t in names]
    for i, (ci, ri) in enumerate(circles):
        for j in range(i + 1, len(circles)):
            cj, rj = circles[j]
            if math.dist(nodes[crossings[i]][:2], nodes[crossings[j]][:2]) < 0.02:  # "the same place" on a map
                check(math.dist(ci, cj) >= ri + rj - 0.5,
                      f"{title}: circles of {crossings[i]} and {crossings[j]} overlap ({math.dist(ci, cj):.1f} < {ri + rj:.1f} px)")
    check(len(boxes) == len(labels), f"{title}: every label placed")
    for k, box in enumerate(boxes):
        what = f"{title}: label of {labelled[k]}"
        check(box.x0 >= panel.x0 - 0.5 and box.x1 <= panel.x1 + 0.5 and box.y0 >= panel.y0 - 0.5 and box.y1 <= panel.y1 + 0.5,
              f"{what} inside the panel")
        for other in boxes[k + 1:]:
            check(not overlap(box, other), f"{what} overlaps another label")
        for c, (centre, radius) in enumerate(circles):
            nearest = (min(max(centre[0], box.x0), box.x1), min(max(centre[1], box.y0), box.y1))
            check(math.dist(nearest, centre) >= radius - 0.5, f"{what} covers the circle of {crossings[c]}")
        for name, name_box in zip(names, name_boxes):
            check(not overlap(box, name_box), f"{what} covers the country name {name.get_text()}")
    matplotlib.pyplot.close(fig)
    return frame


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    sys.path.insert(0, os.path.abspath(sys.argv[1]))
    from bstp_report import border_map

    # spread: two circles at one place end up side by side, three around their middle.
    placed = border_map.spread([(100.0, 100.0), (100.0, 100.0)], [10.0, 4.0])
    check(math.dist(*placed) >= 14.0, f"spread of two at one place: {placed}")
    placed = border_map.spread([(0.0, 0.0), (1.0, 0.0), (0.0, 1.0)], [6.0, 6.0, 6.0])
    check(all(math.dist(placed[i], placed[j]) >= 12.0 for i in range(3) for j in range(i + 1, 3)), f"spread of three: {placed}")
    apart = [(0.0, 0.0), (50.0, 0.0)]
    check(border_map.spread(apart, [5.0, 5.0]) == apart, "circles apart stay where they are")
    # clip_ring: the square [0, 2]^2 cut by x <= 1 is [0, 1] x [0, 2].
    clipped = border_map.clip_ring([(0, 0), (2, 0), (2, 2), (0, 2)], (-5, 1, -5, 5))
    check(sorted(set(clipped)) == [(0, 0), (0, 2), (1, 0), (1, 2)], f"clip_ring: {clipped}")

    # The tutorial: the bridge and the rafts 130 m apart, both labelled, the bridge busiest.
    layout(border_map, "scenarios/tutorial.yaml", {"tecun_uman": 600.0, "paso_del_coyote": 150.0},
           ["tecun_uman", "paso_del_coyote"], "tutorial")
    # The region: the twin crossings at Tecún Umán, Talismán, El Ceibo and Melchor de Mencos large,
    # three of them labelled.
    big = {"tecun_uman_rodolfo_robles": 600.0, "paso_del_coyote": 400.0, "tecun_uman_luis_cabrera": 300.0,
           "el_ceibo": 500.0, "el_ceibo_jungle_path": 500.0, "melchor_de_mencos": 250.0, "benque_footpaths": 250.0,
           "el_carmen_talisman": 200.0, "suchiate_under_talisman": 200.0}
    layout(border_map, "scenarios/bstp-region.yaml", big, ["tecun_uman_rodolfo_robles", "el_ceibo", "melchor_de_mencos"],
           "region")
    print(f"{checks['passed']} passed, {checks['failed']} failed")
    return 1 if checks["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
