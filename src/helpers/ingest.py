"""Reading a corpus folder (text, Markdown, HTML, JSON/JSONL/CSV exports) into raw documents."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from . import remote
from .clean import clean_text
from .dates import parse_date
from .errors import CorpusError, DocumentError
from .remote import is_url

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson", ".csv"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES
MAX_FILE_BYTES = 10 * 2**20
MAX_EXPORT_BYTES = 2 * 2**30
MAX_RECORD_CHARS = 2 * 2**20
_SKIP_NAMES = re.compile(r"^(readme|license|licence|changelog|manifest)(\..*)?$", re.I)
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_BYLINE_WORD = re.compile(r"^(?:(?:written|edited|photos?|text|words|reported)\s*(?:by)?|editors?|"
                          r"authors?|by)\b[\s:]*", re.I)
csv.field_size_limit(MAX_RECORD_CHARS)


@dataclass
class RawDocument:
    """One release as read: clean text plus whatever metadata the file or manifest gave."""

    path: str
    text: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    source: str | None = None
    authors: list[str] = field(default_factory=list)


@dataclass
class Skipped:
    """A file or record that was not read, and why."""

    path: str
    reason: str


def corpus_files(corpus: Path) -> Iterator[Path]:
    """The release files under `corpus`, recursively, in a stable order (that of the sorted paths).

    The folders are walked one at a time, so a corpus of a million files is never listed whole.
    """
    return (Path(path) for path, _rel in _corpus_entries(Path(corpus)))


def _corpus_entries(corpus: Path) -> Iterator[tuple[str, str]]:
    """(path, path relative to the corpus folder, '/'-separated) of each release file."""
    if is_url(corpus):
        fs, root = remote.filesystem(str(corpus))
        return ((name, rel) for name, rel, _ in remote.entries(fs, root, _is_release))
    if not corpus.exists():
        raise CorpusError(f"{corpus}: corpus folder not found")
    if corpus.is_file():
        return iter([(str(corpus), corpus.name)])
    return _walk(str(corpus), "")


def _walk(folder: str, prefix: str) -> Iterator[tuple[str, str]]:
    with os.scandir(folder) as it:
        entries = sorted(it, key=lambda e: e.name)
    for entry in entries:
        name = entry.name
        if name.startswith((".", "_")):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path, f"{prefix}{name}/")
        elif _is_release(name) and entry.is_file():
            yield entry.path, prefix + name


def _is_release(name: str) -> bool:
    """Whether a file's name is that of a release accords reads (by its suffix)."""
    return os.path.splitext(name)[1].lower() in SUFFIXES and not _SKIP_NAMES.match(name)


def no_release_warning(corpus: Path) -> str:
    """Why a corpus gave no document: it is empty, or holds only files of other types (PDF ...)."""
    corpus = Path(corpus)
    others: dict[str, int] = {}
    if corpus.is_dir():
        for path in corpus.rglob("*"):
            if path.is_file() and not path.name.startswith(".") and path.suffix.lower() not in SUFFIXES:
                key = path.suffix.lower() or "(no suffix)"
                others[key] = others.get(key, 0) + 1
    found = ", ".join(f"{n} {s}" for s, n in sorted(others.items(), key=lambda kv: (-kv[1], kv[0])))
    kinds = " ".join(sorted({".txt", ".md", ".html", ".json", ".jsonl", ".csv"}))
    what = f"only files accords does not read ({found})" if found else "no files"
    hint = "; convert PDFs to text first" if ".pdf" in others else ""
    return (f"accords: warning: {corpus}: no readable release: it holds {what}; accords reads "
            f"{kinds}{hint}; the tables written are empty")


def load_manifest(path: Path | None) -> dict[str, dict]:
    """Per-file metadata overrides from a CSV or JSONL manifest keyed by `path`."""
    if path is None:
        return {}
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{path}: cannot read manifest: {exc}") from exc
    try:
        if path.suffix.lower() == ".csv":
            rows = list(csv.DictReader(io.StringIO(text)))
        else:
            rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    except (json.JSONDecodeError, csv.Error) as exc:
        raise CorpusError(f"{path}: malformed manifest: {exc}") from exc
    out = {}
    for row in rows:
        if not isinstance(row, dict) or not row.get("path"):
            raise CorpusError(f"{path}: every manifest row needs a `path`")
        out[str(row["path"]).strip().lstrip("./")] = {k: v for k, v in row.items() if v not in ("", None)}
    return out


