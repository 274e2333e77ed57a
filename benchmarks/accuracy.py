"""Accuracy of the program-PDF extractor + recognize against ground truth (issue 3).

    python benchmarks/accuracy.py --out benchmarks/ACCURACY.md
    python benchmarks/accuracy.py --only sigcse-2022 -v      # one document, list misses

Truth files live in ../shared/corpus/truth (see its README); golden pages, labelled by hand,
in tests/golden/<doc-slug>.p<N>.appearances.csv. Recall counts only the truth people whose
name is printed in the PDF's text layer (pypdfium2 text, independent of our extractor).
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
import time
from dataclasses import asdict
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.views import evaluate as ev  # noqa: E402
from pipeline.views import truth  # noqa: E402

CORPUS = Path(os.environ.get("MENTOR_MINER_CORPUS", ROOT.parent / "shared" / "corpus"))
GOLDEN = ROOT / "tests" / "golden"

# slug -> (pdf, [(truth file, loader, kind)])
DOCUMENTS = {
    "sigcse-2022": ("sigcse/2022/program.pdf", [
        ("sigcse/2022/program2.yml", truth.load_sigcse_program, "people"),
        ("sigcse/2022/supporters.yml", truth.load_sponsor_tiers, "orgs"),
    ]),
    "sigcse-2017": ("sigcse/2017/sigcse2017-program.pdf", [
        ("sigcse/2017/workshops.yml", truth.load_sigcse_workshops, "people"),
        ("sigcse/2017/supporter-sessions.yml", truth.load_sigcse_workshops, "people"),
        ("sigcse/2017/supporters.yml", truth.load_sponsor_tiers, "orgs"),
    ]),
    "sigcse-2016": ("sigcse/2016/SIGCSE2016-Preliminary-Program.pdf", [
        ("sigcse/2016/workshops.yaml", truth.load_sigcse_workshops, "people"),
        ("sigcse/2016/sponsors.yml", truth.load_sponsor_tiers, "orgs"),
        ("sigcse/2016/exhibitors.yml", truth.load_exhibitor_list, "orgs"),
    ]),
    "acl-2014": ("acl/2014/acl2014-handbook.pdf", [
        ("acl/2014/papers.bib", truth.load_bib_authors, "people"),
    ]),
    "acl-2016": ("acl/2016/acl2016-handbook.pdf", [
        ("acl/2016/papers.bib", truth.load_bib_authors, "people"),
    ]),
    "acl-2024": ("acl/2024/ACL_Handbook.pdf", [
        ("acl/2024/keynotes.md", truth.load_acl_keynotes, "people"),
        ("acl/2024/panel.md", truth.load_acl_panel, "people"),
        ("acl/2024/sponsors.md", truth.load_acl_sponsors, "orgs"),
    ]),
}
# Golden file slug -> PDF (relative to corpus raw/)
GOLDEN_PDFS = {slug: pdf for slug, (pdf, _) in DOCUMENTS.items()} | {
    "sigcse-2015": "sigcse/2015/sigcse2015-programme.pdf",
    "sigcse-2014": "sigcse/2014/SIGCSE_2014_Draft_Program.pdf",
    "mzv-2024": "mzv-workshop/2024/program.pdf",
    # Pages of the programs added on 2026-12-02, labelled by someone who did not build
    # (tests/golden/PAGES_NOTES.md); six of them from held-out associations.
    "apbc-2018": "apbc/2018/APBC2018_program_v5.pdf",
    "balkan-archaeology-2016": "balkan-archaeology/2016/programme.pdf",
    "hkkc-2016": "hkkc/2016/Program_HKKC2016.pdf",
    "ikcu-ftr-2024": "ikcu-ftr/2024/Program.pdf",
    "lsk-2025": "lsk/2025/program.pdf",
    "vssup-2014": "vssup/2014/programme.pdf",
    "3d-bioinfo-pt-2023": "3d-bioinfo-pt/2023/3DBIOINFOPT_Meeting23_Program.pdf",
    "apsig-2026": "apsig/2026/program.pdf",
    "householder-2025": "householder/2025/schedule.pdf",
    "iftr-2022": "iftr/2022/program.pdf",
    "jurix-2018": "jurix/2018/program.pdf",
    "un-ggim-2020": "un-ggim/2020/programme.pdf",
}


def recognize_pdf(path: Path, *, pages: list[int] | None = None, nlp=None) -> pd.DataFrame:
    """Appearances of one PDF (or some of its pages) as a DataFrame."""
    from extractors.program_pdf import ProgramPdf
    from pipeline.stages.recognize import find_appearances

    extraction = ProgramPdf().extract(path, pages=pages)
    found = find_appearances(extraction.blocks, nlp=nlp)
    columns = ["page", "role", "person_name", "org_name", "title", "session", "sponsor_tier",
               "booth", "method", "snippet"]
    return pd.DataFrame([asdict(a) for a in found], columns=None).reindex(columns=columns)


def pdf_text(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def _fmt(x) -> str:
    return "–" if x is None else f"{x:.3f}"


def run_documents(slugs, nlp, verbose: bool) -> list[str]:
    rows = ["| document | truth people | printed | predicted (distinct) | matched | recall "
            "| precision vs truth (lower bound) | role correct | affiliation correct "
            "| orgs printed | org recall | tier correct | booth found | seconds |",
            "|---|" + "---|" * 13]
    for slug in slugs:
        pdf_rel, truths = DOCUMENTS[slug]
        path = CORPUS / "raw" / pdf_rel
        started = time.time()
        appearances = recognize_pdf(path, nlp=nlp)
        seconds = time.time() - started
        text = pdf_text(path)
        people = [p for rel, load, kind in truths if kind == "people"
                  for p in load((CORPUS / "truth" / rel).read_text(encoding="utf-8"))]
        orgs = [o for rel, load, kind in truths if kind == "orgs"
                for o in load((CORPUS / "truth" / rel).read_text(encoding="utf-8"))]
        person = ev.score_people(appearances, people, text)
        org = ev.score_orgs(appearances, orgs, text) if orgs else ev.OrgScore()
        rows.append(
            f"| {slug} | {person.n_truth} | {person.n_printed} | {person.n_predicted} "
            f"| {person.n_matched} | {_fmt(person.recall)} | {_fmt(person.precision)} "
            f"| {_fmt(person.role_correct)} | {_fmt(person.affiliation_correct)} "
            f"| {org.n_printed if orgs else '–'} | {_fmt(org.recall)} | {_fmt(org.tier_correct)} "
            f"| {_fmt(org.booth_found)} | {seconds:.0f} |"
        )
        logging.info("%s: %s", slug, rows[-1])
        if verbose:
            logging.info("missed people (%d): %s", len(person.missed), person.missed[:80])
            logging.info("missed orgs: %s", org.missed)
            logging.info("wrong role (%d): %s", len(person.wrong_role), person.wrong_role[:40])
    return rows


# Associations held out while building (benchmarks/HELDOUT.md); a golden slug starts with one.
HELDOUT = ("3dv", "apbc", "balkan-archaeology", "enhancer", "hkkc", "ieee-aicas", "ieee-vr",
           "ikcu-ftr", "kyushu-clinphy", "lsk", "pycon-uk", "siam-siagla", "vssup")
# Associations added to the corpus on 2026-12-02 and built on (the rest of the new half).
BUILT_ON_NEW = ("3d-bioinfo-pt", "acp", "apsig", "bioconductor", "good-open-ondemand",
                "householder", "ieee-ppps", "iftr", "jurix", "leap-digital-health", "lswt",
                "research-parasite-award", "un-ggim")


def golden_half(slug: str) -> str:
    if slug.startswith(HELDOUT):
        return "held-out"
    return "built-on (new)" if slug.startswith(BUILT_ON_NEW) else "built-on (old)"


def naive_baseline(path: Path, page: int, nlp) -> pd.DataFrame:
    """The baseline of issue 17: pdfplumber's text of the page and the same spaCy model on
    every line, every PERSON a speaker, no rules at all."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        text = pdf.pages[page - 1].extract_text() or ""
    lines = [line for line in text.splitlines() if line.strip()]
    names = [ent.text for doc in nlp.pipe(lines) for ent in doc.ents if ent.label_ == "PERSON"]
    return pd.DataFrame({"page": page, "role": "speaker", "person_name": names,
                         "org_name": "", "title": ""})


