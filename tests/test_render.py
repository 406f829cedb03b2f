"""`accords render`: parameter checks, execution, self-contained HTML, PDF, run folders, browser view.

Mechanics use the small notebooks in tests/fixtures/notebooks (01_good, 02_flaky). The real
reports are rendered once per module on a corpus extracted from tests/fixtures/releases, and only
when those notebooks and releases exist.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from helpers import __version__
from helpers.cli import main
from helpers.config import NOTEBOOKS_DIR
from helpers.errors import ParameterError, RenderError
from helpers.export import clean_fragment, remote_references
from helpers.params import parse_value, plan_parameters, select_reports
from helpers.render import render_config, render_reports

FIXTURES = Path(__file__).parent / "fixtures"
NOTEBOOKS = FIXTURES / "notebooks"
RELEASES = FIXTURES / "releases"
REAL_REPORTS = ("01_events_timeline", "02_participant_networks", "03_themes")
XSS = "<script>alert(1)</script>"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils absent")


def _cjk_font() -> bool:
    """Whether fontconfig knows a font with Chinese glyphs (WeasyPrint finds fonts through it)."""
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True)
    return bool(found.stdout.strip())


needs_cjk = pytest.mark.skipif(not _cjk_font(), reason="no CJK font for the PDF (Debian: fonts-noto-cjk)")
# Remote or external loads in markup: script/link tags, src= to anything but data:, CSS imports.
REMOTE = re.compile(r"<script\b|<link\b|\ssrc=[\"']?(?!data:)[a-z]+:|@import|@font-face"
                    r"|url\((?!\s*['\"]?data:)", re.IGNORECASE)


def _render(reports, parameters=None, **kw):
    """render_reports on the fixture notebooks."""
    return render_reports(reports, parameters, notebooks_dir=NOTEBOOKS, **kw)


def _pdf_text(pdf: Path, layout: bool = True) -> str:
    """pdftotext's text of a PDF: laid out as on the page, or in reading order per text box
    (`layout=False`: a table cell's wrapped lines stay together)."""
    return subprocess.run(["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def _ink(png: Path) -> float:
    """Share of non-white pixels in a PNG (0 for a blank page)."""
    from PIL import Image

    histogram = Image.open(png).convert("L").histogram()
    return sum(histogram[:230]) / sum(histogram)


# --- parameters: checked before anything runs ------------------------------------------------


@pytest.mark.parametrize("text, value", [
    ("3", 3), ("2.5", 2.5), ("True", True), ("False", False), ("None", None),
    ('["a", "b"]', ["a", "b"]), ("2024-01-01", "2024-01-01"), ("[oops", "[oops"), ("red", "red"),
])
def test_parse_value_like_papermill(text, value):
    assert parse_value(text) == value


@pytest.mark.parametrize("name", ["01_good", "good", "01", "1", "01_good.ipynb"])
def test_reports_by_stem_short_name_or_number(name):
    assert [r.name for r in select_reports([name], NOTEBOOKS)] == ["01_good"]


def test_relative_paths_are_resolved_against_the_caller(tmp_path):
    from helpers.params import resolve_paths

    out = resolve_paths({"data_dir": "data/processed", "title": "a/b", "x_file": ""}, tmp_path)
    assert out == {"data_dir": str(tmp_path / "data" / "processed"), "title": "a/b", "x_file": ""}
    assert [r.name for r in select_reports("flaky", NOTEBOOKS)] == ["02_flaky"]


def test_all_reports_by_default_and_unknown_report():
    assert [r.name for r in select_reports(None, NOTEBOOKS)] == ["01_good", "02_flaky"]
    with pytest.raises(ParameterError, match=r"unknown report 'nope' \(known: 01_good \(good\), 02_flaky \(flaky\)\)"):
        select_reports(["nope"], NOTEBOOKS)


def test_typed_parameters_are_read_from_the_parameters_cell():
    specs = select_reports(["good"], NOTEBOOKS)[0].specs
    assert {n: s.expected for n, s in specs.items()} == {
        "title": "str", "start": "str", "end": "str", "top_n": "int", "scale": "float",
        "show_table": "bool", "names": "list", "data_dir": "str"}
    assert specs["start"].is_date and specs["end"].is_date and not specs["title"].is_date
    assert specs["top_n"].help == "rows in the table"


def test_parameter_known_to_some_reports_goes_only_there():
    reports = select_reports(None, NOTEBOOKS)
    plan = plan_parameters(reports, {"top_n": 2, "fail": False, "title": "T"})
    assert plan == {"01_good": {"top_n": 2, "title": "T"}, "02_flaky": {"fail": False, "title": "T"}}


def test_parameter_unknown_to_every_report_is_an_error():
    with pytest.raises(ParameterError) as err:
        plan_parameters(select_reports(None, NOTEBOOKS), {"colour": "red"})
    assert "unknown parameter 'colour'" in str(err.value) and "known: data_dir, end, fail" in str(err.value)


@pytest.mark.parametrize("key, value, words", [
    ("top_n", "many", ["'top_n'", "int", "'many'"]),
    ("top_n", 2.5, ["'top_n'", "int", "2.5"]),
    ("top_n", True, ["'top_n'", "int", "True"]),
    ("show_table", "yes", ["'show_table'", "bool", "'yes'"]),
    ("names", [1, 2], ["'names'", "list[str]", "[1, 2]"]),
    ("names", "Wan Gang", ["'names'", "list[str]", "'Wan Gang'"]),
    ("start", "not-a-date", ["'start'", "ISO date", "'not-a-date'"]),
    ("end", "2024-13-01", ["'end'", "ISO date"]),
    ("start", 2024, ["'start'", "ISO date"]),
])
def test_wrong_type_names_parameter_expected_type_and_value(key, value, words):
    with pytest.raises(ParameterError) as err:
        plan_parameters(select_reports(["good"], NOTEBOOKS), {key: value})
    message = str(err.value)
    assert message.startswith("01_good: ") and "\n" not in message
    assert all(w in message for w in words), message


def test_accepted_conversions():
    plan = plan_parameters(select_reports(["good"], NOTEBOOKS),
                           {"scale": 2, "title": 2024, "start": "2021-03-04", "names": ("a",)})
    assert plan["01_good"] == {"scale": 2, "title": "2024", "start": "2021-03-04", "names": ["a"]}


@pytest.mark.parametrize("argv, word", [
    (["-p", "start", "not-a-date"], "'start'"),
    (["-p", "colour", "red"], "'colour'"),
    (["-p", "top_n", "many"], "'top_n'"),
    (["--format", "html", "--formats", "html,docx"], "docx"),
    (["--name", "../escape"], "run name"),
])
def test_cli_rejects_bad_parameters_in_one_line_and_runs_nothing(argv, word, tmp_path, capsys,
                                                                  monkeypatch):
    import papermill

    monkeypatch.setattr(papermill, "execute_notebook", lambda *a, **k: pytest.fail("executed"))
    code = main(["render", "--notebooks-dir", str(NOTEBOOKS), "--reports-dir",
                 str(tmp_path / "reports"), *argv])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 1 and err[0].startswith("accords: error: ") and word in err[0], err
    assert not (tmp_path / "reports").exists()


def test_cli_parameters_file_and_list(tmp_path, capsys):
    params = tmp_path / "params.yaml"
    params.write_text("fail: true\ntitle: From YAML\n")
    code = main(["render", "flaky", "--notebooks-dir", str(NOTEBOOKS), "--reports-dir",
                 str(tmp_path / "out"), "--name", "f", "--format", "html", "-f", str(params),
                 "-p", "fail", "False", "-q"])
    assert code == 0 and capsys.readouterr().out == ""  # -p overrode the file; -q is silent
    run = json.loads((tmp_path / "out" / "f" / "run.json").read_text())
    assert run["reports"]["02_flaky"]["parameters"] == {"fail": False, "title": "From YAML"}
    assert main(["render", "--list", "--notebooks-dir", str(NOTEBOOKS)]) == 0
    listing = capsys.readouterr().out
    assert "01_good  (short name: good)" in listing and "top_n: int = 5  # rows in the table" in listing


def test_console_script_bad_date_exits_2():
    proc = subprocess.run([sys.executable, "-m", "helpers.cli", "render", "good", "--notebooks-dir",
                           str(NOTEBOOKS), "-p", "start", "not-a-date"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "'start'" in proc.stderr, proc.stderr


def test_clean_fragment_escapes_scripts_and_drops_remote_loads():
    html = clean_fragment(f"<p onclick='x()'>{XSS}<img src='https://e.org/a.png'>"
                          "<img src='data:image/png;base64,AAAA'><a href='javascript:x()'>l</a>"
                          "<style>@import url(https://e.org/x.css); td {color: red}</style></p>")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script" not in html
    assert "onclick" not in html and "javascript:" not in html and "https://e.org" not in html
    assert 'src="data:image/png;base64,AAAA"' in html and "td {color: red}" in html
    assert remote_references(html) == []
    assert remote_references('<link rel="stylesheet" href="https://x">')


# --- rendering the fixture notebooks ---------------------------------------------------------


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    """01_good rendered once with an XSS title and a corpus whose name carries markup."""
    root = tmp_path_factory.mktemp("good")
    data = root / "data"
    data.mkdir()
    (data / "extract.json").write_text(json.dumps(
        {"corpus": f"releases {XSS}", "documents": 4, "fingerprint": "f00dfeed" * 4}))
    t0 = time.perf_counter()
    folder = _render(["good"], {"title": f"Fixture 报告 {XSS}", "top_n": 4, "data_dir": str(data)},
                     run_name="fixture", reports_dir=root / "reports")
    seconds = time.perf_counter() - t0
    html = (folder / "01_good.html").read_text(encoding="utf-8")
    return {"folder": folder, "html": html, "seconds": seconds, "root": root}


def test_run_folder_layout(good):
    folder = good["folder"]
    assert folder == good["root"] / "reports" / "fixture"
    names = sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
    assert names == ["01_good.html", "01_good.pdf", "executed", "executed/01_good.ipynb",
                     "run.json"]
    assert (good["root"] / "reports" / "index.html").exists()


def test_html_is_what_a_reader_needs(good):
    html = good["html"]
    assert html.count('<img src="data:image/png;base64,') == 1
    assert "<table" in html and "Wan Gang" in html and "万钢" in html
    assert "China Aerospace Science and Technology Corporation" in html
    assert "Signings by organisation" in html and "stdout line about Wan Gang" in html


def test_html_has_header_with_parameters_corpus_time_version(good):
    html = good["html"]
    header = html.split('<main class="accords-body">')[0]
    assert "<h1 class=\"accords-title\">Fixture 报告 &lt;script&gt;" in header
    assert "<th scope=\"row\">top_n</th><td>4</td>" in header
    assert "2020-01-01 <span class=\"accords-default\">(default)</span>" in header
    assert "releases &lt;script&gt;alert(1)&lt;/script&gt;" in header
    assert ">4</dd>" in header and "f00dfeed" in header
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", header)
    assert f"<dd>{__version__}</dd>" in header


def test_html_has_no_code_prompts_or_warnings(good):
    html = good["html"]
    for absent in ("<code", "jp-InputArea", "In&nbsp;[", "Out[", "import matplotlib",
                   "pd.DataFrame(", "a warning that stays out"):
        assert absent not in html, absent


def test_html_is_self_contained_offline(good):
    html = good["html"]
    assert REMOTE.findall(html) == [], REMOTE.findall(html)
    assert "require.js" not in html and "mathjax" not in html.lower()
    assert "<script" not in html and "example.org" not in html


def test_corpus_text_is_escaped(good):
    html = good["html"].replace("<wbr/>", "")
    assert XSS not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 6  # title x3, corpus, table, notes


def test_pdf_opens(good):
    from pypdf import PdfReader

    assert len(PdfReader(good["folder"] / "01_good.pdf").pages) >= 2


@needs_poppler
def test_pdf_reads(good):
    from pypdf import PdfReader

    pdf = good["folder"] / "01_good.pdf"
    pages = len(PdfReader(pdf).pages)
    text = _pdf_text(pdf)
    for expected in ("Wan Gang", "Signings by organisation", "Tsinghua University", "alert(1)"):
        assert expected in text, expected
    assert re.search(rf"\b1 ?/ ?{pages}\b", text) and re.search(rf"\b{pages} ?/ ?{pages}\b", text)


@needs_poppler
@needs_cjk
def test_pdf_shows_chinese_names(good):
    text = _pdf_text(good["folder"] / "01_good.pdf")
    assert "万钢" in text and "Tsinghua University 清华大学" in text


@needs_poppler
def test_pdf_first_page_is_not_blank(good, tmp_path):
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1",
                    str(good["folder"] / "01_good.pdf"), str(tmp_path / "page")], check=True)
    page = next(tmp_path.glob("page*.png"))
    assert _ink(page) > 0.02


@needs_cjk
def test_pdf_table_fits_page_width(good):
    from pypdf import PdfReader

    page = PdfReader(good["folder"] / "01_good.pdf").pages[0]
    width = float(page.mediabox.width)
    assert abs(width - 595.3) < 1  # A4
    xs = []
    page.extract_text(visitor_text=lambda text, cm, tm, *_: xs.append(
        (tm[4] * cm[0] + tm[5] * cm[2] + cm[4], text)))  # x on the page, in points
    someone = [x for x, text in xs if "Someone" in text]
    assert someone and all(0 < x < width - 30 for x in someone)  # the last column is on the page


def test_run_json_records_parameters_versions_timings(good):
    run = json.loads((good["folder"] / "run.json").read_text())
    assert run["run"] == "fixture" and run["parameters"]["top_n"] == 4
    assert run["fingerprint"] == "f00dfeed" * 4
    assert set(run["versions"]) >= {"accords", "papermill", "nbconvert", "weasyprint", "python"}
    report = run["reports"]["01_good"]
    assert report["status"] == "ok" and report["pages"] >= 2
    assert set(report["seconds"]) == {"execute", "html", "pdf", "total"}
    assert report["outputs"] == {"ipynb": "executed/01_good.ipynb", "html": "01_good.html",
                                 "pdf": "01_good.pdf"}


def test_index_lists_runs_and_is_self_contained(good):
    index = (good["root"] / "reports" / "index.html").read_text()
    assert 'href="fixture/01_good.html"' in index and 'href="fixture/01_good.pdf"' in index
    assert "top_n" in index and XSS not in index and REMOTE.findall(index) == []


def test_default_run_name_is_date_and_parameter_hash(tmp_path):
    folder = _render(["flaky"], {"fail": False}, formats=["html"], reports_dir=tmp_path)
    assert re.fullmatch(r"\d{4}-\d\d-\d\d-[0-9a-f]{8}", folder.name)
    assert sorted(p.name for p in folder.iterdir()) == ["02_flaky.html", "executed", "run.json"]
    again = _render(["flaky"], {"fail": False}, formats=["html"], reports_dir=tmp_path)
    assert again == folder


def test_failing_report_keeps_earlier_outputs(tmp_path):
    folder = _render(["flaky"], {"fail": False}, run_name="r", reports_dir=tmp_path)
    before = {n: (folder / n).read_bytes() for n in ("02_flaky.html", "02_flaky.pdf",
                                                      "executed/02_flaky.ipynb")}
    with pytest.raises(RenderError) as err:
        _render(["flaky"], {"fail": True}, run_name="r", reports_dir=tmp_path)
    message = str(err.value)
    assert err.value.exit_code == 3 and "\n" not in message
    assert "02_flaky: cell 3 raised ValueError: boom in cell three" in message
    assert {n: (folder / n).read_bytes() for n in before} == before
    assert (folder / "failed" / "02_flaky.ipynb").exists()
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no staging left
    run = json.loads((folder / "run.json").read_text())
    assert run["reports"]["02_flaky"]["status"] == "failed"
    assert run["reports"]["02_flaky"]["outputs"]["html"] == "02_flaky.html"
    _render(["flaky"], {"fail": False}, run_name="r", reports_dir=tmp_path, formats=["html"])
    assert not (folder / "failed" / "02_flaky.ipynb").exists()


def test_other_reports_still_render_and_cli_exits_3(tmp_path, capsys):
    code = main(["render", "--notebooks-dir", str(NOTEBOOKS), "--reports-dir", str(tmp_path),
                 "--name", "mixed", "--formats", "html", "-p", "fail", "True", "-p", "top_n", "1"])
    out, err = capsys.readouterr()
    assert code == 3
    assert (tmp_path / "mixed" / "01_good.html").exists()
    assert not (tmp_path / "mixed" / "02_flaky.html").exists()
    assert f"ok      01_good  {tmp_path / 'mixed' / '01_good.html'}" in out
    assert err.strip().splitlines()[-1].startswith("accords: error: 1 of 2 reports failed: 02_flaky")


def test_reports_run_concurrently_and_a_failure_stays_in_its_report(tmp_path, monkeypatch):
    import threading

    import papermill

    both = threading.Barrier(2, timeout=60)  # breaks unless the two reports execute at once
    real = papermill.execute_notebook

    def together(*args, **kwargs):
        both.wait()
        return real(*args, **kwargs)

    monkeypatch.setattr(papermill, "execute_notebook", together)
    cwd = Path.cwd()
    with pytest.raises(RenderError, match=r"^1 of 2 reports failed: 02_flaky: cell 3 raised"):
        _render(None, {"fail": True}, run_name="both", reports_dir=tmp_path, formats=["html"],
                jobs=2)
    assert Path.cwd() == cwd  # no report moved the process to the notebooks folder
    folder = tmp_path / "both"
    assert (folder / "01_good.html").exists() and (folder / "executed" / "01_good.ipynb").exists()
    assert not (folder / "02_flaky.html").exists() and (folder / "failed" / "02_flaky.ipynb").exists()
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no staging left
    run = json.loads((folder / "run.json").read_text())
    assert {name: r["status"] for name, r in run["reports"].items()} == {
        "01_good": "ok", "02_flaky": "failed"}


def test_kernel_runs_in_the_notebooks_folder(tmp_path):
    import nbformat

    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('label: str = "x"  # a label', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("import os\nprint(os.getcwd())")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, notebooks / "01_where.ipynb")
    folder = render_reports(["where"], run_name="w", reports_dir=tmp_path / "out",
                            notebooks_dir=notebooks, formats=["html"])
    executed = nbformat.read(folder / "executed" / "01_where.ipynb", as_version=4)
    assert executed.cells[-1].outputs[0]["text"].strip() == str(notebooks)


@pytest.mark.parametrize("jobs", [0, -1, 1.5, True])
def test_bad_jobs_is_an_error_before_anything_runs(tmp_path, jobs):
    with pytest.raises(ParameterError, match="jobs"):
        _render(["good"], run_name="x", reports_dir=tmp_path / "out", jobs=jobs)
    assert not (tmp_path / "out").exists()


def test_render_config_runs_every_job_and_reports_failures(tmp_path):
    config = tmp_path / "reports.yml"
    config.write_text(yaml.safe_dump({"jobs": [
        {"name": "broken", "report": "flaky", "parameters": {"fail": True}, "formats": ["html"]},
        {"name": "fine", "reports": ["flaky"], "parameters": {"fail": False}, "formats": "html"},
    ]}))
    with pytest.raises(RenderError, match="02_flaky: cell 3"):
        render_config(config, reports_dir=tmp_path / "out", notebooks_dir=NOTEBOOKS)
    assert (tmp_path / "out" / "fine" / "02_flaky.html").exists()
    assert (tmp_path / "out" / "broken" / "failed" / "02_flaky.ipynb").exists()
    index = (tmp_path / "out" / "index.html").read_text()
    assert "fine/02_flaky.html" in index and "broken" in index


def test_render_config_checks_all_jobs_before_running(tmp_path):
    config = tmp_path / "reports.yml"
    config.write_text(yaml.safe_dump({"jobs": [
        {"name": "a", "report": "flaky", "parameters": {"fail": False}},
        {"name": "b", "report": "flaky", "parameters": {"colour": "red"}},
    ]}))
    with pytest.raises(ParameterError, match="job b: 02_flaky: unknown parameter 'colour'"):
        render_config(config, reports_dir=tmp_path / "out", notebooks_dir=NOTEBOOKS)
    assert not (tmp_path / "out").exists()
    config.write_text("jobs: nope")
    with pytest.raises(ParameterError, match="jobs"):
        render_config(config, reports_dir=tmp_path / "out", notebooks_dir=NOTEBOOKS)


def test_example_config_is_valid(tmp_path):
    from helpers.render import _config_jobs
    from helpers.store import write_tables

    example = Path(__file__).parents[1] / "reports.example.yml"
    jobs = yaml.safe_load(example.read_text())["jobs"]
    assert len(jobs) == 2
    copy = tmp_path / "reports.yml"  # next to a data/processed folder of (empty) tables
    shutil.copy(example, copy)
    write_tables({}, tmp_path / "data" / "processed")
    prepared = _config_jobs(copy, NOTEBOOKS_DIR)  # the real notebooks are part of the repository
    assert [j.run_name for j in prepared] == ["all-reports-2019-2025", "aerospace-network"]
    assert [[r.short for r in j.reports] for j in prepared] == [
        ["timeline", "networks", "themes"], ["networks", "timeline"]]  # in the order asked


# --- headless Chromium: what a reader's browser shows, with the network closed ---------------


class Browser:
    """Debian's headless Chromium over the DevTools protocol on 127.0.0.1; no network."""

    def __init__(self, profile: Path) -> None:
        import websocket

        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--disable-extensions", "--mute-audio", f"--user-data-dir={profile}",
             "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
             "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
             "--window-size=1280,1000", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file, deadline = profile / "DevToolsActivePort", time.monotonic() + 60
        while not (port_file.exists() and len(port_file.read_text().split()) >= 2):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.close()
                raise RuntimeError("chromium did not open its DevTools endpoint")
            time.sleep(0.1)
        port, path = port_file.read_text().split()[:2]
        self.ws = websocket.create_connection(f"ws://127.0.0.1:{port}{path}", timeout=30,
                                              suppress_origin=True)
        self._id, self.events = 0, []

    def _event(self, event: dict) -> None:
        """Keep an event; accept any JavaScript dialog so that a page cannot hang the test."""
        self.events.append(event)
        if event.get("method") == "Page.javascriptDialogOpening":
            self._id += 1
            self.ws.send(json.dumps({"id": self._id, "method": "Page.handleJavaScriptDialog",
                                     "params": {"accept": True}, "sessionId": event["sessionId"]}))

    def call(self, method: str, session: str | None = None, **params) -> dict:
        """Send a command and return its result."""
        self._id += 1
        self.ws.send(json.dumps({"id": self._id, "method": method, "params": params,
                                 **({"sessionId": session} if session else {})}))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self._id:
                assert "error" not in reply, reply
                return reply.get("result", {})
            self._event(reply)

    def _read(self, until: str | None, seconds: float) -> None:
        """Read events until `until` arrives, or for `seconds`."""
        import websocket

        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            if until and any(e.get("method") == until for e in self.events):
                break
            self.ws.settimeout(left)
            try:
                self._event(json.loads(self.ws.recv()))
            except websocket.WebSocketTimeoutException:
                break
        self.ws.settimeout(30)

    def open(self, path: Path) -> dict:
        """Load a file in a new tab; return what it shows and every request, error and dialog."""
        self.events = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable", session)
        self.call("Page.navigate", session, url=path.resolve().as_uri())
        self._read("Page.loadEventFired", 30)
        self._read(None, 0.7)
        probe = self.call("Runtime.evaluate", session, returnByValue=True, expression="""
            JSON.stringify({text: document.body.innerText, tables: document.querySelectorAll(
              'table').length, images: [...document.images].map(i => ({src: i.src.slice(0, 30),
              natural: i.naturalWidth, shown: i.getBoundingClientRect().width,
              high: i.getBoundingClientRect().height}))})""")["result"]["value"]
        shot = self.call("Page.captureScreenshot", session, format="png")["data"]
        self.call("Target.closeTarget", targetId=target)
        mine = [e for e in self.events if e.get("sessionId") == session]

        def got(method: str) -> list:
            return [e["params"] for e in mine if e.get("method") == method]

        return {**json.loads(probe), "screenshot": base64.b64decode(shot),
                "requests": [p["request"]["url"] for p in got("Network.requestWillBeSent")],
                "failed": got("Network.loadingFailed"), "exceptions": got("Runtime.exceptionThrown"),
                "dialogs": got("Page.javascriptDialogOpening"),
                "console": [p for p in got("Runtime.consoleAPICalled") if p["type"] in ("error", "assert")]
                + [p["entry"] for p in got("Log.entryAdded") if p["entry"]["level"] == "error"]}

    def close(self) -> None:
        """Stop the browser process this object started."""
        import websocket

        with contextlib.suppress(OSError, AttributeError, websocket.WebSocketException):
            self.ws.send(json.dumps({"id": 0, "method": "Browser.close"}))
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """One headless Chromium for the module."""
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed")
    b = Browser(tmp_path_factory.mktemp("chromium-profile"))
    yield b
    b.close()


def assert_clean_page(page: dict) -> None:
    """No request outside the file, no failed load, no console error, exception or dialog."""
    outside = [u for u in page["requests"] if not u.startswith(("file:", "data:"))]
    assert outside == [] and page["failed"] == [], (outside, page["failed"])
    assert page["console"] == [] and page["exceptions"] == [] and page["dialogs"] == []


@needs_chromium
def test_browser_harness_sees_remote_loads_and_alerts(browser, tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text(f'<html><body><img src="https://example.org/a.png">{XSS}</body></html>')
    page = browser.open(bad)
    assert page["failed"] and page["dialogs"] and page["requests"][1].startswith("https://")


@needs_chromium
def test_browser_shows_report_offline_with_figures(browser, good, tmp_path):
    page = browser.open(good["folder"] / "01_good.html")
    assert_clean_page(page)
    figures = [i for i in page["images"] if i["src"].startswith("data:image/png")]
    assert len(figures) == 1 and all(i["natural"] > 100 and i["shown"] > 100 and i["high"] > 50
                                     for i in figures)
    assert page["tables"] == 2 and XSS in page["text"] and "万钢" in page["text"]
    shot = tmp_path / "report.png"
    shot.write_bytes(page["screenshot"])
    assert _ink(shot) > 0.02


@needs_chromium
def test_browser_shows_index(browser, good):
    page = browser.open(good["root"] / "reports" / "index.html")
    assert_clean_page(page)
    assert "fixture" in page["text"] and page["tables"] == 1


# --- the real reports, end to end on the fixture releases ------------------------------------

have_real = all((NOTEBOOKS_DIR / f"{r}.ipynb").exists() for r in REAL_REPORTS) and RELEASES.is_dir()
real_only = pytest.mark.skipif(not have_real, reason="real notebooks or fixture releases absent")


XSS_RELEASE = f"""Lakeside University signs {XSS} agreement with Orbitek Space Corporation

May 4, 2023

Lakeside University and Orbitek Space Corporation signed a research agreement on {XSS} propulsion
in Harbour Hall on May 2. LSU President Mei Tanaka and OSC Chairman Daniel Okafor signed it.
"""


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    """The fixture releases plus one whose title and text carry a script tag, extracted, then
    the three real reports rendered once into one run folder."""
    if not have_real:
        pytest.skip("real notebooks or fixture releases absent")
    root = tmp_path_factory.mktemp("real")
    corpus, data = root / "corpus", root / "data"
    shutil.copytree(RELEASES, corpus)
    (corpus / "2023-script-in-title.txt").write_text(XSS_RELEASE, encoding="utf-8")
    assert main(["extract", str(corpus), "--out", str(data), "-q"]) == 0
    seconds = {}
    folder = None
    for report in REAL_REPORTS:  # one run folder, timed per report
        t0 = time.perf_counter()
        folder = render_reports([report], {"data_dir": str(data)}, run_name="e2e",
                                reports_dir=root / "reports")
        seconds[report] = round(time.perf_counter() - t0, 1)
    import pandas as pd

    tables = {n: pd.read_parquet(data / f"{n}.parquet") for n in ("organizations", "people",
                                                                   "participants")}
    return {"folder": folder, "seconds": seconds, "tables": tables, "root": root}


def _text(html: str) -> str:
    """HTML source without the <wbr> break points added to long words."""
    return html.replace("<wbr/>", "")


@real_only
@pytest.mark.parametrize("report", REAL_REPORTS)
def test_real_report_html(real, report):
    html = (real["folder"] / f"{report}.html").read_text(encoding="utf-8")
    assert '<img src="data:image/png;base64,' in html and "<table" in html
    assert "jp-InputArea" not in html and "from helpers" not in html and "In&nbsp;[" not in html
    assert REMOTE.findall(html) == [] and "<script" not in html and XSS not in _text(html)
    assert f'<p class="accords-kicker">accords report · {report}</p>' in html
    assert len(html) < 5_000_000


@real_only
def test_real_corpus_markup_is_shown_as_text(real):
    html = _text((real["folder"] / "01_events_timeline.html").read_text(encoding="utf-8"))
    assert "signs &lt;script&gt;alert(1)&lt;/script&gt; agreement" in html


@real_only
@pytest.mark.parametrize("report", REAL_REPORTS)
def test_real_report_pdf(real, report):
    from pypdf import PdfReader

    pdf = real["folder"] / f"{report}.pdf"
    assert len(PdfReader(pdf).pages) >= 2


@real_only
@needs_poppler
@pytest.mark.parametrize("report", REAL_REPORTS)
def test_real_report_pdf_text(real, report):
    text = " ".join(_pdf_text(real["folder"] / f"{report}.pdf", layout=False).split())
    assert "Generated" in text and "1 / " in text.replace("1/", "1 / ")
    if report != "03_themes":  # the themes report names organisations inside its figures
        from helpers.units import unit_parents

        orgs, part = real["tables"]["organizations"], real["tables"]["participants"]
        owner = unit_parents(orgs)  # units are shown under their organisation
        parties = {owner.get(o, o) for o in part.loc[part["role"] == "party", "org_id"].dropna()}
        names = sorted(orgs.loc[orgs["org_id"].isin(parties), "name"])
        missing = [name for name in names if " ".join(name.split()) not in text]
        assert len(names) >= 4 and missing == [], (names, missing)


@real_only
@needs_poppler
def test_real_pdf_pages_are_not_blank(real, tmp_path):
    for report in REAL_REPORTS:
        subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "2",
                        str(real["folder"] / f"{report}.pdf"), str(tmp_path / report)], check=True)
    pages = sorted(tmp_path.glob("*.png"))
    assert len(pages) == 2 * len(REAL_REPORTS)
    assert all(_ink(p) > 0.01 for p in pages), [(p.name, _ink(p)) for p in pages]


@real_only
@needs_chromium
def test_real_reports_in_browser(real, browser):
    for report in REAL_REPORTS:
        page = browser.open(real["folder"] / f"{report}.html")
        assert_clean_page(page)
        figures = [i for i in page["images"] if i["src"].startswith("data:image")]
        assert figures and all(i["natural"] > 0 and i["shown"] > 0 for i in figures), report
        if report == "01_events_timeline":
            assert XSS in page["text"]


@real_only
def test_real_run_json(real):
    run = json.loads((real["folder"] / "run.json").read_text())
    assert sorted(run["reports"]) == list(REAL_REPORTS)
    assert all(r["status"] == "ok" for r in run["reports"].values())
    assert run["fingerprint"] and run["corpus"]["documents"] >= 5
    print("render seconds per report:", real["seconds"])


def test_kernels_give_memory_back_unless_the_user_chose_otherwise(monkeypatch):
    from helpers import render

    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
    monkeypatch.delenv("MALLOC_MMAP_THRESHOLD_", raising=False)
    render.kernel_memory()
    assert os.environ["ARROW_DEFAULT_MEMORY_POOL"] == "system"
    assert os.environ["MALLOC_MMAP_THRESHOLD_"] == "1048576"
    monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "jemalloc")
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "65536")
    render.kernel_memory()
    assert os.environ["ARROW_DEFAULT_MEMORY_POOL"] == "jemalloc"
    assert os.environ["MALLOC_MMAP_THRESHOLD_"] == "65536"
