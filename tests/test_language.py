"""A document printed in French is read by the French model when one is installed (issue 17)."""

import pytest

from pipeline.run.worker import _document_nlp, process_document
from pipeline.tables import Block
from pipeline.text.language import guess_language
from pipeline.text.nlp import installed_language_models, language_model

PROGRAMME = """Journées de la société de géographie urbaine 2025
Programme

Jeudi 12 juin

9h00 – Accueil des participants et café

Séance 1 : Les villes et leurs marges
Président de séance : Jean Dupont (Université de Lyon)

9h30 – Les enjeux de la mobilité dans les quartiers périphériques, Camille Moreau et Hélène Girard
10h00 – Habiter les marges : une enquête dans les grands ensembles, Théo Lambert
10h30 – Pause café
"""


def test_the_language_of_a_program_is_the_language_of_its_short_words():
    assert guess_language(PROGRAMME) == "fr"
    assert guess_language("Chair: Jean Dupont (Université de Lyon). The margins of the city "
                          "and the people who live there, with a study of the suburbs") == "en"
    assert guess_language("") == "en"


@pytest.mark.skipif(language_model("fr") is None, reason="no French spaCy model installed")
def test_a_french_program_goes_through_the_french_model(tmp_path):
    blocks = [Block(text=line, page=1) for line in PROGRAMME.splitlines() if line]
    nlp = _document_nlp(blocks, None)
    assert nlp.meta["lang"] == "fr"
    # Its WikiNER labels read as the English models' (PER -> PERSON).
    assert [(e.text, e.label_) for e in nlp("Président de séance : Jean Dupont").ents] == [
        ("Jean Dupont", "PERSON")]
    assert _document_nlp([Block(text="Chair: Ann Lee, the future of care", page=1)],
                         None).meta["lang"] == "en"
    path = tmp_path / "programme.txt"
    path.write_text(PROGRAMME, encoding="utf-8")
    result = process_document({"doc_id": "a", "path": str(path), "source_path": "programme.txt"})
    assert {(a["person_name"], a["role"], a["org_name"]) for a in result.appearances} == {
        ("Jean Dupont", "chair", "Université de Lyon"), ("Camille Moreau", "speaker", ""),
        ("Hélène Girard", "speaker", ""), ("Théo Lambert", "speaker", "")}


def test_the_installed_language_models_are_named_for_the_cache_key():
    assert installed_language_models() == tuple(
        name for name in map(language_model, ("de", "es", "fr")) if name)