def run_golden(nlp, verbose: bool) -> list[str]:
    rows = ["| golden page | half | labelled people | predicted | precision | recall | F1 "
            "| role F1 | affiliation correct | naive baseline F1 | baseline role F1 |",
            "|---|---|---|---|---|---|---|---|---|---|---|"]
    totals: dict[str, dict[str, float]] = {}
    for file in sorted(GOLDEN.glob("*.p*.appearances.csv")):
        match = re.match(r"(?P<slug>.+)\.p(?P<page>\d+)\.appearances\.csv$", file.name)
        if not match or match["slug"] not in GOLDEN_PDFS:
            continue
        golden = pd.read_csv(file, dtype=str, keep_default_na=False)
        path = CORPUS / "raw" / GOLDEN_PDFS[match["slug"]]
        page = int(match["page"])
        predicted = recognize_pdf(path, pages=[page], nlp=nlp)
        score = ev.score_golden(predicted.fillna(""), golden)
        base = ev.score_golden(naive_baseline(path, page, nlp), golden)
        half = golden_half(match["slug"])
        association = match["slug"].rsplit("-", 1)[0]
        for key in (half, "all", f"{association} ({half})"):
            t = totals.setdefault(key, {"tp": 0, "pred": 0, "truth": 0, "btp": 0, "bpred": 0,
                                        "role": 0.0, "brole": 0.0, "pages": 0})
            t["tp"] += score.n_matched
            t["pred"] += score.n_predicted
            t["truth"] += score.n_truth
            t["btp"] += base.n_matched
            t["bpred"] += base.n_predicted
            t["role"] += score.role_f1 or 0
            t["brole"] += base.role_f1 or 0
            t["pages"] += 1
        rows.append(
            f"| {match['slug']} p{match['page']} | {half} | {score.n_truth} | {score.n_predicted} "
            f"| {_fmt(score.precision)} | {_fmt(score.recall)} | {_fmt(score.f1)} "
            f"| {_fmt(score.role_f1)} | {_fmt(score.affiliation_correct)} | {_fmt(base.f1)} "
            f"| {_fmt(base.role_f1)} |"
        )
        logging.info("%s", rows[-1])
        if verbose:
            logging.info("  missed %s spurious %s", score.missed, score.spurious)
    halves = ("built-on (old)", "built-on (new)", "held-out", "all")
    associations = sorted(key for key in totals if key not in halves)
    for key in (*halves, *associations):
        t = totals.get(key)
        if not t or not t["pred"]:
            continue
        p, r = t["tp"] / t["pred"], t["tp"] / max(1, t["truth"])
        bp, br = t["btp"] / max(1, t["bpred"]), t["btp"] / max(1, t["truth"])
        rows.append(f"| **{key}** ({t['pages']} pages) | | {t['truth']} | {t['pred']} | {_fmt(p)} "
                    f"| {_fmt(r)} | {_fmt(2 * p * r / (p + r) if p + r else 0)} "
                    f"| {_fmt(t['role'] / t['pages'])} (mean) | "
                    f"| {_fmt(2 * bp * br / (bp + br) if bp + br else 0)} "
                    f"| {_fmt(t['brole'] / t['pages'])} (mean) |")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="Write the Markdown report here.")
    parser.add_argument("--only", action="append", help="Document slug(s) to run.")
    parser.add_argument("--no-golden", action="store_true")
    parser.add_argument("--no-documents", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    for noisy in ("pdfminer", "PIL"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    from pipeline.text.nlp import load_nlp, resolve_model_name

    nlp = load_nlp()
    report = ["# Accuracy of program-PDF recognition", "",
              f"Model: `{resolve_model_name()}`. Produced by `python benchmarks/accuracy.py "
              "--out benchmarks/ACCURACY.md` (`make accuracy`).", ""]
    if not args.no_documents:
        report += ["## Documents with ground truth", "",
                   "Recall counts the truth people whose name occurs in the PDF's text. "
                   "Precision here is against a partial truth list (the ACL bib files list only "
                   "main-conference authors; committees, workshops and tutorials are not in "
                   "them), so it is a lower bound; real precision is on the golden pages below.",
                   "", *run_documents(args.only or list(DOCUMENTS), nlp, args.verbose), ""]
    if not args.no_golden:
        report += ["## Hand-labelled golden pages", "",
                   "Every person printed on the page, labelled by hand "
                   "(`tests/golden/<doc>.p<N>.appearances.csv`).", "",
                   *run_golden(nlp, args.verbose), ""]
    text = "\n".join(report)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
