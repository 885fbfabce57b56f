"""Helpers every writer shares: file-name slugs, control-character cleaning, atomic writes.

OCR text is untrusted: it never becomes a path without `slug`, and nothing is
written outside the output folder. No format-specific escaping lives here.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from ..errors import OutputError
from ..models import Contact

SLUG_MAX = 60

# Python's str.splitlines() also breaks on these, so a reader could take them for line ends.
LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAK = re.compile("\r\n|[" + LINE_BREAKS + "]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


def clean(text: str) -> str:
    """Normalise every line break to '\\n' and drop other control characters (tab stays)."""
    return _CONTROL.sub("", _LINE_BREAK.sub("\n", text))


def one_line(text: str) -> str:
    """For header-like values: line breaks become spaces, so a value can never start a new line."""
    return " ".join(clean(text).replace("\t", " ").split())


def slug(text: str, fallback: str = "contact") -> str:
    """ASCII [a-z0-9-] only, accents folded, at most SLUG_MAX characters: safe as a file name."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:SLUG_MAX].rstrip("-")
    return s or fallback


def contact_slugs(contacts: Sequence[Contact]) -> list[str]:
    """One unique slug per contact, in order: name, else the email's local part, else company."""
    used: set[str] = set()
    out: list[str] = []
    for c in contacts:
        n = c.name
        if n and (n.given or n.family):  # "Dr. Ann Lee PhD" -> ann-lee: titles make poor file names
            base = slug(" ".join((n.given, n.middle, n.family)))
        elif n and n.full.strip():
            base = slug(n.full)
        elif c.emails:
            base = slug(c.emails[0].partition("@")[0])
        else:
            base = slug(c.company or "")
        candidate, copy = base, 1
        while candidate in used:
            copy += 1
            suffix = f"-{copy}"
            candidate = base[: SLUG_MAX - len(suffix)] + suffix
        used.add(candidate)
        out.append(candidate)
    return out


def inside(root: Path, relative: str | Path) -> Path:
    """root/relative, refusing anything that would land outside root (.., absolute, symlinks)."""
    base = root.resolve()
    target = (base / relative).resolve()
    if not target.is_relative_to(base) or target == base:
        raise OutputError(f"Refusing to write {relative!s}: it would land outside the output folder {root}.")
    return target


def atomic_write(root: Path, relative: str | Path, data: bytes) -> Path:
    """Write data to root/relative through a temporary file in the same folder and os.replace."""
    target = inside(root, relative)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix="." + target.name + ".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as e:
        advice = "Free some disk space" if e.errno == errno.ENOSPC else "Check that the folder is writable"
        raise OutputError(f"Cannot write {target}: {e.strerror or e}. {advice} and run cardscan again.") from e
    return target


def fold(line: str, limit: int = 75) -> str:
    """Fold a content line (RFC 2425 / RFC 5545) at `limit` octets, never inside a UTF-8 sequence."""
    chunks: list[str] = []
    current, size = "", 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            chunks.append(current)
            current, size = " ", 1  # a continuation line starts with one space, which counts
        current += ch
        size += n
    chunks.append(current)
    return "\r\n".join(chunks) + "\r\n"
