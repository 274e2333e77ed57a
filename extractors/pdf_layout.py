"""Shared PDF layout helpers: words to rows to cells, paragraphs, reading order, clean-up.

The page is read bottom-up: pdfplumber words are grouped into rows, a row is cut into cells
at whitespace "rivers" (gaps that line up with gaps in the rows around it, i.e. column gutters
that hold only for part of a page, as in a session grid), cells stack into paragraphs (same
font size and weight, aligned, close), and paragraphs are put in reading order by a recursive
XY cut that reads a grid row by row and running text column by column.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import ftfy

BOLD_RE = re.compile(r"bold|black|heavy|semibold|demi", re.I)
ITALIC_RE = re.compile(r"italic|oblique", re.I)
# Icon fonts: their glyphs (arrows, bullets, pictograms) are not text.
SYMBOL_FONT_RE = re.compile(r"dings|webdings|symbol|awesome|icons?\b", re.I)


@lru_cache(maxsize=4096)
def font_style(fontname: str) -> tuple[bool, bool, bool]:
    """(bold, italic, symbol) from a font's name; a page has a handful of fonts, its words
    thousands."""
    return (bool(BOLD_RE.search(fontname)), bool(ITALIC_RE.search(fontname)),
            bool(SYMBOL_FONT_RE.search(fontname)))
PAGE_NUMBER_RE = re.compile(r"^(page\s*)?[\divxlc]{1,4}(\s*(of|/)\s*\d+)?$", re.I)
_SPACE_RE = re.compile(r"\s+")
# Ligature and symbol code points that NFKC leaves alone or fonts map oddly.
_REPLACE = {"\ufffe": "", "\u00ad": "", "\u200b": "", "\ufeff": "", "\u2010": "-", "\u2011": "-"}


def clean_text(text: str) -> str:
    """Fix mojibake, ligatures and odd spaces; keep the words as printed.

    >>> clean_text("Eﬃcient  ﬁne-tuning\\u00ad"), clean_text("Agnieszka Falen\\u00b4ska")
    ('Efficient fine-tuning', 'Agnieszka Faleńska')
    """
    if text.isascii() and text.isprintable() and "&" not in text:
        # Plain printable ASCII without an entity has nothing for ftfy to fix, none of the
        # characters below, and no space but ` `.
        return " ".join(text.split())
    text = ftfy.fix_text(text, normalization="NFKC")
    for old, new in _REPLACE.items():
        text = text.replace(old, new)
    if _LOOSE_MARK_RE.search(text):  # `Falen ́ska` -> `Faleńska` (issue 3)
        text = unicodedata.normalize("NFC", _LOOSE_MARK_RE.sub(r"\1", text))
    return _SPACE_RE.sub(" ", text).strip()


# A combining accent set apart from its letter: a spacing accent (`´`, which NFKC makes a
# space and a combining mark) printed after the letter it belongs to.
_LOOSE_MARK_RE = re.compile(r"(?<=[^\W\d_]) ([\u0300-\u036f])")


@dataclass
class Line:
    """One row of one cell: words that sit on one baseline with no gutter between them."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    italic: bool = False
    column: int = 0


@dataclass
class Paragraph:
    """Lines stacked in one cell or column with the same font size and weight."""

    lines: list[Line] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return min(line.x0 for line in self.lines)

    @property
    def x1(self) -> float:
        return max(line.x1 for line in self.lines)

    @property
    def top(self) -> float:
        return min(line.top for line in self.lines)

    @property
    def bottom(self) -> float:
        return max(line.bottom for line in self.lines)

    @property
    def size(self) -> float:
        return self.lines[0].size

    @property
    def bold(self) -> bool:
        return self.lines[0].bold

    @property
    def text(self) -> str:
        """Lines joined by newlines; a line ending in a hyphen is joined to the next."""
        return "\n".join(dehyphenate_texts([line.text for line in self.lines]))


_HYPHEN_END_RE = re.compile(r"\w-$")


def dehyphenate_texts(texts: list[str]) -> list[str]:
    """Join `inter-` + `national` (hyphen dropped) and `Urbana-` + `Champaign` (kept).

    >>> dehyphenate_texts(["for inter-", "national students", "Urbana-", "Champaign"])
    ['for international students', 'Urbana-Champaign']
    """
    out: list[str] = []
    for text in texts:
        if out and _HYPHEN_END_RE.search(out[-1]) and text[:1].isalpha():
            out[-1] = out[-1][:-1] + text if text[:1].islower() else out[-1] + text
        else:
            out.append(text)
    return out


