"""Means, 95% intervals (Student t) and paired differences over replications, as
tools/summary_statistics.cpp computes them for the terminal summary."""
import math

import numpy as np


def _betacf(a, b, x):
    """Continued fraction of the regularised incomplete beta (Lentz's method)."""
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        for num in (m * (b - m) * x / ((a + m2 - 1) * (a + m2)), -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))):
            d = 1.0 + num * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + num / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < 1e-15:
            break
    return h


def _incomplete_beta(a, b, x):
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def student_t_975(df):
    """The 97.5% quantile of Student's t with `df` degrees of freedom (NaN for df < 1)."""
    if df < 1:
        return math.nan
    lo, hi = 0.0, 20.0 if df > 1 else 13.0
    for _ in range(100):  # bisection on the upper tail 0.5 * I_{df/(df+t^2)}(df/2, 1/2) = 0.025
        t = 0.5 * (lo + hi)
        tail = 0.5 * _incomplete_beta(df / 2.0, 0.5, df / (df + t * t))
        lo, hi = (t, hi) if tail > 0.025 else (lo, t)
    return 0.5 * (lo + hi)


def mean_interval(values):
    """(mean, half width of the 95% interval, n) of the finite values; NaN where undefined."""
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    n = v.size
    if n == 0:
        return math.nan, math.nan, 0
    mean = float(v.sum() / n)
    if n < 2:
        return mean, math.nan, n
    sd = math.sqrt(float(((v - mean) ** 2).sum()) / (n - 1))
    return mean, student_t_975(n - 1) * sd / math.sqrt(n), n


def paired_difference(reference, other):
    """Mean and 95% interval of other - reference over the replications where both are finite."""
    a, b = np.asarray(reference, dtype=float), np.asarray(other, dtype=float)
    both = np.isfinite(a) & np.isfinite(b)
    return mean_interval(b[both] - a[both])


def interval_along(values, axis):
    """Mean and half width along `axis` (replications) of an array, NaN-aware; for bands."""
    v = np.asarray(values, dtype=float)
    n = np.isfinite(v).sum(axis=axis)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.nansum(v, axis=axis) / np.where(n > 0, n, np.nan)
        dev = np.where(np.isfinite(v), v - np.expand_dims(mean, axis), 0.0)
        sd = np.sqrt((dev ** 2).sum(axis=axis) / np.where(n > 1, n - 1, np.nan))
        t = np.vectorize(lambda k: student_t_975(int(k) - 1) if k > 1 else math.nan, otypes=[float])(n)
        return mean, t * sd / np.sqrt(n)
