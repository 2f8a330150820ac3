#!/usr/bin/python3
"""Renders report pages in headless Chromium (Debian's `chromium`) to PNG and checks they are not
blank: enough pixels that are not background, in several colours (text, figures, the map).

Usage: render_report.py PAGE.html...     (each PAGE.png is written beside it)
Exit 0 = pass, 1 = fail, 77 = skipped (chromium or python3-matplotlib missing).
"""
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import matplotlib.image
    import numpy as np
except ImportError as e:  # pragma: no cover
    print(f"skipped: {e}")
    sys.exit(77)


def main():
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        print("skipped: chromium not found (Debian package chromium; ./scripts/install-deps.sh installs it)")
        return 77
    failed = 0
    for page in sys.argv[1:]:
        png = os.path.splitext(os.path.abspath(page))[0] + ".png"
        if os.path.exists(png):
            os.remove(png)
        with tempfile.TemporaryDirectory() as profile:
            done = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                   "--no-first-run", f"--user-data-dir={profile}", "--window-size=1100,8000",
                                   f"--screenshot={png}", "file://" + os.path.abspath(page)],
                                  capture_output=True, text=True, timeout=120)
        if not os.path.exists(png):
            print(f"FAIL: {page}: chromium wrote no screenshot (exit {done.returncode}): {done.stderr[-500:]}")
            failed += 1
            continue
        pixels = matplotlib.image.imread(png)[..., :3]
        background = pixels[0, 0]
        ink = np.abs(pixels - background).sum(axis=2) > 0.1
        colours = len(np.unique((pixels * 15).round().reshape(-1, 3), axis=0))
        print(f"{page}: {pixels.shape[1]}x{pixels.shape[0]}, {100 * ink.mean():.1f}% ink, {colours} colour bins")
        if ink.mean() < 0.03 or colours < 20:
            print(f"FAIL: {png} looks blank")
            failed += 1
    print(f"{len(sys.argv) - 1 - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
