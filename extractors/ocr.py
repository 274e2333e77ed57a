"""OCR of image-only PDF pages with Tesseract: pdfplumber-style words from a rendered page."""

from __future__ import annotations

import os
import shutil
import statistics
from collections import Counter, defaultdict

# Words Tesseract is less sure of than this (0-100) are noise: specks, rules, logo fragments.
MIN_CONFIDENCE = 50.0
FONTNAME = "OCR"
# A poster-sized page at 300 dpi is 150 megapixels; past this it is rendered coarser.
MAX_PIXELS = 40_000_000
# How much of the em a word's ink box spans: caps/ascenders reach ~0.72 em above the baseline,
# x-height letters ~0.53 em, descenders ~0.22 em below it.
_TALL = set("ABCDEFGHIJKLMNOPQRSTUVWXYZbdfhklt0123456789!?&%$#@/\\|[]{}()'\"")
_DESCENDING = set("gjpqy(),;[]{}|")


def ocr_requested() -> bool:
    """True when MENTOR_MINER_OCR asks for OCR (`mentor-miner run --ocr` sets it)."""
    return os.environ.get("MENTOR_MINER_OCR", "") not in ("", "0")


def missing_tesseract() -> str:
    """Why OCR cannot run here, or "" when it can."""
    import pytesseract

    command = pytesseract.pytesseract.tesseract_cmd
    if shutil.which(command) is None:
        return (f"--ocr needs the '{command}' program, which is not installed: "
                "install the Debian package tesseract-ocr (apt-get install tesseract-ocr, "
                "or `sudo make sys-deps`), or run without --ocr")
    return ""


def ocr_words(page, *, dpi: int = 300, lang: str = "eng") -> list[dict]:
    """Words of a pypdfium2 `page` read by Tesseract, as pdfplumber's `extract_words` returns them.

    Boxes are in PDF points from the page's top-left. Words on one Tesseract line share its top
    and bottom, `size` is estimated from the line's height and the letters in it (then snapped
    to the page's common sizes so paragraphs still group), and `fontname` is "OCR". Words with
    a confidence below MIN_CONFIDENCE are dropped.
    """
    import pytesseract

    # Tesseract's OpenMP threads fight the worker pool for the same cores.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    area = float(page.get_width()) * float(page.get_height())
    scale = min(dpi / 72.0, (MAX_PIXELS / max(area, 1.0)) ** 0.5)
    image = page.render(scale=scale, grayscale=True).to_pil()
    data = pytesseract.image_to_data(
        image, lang=lang, config="--psm 3", output_type=pytesseract.Output.DICT
    )
    lines: dict[tuple, list[dict]] = defaultdict(list)
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        if not text or float(data["conf"][i]) < MIN_CONFIDENCE:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        left, top = data["left"][i] / scale, data["top"][i] / scale
        lines[key].append({
            "text": text, "x0": left, "x1": left + data["width"][i] / scale,
            "top": top, "bottom": top + data["height"][i] / scale,
        })
    words: list[dict] = []
    line_sizes: Counter[float] = Counter()
    for line in lines.values():
        top = min(w["top"] for w in line)
        bottom = max(w["bottom"] for w in line)
        size = round(_em_size(line) * 2) / 2
        for w in line:
            w.update(top=top, bottom=bottom, size=size, fontname=FONTNAME, upright=True)
            line_sizes[size] += len(w["text"])
        words.extend(line)
    snapped = _snap_sizes(line_sizes)
    for w in words:
        w["size"] = snapped[w["size"]]
    return sorted(words, key=lambda w: (w["top"], w["x0"]))


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
