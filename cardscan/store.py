"""What was processed, by content hash, and what came of it: SQLite in OUT.

Shared by `scan` and `watch`; the exports are regenerated from it, so they always
hold every contact ever scanned into OUT. Only the parent process touches it.
A lock file keeps a second cardscan from writing the same OUT at once.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .errors import AlreadyRunningError, OutputError
from .models import Address, Contact, PersonName, Phone, ScanResult, Status

DB_NAME = "cardscan.sqlite3"
LOCK_NAME = ".cardscan.lock"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS inputs (
    sha256      TEXT PRIMARY KEY,
    source      TEXT NOT NULL,
    status      TEXT NOT NULL,          -- processing | ok | failed | skipped
    error       TEXT,
    contact     TEXT,                   -- JSON of the Contact, when ok
    taken_at    TEXT,                   -- ISO time the photo was taken
    first_seen  TEXT NOT NULL,
    updated     TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    thumbnail   BLOB                    -- small JPEG of the flattened card, for the report
);
CREATE TABLE IF NOT EXISTS context (     -- the follow-up context last given (role, decision_by, ...)
    key     TEXT PRIMARY KEY,
    value   TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (      -- failures without a hash (unreadable files), newest last
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    source  TEXT NOT NULL,
    status  TEXT NOT NULL,
    error   TEXT,
    at      TEXT NOT NULL
);
"""


# --------------------------------------------------------------------------- (de)serialisation


def contact_to_json(c: Contact) -> str:
    return json.dumps(dataclasses.asdict(c), ensure_ascii=False, sort_keys=True)


def contact_from_json(text: str) -> Contact:
    d: dict[str, Any] = json.loads(text)
    return Contact(
        name=PersonName(**d["name"]) if d.get("name") else None,
        title=d.get("title"),
        department=d.get("department"),
        company=d.get("company"),
        emails=tuple(d.get("emails") or ()),
        phones=tuple(Phone(**p) for p in d.get("phones") or ()),
        website=d.get("website"),
        linkedin=d.get("linkedin"),
        address=Address(**{**d["address"], "lines": tuple(d["address"]["lines"])}) if d.get("address") else None,
        confidence=dict(d.get("confidence") or {}),
        review=tuple(d.get("review") or ()),
        sources=tuple(d.get("sources") or ()),
    )


def _utf8(text: str) -> str:
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class Seen:
    sha256: str
    source: str
    status: str
    error: str | None


class Store:
    def __init__(self, out_dir: Path, now: Any = None) -> None:
        self.out_dir = out_dir
        self._now = now or (lambda: datetime.now().astimezone())
        if out_dir.exists() and not out_dir.is_dir():
            raise OutputError(f"The output folder {out_dir} is a file, not a folder; choose another -o.")
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(out_dir / DB_NAME, timeout=30, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as e:
            raise OutputError(f"The output folder {out_dir} cannot be written: {e}.") from e

    def close(self) -> None:
        self.db.close()

    def _stamp(self) -> str:
        return self._now().isoformat(timespec="seconds")

    def seen(self, sha256: str) -> Seen | None:
        row = self.db.execute("SELECT sha256, source, status, error FROM inputs WHERE sha256 = ?", (sha256,)).fetchone()
        return Seen(*row) if row else None

    def begin(self, sha256: str, source: str) -> None:
        """Mark a card as in progress; a crash leaves it so, and it is redone on restart."""
        now = self._stamp()
        self._write(
            "INSERT INTO inputs (sha256, source, status, first_seen, updated, attempts) "
            "VALUES (?, ?, 'processing', ?, ?, 1) "
            "ON CONFLICT(sha256) DO UPDATE SET status='processing', source=excluded.source, "
            "updated=excluded.updated, attempts=attempts+1",
            (sha256, source, now, now),
        )

    def record(self, r: ScanResult) -> None:
        now = self._stamp()
        if not r.sha256:
            self._write(
                "INSERT INTO events (source, status, error, at) VALUES (?, ?, ?, ?)",
                (r.source, r.status.value, r.error, now),
            )
            return
        if r.status is Status.SKIPPED:
            return  # a duplicate: the earlier record stands
        self._write(
            "INSERT INTO inputs (sha256, source, status, error, contact, taken_at, first_seen, updated, thumbnail) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(sha256) DO UPDATE SET source=excluded.source, status=excluded.status, "
            "error=excluded.error, contact=excluded.contact, taken_at=excluded.taken_at, updated=excluded.updated, "
            "thumbnail=excluded.thumbnail",
            (
                r.sha256,
                r.source,
                r.status.value,
                r.error,
                contact_to_json(r.contact) if r.contact else None,
                r.taken_at.isoformat() if r.taken_at else None,
                now,
                now,
                r.thumbnail,
            ),
        )

    def _write(self, sql: str, args: tuple[Any, ...]) -> None:
        # File names with non-UTF-8 bytes arrive as lone surrogates, which SQLite refuses.
        args = tuple(_utf8(a) if isinstance(a, str) else a for a in args)
        try:
            self.db.execute(sql, args)
        except sqlite3.Error as e:
            raise OutputError(f"The store in {self.out_dir} cannot be written: {e}.") from e

    def remember(self, values: dict[str, str | None]) -> dict[str, str]:
        """Save the values given (not None), and return everything remembered."""
        for key, value in values.items():
            if value is not None:
                self._write(
                    "INSERT INTO context (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                    (key, value),
                )
        return dict(self.db.execute("SELECT key, value FROM context").fetchall())

    def ok_results(self) -> list[ScanResult]:
        """Every ok card as a ScanResult (source, hash, contact, photo time, thumbnail), oldest first."""
        rows = self.db.execute(
            "SELECT source, sha256, contact, taken_at, thumbnail FROM inputs "
            "WHERE status='ok' AND contact IS NOT NULL ORDER BY taken_at, sha256"
        ).fetchall()
        return [
            ScanResult(
                source=src,
                sha256=sha,
                status=Status.OK,
                contact=contact_from_json(c),
                taken_at=datetime.fromisoformat(t) if t else None,
                thumbnail=thumb,
            )
            for src, sha, c, t, thumb in rows
        ]

    def failures(self, limit: int = 1000) -> list[tuple[str, str]]:
        """(source, reason) of failed inputs, newest first."""
        rows = self.db.execute(
            "SELECT source, error, updated FROM inputs WHERE status='failed' "
            "UNION ALL SELECT source, error, at FROM events WHERE status='failed' "
            "ORDER BY 3 DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [(s, e or "") for s, e, _ in rows]

    def counts(self) -> dict[str, int]:
        out = {"ok": 0, "failed": 0, "processing": 0}
        for status, n in self.db.execute("SELECT status, COUNT(*) FROM inputs GROUP BY status"):
            out[status] = out.get(status, 0) + n
        (n_events,) = self.db.execute("SELECT COUNT(*) FROM events WHERE status='failed'").fetchone()
        out["failed"] += n_events
        return out


@contextlib.contextmanager
def locked(out_dir: Path) -> Iterator[None]:
    """Hold OUT for this process; a second cardscan on the same OUT gets a clear error."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"The output folder {out_dir} is a file, not a folder; choose another -o.")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(out_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise OutputError(f"The output folder {out_dir} cannot be written: {e.strerror or e}.") from e
    try:
        try:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # pragma: no cover - Windows: no advisory lock, carry on
            pass
        except BlockingIOError as e:
            other = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
            raise AlreadyRunningError(
                f"Another cardscan (pid {other}) is already using {out_dir}; stop it or choose another -o folder."
            ) from e
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)
