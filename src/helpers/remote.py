"""Corpora at an fsspec URL (`s3://bucket/releases`, `gcs://…`, `memory://…`): walked and read
through the filesystem fsspec finds for the URL's protocol (its package installed by the user)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from types import SimpleNamespace

from .errors import CorpusError

_MARKERS = ("mtime", "LastModified", "last_modified", "updated", "created", "ETag", "etag", "md5Hash")


def is_url(location: object) -> bool:
    """Whether a corpus is given as a URL for fsspec rather than as a local path."""
    text = str(location)
    return "://" in text and not text.startswith("file://")


def filesystem(url: str):
    """(filesystem, root path) for `url`; a clear error when its protocol has no package here."""
    import fsspec

    try:
        fs, root = fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:
        raise CorpusError(f"{url}: cannot open this URL ({exc})") from None
    try:
        found = fs.isdir(root) or fs.isfile(root)
    except OSError as exc:
        raise CorpusError(f"{url}: cannot reach the corpus ({exc})") from None
    if not found:
        raise CorpusError(f"{url}: corpus folder not found")
    return fs, root


def entries(fs, root: str, keep) -> Iterator[tuple[str, str, dict]]:
    """(path, path relative to `root`, fsspec info) of each file `keep(name)` accepts, in the
    order of the sorted relative paths, one folder listed at a time."""
    if fs.isfile(root):
        info = fs.info(root)
        yield root, root.rstrip("/").rsplit("/", 1)[-1], info
        return
    yield from _walk(fs, root.rstrip("/"), "", keep)


def _walk(fs, folder: str, prefix: str, keep) -> Iterator[tuple[str, str, dict]]:
    listed = sorted(fs.ls(folder, detail=True), key=lambda info: _base(info["name"]))
    for info in listed:
        name = _base(info["name"])
        if not name or name.startswith((".", "_")) or info["name"].rstrip("/") == folder:
            continue
        if info.get("type") == "directory":
            yield from _walk(fs, info["name"].rstrip("/"), f"{prefix}{name}/", keep)
        elif keep(name):
            yield info["name"], prefix + name, info


def _base(name: str) -> str:
    return name.rstrip("/").rsplit("/", 1)[-1]


def stat_of(info: dict) -> SimpleNamespace:
    """What a re-run compares to know a file unchanged: its size and a change marker. Where the
    filesystem gives no marker, the file always counts as changed (its content is then compared)."""
    marker = next((info[k] for k in _MARKERS if info.get(k) is not None), None)
    return SimpleNamespace(st_size=int(info.get("size") or 0),
                           st_mtime_ns=str(marker) if marker is not None else f"unknown-{time.time_ns()}")
