"""Rank: components, role weights, hosts and groups, stable order, topic relevance."""

from __future__ import annotations

import pandas as pd
import pytest
from ranking_data import resolved

from pipeline.errors import MentorMinerError
from pipeline.stages.rank import (
    COMPONENTS,
    boost_by_topic,
    prepare_rows,
    rank_people,
    topic_matches,
)
from pipeline.stages.resolve import resolve
from pipeline.userfiles.weights import default_weights, load_weights


def _scores(**kwargs):
    appearances, people, _ = resolved()
    scores = rank_people(appearances, weights=kwargs.pop("weights", default_weights()), **kwargs)
    return scores.merge(people[["person_id", "name"]], on="person_id")


def test_rank_every_component_is_a_column_in_0_1():
    scores = _scores()

    for component in COMPONENTS:
        assert scores[f"score_{component}"].between(0, 1).all()


def test_rank_recurring_keynote_first():
    scores = _scores()

    assert scores["name"].iloc[0] == "Ann Lee"
    # Three programs and an award: the award year is an honour, not an event (issue 21).
    assert scores.set_index("name").loc["Ann Lee", "n_events"] == 3
    assert scores.set_index("name").loc["Ann Lee", "n_honours"] == 1


def test_rank_groups_are_not_people():
    scores = _scores()

    assert "FOSDEM Staff" not in set(scores["name"])


def test_rank_hosts_do_not_count_as_keynotes():
    scores = _scores().set_index("name")

    # Eve opened two events: organizer weight (1.0 / 3.0), not keynote.
    assert scores.loc["Eve Gold", "score_roles"] < scores.loc["Bo Chen", "score_roles"]
    assert scores.loc["Eve Gold", "score"] < scores.loc["Ann Lee", "score"]


def test_rank_helping_signals():
    scores = _scores().set_index("name")

    assert scores.loc["Ann Lee", "score_helping"] > 0  # mentoring / careers sessions
    assert scores.loc["Cy Diaz", "score_helping"] == 0


def test_rank_breadth_across_associations():
    scores = _scores().set_index("name")

    assert scores.loc["Bo Chen", "score_breadth"] > scores.loc["Dee Fox", "score_breadth"]


def test_rank_stable_for_equal_inputs():
    appearances, _, _ = resolved()
    shuffled = appearances.sample(frac=1.0, random_state=7)

    first = rank_people(appearances, weights=default_weights())
    second = rank_people(shuffled, weights=default_weights())

    pd.testing.assert_frame_equal(first, second)


def test_rank_weights_override(tmp_path):
    path = tmp_path / "weights.yaml"
    path.write_text("components: {recurrence: 0, breadth: 0, roles: 0, recency: 0,\n"
                    "             centrality: 0, helping: 1}\n", encoding="utf-8")

    scores = _scores(weights=load_weights(path))

    assert (scores["score"] == scores["score_helping"]).all()


def test_rank_topic_matches_own_sessions_awards_and_titles_only():
    appearances, people, _ = resolved()
    weights = default_weights()

    matches = topic_matches(prepare_rows(appearances, weights=weights), "machine learning")
    names = people.set_index("person_id")["name"]

    assert {names[p] for p in matches} == {"Bo Chen", "Cy Diaz"}  # the ML panel's two
    assert [m["text"] for m in matches[people.set_index("name").loc["Bo Chen", "person_id"]]] \
        == ["Machine learning panel"]


def test_rank_topic_is_a_boost_on_top_of_recurrence():
    # Issue 21: a one-time speaker whose talk matches does not overtake a regular whose one
    # talk of five matches; matching three times as often still is not enough.
    from ranking_data import appearances_table, row

    rows = [row("Ann Lee", "speaker", "acm", y, session="Careers in industry" if y == 2020
                else f"Compilers {y}") for y in range(2018, 2023)]
    rows += [row("Bo Chen", "speaker", "acm", 2022, session="Careers for new grads")]
    rows += [row("Bo Chen", "award_recipient", "acm", 2021, award="Career mentoring award")]
    rows += [row(f"Guest{n} X", "speaker", "acm", 2022, session="Compilers") for n in range(3)]
    appearances, people, _ = resolve(appearances_table(rows))
    weights = default_weights()
    scores = rank_people(appearances, weights=weights)

    boosted = boost_by_topic(scores, topic_matches(prepare_rows(appearances, weights=weights),
                                                   "careers"), weights=weights)
    names = boosted.merge(people[["person_id", "name"]], on="person_id")["name"].tolist()

    assert names == ["Ann Lee", "Bo Chen"]
    assert boosted["score_topic"].tolist() == [0.5, 0.75]


