#!/usr/bin/python3
"""Runs the ```python examples of a document as written, in order and in one namespace, in a
directory where the README's commands wrote trained.h5 and seats.h5 (here made smaller: the
tutorial's baseline and trained policies over 4 replications, and the training_seats sweep as is).

Usage: run_doc_examples.py BSTP DOC.md WORKDIR PYTHONDIR
Exit 0 = pass, 1 = fail, 77 = skipped (modules missing).
"""
import contextlib
import io
import os
import re
import subprocess
import sys
import traceback
import warnings

try:
    import h5py  # noqa: F401
    import h5netcdf  # noqa: F401
    import pandas  # noqa: F401
    import xarray  # noqa: F401
    import yaml  # noqa: F401
except ImportError as e:  # pragma: no cover
    print(f"skipped: {e} (./scripts/install-deps.sh installs the Debian packages)")
    sys.exit(77)


def main():
    if len(sys.argv) != 5:
        print(__doc__)
        return 2
    bstp, doc, work, python_dir = (os.path.abspath(a) for a in sys.argv[1:])
    source = os.getcwd()
    os.makedirs(work, exist_ok=True)
    for name, command in (("trained.h5", ["run", "scenarios/tutorial.yaml", "--policy", "baseline", "--policy",
                                          "trained", "--replications", "4"]),
                          ("seats.h5", ["sweep", "scenarios/sweeps/training_seats.yaml"])):
        subprocess.run([bstp, *command, "--force", "--out", os.path.join(work, name)], check=True, cwd=source,
                       stdout=subprocess.DEVNULL)
    with open(doc, encoding="utf-8") as stream:
        blocks = re.findall(r"```python\n(.*?)```", stream.read(), re.S)
    if len(blocks) < 5:
        print(f"FAIL: {doc} has {len(blocks)} Python examples, expected at least 5")
        return 1
    sys.path.insert(0, python_dir)
    os.chdir(work)
    failed = 0
    namespace = {}
    for number, block in enumerate(blocks, 1):
        try:
            with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
                warnings.simplefilter("ignore", DeprecationWarning)
                exec(compile(block, f"{doc} example {number}", "exec"), namespace)
        except Exception:  # noqa: BLE001 - report any failure of the example
            traceback.print_exc()
            print(f"FAIL: {doc} example {number}")
            failed += 1
    print(f"{len(blocks) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
