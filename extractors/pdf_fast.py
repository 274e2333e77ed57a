"""The fast PDF path: pdfplumber-style words from pypdfium2's text page, 10-50x quicker.

The cost of this path is the number of calls into pdfium, so a page's text comes in one call,
font name and size once per text object (they are the object's, not the character's), and
only the box and origin once per character.
"""

from __future__ import annotations

import ctypes
import math
import re
import unicodedata

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# Characters that separate words; pdfium also "generates" spaces and line breaks it infers.
_SEPARATORS = frozenset({" ", "\u00a0", "\r", "\n", "\t", "\u2002", "\u2003", "\u2009", "\ufffe"})
_SEPARATOR_TABLE = str.maketrans({c: " " for c in _SEPARATORS})
_WORD_RE = re.compile(r"[^ ]+")


def _by_address(function, restype, *argtypes):
    """A pdfium function called with plain addresses (ints) for its pointers: the binding's
    typed pointers cost a conversion per call, and these are called once per character."""
    if function is None:
        return None
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, ctypes.c_void_p).value)


_P, _INT = ctypes.c_void_p, ctypes.c_int
# FPDFText_GetTextObject returning the address as an int: no cast per character.
_GET_TEXT_OBJECT = _by_address(getattr(pdfium_c, "FPDFText_GetTextObject", None), _P, _P, _INT)
_GET_LOOSE_BOX = _by_address(pdfium_c.FPDFText_GetLooseCharBox, _INT, _P, _INT, _P)
_GET_ORIGIN = _by_address(pdfium_c.FPDFText_GetCharOrigin, _INT, _P, _INT, _P, _P)

# A piece of text: (text, x0, x1, top, bottom, size, fontname, space_before).
Char = tuple


def open_pdf(path) -> pdfium.PdfDocument:
    return pdfium.PdfDocument(str(path))


def _page_text(raw, count: int) -> str | None:
    """All characters of the page in one call, or None when they do not map one to one onto
    character indices (characters outside the BMP come as two UTF-16 units)."""
    if count <= 0:
        return ""
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    units = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
    written = pdfium_c.FPDFText_GetText(raw, 0, count, units)
    text = buffer.raw[: max(0, written - 1) * 2].decode("utf-16-le", "replace")
    return text if len(text) == count else None


def page_chars(page: pdfium.PdfPage) -> list[Char]:
    """The page's printed text as pieces with their loose (font) boxes in pdfplumber's
    top-down coordinates: each run of characters between separators that pdfium printed in one
    text object is one piece (its characters sit side by side on one baseline, in one font),
    any other character is a piece of its own. A piece records whether a separator (a space
    pdfium printed or inferred) precedes it."""
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        return _Reader(textpage.raw, textpage.count_chars(), height).pieces()
    finally:
        textpage.close()


