"""OCR with Tesseract: pdfplumber-style words from a rendered page, and which pages need it.

Two kinds of page are read by OCR under `--ocr`: a page with no text layer at all (a scan), and
a page that is a picture of text — images cover most of it and its text layer holds few words
(a Word or Canva packet whose agenda is a pasted picture under a one-line text header). The
thresholds that tell the second kind are measured in `benchmarks/OCR.md`.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import statistics
from collections import Counter, defaultdict

# Words Tesseract is less sure of than this (0-100) are noise: specks, rules, logo fragments.
MIN_CONFIDENCE = 50.0
# ... except a word that is letters once the marks OCR makes of a superscript are cut off:
# `Lee¹,` is read `Lee!',` at confidence 43, `Chen¹` at 13 (in the author lists of IEEE PPPS
# and ACL). Such a word is kept down to this confidence.
MIN_WORD_CONFIDENCE = 10.0
# What Tesseract reads a superscript affiliation number as, at the end of a word: `!`, `'`,
# `?`, `"`, `|`, or the superscript digits themselves.
_SUPERSCRIPT_RE = re.compile(r"(?<=[^\W\d_])[!'’\"”?|¹²³⁴⁵⁶⁷⁸⁹*]+(?=[,;]?$)")
_WORDLIKE_RE = re.compile(r"^[^\W\d_][^\W\d_'’.\-]*[^\W\d_][,;.]?$|^[,;]$")
FONTNAME = "OCR"
# A poster-sized page at 300 dpi is 150 megapixels; past this it is rendered coarser.
MAX_PIXELS = 40_000_000
# How much of the em a word's ink box spans: caps/ascenders reach ~0.72 em above the baseline,
# x-height letters ~0.53 em, descenders ~0.22 em below it.
_TALL = set("ABCDEFGHIJKLMNOPQRSTUVWXYZbdfhklt0123456789!?&%$#@/\\|[]{}()'\"")
_DESCENDING = set("gjpqy(),;[]{}|")


# A picture of text: images cover at least this share of the page ...
PICTURE_COVERAGE = 0.5
# ... and its text layer holds fewer words than this. On the built-on corpus, pages that are
# at least half images hold either at most 57 words (covers, floor plans, an advertisement,
# photographs with captions) or at least 111 (text printed over a background picture).
PICTURE_MAX_WORDS = 80
# An image smaller than this share of the page is a logo (or a portrait): what OCR reads in it
# may name an organization, never a person.
LOGO_SHARE = 0.08
# A wall of logos (a sponsor page): at least LOGO_WALL images of LOGO_MIN_SHARE to LOGO_SHARE
# of the page each, together covering LOGO_WALL_COVERAGE of it. On the built-on corpus the four
# sponsor walls (ACL 2014 and 2016, SIGCSE 2017 and 2022) have 8-17 such logos over 22-34% of
# the page; two covers made of photographs (21% and 24%) pass too and cost one OCR each.
LOGO_WALL = 3
LOGO_MIN_SHARE = 0.002
LOGO_WALL_COVERAGE = 0.2
# What a document's message says of picture pages not read (the run summary counts these).
PICTURES_NOT_READ = "look like pictures of text"

Box = tuple  # (x0, top, x1, bottom) in PDF points from the page's top-left


def pdfium_image_boxes(page) -> list[Box]:
    """The boxes of a pypdfium2 page's images (in forms too), clipped to the page."""
    import pypdfium2.raw as pdfium_c

    width, height = float(page.get_width()), float(page.get_height())
    boxes = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        left, bottom, right, top = obj.get_bounds()
        box = (max(0.0, left), max(0.0, height - top), min(width, right),
               min(height, height - bottom))
        if box[2] > box[0] and box[3] > box[1]:
            boxes.append(box)
    return boxes


