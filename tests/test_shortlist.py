"""Shortlist: filters, mentor types, why/evidence, outreach join, vendors, show."""

from __future__ import annotations

import pandas as pd
import pytest
from ranking_data import appearances_table, resolved, row, sample_rows

from pipeline.errors import MentorMinerError
from pipeline.stages.rank import rank_people
from pipeline.stages.shortlist import Filters, build_shortlist, mentor_types, scope_appearances
from pipeline.stages.vendors import rank_vendors
from pipeline.tables import SHORTLIST_COLUMNS
from pipeline.userfiles.weights import default_weights
from pipeline.views.show import person_report


def _shortlist(filters: Filters | None = None, outreach: pd.DataFrame | None = None, rows=None):
    appearances, people, organizations = resolved(rows)
    weights = default_weights()
    scoped = scope_appearances(appearances, filters or Filters())
    scores = rank_people(scoped, weights=weights)
    return build_shortlist(scoped, people, organizations, scores, filters=filters,
                           outreach=outreach, weights=weights)


def test_shortlist_contract_columns_first_then_scores():
    shortlist = _shortlist()

    assert list(shortlist.columns[:len(SHORTLIST_COLUMNS)]) == list(SHORTLIST_COLUMNS)
    assert [c for c in shortlist.columns if c.startswith("score_")][:2] == [
        "score_recurrence", "score_breadth"]
    assert list(shortlist["rank"]) == list(range(1, len(shortlist) + 1))


def test_shortlist_why_and_evidence():
    ann = _shortlist().set_index("name").loc["Ann Lee"]

    assert ann["why"] == ("Keynote at ACM 2022, Outstanding Contribution award 2019, "
                          "chair at ACM 2021 and 2020.")
    assert "acm/2022/program.pdf p.1" in ann["evidence"]
    assert "acm/2019/program.pdf" in ann["evidence"].split("; ")


@pytest.mark.parametrize(("filters", "expected"), [
    (Filters(association=("ieee",)), {"Bo Chen", "Cy Diaz"}),
    (Filters(since=2022), {"Ann Lee", "Bo Chen", "Cy Diaz", "Dee Fox", "Eve Gold"}),
    (Filters(role=("chair",)), {"Ann Lee"}),
    (Filters(min_events=2), {"Ann Lee", "Bo Chen", "Dee Fox", "Eve Gold"}),
    (Filters(exclude_org=("rice university",)), {"Ann Lee", "Dee Fox", "Eve Gold"}),
    (Filters(mentor_type=("vendor/consultant",)), {"Dee Fox"}),
])
def test_shortlist_filters(filters, expected):
    assert set(_shortlist(filters)["name"]) == expected


def test_shortlist_top_keeps_the_best():
    assert list(_shortlist(Filters(top=1))["name"]) == ["Ann Lee"]


def test_shortlist_since_drops_older_evidence():
    bo = _shortlist(Filters(since=2022)).set_index("name").loc["Bo Chen"]

    assert bo["years"] == "2022" and bo["n_events"] == 1


def test_mentor_types_on_hand_built_tables():
    rows = pd.DataFrame({
        "person_id": ["rec", "ven", "ind", "ind", "pro", "pro"],
        "role": ["board", "speaker", "speaker", "chair", "speaker", "speaker"],
        "association": ["a", "a", "a", "b", "a", "c"],
        "org_id": ["", "v", "", "", "", ""], "year": [2020] * 6,
        "industry": ["", "", "health", "health", "health", "finance"],
        "profession": ["", "", "", "", "nurse", "nurse"],
    })

    types = mentor_types(rows, {"v"})

    assert types["mentor_type"].to_dict() == {
        "ind": "industry-focused", "pro": "profession-focused", "rec": "recognized",
        "ven": "vendor/consultant"}
    assert types.loc["pro", "profession"] == "nurse"
    assert types.loc["ind", "industry"] == "health"


def test_shortlist_recognized_is_award_recipient():
    assert _shortlist().set_index("name").loc["Ann Lee", "mentor_type"] == "recognized"


def test_shortlist_outreach_join_and_status_filter():
    _, people, _ = resolved()
    ann = people.set_index("name").loc["Ann Lee", "person_id"]
    outreach = pd.DataFrame({"person_id": [ann], "status": ["open"],
                             "last_contact": ["2024-05-01"], "notes": ["met at ACM"]})

    shortlist = _shortlist(outreach=outreach)
    open_only = _shortlist(Filters(status=("open",)), outreach=outreach)
    never = _shortlist(Filters(status=("none",)), outreach=outreach)

    assert shortlist.set_index("name").loc["Ann Lee", "notes"] == "met at ACM"
    assert shortlist.set_index("name").loc["Bo Chen", "status"] == ""
    assert list(shortlist.columns[-3:]) == ["status", "last_contact", "notes"]
    assert list(open_only["name"]) == ["Ann Lee"]
    assert "Ann Lee" not in set(never["name"]) and len(never) == len(shortlist) - 1


