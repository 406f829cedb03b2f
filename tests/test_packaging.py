"""The project's install files agree: environment.yml mirrors pyproject.toml's pinned ranges."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _pyproject_requirements() -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    reqs = data["project"]["dependencies"] + data["project"]["optional-dependencies"]["dev"]
    return {re.split(r"[<>=!~ ]", r, 1)[0].lower(): r[len(re.split(r"[<>=!~ ]", r, 1)[0]):] for r in reqs}


def test_every_dependency_is_pinned_to_a_range():
    for name, spec in _pyproject_requirements().items():
        assert ">=" in spec and "<" in spec, f"{name} needs a compatible range, got {spec!r}"


def test_environment_yml_mirrors_pyproject():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {}
    for dep in env["dependencies"]:
        if isinstance(dep, str):
            name = re.split(r"[<>=!~ ]", dep, 1)[0].lower()
            conda[name] = dep[len(name):]
    for name, spec in _pyproject_requirements().items():
        assert conda.get(name) == spec, f"environment.yml: {name} should be {spec!r}, is {conda.get(name)!r}"
