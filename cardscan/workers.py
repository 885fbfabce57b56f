"""How the worker processes of `-j N` are started: from a fork server that imported the scanning stack
once. Kept apart from `pipeline`, which imports that stack, so the CLI can start the server first and let
it import OpenCV, Tesseract's wrapper and the parsers while the CLI itself imports them."""

from __future__ import annotations

import ctypes
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


#: glibc's mallopt parameters, and what a scanning process sets them to
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
KEEP_FREED = 256 << 20
HEAP_UP_TO = 32 << 20


def reuse_freed_memory() -> None:
    """Keep the memory one card's large arrays free for the next card's (glibc only; elsewhere nothing).

    glibc hands a freed block of a few MB (a full-size image, as float) back to the system, and the next
    card's arrays fault it in again a page at a time: about 8,000 page faults a card, a fifth of the
    preprocessing time of a large card. Blocks up to HEAP_UP_TO now come from the heap, and up to
    KEEP_FREED of freed heap is kept for reuse; a process's memory stays that of its largest card.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None)
        libc.mallopt(M_TRIM_THRESHOLD, KEEP_FREED)
        libc.mallopt(M_MMAP_THRESHOLD, HEAP_UP_TO)
    except (OSError, AttributeError):  # pragma: no cover - a libc without mallopt (musl has a stub)
        pass