def plumber_image_boxes(page) -> list[Box]:
    """The boxes of a pdfplumber page's images, clipped to the page."""
    width, height = float(page.width), float(page.height)
    boxes = []
    for image in page.images:
        box = (max(0.0, float(image["x0"])), max(0.0, float(image["top"])),
               min(width, float(image["x1"])), min(height, float(image["bottom"])))
        if box[2] > box[0] and box[3] > box[1]:
            boxes.append(box)
    return boxes


def covered_share(boxes: list[Box], width: float, height: float, grid: int = 64) -> float:
    """The share of the page that the union of `boxes` covers (on a `grid` x `grid` raster, so
    overlapping images count once).

    >>> covered_share([(0, 0, 50, 100), (25, 0, 100, 50)], 100, 100)
    0.75
    """
    cells = set()
    for x0, top, x1, bottom in boxes:
        for i in range(int(x0 / width * grid), min(grid, math.ceil(x1 / width * grid))):
            for j in range(int(top / height * grid), min(grid, math.ceil(bottom / height * grid))):
                cells.add((i, j))
    return len(cells) / (grid * grid)


def picture_of_text(n_words: int, boxes: list[Box], width: float, height: float) -> bool:
    """A page that is mostly pictures and holds few words: images cover most of it, or it is a
    wall of logos (at least LOGO_WALL logos covering LOGO_WALL_COVERAGE of it).

    >>> picture_of_text(6, [(0, 40, 600, 800)], 600, 800)
    True
    >>> picture_of_text(300, [(0, 0, 600, 800)], 600, 800)   # text over a background picture
    False
    >>> logos = [(x, y, x + 180, y + 60) for x in (20, 220, 420) for y in (100, 300, 500)]
    >>> picture_of_text(12, logos, 600, 800)
    True
    """
    if n_words >= PICTURE_MAX_WORDS or not boxes:
        return False
    if covered_share(boxes, width, height) >= PICTURE_COVERAGE:
        return True
    area = width * height
    logos = [b for b in boxes if LOGO_MIN_SHARE * area <= _area(b) < LOGO_SHARE * area]
    return (len(logos) >= LOGO_WALL
            and covered_share(logos, width, height) >= LOGO_WALL_COVERAGE)


def _area(box: Box) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def merge_ocr(text_words: list[dict], read: list[dict], boxes: list[Box], width: float,
              height: float) -> tuple[list[dict], list[tuple[Box, str]]]:
    """The text layer's words with the OCR words `read` that it lacks, and the logos' text.

    An OCR word whose centre lies on a text-layer word is that word read twice and is dropped
    — unless the text layer is garbled (mostly not letters: a font without a character map),
    when OCR's reading replaces it. OCR words inside a small image (below LOGO_SHARE of the
    page, and not within a larger image) are a logo's: they come back apart, as (image box, its
    text), for the recognizer to take as an organization at most.
    """
    if garbled(text_words) and read:
        text_words = [t for t in text_words if not any(_overlap(_box(t), _box(w)) for w in read)]
    area = width * height
    small = [b for b in boxes if _area(b) < LOGO_SHARE * area]
    large = [b for b in boxes if b not in small]
    logos: dict[Box, list[dict]] = defaultdict(list)
    merged = list(text_words)
    for word in read:
        if any(_on(word, _box(t), 1.0) for t in text_words):
            continue
        logo = next((b for b in small if _on(word, b)), None)
        if logo is not None and not any(_on(word, b) for b in large):
            logos[logo].append(word)
        else:
            merged.append(word)
    texts = [(box, text) for box, words in logos.items() if (text := logo_text(words))]
    texts.sort(key=lambda item: (item[0][1], item[0][0]))
    return sorted(merged, key=lambda w: (w["top"], w["x0"])), texts


