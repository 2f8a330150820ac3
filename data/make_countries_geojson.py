#!/usr/bin/python3
"""Writes data/countries.geojson: the outlines of the five countries of the region from Natural
Earth's 1:110m admin-0 countries (public domain), as Debian's python3-geopandas 0.12.2 ships them
(geopandas/datasets/naturalearth_lowres). Run once by a maintainer; the build does not need it.

    apt-get download python3-geopandas && dpkg -x python3-geopandas_*.deb x
    data/make_countries_geojson.py x/usr/lib/python3/dist-packages/geopandas/datasets/naturalearth_lowres/naturalearth_lowres > data/countries.geojson

Reads the shapefile with Debian's python3-pyshp. Coordinates are rounded to 0.001 degree.
"""
import json
import sys

import shapefile

ISO = {"MEX": "MX", "GTM": "GT", "BLZ": "BZ", "SLV": "SV", "HND": "HN"}
# Where a map of the region puts each country's name (lon, lat): chosen by hand, inside the
# outline and inside the region's frame (Mexico's centroid is far to the north-west).
LABELS = {"MX": (-91.3, 18.9), "GT": (-90.6, 15.6), "BZ": (-88.7, 17.3), "SV": (-89.0, 13.75), "HN": (-86.8, 14.8)}


def main(base):
    reader = shapefile.Reader(base, encoding="latin-1")
    features = []
    for record in reader.shapeRecords():
        iso3 = record.record["iso_a3"]
        if iso3 not in ISO:
            continue
        shape = record.shape
        bounds = list(shape.parts) + [len(shape.points)]
        rings = [[[round(x, 3), round(y, 3)] for x, y in shape.points[a:b]] for a, b in zip(bounds, bounds[1:])]
        features.append({"type": "Feature",
                         "properties": {"id": ISO[iso3], "iso_a3": iso3, "name": record.record["name"],
                                        "label_lon": LABELS[ISO[iso3]][0], "label_lat": LABELS[ISO[iso3]][1]},
                         "geometry": {"type": "Polygon" if len(rings) == 1 else "MultiPolygon",
                                      "coordinates": rings if len(rings) == 1 else [[r] for r in rings]}})
    features.sort(key=lambda f: f["properties"]["id"])
    json.dump({"type": "FeatureCollection",
               "source": "Natural Earth 1:110m admin-0 countries (public domain), via Debian python3-geopandas "
                         "0.12.2-1 naturalearth_lowres; five countries, coordinates rounded to 0.001 degree",
               "features": features}, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
