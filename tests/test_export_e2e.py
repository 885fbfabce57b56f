"""The follow-up outputs end to end: `cardscan scan` on two sample cards with the real Tesseract.

Every file is read back by an independent parser, two scans into two folders give byte-identical
files, --formats picks the files and `cardscan plan` prints the same timeline as followups.ics.
"""

from __future__ import annotations

import csv
import email
import email.policy
import shutil
import warnings
from pathlib import Path

import icalendar
import pytest
from ical.calendar_stream import IcsCalendarStream
from vcard.vcard_validator import validate_file

from cardscan.cli import main
from cardscan.errors import ExitCode
from cardscan.export.csv import HEADER

pytestmark = [
    pytest.mark.tesseract,
    pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed (make test installs it)"),
]
ROOT = Path(__file__).resolve().parents[1]
CARDS = [str(ROOT / "sample_cards" / "card_01.jpg"), str(ROOT / "sample_cards" / "card_02.jpg")]
NAMES = ("Nancy Nguyen", "Lily Hall")  # from sample_cards/card_01.json and card_02.json
FLAGS = ["-j", "1", "-q", "--role", "Data Engineer", "--me", "Jo Doe", "--tz", "Europe/Berlin"]
NOT_EXPORTS = {"cardscan.sqlite3", "cardscan.sqlite3-wal", "cardscan.sqlite3-shm", ".cardscan.lock"}
#: cardscan's own bookkeeping inside OUT: the store, its lock, and the OCR model cache
BOOKKEEPING_DIRS = {".cardscan-cache"}


def exports(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name not in NOT_EXPORTS and not BOOKKEEPING_DIRS & set(p.relative_to(out).parts)
    }


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("e2e")
    for name in ("a", "b"):
        assert main(["scan", *CARDS, "-o", str(root / name), *FLAGS]) == ExitCode.OK
    return root / "a", root / "b"


def test_two_scans_give_byte_identical_files(scanned: tuple[Path, Path]) -> None:
    a, b = scanned
    files = exports(a)
    assert set(files) == {
        "contacts.vcf", "followups.ics", "tasks.ics", "contacts.csv", "report.html",
        "vcards/nancy-nguyen.vcf", "vcards/lily-hall.vcf", "drafts/nancy-nguyen.eml", "drafts/lily-hall.eml",
    }  # fmt: skip
    other = exports(b)
    assert sorted(files) == sorted(other)
    assert [name for name in files if files[name] != other[name]] == []


def test_every_file_reads_back_with_an_independent_parser(scanned: tuple[Path, Path]) -> None:
    out, _ = scanned
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # style hints, not errors
        for vcf in [out / "contacts.vcf", *sorted((out / "vcards").iterdir())]:
            assert validate_file(str(vcf), False) == "", vcf.name
    events = icalendar.Calendar.from_ical((out / "followups.ics").read_bytes()).walk("VEVENT")
    strict = IcsCalendarStream.calendar_from_ics((out / "followups.ics").read_text(encoding="utf-8"))
    todos = IcsCalendarStream.calendar_from_ics((out / "tasks.ics").read_text(encoding="utf-8")).todos
    assert len(events) == len(strict.events) == len(todos) > 0
    calls = [
        ev for ev in strict.events if ("x-cardscan-task", "follow-up-call") in [(x.name, x.value) for x in ev.extras]
    ]
    assert len(calls) == len(NAMES)  # exactly one call per person
    assert all(ev.dtstart.weekday() < 5 and ev.dtstart.hour == 10 for ev in calls)
    for name in NAMES:
        draft = out / "drafts" / (name.lower().replace(" ", "-") + ".eml")
        msg = email.message_from_bytes(draft.read_bytes(), policy=email.policy.default)
        assert isinstance(msg, email.message.EmailMessage)
        assert msg["Subject"] == "Thank you — Data Engineer interview"
        text = msg.get_content()
        assert text.startswith(f"Dear {name.split()[0]},")  # neither card prints a title such as Ms.
        assert ".." not in text  # "Prism Foods Ltd." ends a sentence without a second full stop
    with (out / "contacts.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames or ()) == HEADER
        rows = list(reader)
    assert sorted(f"{r['First Name']} {r['Last Name']}" for r in rows) == sorted(NAMES)
    page = (out / "report.html").read_text(encoding="utf-8")
    assert page.count('<article class="card">') == 2 and page.count("data:image/jpeg;base64,") == 2


def test_formats_pick_the_files(tmp_path: Path) -> None:
    assert main(["scan", CARDS[0], "-o", str(tmp_path), "--formats", "ics,html", *FLAGS]) == ExitCode.OK
    assert set(exports(tmp_path)) == {"followups.ics", "tasks.ics", "report.html"}


def test_unknown_format_is_a_sentence_naming_the_valid_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", CARDS[0], "-o", str(tmp_path / "out"), "--formats", "vcf,pdf"]) == ExitCode.BAD_ARGS
    err = " ".join(capsys.readouterr().err.split())
    assert "Unknown export formats: pdf. Choose one or more of vcf,ics,eml,csv,html" in err
    assert not (tmp_path / "out").exists()  # refused before anything was written


def test_plan_prints_the_timeline_of_the_calendar(
    scanned: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    out, _ = scanned
    capsys.readouterr()
    assert main(["plan", str(out), "--role", "Data Engineer", "--tz", "Europe/Berlin"]) == ExitCode.OK
    table, err = capsys.readouterr()
    assert err == ""  # the table is the data: stdout only
    events = icalendar.Calendar.from_ical((out / "followups.ics").read_bytes()).walk("VEVENT")
    assert f"Follow-up plan: {len(events)} tasks, times in Europe/Berlin" in table
    for name in NAMES:
        assert name in table
    kinds = {str(ev["X-CARDSCAN-TASK"]) for ev in events}
    assert all(kind in table for kind in kinds)
    assert sum(table.count(kind) for kind in ("follow-up-call",)) == len(NAMES)


def test_plan_refuses_a_folder_that_was_never_scanned(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", str(tmp_path)]) == ExitCode.BAD_ARGS
    assert "is not a cardscan output folder" in " ".join(capsys.readouterr().err.split())