def logo_text(words: list[dict]) -> str:
    """The name a logo's OCR words spell: its tallest lines (the word mark, not the tagline
    under it), without the marks OCR reads as letters (`O ABET`, `C) Education`, `Ww`).

    >>> line = lambda text, top, h: [{"text": t, "x0": i, "top": top, "bottom": top + h}
    ...                              for i, t in enumerate(text.split())]
    >>> logo_text(line("C) Education", 0, 20) + line("for schools", 30, 8))
    'Education'
    """
    rows: dict[float, list[dict]] = defaultdict(list)
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if not _mark(word["text"]):
            rows[word["top"]].append(word)
    if not rows:
        return ""
    tall = max(max(w["bottom"] - w["top"] for w in row) for row in rows.values())
    return " ".join(w["text"] for row in rows.values()
                    if max(w["bottom"] - w["top"] for w in row) >= 0.6 * tall for w in row)


def _mark(token: str) -> bool:
    """A token OCR made of a logo's graphic: under two letters, or two that are no acronym."""
    letters = sum(c.isalpha() for c in token)
    return letters < 2 or (letters == 2 and len(token) <= 3 and not token.isupper())


def garbled(words: list[dict]) -> bool:
    """The words are mostly not letters: a font printed without its character map
    (`ACL$2014$gratefully`, `$$$$ ))))`). Punctuation does not count against them, nor do
    digits: an index's leader dots and a timetable's hours are text.

    >>> garbled([{"text": "Li,Jun" + "." * 60 + "2P26"}]), garbled([{"text": "$$$$$$$$$$$$$"}])
    (False, True)
    """
    share = readable_share("".join(w["text"] for w in words))
    return share is not None and share < 0.5


def readable_share(text: str) -> float | None:
    """The share of letters and digits among the characters of `text` that are not spaces or
    punctuation; None for fewer than 10 such characters (too few to tell).

    >>> readable_share("Li,Jun....2P26 Chen,Bo"), readable_share("$$$$$ $$$$$ ok")
    (1.0, 0.16666666666666666)
    """
    printed = [c for c in text if c not in _NOT_COUNTED and not c.isspace()]
    if len(printed) < 10:
        return None
    return sum(c.isalnum() for c in printed) / len(printed)


_NOT_COUNTED = frozenset(".,:;·…-–—_()[]/'\"’“” \t")


def _box(word: dict) -> Box:
    return (word["x0"], word["top"], word["x1"], word["bottom"])


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _on(word: dict, box: Box, margin: float = 0.0) -> bool:
    """The centre of `word` lies in `box` (grown by `margin`)."""
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return box[0] - margin <= cx <= box[2] + margin and box[1] - margin <= cy <= box[3] + margin


def ocr_clip(words: list[dict], boxes: list[Box], width: float, height: float) -> Box | None:
    """The part of a picture page that OCR reads: its images, with a margin (a heading may begin
    left of a picture), or the whole page (None) when its text layer is garbled."""
    if garbled(words):
        return None
    dx, dy = 0.05 * width, 0.05 * height
    return (max(0.0, min(b[0] for b in boxes) - dx), max(0.0, min(b[1] for b in boxes) - dy),
            min(width, max(b[2] for b in boxes) + dx), min(height, max(b[3] for b in boxes) + dy))


def missing_tesseract() -> str:
    """Why OCR cannot run here, or "" when it can."""
    import pytesseract

    command = pytesseract.pytesseract.tesseract_cmd
    if shutil.which(command) is None:
        return (f"--ocr needs the '{command}' program, which is not installed: "
                "install the Debian package tesseract-ocr (apt-get install tesseract-ocr, "
                "or `sudo make sys-deps`), or run without --ocr")
    return ""


def ocr_words(page, *, dpi: int = 300, lang: str = "eng", clip: Box | None = None
              ) -> list[dict]:
    """Words of a pypdfium2 `page` read by Tesseract, as pdfplumber's `extract_words` returns them.

    Boxes are in PDF points from the page's top-left. Words on one Tesseract line share its top
    and bottom, `size` is estimated from the line's height and the letters in it (then snapped
    to the page's common sizes so paragraphs still group), and `fontname` is "OCR". Words with
    a confidence below MIN_CONFIDENCE are dropped. With `clip` (a box in points), only that
    part of the page is read.
    """
    area = float(page.get_width()) * float(page.get_height())
    scale = min(dpi / 72.0, (MAX_PIXELS / max(area, 1.0)) ** 0.5)
    image = page.render(scale=scale, grayscale=True).to_pil()
    dx = dy = 0.0
    if clip is not None:
        x0, top, x1, bottom = (round(v * scale) for v in clip)
        image = image.crop((x0, top, x1, bottom))
        dx, dy = x0 / scale, top / scale
    return image_words(image, scale=scale, offset=(dx, dy), lang=lang)


