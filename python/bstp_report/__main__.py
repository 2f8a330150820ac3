"""bstp report RESULTS.h5 -o report.html [--lang en|es]: a self-contained HTML page of a results
file (docs/report.md). Run by `bstp report`, or as `python3 -m bstp_report` with python/ on
PYTHONPATH. Exit codes: 0 written, 1 failed, 2 bad arguments or input."""
import argparse
import os
import sys

from . import page_file
from .i18n import languages

EXIT_FAILURE, EXIT_USAGE = 1, 2
REQUIRED = (("h5py", "python3-h5py"), ("numpy", "python3-numpy"), ("xarray", "python3-xarray"),
            ("pandas", "python3-pandas"), ("matplotlib", "python3-matplotlib"), ("jinja2", "python3-jinja2"),
            ("yaml", "python3-yaml"))


def missing_modules():
    return page_file.missing_modules(REQUIRED)


def parse(argv):
    parser = argparse.ArgumentParser(prog="bstp report", description=__doc__.split("\n\n")[0])
    parser.add_argument("results", help="results file written by bstp run --out or bstp sweep --out")
    page_file.add_page_options(parser, languages())
    return parser.parse_args(argv)


def main(argv=None):
    args = parse(argv)
    missing = missing_modules()
    if missing:
        page_file.say_missing("bstp report", missing)
        return EXIT_FAILURE
    from . import i18n, page
    import bstp_results

    if page_file.paths_refused("bstp report", args.results, args.out, args.force):
        return EXIT_USAGE
    try:
        results = bstp_results.open(args.results)
    except (OSError, ValueError, KeyError) as e:
        print(f"bstp report: error: {args.results}: not a bstp results file: {e}", file=sys.stderr)
        return EXIT_USAGE
    try:
        translation = i18n.translation(args.lang, args.locale_dir)
        page_file.write_whole(args.out, page.render(results, args.lang, translation, args.outlines))
    except Exception as e:  # noqa: BLE001 - any failure is reported, the output left as it was
        print(f"bstp report: failed: {type(e).__name__}: {e}", file=sys.stderr)
        return EXIT_FAILURE
    print(f"Report written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    sys.exit(main())