def test_vendors_ranked_with_their_people():
    appearances, _, organizations = resolved()

    vendors = rank_vendors(appearances, organizations)

    top = vendors.iloc[0]
    assert top["name"] == "Acme Consulting" and top["vendor_rank"] == 1
    assert top["people"] == "Dee Fox (2)" and top["tiers"] == "Gold"
    assert pd.isna(vendors.set_index("name").loc["Duke University", "vendor_rank"])


def test_show_timeline_with_evidence_and_sponsor_history():
    appearances, people, organizations = resolved()

    report = person_report("fox, dee", appearances, people, organizations)

    assert report.startswith("Dee Fox")
    assert "acm/2021/program.pdf p.1" in report
    assert "Acme Consulting: sponsor Gold at ACM 2021; sponsor Gold at ACM 2022" in report


def test_show_unknown_and_ambiguous_names():
    appearances, people, organizations = resolved(
        [row("Ann Lee", "speaker", "acm", 2020), row("Ann Leeds", "speaker", "acm", 2021)])

    with pytest.raises(MentorMinerError, match="No person named"):
        person_report("Zed", appearances, people, organizations)
    with pytest.raises(MentorMinerError, match="2 people match"):
        person_report("ann", appearances, people, organizations)


def test_shortlist_empty_scores():
    appearances, people, organizations = resolved([row("", "sponsor", "acm", 2020, org="X")])

    shortlist = build_shortlist(appearances, people, organizations,
                                rank_people(appearances, weights=default_weights()))

    assert shortlist.empty and list(shortlist.columns[:3]) == ["rank", "person_id", "name"]


def test_scope_appearances_association_is_case_insensitive():
    frame = appearances_table([row("A B", "speaker", "ACM", 2020)])

    assert len(scope_appearances(frame, Filters(association=("acm",)))) == 1


def test_shortlist_type_rank_counts_within_each_type():
    shortlist = _shortlist().set_index("name")

    assert shortlist.loc["Dee Fox", ["mentor_type", "type_rank"]].tolist() == [
        "vendor/consultant", 1]
    assert shortlist.loc["Ann Lee", ["mentor_type", "type_rank"]].tolist() == ["recognized", 1]
    assert _shortlist().columns.get_loc("type_rank") == len(SHORTLIST_COLUMNS)  # after them


def test_shortlist_exclude_org_whole_names_not_substrings():
    whole = _shortlist(Filters(exclude_org=("DUKE UNIVERSITY",)))
    part = _shortlist(Filters(exclude_org=("Duke",)))
    prefix = _shortlist(Filters(exclude_org_prefix=("Duke",)))

    assert "Ann Lee" not in set(whole["name"]) and "Bo Chen" in set(whole["name"])
    assert "Ann Lee" in set(part["name"])  # no organization is named "Duke"
    assert "Ann Lee" not in set(prefix["name"])


def test_shortlist_exclude_org_matches_a_printed_variant():
    rows = [row("Ann Lee", "speaker", "acm", 2020, org="Acme Corp"),
            row("Ann Lee", "speaker", "acm", 2021, org="ACME Corporation"),
            row("Bo Chen", "speaker", "acm", 2021, org="Acme Labs")]
    appearances, people, organizations = resolved(rows)
    variants = organizations.set_index("name")["variants"].to_dict()

    kept = _shortlist(Filters(exclude_org=("acme corp",)), rows=rows)

    assert any("Acme Corp" in v and "ACME Corporation" in v for v in variants.values())
    assert set(kept["name"]) == {"Bo Chen"}


def test_shortlist_unknown_association_is_a_mistake_naming_the_known():
    from pipeline.errors import UnknownFilterValue

    with pytest.raises(UnknownFilterValue, match="known: acm, ieee"):
        _shortlist(Filters(association=("shrm",)))


def test_shortlist_filter_leaving_nobody_warns(caplog):
    with caplog.at_level("WARNING"):
        empty = _shortlist(Filters(role=("board",)))

    assert empty.empty
    assert "--role board: no candidate is left; roles held:" in caplog.text
    assert "award_recipient, chair, keynote" in caplog.text


def test_shortlist_award_only_person_is_kept_with_no_events():
    rows = [*sample_rows(),
            row("Gil Hart", "award_recipient", "acm", 1995, award="Lifetime Award")]

    gil = _shortlist(rows=rows).set_index("name").loc["Gil Hart"]

    assert gil["n_events"] == 0 and gil["mentor_type"] == "recognized"
    assert gil["why"] == "Lifetime Award 1995."


def test_shortlist_topic_why_says_what_matched():
    topic = _shortlist(Filters(topic="careers")).set_index("name")

    assert set(topic.index) == {"Ann Lee", "Bo Chen"}
    assert topic.loc["Ann Lee", "why"].startswith('Topic: "Careers in CS" (ACM 2020). Keynote')
    assert topic.loc["Bo Chen", "score_topic"] == 0.5


