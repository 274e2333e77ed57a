"""Imported by the worker pool's fork server (see `pipeline.run.executors.start_pool`): what
reading a document needs, imported once in the server, so that every worker forked from it
starts with it. The spaCy model itself is loaded by each worker (its `--model` may differ)."""

import gc
import logging

try:
    from pipeline.run.worker import import_readers

    import_readers()
except Exception:  # noqa: BLE001 - the server must start anyway: each worker imports what it needs
    logging.getLogger(__name__).debug("fork server preload failed", exc_info=True)
# What is imported now lives as long as the server and its workers: the cyclic collector need
# not walk it at every collection in any of them.
gc.freeze()