# --------------------------------------------------------------------------- words -> cells


def _rows(words: list[dict]) -> list[list[dict]]:
    rows: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        size = w.get("size") or 8.0
        if rows and abs(rows[-1][0]["top"] - w["top"]) <= max(1.5, 0.3 * size):
            rows[-1].append(w)
        else:
            rows.append([w])
    for row in rows:
        row.sort(key=lambda w: w["x0"])
    return rows


def _free(row: list[dict], a: float, b: float) -> bool:
    """True when `row` has words on both sides of [a, b] and none inside it."""
    left = right = False
    for w in row:
        if w["x1"] <= a:
            left = True
        elif w["x0"] >= b:
            right = True
        else:
            return False
    return left and right


def words_to_lines(words: list[dict], gutters: list[float] | None = None) -> list[Line]:
    """Cut each row of words into cells at gutters.

    A gap splits a row when it is very wide (3 font sizes), or at least about one font size
    wide and the same x band is empty in two rows within three rows up or down (a river). An
    explicit `gutters` list of x positions always splits.
    """
    words = [w for w in words if not font_style(w.get("fontname", ""))[2]]
    if not words:
        return []
    rows = _rows(words)
    lines: list[Line] = []
    for i, row in enumerate(rows):
        near = rows[max(0, i - 3):i] + rows[i + 1:i + 4]
        cell = [row[0]]
        for w in row[1:]:
            prev = cell[-1]
            gap = w["x0"] - prev["x1"]
            size = min(prev.get("size") or 8.0, w.get("size") or 8.0)
            mid = (prev["x1"] + w["x0"]) / 2
            split = gap >= 3 * size or bool(gutters) and any(
                prev["x1"] < g < w["x0"] for g in gutters)
            if not split and gap >= 0.9 * size:
                band = (mid - min(1.5, gap / 4), mid + min(1.5, gap / 4))
                rivers = sum(_free(other, *band) for other in near)
                split = rivers >= (1 if gap >= 1.8 * size else 2)
            if split:
                lines.append(_make_line(cell))
                cell = [w]
            else:
                cell.append(w)
        lines.append(_make_line(cell))
    return lines


def _make_line(words: list[dict]) -> Line:
    weights: dict[float, int] = {}
    bold_chars = italic_chars = total = 0
    x0, top, x1, bottom = words[0]["x0"], words[0]["top"], words[0]["x1"], words[0]["bottom"]
    for w in words:  # one pass: a line is made for every cell of every page
        n = len(w["text"])
        size = round(w.get("size", 0.0) or 0.0, 1)
        weights[size] = weights.get(size, 0) + n
        bold, italic, _ = font_style(w.get("fontname", ""))
        bold_chars += n if bold else 0
        italic_chars += n if italic else 0
        total += n
        if w["x0"] < x0:
            x0 = w["x0"]
        if w["top"] < top:
            top = w["top"]
        if w["x1"] > x1:
            x1 = w["x1"]
        if w["bottom"] > bottom:
            bottom = w["bottom"]
    total = total or 1
    return Line(
        text=clean_text(" ".join([w["text"] for w in words])), x0=x0, top=top, x1=x1,
        bottom=bottom,
        # the size most characters have, not a stray glyph (the first of a tie)
        size=max(weights, key=weights.__getitem__),
        bold=bold_chars / total > 0.6,
        italic=italic_chars / total > 0.6,
    )


# --------------------------------------------------------------------------- cells -> paragraphs


def group_paragraphs(lines: list[Line]) -> list[Paragraph]:
    """Stack lines into paragraphs: same size and weight, left-aligned or overlapping, and at
    most about 1.6 line heights apart."""
    paragraphs: list[Paragraph] = []
    open_: list[Paragraph] = []
    for line in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        best, best_overlap = None, 0.0
        for para in open_:
            last = para.lines[-1]
            if abs(last.size - line.size) > 0.3 or last.bold != line.bold:
                continue
            step = line.top - last.top
            if not 0.5 * line.size < step <= 1.6 * max(line.size, last.size):
                continue
            overlap = min(last.x1, line.x1) - max(last.x0, line.x0)
            aligned = abs(last.x0 - line.x0) <= 2 * line.size
            narrow = min(last.x1 - last.x0, line.x1 - line.x0) or 1
            if not aligned and overlap < 0.6 * narrow:
                continue
            if overlap > best_overlap:
                best, best_overlap = para, overlap
        if best is None:
            best = Paragraph([line])
            paragraphs.append(best)
        else:
            best.lines.append(line)
        # Paragraphs whose last line is far above can take no more lines.
        open_ = [p for p in paragraphs if line.top - p.lines[-1].top <= 3 * line.size]
    return paragraphs