def _decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise DocumentError("empty file")
    if b"\x00" in data[:8192]:
        raise DocumentError("binary file (NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"not UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    if not text.strip():
        raise DocumentError("empty file")
    return text


def _from_text(rel: str, text: str, suffix: str) -> RawDocument:
    meta: dict = {}
    if suffix in (".md", ".markdown"):
        m = _FRONT_MATTER.match(text)
        if m:
            import yaml

            try:
                meta = yaml.safe_load(m.group(1)) or {}
            except yaml.YAMLError:
                meta = {}
            meta = meta if isinstance(meta, dict) else {}
            text = text[m.end():]
    doc = _build(rel, text, meta)
    return doc


def _from_html(rel: str, html: str) -> RawDocument:
    import trafilatura

    try:
        result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                             include_tables=False, favor_precision=True)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise DocumentError(f"malformed HTML ({type(exc).__name__})") from None
    data = result.as_dict() if hasattr(result, "as_dict") else (result or {})
    if not data or not (data.get("text") or "").strip():
        raise DocumentError("malformed HTML or no main text found")
    meta = {"title": data.get("title"), "url": data.get("url"), "published": data.get("date"),
            "source": data.get("sitename"), "authors": data.get("author")}
    # trafilatura separates paragraphs with one newline; the cleaner expects blank lines.
    return _build(rel, data["text"].replace("\n", "\n\n"), meta)


def _build(rel: str, text: str, meta: dict) -> RawDocument:
    cleaned = clean_text(text, title=str(meta["title"]) if meta.get("title") else None)
    if not cleaned.text.strip():
        raise DocumentError("no release text after cleaning")
    authors = meta.get("authors") or meta.get("author") or []
    if isinstance(authors, str):
        authors = [_BYLINE_WORD.sub("", a).strip() for a in re.split(r"[;,|]", authors)]
    authors = [] if cleaned.authors else [a for a in authors if a]
    title = meta.get("title") or cleaned.title
    return RawDocument(
        path=rel, text=cleaned.text, title=str(title).strip() if title else None,
        url=str(meta["url"]) if meta.get("url") else None,
        published=parse_date(meta.get("published") or meta.get("date")) or cleaned.published,
        source=str(meta["source"]).strip() if meta.get("source") else cleaned.source,
        authors=list(dict.fromkeys([str(a) for a in authors] + cleaned.authors)),
    )


def _records(path: Path, text: str) -> Iterator[tuple[int, object]]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        for i, row in enumerate(reader, 1):
            yield i, row
    elif suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DocumentError(f"malformed JSON (line {exc.lineno}: {exc.msg})") from None
        items = data.get("records", data.get("items", [data])) if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise DocumentError("JSON must hold a record or a list of records")
        yield from enumerate(items, 1)
    else:
        for i, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    yield i, json.loads(line)
                except json.JSONDecodeError as exc:
                    yield i, DocumentError(f"malformed JSON record ({exc.msg})")


def _from_record(rel: str, record: object) -> RawDocument:
    if isinstance(record, Exception):
        raise record
    if not isinstance(record, dict):
        raise DocumentError("record is not an object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise DocumentError("record has no `text`")
    if len(text) > MAX_RECORD_CHARS:
        raise DocumentError(f"record text longer than {MAX_RECORD_CHARS:,} characters")
    return _build(rel, text, record)


def read_corpus(corpus: Path, manifest: dict[str, dict] | None = None,
                unchanged: Callable[[str, os.stat_result], bool] | None = None) -> Iterator[RawDocument | Skipped]:
    """Every release under `corpus` (or a Skipped with the reason), in a stable order.

    `unchanged(rel, stat)` is asked about each file before it is read; a file it says is
    unchanged is not read (the caller already has its releases).
    """
    manifest = manifest or {}
    if is_url(corpus):
        fs, root = remote.filesystem(str(corpus))
        files = ((name, rel, remote.stat_of(info), fs.cat_file) for name, rel, info in
                 remote.entries(fs, root, _is_release))
    else:
        files = ((name, rel, None, None) for name, rel in _corpus_entries(Path(corpus)))
    for name, rel, stat, read in files:
        try:
            stat = stat or os.stat(name)
            if unchanged is not None and unchanged(rel, stat):
                continue  # most files of a re-run: nothing more is made for them
            path = PurePosixPath(name)
            suffix = os.path.splitext(name)[1].lower()
            size = stat.st_size
            limit = MAX_EXPORT_BYTES if suffix in RECORD_SUFFIXES else MAX_FILE_BYTES
            if size > limit:
                raise DocumentError(f"file too large ({size:,} bytes; the limit is {limit:,})")
            text = _decode(path, read(name) if read else Path(name).read_bytes())
            if suffix in RECORD_SUFFIXES:
                for i, record in _records(path, text):
                    rec_rel = f"{rel}#{i}"
                    try:
                        yield _override(_from_record(rec_rel, record), manifest.get(rec_rel))
                    except DocumentError as exc:
                        yield Skipped(rec_rel, str(exc))
                continue
            doc = _from_html(rel, text) if suffix in HTML_SUFFIXES else _from_text(rel, text, suffix)
            yield _override(doc, manifest.get(rel))
        except DocumentError as exc:
            yield Skipped(rel, str(exc))
        except OSError as exc:
            yield Skipped(rel, f"cannot read ({exc.strerror or exc})")


def _override(doc: RawDocument, meta: dict | None) -> RawDocument:
    if meta:
        doc.url = meta.get("url", doc.url)
        doc.published = parse_date(meta.get("published")) or doc.published
        doc.source = meta.get("source", doc.source)
        doc.title = meta.get("title", doc.title)
    return doc
