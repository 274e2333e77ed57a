"""Rank: components, role weights, hosts and groups, stable order, topic relevance."""

from __future__ import annotations

import pandas as pd
import pytest
from ranking_data import resolved

from pipeline.config import default_weights, load_weights
from pipeline.errors import MentorMinerError
from pipeline.rank import COMPONENTS, rank_people, topic_relevance
from pipeline.resolve import resolve


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


def test_rank_topic_relevance_seeds_matching_sessions():
    appearances, _, _ = resolved()
    weights = default_weights()

    relevance = topic_relevance(appearances, None, "machine learning", weights=weights)
    ids = dict(zip(*resolved()[1][["name", "person_id"]].T.values, strict=True))

    assert relevance[ids["Cy Diaz"]] > 0 and relevance[ids["Bo Chen"]] > 0
    assert relevance[ids["Bo Chen"]] >= relevance[ids["Ann Lee"]]


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
