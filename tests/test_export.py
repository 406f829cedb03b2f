"""HTML and PDF export (helpers.export) and how a render fails when one of its steps does."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import papermill
import pytest

from helpers import export, render
from helpers.cli import main
from helpers.errors import RenderError
from helpers.render import render_reports

NOTEBOOKS = Path(__file__).parent / "fixtures" / "notebooks"


class _Exporter:
    """Stands in for nbconvert's exporter: returns fixed HTML, or raises."""

    def __init__(self, html: str = "", error: Exception | None = None) -> None:
        self.html, self.error = html, error

    def from_notebook_node(self, nb, resources=None):
        if self.error:
            raise self.error
        return self.html, {}


def test_html_that_would_load_a_remote_resource_is_refused(monkeypatch):
    page = '<html><body><p>ok</p><img alt="x" src="https://tracker.example/p.png"></body></html>'
    monkeypatch.setattr(export, "_exporter", lambda: _Exporter(page))
    with pytest.raises(RenderError) as err:
        export.notebook_to_html(nbformat.v4.new_notebook(), {"report": "r1"})
    assert str(err.value).startswith("r1: HTML would load outside resources: '<img src=\"https://tracker")


def test_clean_html_passes(monkeypatch):
    page = '<html><body><img alt="x" src="data:image/png;base64,AAAA"></body></html>'
    monkeypatch.setattr(export, "_exporter", lambda: _Exporter(page))
    assert export.notebook_to_html(nbformat.v4.new_notebook(), {"report": "r1"}) == \
        '<html><body><img src="data:image/png;base64,AAAA" alt="x"/></body></html>'


def test_html_conversion_error_names_report_and_cause(monkeypatch):
    monkeypatch.setattr(export, "_exporter", lambda: _Exporter(error=ValueError("bad cell 4")))
    with pytest.raises(RenderError) as err:
        export.notebook_to_html(nbformat.v4.new_notebook(), {"report": "r2"})
    assert str(err.value) == "r2: HTML conversion failed: bad cell 4"


def test_pdf_conversion_error_names_report_and_cause(monkeypatch, tmp_path):
    import weasyprint

    def broken(*args, **kwargs):
        raise OSError("no fonts at all")
    monkeypatch.setattr(weasyprint, "HTML", broken)
    with pytest.raises(RenderError) as err:
        export.html_to_pdf("<p>x</p>", tmp_path / "r3.pdf")
    assert str(err.value) == "r3: PDF conversion failed: no fonts at all"
    assert not (tmp_path / "r3.pdf").exists()


# --- a render whose HTML, PDF or sanitiser step fails keeps the earlier outputs -------------


@pytest.fixture
def published(tmp_path):
    """02_flaky rendered once (html and pdf) into run folder r."""
    folder = render_reports(["flaky"], {"fail": False}, run_name="r", reports_dir=tmp_path,
                            notebooks_dir=NOTEBOOKS)
    before = {p.name: p.read_bytes() for p in (folder / "02_flaky.html", folder / "02_flaky.pdf")}
    return folder, before


def _break_sanitiser(monkeypatch):
    def broken(fragment):
        raise ValueError("sanitiser broke")
    export._exporter.cache_clear()  # the exporter registers the sanitiser when it is built
    monkeypatch.setattr(export, "clean_fragment", broken)


@pytest.mark.parametrize("step, expected", [
    ("html", "02_flaky: HTML conversion failed: html step broke"),
    ("pdf", "02_flaky: PDF conversion failed: pdf step broke"),
    ("sanitiser", "02_flaky: HTML conversion failed: "),
])
def test_a_failing_step_publishes_nothing_and_keeps_earlier_outputs(step, expected, published,
                                                                     monkeypatch):
    folder, before = published
    if step == "html":
        monkeypatch.setattr(render, "notebook_to_html", lambda nb, header: (_ for _ in ()).throw(
            RenderError("02_flaky: HTML conversion failed: html step broke")))
    elif step == "pdf":
        monkeypatch.setattr(render, "html_to_pdf", lambda html, target, base_url=None: (
            _ for _ in ()).throw(RenderError("02_flaky: PDF conversion failed: pdf step broke")))
    else:
        _break_sanitiser(monkeypatch)
    try:
        with pytest.raises(RenderError) as err:
            render_reports(["flaky"], {"fail": False, "title": "second"}, run_name="r",
                           reports_dir=folder.parent, notebooks_dir=NOTEBOOKS)
    finally:
        export._exporter.cache_clear()
    assert str(err.value).startswith(expected), str(err.value)
    if step == "sanitiser":
        assert "sanitiser broke" in str(err.value)
    assert {n: (folder / n).read_bytes() for n in before} == before  # earlier outputs untouched
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no staging left
    run = json.loads((folder / "run.json").read_text())
    assert run["reports"]["02_flaky"]["status"] == "failed"
    assert run["reports"]["02_flaky"]["outputs"]["html"] == "02_flaky.html"
    index = (folder.parent / "index.html").read_text()
    good, failures = index.split('<h2 id="failed">Failed renders</h2>')
    assert 'href="r/02_flaky.html"' in good and "the latest render failed" in good
    assert "02_flaky" in failures and "conversion failed" in failures


def test_ctrl_c_during_a_render_publishes_nothing_and_exits_130(tmp_path, monkeypatch, capsys):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(papermill, "execute_notebook", interrupted)
    code = main(["render", "flaky", "--notebooks-dir", str(NOTEBOOKS), "--reports-dir",
                 str(tmp_path), "--name", "c", "-p", "fail", "False"])
    err = capsys.readouterr().err.strip()
    assert code == 130
    assert err == "accords: interrupted; earlier outputs are left as they were"
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == []  # no report, record or staging
