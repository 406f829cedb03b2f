"""How reports show things: notes, escaped tables, figures once, and the chart defaults.

Figures are drawn at most FIGURE_WIDTH inches wide with no text under MIN_FONT points, so that a
PDF page (182 mm of text width, 1 CSS px = 1/96 in) prints them unshrunk at 8 pt or more.
"""

from __future__ import annotations

import hashlib
import html
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .errors import ParameterError

# Fonts tried in order; matplotlib falls back glyph by glyph, so CJK names render too.
FONT_PREFERENCE = ("DejaVu Sans", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei",
                   "WenQuanYi Zen Hei", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC")
FIGURE_DPI = 110
FIGURE_WIDTH = 6.2
MIN_FONT = 7.0
NO_EVENTS = "No events match these parameters."
MAX_ITEMS = 25  # items of a '; '-joined cell shown in a table; the rest are counted


@dataclass(frozen=True, repr=False)
class Note:
    """A sentence shown as notebook output: escaped HTML in reports, plain text elsewhere."""

    text: str

    def _repr_html_(self) -> str:
        return f'<p class="accords-note">{html.escape(self.text)}</p>'

    def __repr__(self) -> str:
        return self.text


def _cell(value: Any) -> Any:
    """A cell made printable: lists joined with '; ' (the first MAX_ITEMS, then how many more),
    dates as ISO days, nulls blank."""
    if isinstance(value, (list, tuple, np.ndarray)):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str) and value.count("; ") >= MAX_ITEMS:
        items = value.split("; ")
        return "; ".join(items[:MAX_ITEMS]) + f"; … and {len(items) - MAX_ITEMS:,} more"
    if isinstance(value, pd.Timestamp) and not pd.isna(value):
        return value.strftime("%Y-%m-%d")
    return "" if pd.isna(value) else value


def show_table(df: pd.DataFrame, caption: str = "", empty: str = NO_EVENTS,
               max_rows: int | None = None, clip: dict[str, int] | None = None) -> Any:
    """A styled, HTML-escaped table without index for nbconvert output, or a Note when empty.

    With `max_rows`, longer tables are cut and the caption says how many rows are not shown (of
    `df.attrs["total"]` when a helper built only the first rows);
    `clip` maps a column to the most characters shown of its cells, and a '; '-joined cell shows
    its first MAX_ITEMS items and how many more (the DataFrame keeps them whole).
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"show_table: expected a DataFrame, got {type(df).__name__}")
    if df.empty:
        return Note(empty) if empty else None
    if max_rows is not None and max_rows < 1:
        raise ParameterError(f"max_rows must be at least 1, not {max_rows}")
    total = max(int(df.attrs.get("total", len(df))), len(df))  # a helper that built only the rows shown
    if max_rows and len(df) > max_rows:
        df = df.head(max_rows)
    if total > len(df):
        caption = f"{caption} (first {len(df)} of {total:,} rows)".strip()
    shown = df.reset_index(drop=True).map(_cell)
    for col, width in (clip or {}).items():
        if col in shown:
            shown[col] = shown[col].map(lambda v, w=width: v if len(str(v)) <= w else
                                        str(v)[: w - 1].rsplit(" ", 1)[0] + " …")
    shown.columns = [str(c).replace("_", " ").capitalize() for c in shown.columns]
    styler = shown.style.format(escape="html", precision=3, na_rep="").hide(axis="index")
    # A content-derived id keeps the HTML identical from run to run.
    styler = styler.set_uuid(hashlib.sha1((caption + shown.to_csv()).encode()).hexdigest()[:10])
    styler = styler.set_table_styles([
        {"selector": "td", "props": "text-align: left; vertical-align: top;"},
        {"selector": "th", "props": "text-align: left;"},
        {"selector": "caption", "props": "caption-side: top; text-align: left; font-weight: bold;"},
    ])
    if caption:
        styler = styler.set_caption(html.escape(caption))
    return styler


def _is_empty(data: Any) -> bool:
    """True for None or an empty DataFrame, graph (no nodes) or container."""
    return data is None or (data.empty if isinstance(data, pd.DataFrame) else len(data) == 0)


def show_plot(plot: Callable[..., Any], data: Any, *args: Any, empty: str = NO_EVENTS,
              figsize: tuple[float, float] | None = None, **kwargs: Any) -> Any:
    """Display `plot(data, ax=...)`'s figure once and return the Figure (to save or redraw with
    `display(fig)`); with empty data display a Note instead and return None.

    Without `figsize` the plot function sizes its own figure. The figure is closed after it is
    shown, so that the notebook does not show it a second time.
    """
    from IPython.display import display

    if _is_empty(data):
        if empty:
            display(Note(empty))
        return None
    ax = plt.subplots(figsize=figsize)[1] if figsize else None
    fig = plot(data, *args, ax=ax, **kwargs).figure
    if not getattr(fig, "accords_laid_out", False):
        fig.tight_layout()
    display(fig)
    plt.close(fig)
    return fig


def smallest_text(fig: Any) -> float:
    """The smallest font size (points) of any visible text drawn in a figure."""
    fig.canvas.draw()
    sizes = [t.get_fontsize() for t in fig.findobj(mpl.text.Text)
             if t.get_visible() and t.get_text().strip()]
    return min(sizes) if sizes else math.inf


def axes(ax: Any = None, figsize: tuple[float, float] = (FIGURE_WIDTH, 3.6)) -> Any:
    """The given Axes, or a new one on a new figure."""
    return ax if ax is not None else plt.subplots(figsize=figsize)[1]


def empty_axes(ax: Any, message: str = NO_EVENTS) -> Any:
    """Write `message` on a blank Axes, for plot functions handed no data."""
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="0.4")
    return ax


def heading(title: str) -> Any:
    """The report title as a heading, for reading the notebook in JupyterLab."""
    from IPython.display import HTML

    return HTML(f"<h1>{html.escape(str(title))}</h1>")


def use_report_style() -> None:
    """Matplotlib defaults for reports: sans fonts with CJK fallback, dpi 110 (inline or Agg)."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    fonts = [f for f in FONT_PREFERENCE if f in installed] or ["DejaVu Sans"]
    mpl.rcParams.update({
        # Concrete names, not the "sans-serif" alias: only a list gives glyph fallback.
        "font.family": fonts, "font.sans-serif": fonts, "font.size": 8.5,
        "axes.titlesize": 9.5, "legend.fontsize": MIN_FONT, "xtick.labelsize": 8,
        "ytick.labelsize": 8, "axes.labelsize": 8.5, "hatch.color": "white", "hatch.linewidth": 0.6,
        "axes.spines.top": False, "axes.spines.right": False,
        "figure.dpi": FIGURE_DPI, "savefig.dpi": FIGURE_DPI, "savefig.bbox": "tight",
        "axes.unicode_minus": False, "figure.max_open_warning": 0,
    })