def image_words(image, *, scale: float, offset: tuple[float, float] = (0.0, 0.0),
                lang: str = "eng") -> list[dict]:
    """Words of a PIL `image` read by Tesseract, in points (`scale` pixels per point, the
    image's top-left at `offset` points), as `ocr_words` describes them."""
    import pytesseract

    # Tesseract's OpenMP threads fight the worker pool for the same cores.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    dx, dy = offset
    data = pytesseract.image_to_data(
        image, lang=lang, config="--psm 3", output_type=pytesseract.Output.DICT
    )
    lines: dict[tuple, list[dict]] = defaultdict(list)
    for i, text in enumerate(data["text"]):
        text = clean_ocr_word(text)
        confidence = float(data["conf"][i])
        if not text or confidence < MIN_CONFIDENCE and not (
                confidence >= MIN_WORD_CONFIDENCE and _WORDLIKE_RE.match(text)):
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        left, top = data["left"][i] / scale + dx, data["top"][i] / scale + dy
        lines[key].append({
            "text": text, "x0": left, "x1": left + data["width"][i] / scale,
            "top": top, "bottom": top + data["height"][i] / scale,
        })
    # One size for the lines of one Tesseract paragraph (the median of their estimates): an
    # estimate that differs by a point from line to line must not cut an author list in two.
    estimates: dict[tuple, list[float]] = defaultdict(list)
    for key, line in lines.items():
        estimates[key[:2]].append(_em_size(line))
    words: list[dict] = []
    line_sizes: Counter[float] = Counter()
    for key, line in lines.items():
        top = min(w["top"] for w in line)
        bottom = max(w["bottom"] for w in line)
        size = round(statistics.median(estimates[key[:2]]) * 2) / 2
        for w in line:
            w.update(top=top, bottom=bottom, size=size, fontname=FONTNAME, upright=True)
            line_sizes[size] += len(w["text"])
        words.extend(line)
    snapped = _snap_sizes(line_sizes)
    for w in words:
        w["size"] = snapped[w["size"]]
    return sorted(words, key=lambda w: (w["top"], w["x0"]))


def clean_ocr_word(text: str) -> str:
    """A word as Tesseract read it, without the marks it makes of a superscript at its end.

    >>> [clean_ocr_word(w) for w in ["Lee!',", "Chen'", "Diaz?", "(MIT)", "Duke)", "3D"]]
    ['Lee,', 'Chen', 'Diaz', '(MIT)', 'Duke)', '3D']
    """
    return _SUPERSCRIPT_RE.sub("", (text or "").strip())


def _em_size(line: list[dict]) -> float:
    """Font size of a line from each word's ink height and which letters it holds."""
    estimates = []
    for w in line:
        chars = set(w["text"])
        em = (0.72 if chars & _TALL else 0.53) + (0.22 if chars & _DESCENDING else 0.0)
        estimates.append((w["bottom"] - w["top"]) / em)
    return max(1.0, statistics.median(estimates))


def _snap_sizes(sizes: Counter[float]) -> dict[float, float]:
    """Map each size to a more common one within 12%: OCR jitter must not split paragraphs."""
    out: dict[float, float] = {}
    common: list[float] = []
    for size, _ in sizes.most_common():
        near = [c for c in common if abs(c - size) <= 0.12 * c]
        if near:
            out[size] = near[0]
        else:
            common.append(size)
            out[size] = size
    return out
