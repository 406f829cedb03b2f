"""Executed notebook → self-contained HTML (nbconvert, project template) → PDF (WeasyPrint)."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import bleach
import nbformat
from bleach.css_sanitizer import CSSSanitizer
from bs4 import BeautifulSoup
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor

from .config import TEMPLATE_DIR
from .errors import RenderError

TEMPLATE_NAME = "accords"
REMOVE_CELL_TAGS = frozenset({"remove-cell", "remove_cell", "parameters", "injected-parameters"})
REMOVE_OUTPUT_TAGS = frozenset({"remove-output", "remove_output"})

_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
    "small", "span", "strong", "style", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "time", "tr", "u", "ul",
})
_ATTRS = frozenset({"class", "id", "title", "lang", "dir", "style", "colspan", "rowspan", "scope",
                    "align", "valign", "border", "width", "height", "alt", "start", "datetime"})
_CSS = CSSSanitizer(allowed_css_properties=[
    "background-color", "border", "border-bottom", "border-top", "color", "font-size",
    "font-style", "font-weight", "max-width", "min-width", "padding", "text-align",
    "vertical-align", "white-space", "width"])
_LONG_WORD = re.compile(r"(\S{24,})")  # words this long get <wbr> break points in table cells
_BREAK_AFTER = re.compile(r"(?<=[/._\-#?&=:,;])")
_IMG_SRC_LAST = re.compile(r'<img ([^>]*?)\s*(src="[^"]*")([^>]*)>')
_IMG_WITHOUT_SRC = re.compile(r"<img\b(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE)
_STYLE_BLOCK = re.compile(r"(<style\b[^>]*>)(.*?)(</style>)", re.IGNORECASE | re.DOTALL)
_REMOTE_CSS = re.compile(r"@import[^;]*;?|@font-face|url\(\s*['\"]?\s*(?!data:)[^)]*\)", re.IGNORECASE)
_REMOTE_TAG = re.compile(
    r"<(?:script|link|iframe|object|embed|base|frame)\b"
    r"|<[a-z][^>]*\s(?:src|srcset|poster|data)\s*=\s*['\"]?\s*(?!data:)[^\s'\">]"
    r"|<[a-z][^>]*\sstyle\s*=\s*['\"][^'\">]*url\(", re.IGNORECASE)


def _allowed_attribute(tag: str, name: str, value: str) -> bool:
    """Attribute allow-list: images only from data: URIs, links only to web/mail/anchors."""
    if name == "src":
        return tag == "img" and value.strip().lower().startswith("data:image/")
    if name == "href":
        return tag == "a" and value.strip().lower().startswith(("http://", "https://", "mailto:", "#"))
    return name in _ATTRS


def clean_fragment(fragment: Any) -> str:
    """Sanitise an HTML/Markdown output: scripts, handlers and remote resources become text or go."""
    text = fragment.decode() if isinstance(fragment, bytes) else str(fragment)
    cleaned = bleach.clean(text, tags=_TAGS, attributes=_allowed_attribute,
                           protocols=["http", "https", "mailto", "data"], css_sanitizer=_CSS,
                           strip=False, strip_comments=True)
    cleaned = _IMG_WITHOUT_SRC.sub("", cleaned)  # an image whose remote src was dropped
    return _STYLE_BLOCK.sub(lambda m: m[1] + _REMOTE_CSS.sub("", m[2]) + m[3], cleaned)


def remote_references(html: str) -> list[str]:
    """Snippets of `html` that would load something from outside the file (should be none)."""
    found = [html[m.start():m.end() + 60] for m in _REMOTE_TAG.finditer(html)]
    for block in _STYLE_BLOCK.finditer(html):
        found += [m[0] for m in _REMOTE_CSS.finditer(block[2])]
    return found


def _word_pieces(word: str, size: int = 16) -> list[str]:
    """A long word cut after punctuation, and every `size` characters where it has none."""
    return [part[i:i + size] for part in _BREAK_AFTER.split(word) for i in range(0, len(part), size)]


def break_long_words(html: str) -> str:
    """Add <wbr> break points inside long words of table cells so tables fit the page width."""
    soup = BeautifulSoup(html, features="html.parser")
    for cell in soup.find_all(["td", "th"]):
        for text in list(cell.find_all(string=_LONG_WORD)):
            if text.parent.name in ("style", "script"):
                continue
            nodes: list[Any] = []
            for i, piece in enumerate(_LONG_WORD.split(str(text))):
                if not i % 2:
                    nodes.append(piece)
                    continue
                for j, part in enumerate(_word_pieces(piece)):
                    nodes += [soup.new_tag("wbr"), part] if j else [part]
            text.replace_with(*nodes)
    return str(soup)


@functools.lru_cache(maxsize=1)
def _exporter() -> HTMLExporter:
    """The HTMLExporter with the accords template: no inputs, no prompts, tagged cells removed."""
    exporter = HTMLExporter(template_name=TEMPLATE_NAME,
                            extra_template_basedirs=[str(TEMPLATE_DIR)])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.register_filter("accords_clean", clean_fragment)
    exporter.register_preprocessor(TagRemovePreprocessor(
        remove_cell_tags=set(REMOVE_CELL_TAGS), remove_all_outputs_tags=set(REMOVE_OUTPUT_TAGS),
        enabled=True), enabled=True)
    return exporter


def notebook_to_html(nb: nbformat.NotebookNode, header: dict[str, Any]) -> str:
    """Convert an executed notebook to one offline HTML page headed by `header`."""
    resources = {"accords": header, "metadata": {"name": header.get("report", "report")}}
    try:
        html, _ = _exporter().from_notebook_node(nb, resources=resources)
    except Exception as exc:
        raise RenderError(f"{header.get('report')}: HTML conversion failed: {exc}") from exc
    # nbconvert's BeautifulSoup pass sorts attributes: put src first again.
    html = _IMG_SRC_LAST.sub(r"<img \2 \1\3>", break_long_words(html))
    leaks = remote_references(html)
    if leaks:
        raise RenderError(f"{header.get('report')}: HTML would load outside resources: {leaks[0]!r}")
    return html


def _url_fetcher() -> Any:
    """A WeasyPrint URL fetcher that only resolves data: URIs (the PDF is built offline)."""
    try:
        from weasyprint.urls import URLFetcher  # WeasyPrint >= 68
    except ImportError:  # older WeasyPrint: a plain function
        from weasyprint import default_url_fetcher

        def fetch(url: str, *args: Any, **kwargs: Any) -> Any:
            if not url.startswith("data:"):
                raise ValueError(f"offline rendering: not fetching {url}")
            return default_url_fetcher(url, *args, **kwargs)
        return fetch
    return URLFetcher(allowed_protocols={"data"})


def html_to_pdf(html: str, target: Path, *, base_url: Path | None = None) -> int:
    """Write `html` as an A4 PDF with the template's print rules; return the page count."""
    import weasyprint

    try:
        document = weasyprint.HTML(string=html, base_url=str(base_url or target.parent),
                                   url_fetcher=_url_fetcher(), media_type="print").render()
        document.write_pdf(target)
    except Exception as exc:
        raise RenderError(f"{target.stem}: PDF conversion failed: {exc}") from exc
    return len(document.pages)
