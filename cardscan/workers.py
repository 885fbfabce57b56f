"""How the worker processes of `-j N` are started: from a fork server that imported the scanning stack
once. Kept apart from `pipeline`, which imports that stack, so the CLI can start the server first and let
it import OpenCV, Tesseract's wrapper and the parsers while the CLI itself imports them."""

from __future__ import annotations

import multiprocessing
import os
import sys
from multiprocessing.context import BaseContext

#: what the fork server imports once, so each worker forked from it starts at once
PRELOAD = ["cardscan.pipeline"]


def default_jobs() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def context() -> BaseContext:
    """The start method for the pool: a fork server where there is one (a plain fork of a parent that
    runs the progress bar's thread is unsafe), else spawn."""
    method = (
        "forkserver" if sys.platform != "win32" and "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    )
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(PRELOAD)
    return ctx


def start_early() -> None:
    """Start the fork server now, without waiting for it: its imports (half a second) then overlap the
    caller's, and the pool made later starts its workers at once."""
    if context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()