# --------------------------------------------------------------------------- reading order


def _splits(items: list[Paragraph], lo, hi, gap: float) -> list[list[Paragraph]]:
    """Group items along one axis where no item spans a gap of at least `gap`."""
    ordered = sorted(items, key=lo)
    groups: list[list[Paragraph]] = [[ordered[0]]]
    reach = hi(ordered[0])
    for item in ordered[1:]:
        if lo(item) - reach >= gap:
            groups.append([item])
        else:
            groups[-1].append(item)
        reach = max(reach, hi(item))
    return groups


def _row_aligned(groups: list[list[Paragraph]]) -> bool:
    """True when paragraphs in different columns start on the same baseline (a table).

    Two page columns of running text (equally wide) share a baseline now and then too; a
    table of them shares most, so at least 40% of the paragraphs must line up. A narrow label
    column beside wide cells (`Panel Session` | title, authors) is a table either way.
    """
    tops = [{round(p.top) for p in group} for group in groups]
    shared = 0
    for i, these in enumerate(tops):
        others = set().union(*(t for j, t in enumerate(tops) if j != i))
        shared += sum(1 for t in these if any(abs(t - o) <= 2 for o in others))
    widths = [max(p.x1 for p in g) - min(p.x0 for p in g) for g in groups]
    labels = min(widths) < 0.5 * max(widths)
    return shared >= 4 and (labels or shared >= 0.4 * sum(len(t) for t in tops))


def _headed_columns(columns: list[list[Paragraph]]) -> bool:
    """True when every column opens with a heading set larger than the rest of it: lists
    side by side (`Board of Directors | Program Committee`), read column by column."""
    for column in columns:
        ordered = sorted(column, key=lambda p: p.top)
        if len(ordered) < 2 or ordered[0].size < 1.15 * max(p.size for p in ordered[1:]):
            return False
    return True


def _merge_heading_rows(rows: list[list[Paragraph]]) -> list[list[Paragraph]]:
    """Join a row of side-by-side headings to the row below it when both split into the same
    columns, so the columns under the headings are read one after the other (issue 3)."""
    out: list[list[Paragraph]] = []
    for row in rows:
        if out and _heads(out[-1], row):
            out[-1] = out[-1] + row
        else:
            out.append(row)
    return out


def _heads(upper: list[Paragraph], lower: list[Paragraph]) -> bool:
    if len(upper) < 2:
        return False
    up = _splits(upper, lambda p: p.x0, lambda p: p.x1, 4.0)
    low = _splits(lower, lambda p: p.x0, lambda p: p.x1, 4.0)
    if len(up) != len(upper) or len(low) != len(up):
        return False
    body = max(p.size for p in lower)
    return all(
        a[0].size >= 1.15 * body
        and min(a[0].x1, max(p.x1 for p in b)) > max(a[0].x0, min(p.x0 for p in b))
        for a, b in zip(up, low, strict=True)
    )


def reading_order(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Recursive XY cut: columns left to right, except that a table whose cells share
    baselines is read row by row so a label stays next to its cell."""
    if len(paragraphs) <= 1:
        return list(paragraphs)
    columns = _splits(paragraphs, lambda p: p.x0, lambda p: p.x1, 4.0)
    rows = _splits(paragraphs, lambda p: p.top, lambda p: p.bottom, 0.5)
    if len(columns) > 1 and (
        len(rows) == 1 or not _row_aligned(columns) or _headed_columns(columns)
    ):
        parts = columns
    elif len(rows) > 1:
        parts = _merge_heading_rows(rows)
        if len(parts) == 1:
            parts = columns if len(columns) > 1 else rows
    else:
        return sorted(paragraphs, key=lambda p: (p.top, p.x0))
    return [p for part in parts for p in reading_order(part)]


# --------------------------------------------------------------------------- page furniture


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


_DIGITS_RE = re.compile(r"\d+")


def mask_digits(text: str) -> str:
    return _DIGITS_RE.sub("#", text.lower())


def is_page_number(text: str) -> bool:
    return bool(PAGE_NUMBER_RE.match(text.strip()))


def body_size(pages: list[list[Line]]) -> float:
    """The font size most characters are set in."""
    weights: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            if line.size:
                weights[line.size] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 10.0


def median_size(lines: list[Line]) -> float:
    sizes = [line.size for line in lines if line.size]
    return statistics.median(sizes) if sizes else 10.0


def strip_accents(text: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
