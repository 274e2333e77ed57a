"""Shared PDF layout helpers: words to lines, column gutters, running headers, text clean-up."""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass

import ftfy

BOLD_RE = re.compile(r"bold|black|heavy|semibold|demi", re.I)
PAGE_NUMBER_RE = re.compile(r"^(page\s*)?[\divxlc]{1,4}(\s*(of|/)\s*\d+)?$", re.I)
_SPACE_RE = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """Fix mojibake, ligatures and odd spaces; keep the words as printed."""
    text = ftfy.fix_text(text, normalization="NFKC")
    text = text.replace("\u00ad", "")  # soft hyphen
    return _SPACE_RE.sub(" ", text).strip()


@dataclass
class Line:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    column: int = 0


def find_gutters(words: list[dict], width: float, min_gap: float = 8.0) -> list[float]:
    """x positions of vertical gutters: bands no word crosses, between text on both sides.

    Only bands in the middle 80% of the page count, and a gutter must have text on at least
    a quarter of the page's lines on each side, so a ragged right margin is not a column.
    """
    if len(words) < 20:
        return []
    step = 2.0
    n = int(width / step) + 2
    cover = [0] * n
    for w in words:
        for i in range(int(w["x0"] / step), min(n, int(w["x1"] / step) + 1)):
            cover[i] += 1
    gutters: list[float] = []
    lo, hi = int(0.1 * width / step), int(0.9 * width / step)
    i = lo
    while i < hi:
        if cover[i] == 0:
            j = i
            while j < hi and cover[j] == 0:
                j += 1
            if (j - i) * step >= min_gap:
                x = (i + j) / 2 * step
                left = sum(1 for w in words if w["x1"] <= x)
                right = sum(1 for w in words if w["x0"] >= x)
                if min(left, right) >= 0.15 * len(words):
                    gutters.append(x)
            i = j
        else:
            i += 1
    return gutters


def words_to_lines(words: list[dict], gutters: list[float]) -> list[Line]:
    """Group words into lines per column; a wide gap inside a line starts a new cell."""
    bounds = [0.0, *gutters, float("inf")]
    columns: list[list[dict]] = [[] for _ in range(len(bounds) - 1)]
    for w in words:
        mid = (w["x0"] + w["x1"]) / 2
        for c in range(len(bounds) - 1):
            if bounds[c] <= mid < bounds[c + 1]:
                columns[c].append(w)
                break
    lines: list[Line] = []
    for c, col in enumerate(columns):
        col.sort(key=lambda w: (round(w["top"]), w["x0"]))
        rows: list[list[dict]] = []
        for w in col:
            if rows and abs(rows[-1][0]["top"] - w["top"]) <= max(2.0, 0.35 * w["size"]):
                rows[-1].append(w)
            else:
                rows.append([w])
        for row in rows:
            row.sort(key=lambda w: w["x0"])
            cell: list[dict] = [row[0]]
            for w in row[1:]:
                gap = w["x0"] - cell[-1]["x1"]
                if gap > max(12.0, 2.5 * w["size"]):
                    lines.append(_make_line(cell, c))
                    cell = [w]
                else:
                    cell.append(w)
            lines.append(_make_line(cell, c))
    return lines


def _make_line(words: list[dict], column: int) -> Line:
    sizes = [w.get("size", 0.0) or 0.0 for w in words]
    bold_chars = sum(len(w["text"]) for w in words if BOLD_RE.search(w.get("fontname", "")))
    total = sum(len(w["text"]) for w in words) or 1
    return Line(
        text=clean_text(" ".join(w["text"] for w in words)),
        x0=min(w["x0"] for w in words),
        top=min(w["top"] for w in words),
        x1=max(w["x1"] for w in words),
        bottom=max(w["bottom"] for w in words),
        size=round(max(sizes), 1),
        bold=bold_chars / total > 0.6,
        column=column,
    )


def running_lines(pages: list[list[Line]], heights: list[float]) -> set[str]:
    """Texts of lines in the top or bottom 8% of pages that repeat on 3+ pages (digits masked)."""
    counts: Counter[str] = Counter()
    for lines, height in zip(pages, heights, strict=True):
        seen = set()
        for line in lines:
            if line.top < 0.08 * height or line.bottom > 0.92 * height:
                seen.add(mask_digits(line.text))
        counts.update(seen)
    threshold = max(3, len(pages) // 4)
    return {text for text, n in counts.items() if n >= threshold}


def mask_digits(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower())


def is_page_number(text: str) -> bool:
    return bool(PAGE_NUMBER_RE.match(text.strip()))


def body_size(pages: list[list[Line]]) -> float:
    sizes = [line.size for lines in pages for line in lines if line.size]
    return statistics.median(sizes) if sizes else 10.0


def dehyphenate(lines: list[Line]) -> list[Line]:
    """Join `inter-` + `national` across consecutive lines of one column."""
    out: list[Line] = []
    for line in lines:
        if (
            out
            and out[-1].text.endswith("-")
            and not out[-1].text.endswith(" -")
            and out[-1].column == line.column
            and line.text[:1].islower()
            and 0 <= line.top - out[-1].bottom < line.size
        ):
            prev = out[-1]
            prev.text = prev.text[:-1] + line.text
            prev.x1 = max(prev.x1, line.x1)
            prev.bottom = line.bottom
            continue
        out.append(line)
    return out


def strip_accents(text: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