def test_rank_award_years_are_honours_not_events():
    # Issue 21: an award list back to 1990 made an association "44 events" and left its latest
    # program's speakers years behind the latest award year.
    from ranking_data import appearances_table, row

    rows = [row("Ann Lee", "award_recipient", "acm", y, award="Service Award")
            for y in (1990, 1995, 2000, 2025)]
    rows += [row("Ann Lee", "speaker", "acm", 2021), row("Bo Chen", "speaker", "acm", 2021),
             row("Bo Chen", "speaker", "acm", 2022), row("Cy Diaz", "award_recipient", "acm",
                                                         2024, award="Best Paper")]
    appearances, people, _ = resolve(appearances_table(rows))
    scores = rank_people(appearances, weights=default_weights()).merge(
        people[["person_id", "name"]], on="person_id").set_index("name")

    assert scores.loc["Ann Lee", ["n_events", "n_years", "n_honours"]].tolist() == [1, 1, 4]
    assert scores.loc["Bo Chen", "n_events"] == 2
    assert scores.loc["Cy Diaz", "n_events"] == 0 and scores.loc["Cy Diaz", "n_honours"] == 1
    assert scores.loc["Bo Chen", "score_recency"] == 1.0  # at the latest program, 2022
    assert scores.loc["Ann Lee", "score_recency"] == 1.0  # her 2025 award is recent
    assert scores.loc["Ann Lee", "score_recurrence"] == 0.0  # one program
    assert scores.loc["Bo Chen", "score_recurrence"] > scores.loc["Ann Lee", "score_recurrence"]


def test_rank_board_listed_on_a_welcome_page_stays_board():
    from ranking_data import appearances_table, row

    rows = [row("Ann Lee", "board", "acm", 2022, session="Welcome"),
            row("Bo Chen", "keynote", "acm", 2022, session="Welcome")]
    prepared = prepare_rows(resolve(appearances_table(rows))[0], weights=default_weights())

    assert sorted(prepared["effective_role"]) == ["board", "organizer"]


def test_rank_speakers_only_source_is_not_handicapped():
    # Issue 6: FOSDEM lists only speakers, so its regulars cannot show committee work; a
    # speaker at all three of its programs is not ranked below an equal record at an
    # association whose programs do list committees.
    from ranking_data import appearances_table, row

    rows = []
    for year in (2014, 2016, 2018):
        rows.append(row("Ann Lee", "speaker", "fosdem", year))
        rows.append(row("Bo Chen", "speaker", "sigcse", year))
        rows.append(row("Cy Diaz", "committee", "sigcse", year))
        rows += [row(f"Guest{n} {year}", "speaker", "fosdem", year) for n in range(3)]
        rows += [row(f"Visitor{n} {year}", "speaker", "sigcse", year) for n in range(3)]
    appearances, people, _ = resolve(appearances_table(rows))
    scores = rank_people(appearances, weights=default_weights()).merge(
        people[["person_id", "name"]], on="person_id").set_index("name")

    assert scores.loc["Ann Lee", "score_helping"] == 0
    assert scores.loc["Ann Lee", "score"] > scores.loc["Bo Chen", "score"]
    assert scores.loc["Cy Diaz", "score"] > scores.loc["Ann Lee", "score"]


def test_rank_helping_imputed_where_the_source_cannot_show_it():
    from ranking_data import row

    rows = [
        # acm records committee work; its two-event people have helping 0 and 1 → median 0.5
        row("Ann Lee", "committee", "acm", 2021), row("Ann Lee", "speaker", "acm", 2022),
        row("Bo Chen", "speaker", "acm", 2021), row("Bo Chen", "speaker", "acm", 2022),
        # fosdem lists only speakers: Cy's two events say nothing about helping
        row("Cy Diaz", "speaker", "fosdem", 2021), row("Cy Diaz", "speaker", "fosdem", 2022),
        row("Di Evans", "speaker", "fosdem", 2022),
    ]
    appearances, people, _ = resolved(rows)
    scores = rank_people(appearances, weights=default_weights())
    helping = scores.merge(people[["person_id", "name"]]).set_index("name")["score_helping"]

    assert helping["Bo Chen"] == 0
    assert helping["Cy Diaz"] == (helping["Ann Lee"] + helping["Bo Chen"]) / 2
    assert helping["Di Evans"] == 0  # nobody at acm recurs once: no evidence either way


@pytest.mark.parametrize(("text", "message"), [
    ("roles:\n  keynote: high\n", "roles: numbers are needed (keynote: 'high')"),
    ("recency_half_life_years: soon\n", "recency_half_life_years: a number is needed, not 'soon'"),
    ("components: 0.5\n", "components: a mapping (name: number) is needed, not 0.5"),
    ("helping_keywords: mentor\n", "helping_keywords: a list of words is needed, not 'mentor'"),
])
def test_rank_weights_of_the_wrong_kind_are_an_error_naming_file_and_key(tmp_path, text,
                                                                         message):
    path = tmp_path / "weights.yaml"
    path.write_text(text, encoding="utf-8")

    with pytest.raises(MentorMinerError) as raised:
        load_weights(path)

    assert str(raised.value).startswith(f"{path}: {message}; see pipeline/ranking.yaml")


def test_rank_weights_unknown_key_is_ignored_with_a_warning(tmp_path, caplog):
    path = tmp_path / "weights.yaml"
    path.write_text("role:\n  keynote: 9\nhelping_keywords: [mentor, 2024]\n", encoding="utf-8")

    weights = load_weights(path)

    assert "role" not in weights and weights["roles"] == default_weights()["roles"]
    assert weights["helping_keywords"] == ["mentor", "2024"]
    assert f"{path}: 'role' is not a ranking weight; ignored" in caplog.text
