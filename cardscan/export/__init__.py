"""The exporters: one writer per format, a registry of them, and write_all.

Writers share one signature, write atomically and only inside out_dir, and give
byte-identical files for the same input (fixed order, injected "now").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from ..config import Settings
from ..followup import Plan
from ..models import Contact, ScanResult
from . import csv, eml, html, ics, vcard

Writer = Callable[[Path, Sequence[Contact], "Plan | None", Settings, datetime, Sequence[ScanResult]], list[Path]]

#: format name (as in --formats and config.EXPORT_FORMATS) -> writer, in the order write_all runs them
WRITERS: dict[str, Writer] = {
    "vcf": vcard.write,
    "ics": ics.write,
    "eml": eml.write,
    "csv": csv.write,
    "html": html.write,
}


def write_all(
    out_dir: Path,
    contacts: Sequence[Contact],
    plan: Plan | None,
    settings: Settings,
    now: datetime,
    results: Sequence[ScanResult] = (),
) -> list[Path]:
    """Every format in settings.formats into out_dir; returns the paths written.

    Raises OutputError when a write fails.
    """
    if now.tzinfo is None:
        raise ValueError("write_all() needs a time-zone-aware 'now'.")
    paths: list[Path] = []
    for name, writer in WRITERS.items():
        if name not in settings.formats:
            continue
        paths += writer(out_dir, contacts, plan, settings, now, results)
    return paths


__all__ = ["WRITERS", "Writer", "write_all"]
