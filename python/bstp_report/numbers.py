"""Numbers for people: thousands separators, three significant figures, units."""
import math

MINUS = "\u2212"


def _grouped(value, decimals, thousands, decimal):
    text = f"{abs(value):,.{decimals}f}"
    text = text.replace(",", "\x00").replace(".", decimal).replace("\x00", thousands)
    return (MINUS if value < 0 and float(f"{abs(value):.{decimals}f}") != 0 else "") + text


def significant(value, figures=3, thousands=",", decimal="."):
    """`value` with `figures` significant figures, never in exponent notation:
    1234567 -> 1,230,000, 0.012345 -> 0.0123, 12.345 -> 12.3."""
    if value is None or not math.isfinite(value):
        return "\u2013"
    if value == 0:
        return "0"
    places = figures - 1 - math.floor(math.log10(abs(value)))
    rounded = round(value, places)
    if rounded != 0:  # 99.96 rounds to 100.0: three figures are 100
        places = figures - 1 - math.floor(math.log10(abs(rounded)))
        rounded = round(value, places)
    decimals = min(max(0, places), 8)
    text = _grouped(rounded, decimals, thousands, decimal)
    if decimals > 0:
        text = text.rstrip("0").rstrip(decimal)
    return text


def with_unit(value, unit, figures=3):
    """A value with its unit: $860,000 for USD, 12.3% for ratios, 1,234 kg, 3.2 h."""
    if value is None or not math.isfinite(value):
        return "\u2013"
    if unit == "USD":
        text = significant(value, figures)
        return (MINUS + "$" + text[1:]) if text.startswith(MINUS) else "$" + text
    if unit in ("ratio", "1") and abs(value) <= 1.0:
        return significant(100.0 * value, figures) + "%"
    if unit in ("hours", "h"):
        return significant(value, figures) + " h"
    if unit == "kg":
        return significant(value, figures) + " kg"
    return significant(value, figures)


def percent(value, figures=2, signed=True):
    """A percentage change: +4.1%, −12%, 0%."""
    if value is None or not math.isfinite(value):
        return "\u2013"
    if value != 0:  # whole percentages stay whole: 425%, not 420%
        figures = max(figures, math.floor(math.log10(abs(value))) + 1)
    text = significant(value, figures)
    if signed and value > 0 and text != "0":
        text = "+" + text
    return text + "%"


def points(value, word, figures=2, signed=True):
    """A difference of two ratios in percentage points: +2.1 points, −0.4 points (word: the
    translated "points")."""
    if value is None or not math.isfinite(value):
        return "\u2013"
    text = significant(100.0 * value, figures)
    if signed and value > 0 and text != "0":
        text = "+" + text
    return f"{text} {word}"
