"""The project's install files agree: environment.yml mirrors pyproject.toml's pinned ranges."""

from __future__ import annotations

import re
from pathlib import Path

import tomllib
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _pyproject_requirements() -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    reqs = data["project"]["dependencies"] + data["project"]["optional-dependencies"]["dev"]
    out = {}
    for req in reqs:
        name = re.split(r"[<>=!~ ]", req, maxsplit=1)[0]
        out[re.sub(r"\[.*\]", "", name).lower()] = req[len(name):]  # conda has no extras
    return out


def test_every_dependency_is_pinned_to_a_range():
    for name, spec in _pyproject_requirements().items():
        assert ">=" in spec and "<" in spec, f"{name} needs a compatible range, got {spec!r}"


def test_environment_yml_mirrors_pyproject():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {}
    pip = [d for dep in env["dependencies"] if isinstance(dep, dict) for d in dep.get("pip", [])]
    for dep in env["dependencies"] + pip:  # PyPI-only packages sit in the pip section
        if isinstance(dep, str) and not dep.startswith("-"):
            name = re.split(r"[<>=!~ ]", dep, maxsplit=1)[0].lower()
            conda[name] = dep[len(name):].split("#")[0].strip()
    for name, spec in _pyproject_requirements().items():
        assert conda.get(name) == spec, f"environment.yml: {name} should be {spec!r}, is {conda.get(name)!r}"
