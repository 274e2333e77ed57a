"""Pictures saved in place of a program (a flyer, a screenshot, a photographed agenda), read by OCR
under --ocr."""

from __future__ import annotations

from pathlib import Path

from extractors.ocr import MAX_PIXELS, image_words, missing_tesseract
from extractors.pdf_layout import running_lines, words_to_lines
from extractors.registry import Extraction, extension_mismatch, image_kind, register
from pipeline.errors import ExtractionError
from pipeline.tables import ReadOptions

# Pixels per point when the file does not say its resolution: what screenshots and exported
# flyers most often are (96 dpi); only the ratio of sizes matters to the layout code.
DEFAULT_DPI = 96.0
# Tesseract reads type best at 10-12 pixels per x-height: an image drawn coarser than this is
# enlarged before OCR.
MIN_OCR_DPI = 200.0
MAX_FRAMES = 50  # pages of a multi-page TIFF or GIF read at most


def _limit_pixels() -> None:
    """PIL refuses images past this many pixels (a decompression bomb) before decoding them."""
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = 4 * MAX_PIXELS


@register("image_file")
class ImageFile:
    version = "1"
    priority = 45
    takes_options = True
    reads = ("pictures of a program: PNG, JPEG, GIF, TIFF, WebP images (a flyer, a "
             "screenshot), read by OCR with --ocr")

    def __init__(self, options: ReadOptions = ReadOptions(), *, ocr: bool | None = None):
        self.ocr = options.ocr if ocr is None else ocr

    def matches(self, path: Path, head: bytes) -> bool:
        return bool(image_kind(head))

    def extract(self, path: Path, *, pages: list[int] | None = None) -> Extraction:
        from PIL import Image, ImageOps, UnidentifiedImageError

        with open(path, "rb") as fh:
            head = fh.read(16)
        kind = image_kind(head) or "image"
        if self.ocr:
            reason = missing_tesseract()
            if reason:
                raise ExtractionError(path, reason)
        _limit_pixels()
        frames = []
        try:
            with Image.open(path) as image:
                if not self.ocr:
                    image.verify()  # a damaged file is said now, not after a run with --ocr
                    return Extraction([], pages=1, status="scanned",
                                      message=f"a {kind} image, not a document with text: "
                                              "run with --ocr to read it")
                for n in range(min(getattr(image, "n_frames", 1), MAX_FRAMES)):
                    image.seek(n)
                    frame = ImageOps.exif_transpose(image).convert("L")
                    frames.append(_page(frame, image.info.get("dpi")))
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError,
                Image.DecompressionBombError) as e:
            raise ExtractionError(path, "; ".join(filter(None, [
                extension_mismatch(path, head),
                f"a {kind} image that cannot be read: the file is damaged or cut short"
                + ("" if isinstance(e, UnidentifiedImageError) else f" ({e})")]))) from e
        from extractors.program_pdf import _to_extraction

        lines = {n: words_to_lines(words) for n, (words, _) in enumerate(frames, 1)}
        heights = {n: height for n, (_, height) in enumerate(frames, 1)}
        no_text = [n for n, page in lines.items() if not page]
        running = running_lines(list(lines.values()), list(heights.values())) \
            if len(lines) > 2 else set()
        read = [n for n in lines if n not in no_text]
        extraction = _to_extraction(lines, heights, running, no_text, len(lines), ocred=read)
        if not read:
            extraction.status = "scanned"
            extraction.message = f"a {kind} image: OCR found no text in it"
        return extraction


def _page(image, dpi) -> tuple[list[dict], float]:
    """Tesseract's words of one frame, in points, and the frame's height in points."""
    try:
        dpi = float(dpi[0]) if dpi else DEFAULT_DPI
    except (TypeError, ValueError, IndexError):
        dpi = DEFAULT_DPI
    dpi = dpi if 30 <= dpi <= 2400 else DEFAULT_DPI
    scale = dpi / 72.0  # pixels per point
    if dpi < MIN_OCR_DPI and image.width * image.height * (MIN_OCR_DPI / dpi) ** 2 <= MAX_PIXELS:
        factor = MIN_OCR_DPI / dpi
        image = image.resize((round(image.width * factor), round(image.height * factor)))
        scale *= factor
    elif image.width * image.height > MAX_PIXELS:
        factor = (MAX_PIXELS / (image.width * image.height)) ** 0.5
        image = image.resize((round(image.width * factor), round(image.height * factor)))
        scale *= factor
    return image_words(image, scale=scale), image.height / scale
