"""Bounded memos for the text tests and line parsers, which see the same strings many times."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps

# The shape tests and parsers of pipeline.text are pure functions of their strings, and the same
# strings come back many times (a line is tested as a continuation, as a name list, then parsed;
# names recur across documents), so each keeps a bounded memo of its answers.
MEMO_SIZE = 1 << 16


def memo(func: Callable) -> Callable:
    return lru_cache(maxsize=MEMO_SIZE)(func)


def memo_list(func: Callable) -> Callable:
    """`memo` for a function returning a list: the memo keeps a tuple, callers get a new list."""
    cached = lru_cache(maxsize=MEMO_SIZE)(lambda *a, **k: tuple(func(*a, **k)))

    @wraps(func)
    def wrapper(*args, **kwargs):
        return list(cached(*args, **kwargs))

    wrapper.cache_clear = cached.cache_clear
    return wrapper
