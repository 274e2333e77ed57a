"""Pictures of text (issue 23): the thresholds that tell them, OCR's yield on packets, its cost.

    python benchmarks/ocr.py --out benchmarks/OCR.md

1. Thresholds. For every page of the corpus's program PDFs: how much of it images cover and how
   many words its text layer holds. Built-on pages chose the thresholds; held-out pages are only
   counted (a page of text the rule calls a picture would be a false flag).
2. Yield. Packets made from real pages (`tests/picture_packets.py`: each page rendered at 200 dpi
   under a one-line text header) read with `--ocr`, against the same pages' text layer. The
   development packets are built-on pages; the held-out ones are from associations the code was
   not built on (benchmarks/HELDOUT.md).
3. Cost. Every program PDF of the corpus read with OCR off and on: the pages sent to OCR and the
   time, so that a text PDF is seen to cost no more with `--ocr`.
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from picture_packets import picture_packet, read, score, text_pages  # noqa: E402

from extractors.ocr import (  # noqa: E402
    LOGO_WALL,
    LOGO_WALL_COVERAGE,
    PICTURE_COVERAGE,
    PICTURE_MAX_WORDS,
    covered_share,
    pdfium_image_boxes,
    picture_of_text,
)

CORPUS = ROOT.parent / "shared" / "corpus" / "raw"
HELD_OUT = {"3dv", "apbc", "balkan-archaeology", "enhancer", "hkkc", "ieee-aicas", "ieee-vr",
            "ikcu-ftr", "kyushu-clinphy", "lsk", "pycon-uk", "siam-siagla", "vssup"}
DEVELOPMENT = [
    ("sigcse/2016/SIGCSE2016-Preliminary-Program.pdf", [10, 20, 30]),
    ("sigcse/2017/sigcse2017-program.pdf", [12, 13]),
    ("acl/2014/acl2014-handbook.pdf", [40, 61]),
    ("jurix/2018/program.pdf", [8]),
    ("un-ggim/2020/programme.pdf", [4]),
    ("householder/2025/schedule.pdf", [5]),
    ("3d-bioinfo-pt/2023/3DBIOINFOPT_Meeting23_Program.pdf", [1]),
    ("apsig/2026/program.pdf", [1]),
    ("ieee-ppps/2019/TechnicalProgram-20190516.pdf", [5, 20]),
    ("iftr/2022/program.pdf", [1, 2]),
    ("sigcse/2014/SIGCSE_2014_Draft_Program.pdf", [5]),
]
HELD_OUT_PACKETS = [
    ("apbc/2018/APBC2018_program_v5.pdf", [2, 3]),
    ("balkan-archaeology/2016/programme.pdf", [4, 5]),
    ("vssup/2014/programme.pdf", [1, 2]),
    ("vssup/2012/programme.pdf", [1, 2]),
]


def association(path: Path) -> str:
    return path.relative_to(CORPUS).parts[0]


def page_stats(pdfs: list[Path]) -> list[tuple[str, int, int, float, bool]]:
    """(source path, page, text-layer words, image coverage, picture of text) of every page."""
    import pypdfium2 as pdfium

    from extractors.pdf_fast import page_words

    rows = []
    for path in pdfs:
        pdf = pdfium.PdfDocument(str(path))
        try:
            for n in range(len(pdf)):
                page = pdf[n]
                size = float(page.get_width()), float(page.get_height())
                boxes, words = pdfium_image_boxes(page), len(page_words(page))
                rows.append((str(path.relative_to(CORPUS)), n + 1, words,
                             covered_share(boxes, *size),
                             words > 0 and picture_of_text(words, boxes, *size)))
        finally:
            pdf.close()
    return rows


def thresholds_section(pdfs: list[Path]) -> list[str]:
    built = [p for p in pdfs if association(p) not in HELD_OUT]
    held = [p for p in pdfs if association(p) in HELD_OUT]
    out = ["## 1. Thresholds", "",
           f"Rule: the text layer holds fewer than {PICTURE_MAX_WORDS} words (and at least "
           f"one), and images cover at least {PICTURE_COVERAGE:.0%} of the page, or at least "
           f"{LOGO_WALL} logos cover {LOGO_WALL_COVERAGE:.0%} of it (a wall of logos).", ""]
    for label, files in (("built-on (chose the thresholds)", built), ("held-out", held)):
        rows = page_stats(files)
        mostly = [r for r in rows if r[3] >= PICTURE_COVERAGE]
        few = sorted(r[2] for r in mostly if r[2] < PICTURE_MAX_WORDS)
        many = sorted(r[2] for r in mostly if r[2] >= PICTURE_MAX_WORDS)
        flagged = [r for r in rows if r[4]]
        out += [f"**{label}**: {len(files)} PDFs, {len(rows)} pages; {len(mostly)} pages at "
                f"least {PICTURE_COVERAGE:.0%} images.", "",
                f"- words on those pages below the threshold: {few or 'none'}",
                f"- at or above it (text over a background picture): {many or 'none'}",
                f"- flagged as pictures of text (logo walls too): {len(flagged)}", ""]
        out += ["| page | words | images cover |", "|---|---|---|"]
        out += [f"| {r[0]} p{r[1]} | {r[2]} | {r[3]:.2f} |" for r in flagged]
        out.append("")
    return out


def yield_section(label: str, packets, workdir: Path) -> tuple[list[str], dict]:
    out = [f"### {label}", "",
           "| document | pages | people (text layer) | found by OCR | same role | extra | OCR s |",
           "|---|---|---|---|---|---|---|"]
    total = {"people": 0, "found": 0, "same_role": 0, "extra": 0, "seconds": 0.0}
    for source, pages in packets:
        src = CORPUS / source
        stem = source.replace("/", "_")
        truth = read(text_pages(src, pages, workdir / f"{stem}.text.pdf"), ocr=False)
        packet = picture_packet(src, pages, workdir / f"{stem}.packet.pdf")
        start = time.perf_counter()
        found = read(packet, ocr=True)
        seconds = time.perf_counter() - start
        s = score(truth, found)
        for key in ("people", "found", "same_role", "extra"):
            total[key] += s[key]
        total["seconds"] += seconds
        out.append(f"| {source} | {','.join(map(str, pages))} | {s['people']} | {s['found']} | "
                   f"{s['same_role']} | {s['extra']} | {seconds:.1f} |")
    people = total["people"] or 1
    out += ["", f"People found by OCR: **{total['found'] / people:.3f}** of those of the text "
            f"layer; with the same role: **{total['same_role'] / people:.3f}** "
            f"({total['people']} people, {total['extra']} extra, "
            f"{total['seconds']:.1f} s of reading).", ""]
    return out, total


def cost_section(pdfs: list[Path]) -> list[str]:
    from extractors.program_pdf import ProgramPdf

    rows, off_total, on_total, sent = [], 0.0, 0.0, 0
    for path in pdfs:
        start = time.perf_counter()
        ProgramPdf(ocr=False).extract(path)
        off = time.perf_counter() - start
        start = time.perf_counter()
        on = ProgramPdf(ocr=True).extract(path)
        seconds = time.perf_counter() - start
        pages = on.message.split(" pages read by OCR")[0].split(";")[-1].strip() \
            if "read by OCR" in on.message else "0"
        off_total, on_total = off_total + off, on_total + seconds
        sent += int(pages.split(" of ")[0])
        rows.append(f"| {path.relative_to(CORPUS)} | {on.pages} | {pages} | {off:.2f} | "
                    f"{seconds:.2f} |")
    return ["## 3. Cost: every program PDF of the corpus, OCR off and on", "",
            f"{len(pdfs)} PDFs; {sent} pages sent to OCR; reading took {off_total:.1f} s "
            f"without OCR and {on_total:.1f} s with it.", "",
            "| document | pages | pages read by OCR | s, off | s, on |", "|---|---|---|---|---|",
            *rows, ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--skip-cost", action="store_true")
    parser.add_argument("--development-only", action="store_true",
                        help="score the development packets only (while building)")
    args = parser.parse_args()
    pdfs = sorted(CORPUS.rglob("*.pdf"))
    lines = ["# OCR of pictures of text (issue 23)", "",
             f"Generated by `benchmarks/ocr.py` on {platform.platform()}, Python "
             f"{platform.python_version()}.", ""]
    lines += thresholds_section(pdfs)
    lines += ["## 2. Yield on packets of pictures under text headers", "",
              "Goals: people found by OCR >= 0.90 of those found on the text-layer originals, "
              "with the same roles >= 0.85.", ""]
    with tempfile.TemporaryDirectory() as tmp:
        sets = [("Development (built-on pages)", DEVELOPMENT)]
        if not args.development_only:
            sets.append(("Held-out (scored after building)", HELD_OUT_PACKETS))
        for label, packets in sets:
            section, _ = yield_section(label, packets, Path(tmp))
            lines += section
    if not args.skip_cost:
        lines += cost_section(pdfs)
    text = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
