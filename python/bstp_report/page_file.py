"""What bstp report and bstp review share around their pages: the Python modules they need, and
writing the page whole or not at all."""
import os
import sys


def missing_modules(required):
    """The (module, Debian package) pairs of `required` that cannot be imported."""
    import importlib.util
    return [(m, p) for m, p in required if importlib.util.find_spec(m) is None]


def say_missing(program, missing):
    print(f"{program}: error: Python modules missing: " + ", ".join(m for m, _ in missing) +
          f" (install the Debian packages {' '.join(p for _, p in missing)}, or run ./scripts/install-deps.sh)",
          file=sys.stderr)


def add_page_options(parser, languages):
    """The options of every command that writes a page: -o/--out, --lang, --force, --locale-dir,
    --outlines."""
    parser.add_argument("-o", "--out", required=True, help="HTML file to write")
    parser.add_argument("--lang", default="en", choices=languages, help="language of the page")
    parser.add_argument("--force", action="store_true", help="replace an existing output file")
    parser.add_argument("--locale-dir", action="append", default=[], help="where compiled catalogs are")
    parser.add_argument("--outlines", default=None, help="GeoJSON of country outlines (default data/countries.geojson)")


def paths_refused(program, source, out, force):
    """Says why `source` cannot be read or `out` not written (and returns True), else False."""
    if not os.path.exists(source):
        print(f"{program}: error: {source}: no such file", file=sys.stderr)
        return True
    if os.path.exists(out) and not force:
        print(f"{program}: error: {out} exists (use --force to replace it)", file=sys.stderr)
        return True
    return False


def write_whole(path, text):
    """Writes `text` to `path` through a temporary file, so that a failure leaves `path` as it was."""
    temporary = f"{path}.tmp-{os.getpid()}"
    try:
        with open(temporary, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
