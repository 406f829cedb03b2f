"""Typed parameters read from a notebook's parameters cell (helpers.params)."""

from __future__ import annotations

import nbformat
import pytest

from helpers.errors import ParameterError
from helpers.params import check_value, inspect_report, select_reports


@pytest.fixture
def report(tmp_path):
    """A notebook declaring optional parameters in each of papermill's spellings."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        'limit: Optional[int] = None  # optional count\n'
        'level: int = 3  # a plain count\n'
        'label: "Optional[str]" = None  # optional text\n'
        'chosen = "x"  # untyped, typed from its default\n', metadata={"tags": ["parameters"]})])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "01_opt.ipynb"
    nbformat.write(nb, path)
    return inspect_report(path)


def test_optional_parameters_accept_none_and_their_type(report):
    limit = report.specs["limit"]
    assert (limit.expected, limit.optional) == ("int", True)
    assert check_value("r", limit, None) is None
    assert check_value("r", limit, 4) == 4
    with pytest.raises(ParameterError, match="'limit' expects Optional\\[int\\], got 'many'"):
        check_value("r", limit, "many")


def test_a_plain_parameter_refuses_none(report):
    level = report.specs["level"]
    assert (level.expected, level.optional) == ("int", False)
    with pytest.raises(ParameterError, match="'level' expects int, got None"):
        check_value("r", level, None)


def test_union_with_none_is_optional():
    from helpers.params import _parse_annotation

    assert _parse_annotation("int | None", None, True) == ("int", None, True)
    assert _parse_annotation("None | str", "", True) == ("str", None, True)
    assert _parse_annotation("int", 3, True) == ("int", None, False)
    assert _parse_annotation("list[str]", [], True) == ("list", "str", False)


def test_short_names_are_the_last_word_and_listed_in_errors(tmp_path):
    from helpers.config import NOTEBOOKS_DIR

    reports = select_reports(None, NOTEBOOKS_DIR)
    assert [r.short for r in reports] == ["timeline", "networks", "themes"]
    with pytest.raises(ParameterError) as err:
        select_reports(["events"], tmp_path)
    assert str(err.value) == "unknown report 'events' (known: none)"
    with pytest.raises(ParameterError) as err:
        select_reports(["network"], NOTEBOOKS_DIR)
    assert str(err.value) == ("unknown report 'network' (known: 01_events_timeline (timeline), "
                              "02_participant_networks (networks), 03_themes (themes))")