class _Reader:
    """The calls into pdfium for one text page, made once per piece, not once per character."""

    def __init__(self, raw, count: int, height: float):
        self.raw, self.count, self.height = raw, count, height
        self.address = ctypes.cast(raw, ctypes.c_void_p).value
        self.rect = pdfium_c.FS_RECTF()
        self.left, self.right = ctypes.c_double(), ctypes.c_double()
        self.bottom, self.top = ctypes.c_double(), ctypes.c_double()
        self.origin_x, self.origin_y = ctypes.c_double(), ctypes.c_double()
        self.rect_at = ctypes.addressof(self.rect)
        self.origin_at = ctypes.addressof(self.origin_x), ctypes.addressof(self.origin_y)
        self.fonts: dict[int, tuple[float, str]] = {}
        self.names: dict[str, str] = {}  # one string per font name: words compare by identity
        self.matrix = pdfium_c.FS_MATRIX()
        self.font_name = ctypes.create_string_buffer(128)
        self.font_flags = ctypes.c_int()

    def text(self) -> str:
        """The page's characters, one per index, separators as spaces."""
        text = _page_text(self.raw, self.count)
        if text is None:  # one call per character
            chars = []
            for i in range(self.count):
                if pdfium_c.FPDFText_IsGenerated(self.raw, i) == 1:
                    chars.append(" ")
                    continue
                code = pdfium_c.FPDFText_GetUnicode(self.raw, i)
                chars.append(chr(code) if 0 < code < 0x110000 else "\ufffd")
            text = "".join(chars)
        elif "\ufffe" in text:  # the page text's mark for what the character says alone
            chars = list(text)
            for i, char in enumerate(chars):
                if char == "\ufffe":
                    code = pdfium_c.FPDFText_GetUnicode(self.raw, i)
                    chars[i] = chr(code) if 0 < code < 0x110000 else "\ufffd"
            text = "".join(chars)
        # pdfium reports a hyphen that breaks a word at a line end as U+0002.
        text = text.replace("\x02", "-").translate(_SEPARATOR_TABLE)
        if not text.isprintable():
            text = "".join(c if c.isprintable() else " " for c in text)
        return text

    def object_of(self, index: int) -> int:
        """The address of the text object the character belongs to (a negative number of its
        own when pdfium cannot tell)."""
        if _GET_TEXT_OBJECT is None:
            return -index - 1
        return _GET_TEXT_OBJECT(self.address, index) or -index - 1

    def font(self, index: int, key: int) -> tuple[float, str]:
        font = self.fonts.get(key)
        if font is None:
            font = self.fonts[key] = self._read_font(index)
        return font

    def _read_font(self, index: int) -> tuple[float, str]:
        """(size in points on the page, font name) of the character at `index`."""
        raw = self.raw
        size = pdfium_c.FPDFText_GetFontSize(raw, index)
        if pdfium_c.FPDFText_GetMatrix(raw, index, self.matrix):
            size *= math.hypot(self.matrix.c, self.matrix.d) or 1.0
        pdfium_c.FPDFText_GetFontInfo(raw, index, self.font_name, 128, self.font_flags)
        name = self.font_name.value.decode("latin-1", "replace")
        return size, self.names.setdefault(name, name)

    def box(self, index: int, *, origin: bool = True) -> tuple[float, float, float]:
        """(x0, x1, bottom) of one character, x0 at its origin as pdfplumber has it (unless
        `origin` is False: the loose box's left)."""
        rect = self.rect
        if _GET_LOOSE_BOX(self.address, index, self.rect_at):
            x0, x1, y_bottom = rect.left, rect.right, rect.bottom
        else:
            pdfium_c.FPDFText_GetCharBox(self.raw, index, self.left, self.right, self.bottom,
                                         self.top)
            x0, x1, y_bottom = self.left.value, self.right.value, self.bottom.value
        # As pdfplumber: x0 at the glyph origin (an italic's loose box leans left of it).
        if origin and _GET_ORIGIN(self.address, index, *self.origin_at):
            x = self.origin_x.value
            if x > x0:  # min(max(x0, x), x1) without the two calls
                x0 = x
            if x0 > x1:
                x0 = x1
        return x0, x1, y_bottom

    def piece(self, text: str, first: int, last: int, key: int, space: bool) -> Char:
        """A piece from its first and last character; a box one font size tall above the
        loose box's bottom, as pdfplumber's."""
        size, fontname = self.font(first, key)
        x0, x1, y_bottom = self.box(first)
        if last != first:
            _, last_x1, last_bottom = self.box(last, origin=False)
            if last_x1 > x1:
                x1 = last_x1
            if last_bottom < y_bottom:
                y_bottom = last_bottom
        return (text, x0, x1, self.height - y_bottom - size, self.height - y_bottom, size,
                fontname, space)

    def pieces(self) -> list[Char]:
        text = self.text()
        accents = _ACCENT_RE.search(text) is not None
        out: list[Char] = []
        # The common piece (a run inside one text object, no accent, a loose box) is read
        # inline: this loop runs once per word of every page, and each method call and
        # attribute lookup saved here is some 300,000 saved on the 18 PDFs.
        address, height, fonts = self.address, self.height, self.fonts
        rect, rect_at, (origin_at, origin_y_at) = self.rect, self.rect_at, self.origin_at
        origin_x, loose_box, get_origin = self.origin_x, _GET_LOOSE_BOX, _GET_ORIGIN
        get_object = _GET_TEXT_OBJECT or (lambda _address, index: 0)
        append = out.append
        for match in _WORD_RE.finditer(text):
            start, end = match.span()
            if accents and _ACCENT_RE.search(text, start, end):
                chars = self.compose(text, start, end)
                word = "".join(chars)
            else:
                chars = word = match.group()
            # pdfium may infer a space before an accent TeX prints ahead of its letter
            # (`Zde ˇnka`); the accent belongs to the word it is printed in.
            space = start > 0 and chars[0] != ""
            first = get_object(address, start)
            last = first if end - start == 1 else get_object(address, end - 1)
            if first and first == last and loose_box(address, start, rect_at):
                x0, x1, y_bottom = rect.left, rect.right, rect.bottom
                if get_origin(address, start, origin_at, origin_y_at):
                    # As pdfplumber: x0 at the glyph origin (an italic's loose box leans
                    # left of it), within the character's box.
                    x = origin_x.value
                    if x > x0:
                        x0 = x
                    if x0 > x1:
                        x0 = x1
                if end - start > 1:
                    if loose_box(address, end - 1, rect_at):
                        last_x1, last_bottom = rect.right, rect.bottom
                    else:
                        _, last_x1, last_bottom = self.box(end - 1, origin=False)
                    if last_x1 > x1:
                        x1 = last_x1
                    if last_bottom < y_bottom:
                        y_bottom = last_bottom
                size, fontname = fonts.get(first) or self.font(start, first)
                append((word, x0, x1, height - y_bottom - size, height - y_bottom, size,
                        fontname, space))
                continue
            first = first or -start - 1
            last = last or -(end - 1) - 1
            if first == last and first >= 0:
                append(self.piece(word, start, end - 1, first, space))
                continue
            for i in range(start, end):  # a run across text objects: each character alone
                if chars[i - start]:
                    append(self.piece(chars[i - start], i, i, self.object_of(i), space))
                    space = False
        return out

    def compose(self, text: str, start: int, end: int) -> list[str]:
        """The characters of a run, each spacing accent joined to the letter it is printed
        over (`Hajiˇc` -> `Hajič`, whichever side the accent comes in the text); a joined
        accent leaves an empty string in its place."""
        chars = list(text[start:end])
        for k, char in enumerate(chars):
            if char not in _ACCENTS:
                continue
            letters = [j for j in (k + 1, k - 1) if 0 <= j < len(chars) and chars[j].isalpha()]
            if not letters:
                continue
            x0, x1, _ = self.box(start + k)
            middle = (x0 + x1) / 2

            def distance(j: int, middle: float = middle) -> float:
                left, right, _ = self.box(start + j)
                return 0.0 if left <= middle <= right else min(abs(middle - left),
                                                               abs(middle - right))

            target = min(letters, key=distance)  # the letter below; ties: the next one (TeX)
            accented = unicodedata.normalize("NFC", chars[target] + _ACCENTS[char])
            if len(accented) == 1:
                chars[target], chars[k] = accented, ""
        return chars


