"""One lexicon (issue 17): role labels, section headings, sponsor tiers, honorifics and
credentials live in pipeline/text/data/lexicon.yaml, and no module keeps a copy of them as a
regex alternation of its own."""

import io
import re
import tokenize
from pathlib import Path

from pipeline.text import lexicon as lx
from pipeline.text.role_labels import role_labels

ROOT = Path(__file__).resolve().parents[1]
# The words of each lexicon group that a copy would give away (common English words that other
# patterns use for other ends, such as `session` or `member`, are left out).
GROUPS = {
    "tiers": {"platinum", "diamond", "bronze", "copper", "titanium", "benefactor"},
    "credentials": {"phd", "mba", "cpa", "cissp", "fache", "sphr", "edd"},
    "honorifics": {"prof", "mrs", "dame", "dott", "izv"},
    "role labels": {"convener", "chairperson", "emcee", "discussant", "vorsitz", "moderadora"},
}


def _string_literals(path: Path):
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    for token in tokens:
        if token.type == tokenize.STRING and "|" in token.string:
            yield token.start[0], token.string


def test_the_lexicons_words_are_in_the_lexicon():
    assert GROUPS["tiers"] <= lx.tier_words() | set(lx.printed_tier_alternation().split("|"))
    assert GROUPS["credentials"] <= lx.credentials()
    assert GROUPS["honorifics"] <= lx.honorific_words()
    assert GROUPS["role labels"] <= set(role_labels())


def test_no_module_keeps_a_copy_of_a_lexicon_group():
    copies = []
    for path in sorted([*ROOT.glob("pipeline/**/*.py"), *ROOT.glob("extractors/**/*.py")]):
        for line, literal in _string_literals(path):
            alternatives = {w.lower() for w in re.split(r"[|()?:\\\s.]+", literal) if w}
            for group, words in GROUPS.items():
                if len(alternatives & words) >= 2:
                    copies.append(f"{path.relative_to(ROOT)}:{line} {group}")
    assert copies == []


def test_a_scientific_program_is_a_program_and_its_committee_a_committee():
    # `scientific` alone named a committee, so a page titled `Scientific Program` made its
    # speakers committee members.
    from pipeline.text.lexicon import context_role

    assert context_role("Scientific Program") == "speaker"
    assert context_role("Scientific Committee") == "committee"
    assert context_role("scientific_committee") == "committee"
