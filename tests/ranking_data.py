"""Hand-built appearances for the graph, rank, shortlist and CLI tests (issue 6)."""

from __future__ import annotations

import pandas as pd

from pipeline.stages.resolve import resolve

COLUMNS = ("doc_id", "source_path", "page", "role", "person_name", "org_name", "title",
           "session", "award", "sponsor_tier", "booth", "association", "event", "year",
           "industry", "profession")


def row(name: str, role: str, assoc: str, year: int, *, org: str = "", session: str = "",
        award: str = "", page: int | None = 1, tier: str = "", industry: str = "",
        profession: str = "", title: str = "") -> dict:
    return dict(doc_id=f"{assoc}{year}", source_path=f"{assoc}/{year}/program.pdf", page=page,
                role=role, person_name=name, org_name=org, title=title, session=session,
                award=award, sponsor_tier=tier, booth="", association=assoc, event="",
                year=year, industry=industry, profession=profession)


def appearances_table(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    for col in frame.columns:
        if col not in ("page", "year"):
            frame[col] = frame[col].fillna("").astype(str)
    frame["appearance_id"] = [f"a{i}" for i in range(len(frame))]
    frame["method"], frame["snippet"] = "test", ""
    frame["page"] = pd.to_numeric(frame["page"]).astype("Int64")
    frame["year"] = pd.to_numeric(frame["year"]).astype("Int64")
    return frame


def sample_rows() -> list[dict]:
    """Ann: keynote/chair at acm three years and an award; Bo: acm and ieee; Cy: once; a vendor
    (Acme) sponsoring twice with its employee Dee; FOSDEM Staff hosting welcome sessions."""
    return [
        row("Ann Lee", "keynote", "acm", 2022, org="Duke University", session="Keynote"),
        row("Ann Lee", "chair", "acm", 2021, org="Duke University",
            session="Mentoring new faculty"),
        row("Ann Lee", "chair", "acm", 2020, org="Duke University", session="Careers in CS"),
        row("Ann Lee", "award_recipient", "acm", 2019, award="Outstanding Contribution",
            page=None),
        row("Bo Chen", "speaker", "acm", 2021, org="Rice University", session="Careers in CS"),
        row("Bo Chen", "panelist", "ieee", 2022, org="Rice University",
            session="Machine learning panel"),
        row("Cy Diaz", "speaker", "ieee", 2022, org="Rice University",
            session="Machine learning panel"),
        row("Dee Fox", "speaker", "acm", 2021, org="Acme Consulting", session="Tools"),
        row("Dee Fox", "speaker", "acm", 2022, org="Acme Consulting", session="Tools"),
        row("", "sponsor", "acm", 2021, org="Acme Consulting", tier="Gold"),
        row("", "sponsor", "acm", 2022, org="Acme Consulting", tier="Gold"),
        row("", "exhibitor", "acm", 2022, org="Widget Co"),
        row("FOSDEM Staff", "keynote", "acm", 2020, session="Welcome to ACM"),
        row("FOSDEM Staff", "keynote", "acm", 2021, session="Welcome to ACM"),
        row("FOSDEM Staff", "keynote", "acm", 2022, session="Closing remarks"),
        row("Eve Gold", "keynote", "acm", 2022, session="Welcome and opening remarks"),
        row("Eve Gold", "keynote", "acm", 2021, session="Welcome and opening remarks"),
    ]


def resolved(rows: list[dict] | None = None):
    return resolve(appearances_table(rows if rows is not None else sample_rows()))
