"""Configuration: ranking weights from the packaged YAML, optionally overlaid by a user file."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

import yaml

from pipeline.errors import MentorMinerError

logger = logging.getLogger(__name__)


def default_weights() -> dict:
    text = resources.files("pipeline.userfiles").joinpath("ranking.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def load_weights(path: Path | None = None) -> dict:
    """Packaged weights, with any keys of the user's YAML file laid over them."""
    weights = default_weights()
    if path is None:
        return weights
    try:
        user = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise MentorMinerError(f"{path}: cannot read ranking weights ({e}).") from e
    if not isinstance(user, dict):
        raise MentorMinerError(f"{path}: ranking weights must be a YAML mapping.")
    for key, value in user.items():
        if key not in weights:
            logger.warning("%s: %r is not a ranking weight; ignored (known: %s)", path, key,
                           ", ".join(weights))
            continue
        problem = _type_problem(weights[key], value)
        if problem:
            raise MentorMinerError(f"{path}: {key}: {problem}; see pipeline/ranking.yaml for "
                                   "the format.")
        if isinstance(value, dict):
            weights[key] = {**weights[key], **value}
        elif isinstance(value, list):
            weights[key] = [str(v) for v in value]  # a year or a number is a word here too
        else:
            weights[key] = value
    return weights


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _type_problem(default, value) -> str:
    """What is wrong with a user's `value` for a weight whose packaged value is `default`."""
    if _is_number(default):
        return "" if _is_number(value) else f"a number is needed, not {value!r}"
    if isinstance(default, dict):
        if not isinstance(value, dict):
            return f"a mapping (name: number) is needed, not {value!r}"
        wrong = [f"{name}: {v!r}" for name, v in value.items() if not _is_number(v)]
        return f"numbers are needed ({', '.join(wrong)})" if wrong else ""
    if isinstance(default, list):
        ok = isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value)
        return "" if ok else f"a list of words is needed, not {value!r}"
    return ""
