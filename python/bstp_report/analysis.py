"""The numbers of the report, from a results file: per design point and indicator, the mean and
95% interval over replications and the paired difference from the first (reference) point."""
import math
from dataclasses import dataclass, field

import numpy as np

from . import indicators, statistics


@dataclass
class Comparison:
    indicator: str
    unit: str
    point: str
    mean: float
    half_width: float
    n: int
    diff: float = math.nan        # paired difference from the reference point
    diff_half_width: float = math.nan
    pct: float = math.nan         # diff / reference mean, in %
    pct_low: float = math.nan
    pct_high: float = math.nan

    @property
    def clear(self):
        """The paired 95% interval excludes 0."""
        if not (math.isfinite(self.diff) and math.isfinite(self.diff_half_width)):
            return False
        return self.diff - self.diff_half_width > 0 or self.diff + self.diff_half_width < 0


@dataclass
class Analysis:
    results: object
    points: list
    policies: list                # policy of each point
    reference: str
    indicators: list              # indicator names in file order
    units: dict
    rows: dict = field(default_factory=dict)  # (indicator, point) -> Comparison
    replications: int = 0
    completed: int = 0

    def row(self, indicator, point):
        return self.rows[(indicator, point)]

    def key_indicators(self):
        return [name for name in indicators.KEY if name in self.units]


def analyse(results):
    totals = results.totals
    points = [str(p) for p in totals["point"].values]
    policies = [str(p) for p in totals["policy"].values]
    names = list(totals.data_vars)
    units = {name: indicators.unit(totals[name].attrs) for name in names}
    a = Analysis(results, points, policies, points[0], names, units,
                 replications=int(totals.sizes["replication"]))
    if results.run is not None and "completed" in results.run:
        a.completed = int(np.asarray(results.run["completed"].values).sum())
    for name in names:
        values = np.asarray(totals[name].values, dtype=float)  # [point, replication]
        reference = values[0]
        ref_mean, _, _ = statistics.mean_interval(reference)
        for p, point in enumerate(points):
            mean, hw, n = statistics.mean_interval(values[p])
            row = Comparison(name, units[name], point, mean, hw, n)
            if p > 0:
                row.diff, row.diff_half_width, _ = statistics.paired_difference(reference, values[p])
                if math.isfinite(ref_mean) and ref_mean != 0:
                    scale = 100.0 / abs(ref_mean)
                    row.pct = row.diff * scale
                    row.pct_low = (row.diff - row.diff_half_width) * scale
                    row.pct_high = (row.diff + row.diff_half_width) * scale
            a.rows[(name, point)] = row
    return a