def test_shortlist_why_says_board_member_for_a_seat_on_the_welcome_page():
    rows = [row("Ann Lee", "board", "acm", 2022, session="Welcome"),
            row("Bo Chen", "keynote", "acm", 2022, session="Welcome")]

    why = _shortlist(rows=rows).set_index("name")["why"]

    assert why["Ann Lee"] == "Board member at ACM 2022."
    assert why["Bo Chen"] == "Organizer at ACM 2022."


def test_shortlist_suppress_leaves_people_out_and_counts_them():
    suppress = pd.DataFrame({"person_id": [""], "name": ["LEE, ANN"], "reason": ["asked"]})
    appearances, people, organizations = resolved()
    weights = default_weights()

    shortlist = build_shortlist(appearances, people, organizations,
                                rank_people(appearances, weights=weights), weights=weights,
                                suppress=suppress)

    assert "Ann Lee" not in set(shortlist["name"]) and "Bo Chen" in set(shortlist["name"])
    assert shortlist.attrs["suppressed"] == 1 and list(shortlist["rank"])[0] == 1


def test_shortlist_organization_keeps_printed_capitals():
    rows = [row("Ann Lee", "speaker", "acm", 2020, org="Ibm"),
            row("Bo Chen", "speaker", "acm", 2021, org="IBM")]

    shortlist = _shortlist(rows=rows).set_index("name")

    assert set(shortlist["organization"]) == {"IBM"}


def test_show_co_speaker_once_under_their_name():
    rows = [row("Ann Lee", "speaker", "acm", 2020, session="Tools", org="Acme"),
            row("Bo Chen", "speaker", "acm", 2020, session="Tools", org="Acme"),
            row("Ann Lee", "speaker", "acm", 2021, session="More tools", org="Acme"),
            row("Bo M. Chen", "speaker", "acm", 2021, session="More tools", org="Acme")]
    appearances, people, organizations = resolved(rows)

    report = person_report("Ann Lee", appearances, people, organizations)
    co = report[report.index("Co-speakers"):report.index("Their organizations")]

    assert co.count("Chen") == 1 and "(acm 2020, acm 2021)" in co
    assert "2 appearances at 2 events" in report


def test_shortlist_run_reads_the_leave_me_out_list_from_the_overrides(tmp_path):
    # The bundled sample: Linda Okafor (ATPO board, Distinguished Service Award 2023) is its
    # first candidate; listed in overrides/suppress.csv she is in no shortlist row.
    from pathlib import Path

    from click.testing import CliRunner

    from pipeline.cli import cli
    from pipeline.run.store import read_csv

    sample = Path(__file__).resolve().parents[1] / "data" / "raw"
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "suppress.csv").write_text("person_id,name,reason\n,\"Okafor, Linda\",asked\n",
                                            encoding="utf-8")

    result = CliRunner().invoke(cli, ["run", str(sample), "--out", str(tmp_path / "out"),
                                      "--overrides", str(overrides), "--no-cache", "--jobs",
                                      "1", "--no-progress"])

    assert result.exit_code == 0, result.output
    shortlist = read_csv(tmp_path / "out" / "shortlist.csv")
    people = read_csv(tmp_path / "out" / "people.csv")
    assert "Linda Okafor" not in set(shortlist["name"])
    assert "Linda Okafor" in set(people["name"])  # the tables keep her
    assert len(shortlist) == len(people) - 1
    assert "leave-me-out list: 1 person not listed (suppress.csv)" in result.output
    assert "Okafor" not in result.output


def test_shortlist_firm_by_kind_alone_needs_a_firm_sized_name():
    from pipeline.stages.shortlist import vendor_org_ids

    organizations = pd.DataFrame({
        "org_id": ["law", "title", "sponsor", "uni"],
        "name": ["Baker & Lee LLP", "Ann Lee Legal Ontology for Modelling GDPR Concepts and Norms",
                 "Acme Data Protection Services for Legal Teams of Every Size", "Duke University"],
        "kind": ["law firm", "law firm", "company", "university"],
        "roles": ["speaker", "speaker", "sponsor", "sponsor"]})

    assert vendor_org_ids(organizations, weights=default_weights()) == {"law", "sponsor"}


def test_shortlist_since_after_the_last_year_warns(caplog):
    with caplog.at_level("WARNING"):
        empty = _shortlist(Filters(since=2030))

    assert empty.empty
    assert "--since 2030: no appearance is from 2030 on; years in the data: 2019-2022" \
        in caplog.text


def test_shortlist_exclude_org_by_an_alias_of_the_users():
    kept = _shortlist(Filters(exclude_org=("Duke",), org_aliases=(("Duke", "Duke University"),)))

    assert "Ann Lee" not in set(kept["name"]) and "Bo Chen" in set(kept["name"])
