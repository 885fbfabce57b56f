"""store.py: the SQLite record of what was scanned, and the OUT lock."""

from __future__ import annotations

import multiprocessing
from datetime import UTC, datetime
from pathlib import Path

from cardscan.errors import AlreadyRunningError
from cardscan.models import Address, Contact, PersonName, Phone, ScanResult, Status
from cardscan.store import Store, contact_from_json, contact_to_json, locked

CONTACT = Contact(
    name=PersonName("Dr. Avery Smith", "Dr.", "Avery", "", "Smith", ""),
    company="Contoso",
    emails=("avery.smith@contoso.com",),
    phones=(Phone("+447911123456", "mobile", "+44 (0) 7911 123456"),),
    address=Address(("2 Kingdom Street", "London W2 6BD"), "2 Kingdom Street", "London", "", "W2 6BD", "GB"),
    confidence={"name": 0.9},
    review=("company",),
    sources=("abc",),
)


def test_contact_round_trips_through_json() -> None:
    assert contact_from_json(contact_to_json(CONTACT)) == CONTACT


def test_record_upserts_by_hash_and_counts(tmp_path: Path) -> None:
    s = Store(tmp_path)
    when = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
    s.begin("abc", "a.jpg")
    assert s.counts()["processing"] == 1
    s.record(ScanResult("a.jpg", "abc", Status.OK, contact=CONTACT, taken_at=when))
    s.record(ScanResult("again.jpg", "abc", Status.OK, contact=CONTACT, taken_at=when, thumbnail=b"jpeg"))
    s.record(ScanResult("bad.jpg", "def", Status.FAILED, error="The file 'bad.jpg' is empty."))
    s.record(ScanResult("gone.jpg", "", Status.FAILED, error="The file 'gone.jpg' does not exist."))
    assert s.counts() == {"ok": 1, "failed": 2, "processing": 0}
    [r] = s.ok_results()
    assert r.contact == CONTACT and r.taken_at == when and r.source == "again.jpg"
    assert r.thumbnail == b"jpeg"
    assert ("bad.jpg", "The file 'bad.jpg' is empty.") in s.failures()
    assert s.seen("abc") is not None and s.seen("zzz") is None


def _try_lock(out: str, q: multiprocessing.Queue[str]) -> None:
    try:
        with locked(Path(out)):
            q.put("got it")
    except AlreadyRunningError as e:
        q.put(str(e))


def test_second_process_cannot_take_the_lock(tmp_path: Path) -> None:
    with locked(tmp_path):
        q: multiprocessing.Queue[str] = multiprocessing.Queue()
        p = multiprocessing.Process(target=_try_lock, args=(str(tmp_path), q))
        p.start()
        msg = q.get(timeout=20)
        p.join(timeout=20)
    assert "already using" in msg and str(tmp_path) in msg


def test_follow_up_context_is_remembered_for_later_runs(tmp_path: Path) -> None:
    from cardscan.config import Settings
    from cardscan.pipeline import with_remembered_context

    s = Store(tmp_path)
    told = with_remembered_context(s, Settings(role="Data Engineer", tz="Europe/Berlin"))
    assert told.role == "Data Engineer"
    later = with_remembered_context(s, Settings())  # e.g. `cardscan plan OUT` with no flags
    assert (later.role, later.tz) == ("Data Engineer", "Europe/Berlin")
    changed = with_remembered_context(s, Settings(role="Analyst"))
    assert (changed.role, changed.tz) == ("Analyst", "Europe/Berlin")
