"""Every accords module imports first in a fresh interpreter: no circular import depends on import order.

A Dask worker unpickling an object imports its module first; a module that only imports after
another (helpers.resolve did, through helpers.extract) fails there, and the run hangs.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import helpers

PACKAGE = Path(helpers.__file__).resolve().parent

# In one fresh interpreter, import each module with no accords module loaded before it: clearing
# helpers.* from sys.modules is a fresh start for accords, while the libraries stay loaded (one
# interpreter per module would take a second each).
CHECK = """
import importlib, json, sys, traceback
failed = {}
for name in json.loads(sys.argv[1]):
    for loaded in [m for m in sys.modules if m == "helpers" or m.startswith("helpers.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except BaseException:
        failed[name] = traceback.format_exc(limit=-3)
print(json.dumps(failed))
"""


def _modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_the_module_list_covers_the_package_and_the_extractor():
    names = _modules()
    assert {"helpers", "helpers.resolve", "helpers.resolve_parts", "helpers.extract",
            "helpers.extract.build", "helpers.extract.rows", "helpers.extract.tables"} <= set(names)


def test_every_module_imports_first():
    proc = subprocess.run([sys.executable, "-c", CHECK, json.dumps(_modules())], capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr
    failed = json.loads(proc.stdout.strip().splitlines()[-1])
    assert not failed, "\n".join(f"{name}:\n{trace}" for name, trace in failed.items())


def test_resolve_imports_first_in_its_own_interpreter():
    """The module that failed, the way a Dask worker meets it: the very first import of a process."""
    proc = subprocess.run([sys.executable, "-c", "import helpers.resolve"], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