# Spacing accents and the combining marks they stand for.
_ACCENTS = {
    "\u00b4": "\u0301", "`": "\u0300", "\u02c6": "\u0302", "\u02dc": "\u0303",
    "\u00af": "\u0304", "\u02d8": "\u0306", "\u02d9": "\u0307", "\u00a8": "\u0308",
    "\u02da": "\u030a", "\u02dd": "\u030b", "\u02c7": "\u030c", "\u00b8": "\u0327",
    "\u02db": "\u0328",
}
_ACCENT_RE = re.compile(f"[{''.join(_ACCENTS)}]")


def page_words(page: pdfium.PdfPage, *, x_tolerance: float = 1.5, y_tolerance: float = 3.0
               ) -> list[dict]:
    """Words as pdfplumber's `extract_words(extra_attrs=["fontname", "size"])` returns them.

    Characters are clustered into lines by their top (within `y_tolerance`), sorted by x, and
    split at separators, at gaps wider than `x_tolerance` and where the font or its size
    changes, as pdfplumber does.
    """
    chars = _dedupe(page_chars(page))
    chars.sort(key=lambda c: (c[3], c[1]))
    lines: list[list[Char]] = []
    line_top = None
    for char in chars:
        if lines and abs(char[3] - line_top) <= y_tolerance:
            lines[-1].append(char)
        else:
            lines.append([char])
            line_top = char[3]
    words: list[dict] = []
    for line in lines:
        line.sort(key=lambda c: c[1])
        start = 0
        for k in range(1, len(line)):
            char, previous = line[k], line[k - 1]
            if char[1] - previous[2] > x_tolerance or (
                char[7] and char[1] >= previous[2] - 0.5
            ) or char[5] != previous[5] or char[6] != previous[6]:
                words.append(_word(line, start, k))
                start = k
        if line:
            words.append(_word(line, start, len(line)))
    return words


def _word(line: list[Char], start: int, end: int) -> dict:
    first = line[start]
    if end == start + 1:
        return {"text": first[0], "x0": first[1], "x1": first[2], "top": first[3],
                "bottom": first[4], "size": round(first[5], 2), "fontname": first[6],
                "upright": True}
    _, x0, x1, top, bottom = first[:5]
    for k in range(start + 1, end):
        _, c_x0, c_x1, c_top, c_bottom = line[k][:5]
        if c_x0 < x0:
            x0 = c_x0
        if c_x1 > x1:
            x1 = c_x1
        if c_top < top:
            top = c_top
        if c_bottom > bottom:
            bottom = c_bottom
    return {
        "text": "".join([c[0] for c in line[start:end]]), "x0": x0, "x1": x1, "top": top,
        "bottom": bottom, "size": round(first[5], 2), "fontname": first[6], "upright": True,
    }


def _dedupe(chars: list[Char], tolerance: float = 1.0) -> list[Char]:
    """Drop a character printed again on top of itself (fake bold, shadows), as pdfplumber's
    `dedupe_chars` does."""
    seen: set[tuple] = set()
    out = []
    scale = 1 / tolerance
    for char in chars:
        key = (char[0], round(char[1] * scale), round(char[3] * scale))
        if key in seen:
            continue
        seen.add(key)
        out.append(char)
    return out
