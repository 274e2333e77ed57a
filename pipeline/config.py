"""Configuration: ranking weights from the packaged YAML, optionally overlaid by a user file."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml

from pipeline.errors import MentorMinerError


def default_weights() -> dict:
    text = resources.files("pipeline").joinpath("ranking.yaml").read_text(encoding="utf-8")
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
        if isinstance(value, dict) and isinstance(weights.get(key), dict):
            weights[key] = {**weights[key], **value}
        else:
            weights[key] = value
    return weights
