"""The fast PDF path (pypdfium2) gives the words pdfplumber gives, at a fraction of the cost."""

from __future__ import annotations

import pdfplumber
import pytest

from extractors.pdf_fast import open_pdf, page_words

PAGES = [
    ("sigcse/2022/program.pdf", 20),
    ("sigcse/2016/SIGCSE2016-Preliminary-Program.pdf", 11),
    ("sigcse/2017/sigcse2017-program.pdf", 20),
    ("mzv-workshop/2024/program.pdf", 6),
]


def _normalized(words: list[dict]) -> list[str]:
    # pdfplumber splits a trailing ";" or "," into a word of its own where the fast path keeps
    # it on its word; compare the letters.
    text = " ".join(w["text"] for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])))
    text = text.replace(" ;", ";").replace(" ,", ",").replace("（", " （").replace("）", "） ")
    # Broken font encodings (an ad on SIGCSE 2017 p.20) are garbage on both paths: compare the
    # readable ASCII words only.
    return sorted(w for w in text.split() if w.isascii() and "(cid:" not in w)


@pytest.mark.parametrize(("source", "page"), PAGES)
def test_pdf_fast_words_match_pdfplumber(raw_corpus, source, page):
    path = raw_corpus / source
    fast = page_words(open_pdf(path)[page - 1])
    with pdfplumber.open(path) as pdf:
        careful = pdf.pages[page - 1].extract_words(
            x_tolerance=1.5, extra_attrs=["fontname", "size"]
        )

    fast_words, careful_words = _normalized(fast), _normalized(careful)
    common = len(set(fast_words) & set(careful_words))
    assert common >= 0.95 * len(set(careful_words)), (source, page)
    for word in fast:
        assert word["x0"] <= word["x1"] and word["top"] <= word["bottom"]
        assert word["size"] > 0


def test_pdf_fast_sizes_and_fonts_agree(raw_corpus):
    path = raw_corpus / "sigcse/2022/program.pdf"
    def key(w):
        return w["text"], round(w["x0"]), round(w["bottom"] / 4)

    fast = {key(w): w for w in page_words(open_pdf(path)[19])}
    with pdfplumber.open(path) as pdf:
        careful = pdf.pages[19].extract_words(x_tolerance=1.5, extra_attrs=["fontname", "size"])
    matched = [(fast[key(w)], w) for w in careful if key(w) in fast]

    assert len(matched) > 300
    for f, c in matched:
        assert abs(f["size"] - c["size"]) < 0.2
        assert c["fontname"].endswith(f["fontname"])  # pdfplumber keeps the subset prefix
        assert abs(f["bottom"] - c["bottom"]) < 1.5


def test_pdf_fast_rejoins_hyphen_marker(raw_corpus):
    words = page_words(open_pdf(raw_corpus / "acl/2014/acl2014-handbook.pdf")[30])
    assert "ap-" in {w["text"] for w in words}


PATH_PAGES = [
    ("sigcse/2022/program.pdf", range(15, 31)),
    ("acl/2014/acl2014-handbook.pdf", range(25, 45)),
    ("sigcse/2016/SIGCSE2016-Preliminary-Program.pdf", range(1, 21)),
    ("mzv-workshop/2024/program.pdf", range(1, 26)),
]


@pytest.mark.parametrize(("source", "pages"), PATH_PAGES)
def test_pdf_fast_and_careful_paths_find_the_same_people(raw_corpus, nlp, source, pages):
    from extractors.program_pdf import ProgramPdf
    from pipeline.stages.recognize import find_appearances

    found = {}
    for careful in (False, True):
        extraction = ProgramPdf(careful=careful).extract(raw_corpus / source, pages=list(pages))
        found[careful] = {(a.page, a.role, a.person_name, a.org_name)
                          for a in find_appearances(extraction.blocks, nlp=nlp)}

    fast, careful = found[False], found[True]
    assert len(careful) >= 40
    assert len(fast & careful) / len(fast | careful) >= 0.97, sorted(fast ^ careful)[:20]


def test_pdf_fast_joins_tex_accents_to_their_letters(raw_corpus):
    # TeX prints `\v{c}` as a spacing caron and then the letter, and pdfium infers a space
    # before the accent: the names come out whole and precomposed.
    words = {w["text"] for w in page_words(open_pdf(raw_corpus / "acl/2014/acl2014-handbook.pdf")[131])}
    assert {"Ondřej", "Hajič,", "Hlaváčová,", "Zdeňka"} <= words
    assert not any("ˇ" in w for w in words)


def test_pdf_fast_joins_accent_printed_after_its_letter(raw_corpus):
    # Another producer prints the cedilla after its letter; the one below it takes it.
    words = {w["text"] for w in page_words(open_pdf(raw_corpus / "sigcse/2015/sigcse2015-programme.pdf")[33])}
    assert "Yeşem" in words


def test_pdf_fast_splits_words_where_the_font_changes(raw_corpus):
    # A `CANCELED` stamp printed against a speaker's name is a word of its own, as
    # pdfplumber's extract_words(extra_attrs=["fontname", "size"]) has it.
    pdf = open_pdf(raw_corpus / "sigcse/2015/sigcse2015-programme.pdf")
    words = [w["text"] for page in (11, 26) for w in page_words(pdf[page])]
    assert "CANCELED" in words
    assert not any(w.startswith("CANCELED") and w != "CANCELED" for w in words)
