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
