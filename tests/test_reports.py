"""The three real report notebooks end to end on corpora written for them: empty and PDF-only
corpora, "what's new" between two scheduled runs, the trust panel, print sizes in the PDF."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest
import yaml

from helpers.cli import main
from helpers.render import render_config, render_reports
from helpers.reportkit import FIGURE_DPI, MIN_FONT

FIXTURES = Path(__file__).parent / "fixtures"
REPORTS = ("01_events_timeline", "02_participant_networks", "03_themes")

NEW_RELEASES = {
    "2025-harbour-kestrel.txt": """Harbour Institute and Kestrel Robotics sign marine robotics agreement

March 4, 2025

Harbour Institute of Oceanography and Kestrel Robotics Corporation signed a cooperation agreement
on marine robotics in Port Aldren on March 3, 2025. HIO Director Anna Berg and KRC Chairman
Tomas Lind signed the agreement.
""",
    "2025-lakeside-vesta.txt": """Lakeside University signs agreement with Vesta Materials Group

May 12, 2025

Lakeside University and Vesta Materials Group signed a memorandum of understanding on battery
materials on May 9, 2025. LSU President Mei Tanaka and Vesta Chairman Omar Haddad signed it.
""",
}


def _extract(corpus: Path, out: Path) -> Path:
    assert main(["extract", str(corpus), "--out", str(out), "-q"]) == 0
    return out


def _html_text(path: Path) -> str:
    """The visible text of a report's HTML, tags dropped and spaces collapsed."""
    html = path.read_text(encoding="utf-8").replace("<wbr/>", "")
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize("kind", ["empty", "pdf-only"])
def test_empty_and_pdf_only_corpora_warn_and_render_every_report(kind, tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    if kind == "pdf-only":
        (corpus / "a.pdf").write_bytes(b"%PDF-1.4 scanned release")
        (corpus / "b.pdf").write_bytes(b"%PDF-1.4 another")
    tables = _extract(corpus, tmp_path / "tables")
    err = capsys.readouterr().err
    assert "accords: warning: " in err and "no readable release" in err
    assert ("2 .pdf" in err and "convert PDFs to text first" in err) if kind == "pdf-only" \
        else "holds no files" in err
    for name in ("documents", "events", "participants"):
        assert pd.read_parquet(tables / f"{name}.parquet").empty
    folder = render_reports(None, {"data_dir": str(tables)}, run_name=kind,
                            reports_dir=tmp_path / "reports", formats=["html"])
    for report in REPORTS:
        text = _html_text(folder / f"{report}.html")
        assert "No events match these parameters." in text, report
        assert "documents in these figures 0" in text, report


@pytest.fixture(scope="module")
def scheduled(tmp_path_factory):
    """A weekly job rendered twice: on the fixture releases, then after two releases are added."""
    root = tmp_path_factory.mktemp("weekly")
    corpus = root / "corpus"
    shutil.copytree(FIXTURES / "releases", corpus)
    tables = _extract(corpus, root / "tables")
    config = root / "reports.yml"
    config.write_text(yaml.safe_dump({"jobs": [{"name": "weekly", "reports": ["timeline"],
                                                "parameters": {"data_dir": "tables"},
                                                "formats": ["html"]}]}))
    render_config(config, reports_dir=root / "reports")
    first = (root / "reports" / "weekly" / "01_events_timeline.html").read_text(encoding="utf-8")
    before = pd.read_parquet(tables / "events.parquet")
    for name, text in NEW_RELEASES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    _extract(corpus, tables)
    render_config(config, reports_dir=root / "reports")
    executed = nbformat.read(root / "reports" / "weekly" / "executed" / "01_events_timeline.ipynb",
                             as_version=4)
    return {"first": first, "executed": executed, "before": before, "tables": tables, "root": root}


def _output_text(nb, marker: str) -> str:
    """The HTML or text output of the first code cell whose source contains `marker`."""
    cell = next(c for c in nb.cells if c.cell_type == "code" and marker in c.source)
    out = cell.outputs[0]
    data = out.get("data", {})
    return data.get("text/html") or data.get("text/plain") or out.get("text", "")


def test_first_scheduled_run_has_nothing_to_compare_with(scheduled):
    assert "there is nothing earlier to compare with" in scheduled["first"]


def test_second_scheduled_run_lists_exactly_the_new_signings(scheduled):
    events = pd.read_parquet(scheduled["tables"] / "events.parquet")
    docs = pd.read_parquet(scheduled["tables"] / "documents.parquet")
    new_docs = set(docs.loc[docs["path"].isin(NEW_RELEASES), "doc_id"])
    new_signings = events[(events["kind"] == "signing") & events["doc_id"].isin(new_docs)]
    assert len(new_signings) == 2
    table = _output_text(scheduled["executed"], 'show_table(new, "New since')
    rows = re.findall(r"<tr>\s*<td[^>]*>new signing</td>\s*<td[^>]*>([^<]*)</td>", table)
    assert sorted(rows) == sorted(new_signings["agreement"]), (rows, table[:2000])
    note = _output_text(scheduled["executed"], "whatsnew.describe(")
    assert note.count("2 new signings") == 1 and "new organisation" in note


def _tables(data_dir: Path) -> dict[str, pd.DataFrame]:
    return {n: pd.read_parquet(data_dir / f"{n}.parquet") for n in (
        "documents", "events", "participants", "organizations", "people", "mentions")}


def test_trust_panel_numbers_equal_counts_from_the_tables(scheduled):
    t = _tables(scheduled["tables"])
    panel = _output_text(scheduled["executed"], "trust.trust_table(")
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", panel)
    rows = {cells[i + 1]: (int(cells[i + 2]), cells[i + 3]) for i in range(0, len(cells), 4)}
    assert rows["documents in these figures"] == (len(t["documents"]), "")
    ev = t["events"].sort_values("event_id")
    best = ev.assign(_p=ev["date_precision"].map({"day": 0, "month": 1, "year": 2}).fillna(9))
    real = best.sort_values(["_p", "event_id"]).drop_duplicates("cluster_id")
    assert rows["real-world events dated to the day"] == (int((real["date_precision"] == "day").sum()),
                                                          str(ev["cluster_id"].nunique()))
    people = t["participants"].dropna(subset=["person_id"]).drop_duplicates(
        ["event_id", "person_id", "role"])
    stated = people["affiliation_flag"].isna() & people["org_id"].notna()
    unknown = people["org_id"].isna() | (people["affiliation_flag"] == "unknown")
    assert rows["stated in the text"] == (int(stated.sum()), str(len(people)))
    assert rows["unknown"] == (int(unknown.sum()), str(len(people)))
    assert rows["inferred (from title, signing or publisher)"][0] == len(people) - stated.sum() - unknown.sum()


def _page_images(page) -> list[tuple[float, int]]:
    """(drawn width in points, width in pixels) of the images one PDF page draws."""
    xobjects = page["/Resources"].get_object().get("/XObject", {})
    sizes = {name: xobjects[name].get_object()["/Width"] for name in xobjects
             if xobjects[name].get_object().get("/Subtype") == "/Image"}
    out, stack, ctm = [], [], [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]

    def visit(op, args, *_):
        nonlocal ctm
        if op == b"q":
            stack.append(list(ctm))
        elif op == b"Q" and stack:
            ctm = stack.pop()
        elif op == b"cm":
            a, b, c, d, e, f = (float(x) for x in args)
            m = ctm
            ctm = [a * m[0] + b * m[2], a * m[1] + b * m[3], c * m[0] + d * m[2],
                   c * m[1] + d * m[3], e * m[0] + f * m[2] + m[4], e * m[1] + f * m[3] + m[5]]
        elif op == b"Do" and args[0] in sizes:
            out.append((abs(ctm[0]), int(sizes[args[0]])))
    page.extract_text(visitor_operand_before=visit)
    return out


def _pdf_images(pdf: Path) -> list[tuple[float, int]]:
    """(width drawn on the page in points, width in pixels) of every image in a PDF."""
    from pypdf import PdfReader

    return [image for page in PdfReader(pdf).pages for image in _page_images(page)]


@pytest.fixture(scope="module")
def sample_pdfs(tmp_path_factory):
    root = tmp_path_factory.mktemp("print")
    tables = _extract(FIXTURES / "releases", root / "tables")
    folder = render_reports(None, {"data_dir": str(tables)}, run_name="print",
                            reports_dir=root / "reports")
    return folder


@pytest.mark.parametrize("report", REPORTS)
def test_pdf_figures_print_their_smallest_text_at_7_pt_or_more(sample_pdfs, report):
    images = _pdf_images(sample_pdfs / f"{report}.pdf")
    assert images, report
    for drawn_pt, pixels in images:
        scale = drawn_pt / (pixels / FIGURE_DPI * 72)  # printed size / size the figure was drawn at
        assert MIN_FONT * scale >= 7.0, (report, drawn_pt, pixels, scale)


def test_executed_notebooks_keep_figures_and_dataframes(sample_pdfs):
    nb = nbformat.read(sample_pdfs / "executed" / "01_events_timeline.ipynb", as_version=4)
    sources = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "timeline_figure = reportkit.show_plot(" in sources
    assert "signings = timeline.signings_table(" in sources
    assert nb.metadata["kernelspec"]["name"] == "accords"
