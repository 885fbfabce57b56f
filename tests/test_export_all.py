"""write_all and the registry: golden files, determinism, atomic writes inside out_dir.

The sample cards here are shared by the other test_export_* modules. Regenerate the
golden files with CARDSCAN_UPDATE_GOLDEN=1 and review the diff before committing.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cardscan.config import EXPORT_FORMATS, Settings, load_settings
from cardscan.errors import BadArgumentsError, OutputError
from cardscan.export import WRITERS, write_all
from cardscan.export.safe import atomic_write, contact_slugs, fold, slug
from cardscan.followup import FollowupContext, Plan, plan
from cardscan.models import Address, Contact, PersonName, Phone, ScanResult, Status

GOLDEN = Path(__file__).parent / "golden"
BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 2, 20, 30, tzinfo=BERLIN)
SETTINGS = Settings(role="Data Engineer", me="Jo Doe", tz="Europe/Berlin")

ANNA = Contact(
    name=PersonName(
        full="Dr. Anna-Lena van der Berg PhD",
        prefix="Dr.",
        given="Anna-Lena",
        family="van der Berg",
        suffix="PhD",
    ),
    title="Head of Data Platform",
    department="Engineering",
    company="Müller & Söhne GmbH",
    emails=("anna-lena.vanderberg@mueller-soehne.de",),
    phones=(
        Phone("+4930123456", "work", "+49 30 123456"),
        Phone("+491701234567", "mobile", "+49 170 1234567"),
        Phone("+4930123457", "fax", "Fax +49 30 123457"),
    ),
    website="https://www.mueller-soehne.de",
    linkedin="https://www.linkedin.com/in/anna-lena-van-der-berg",
    address=Address(
        lines=("Friedrichstraße 123", "10117 Berlin", "Germany"),
        street="Friedrichstraße 123",
        city="Berlin",
        postcode="10117",
        country="DE",
    ),
    confidence={"name": 0.93, "title": 0.41},
    review=("title",),
)
AVERY = Contact(
    name=PersonName(full="Ms. Avery Smith", prefix="Ms.", given="Avery", family="Smith"),
    title="Senior Talent Acquisition Partner",
    company="Müller & Söhne",
    emails=("avery.smith@mueller-soehne.de",),
    phones=(Phone("+442079460000", "work", "+44 20 7946 0000"),),
)
NO_NAME = Contact(
    company="Initech, Inc.",
    emails=("jobs@initech.com",),
    phones=(Phone("+14155550123", "other", "(415) 555-0123"),),
    website="initech.com",
)
SAMPLE = (ANNA, AVERY, NO_NAME)


def sample_plan(contacts: tuple[Contact, ...] = SAMPLE) -> Plan:
    taken = datetime(2026, 3, 2, 14, 10, tzinfo=BERLIN)
    ctx = FollowupContext(role="Data Engineer", decision_by=None, me="Jo Doe", tz=BERLIN, now=NOW)
    return plan([(c, taken) for c in contacts], ctx)


RESULTS = (
    ScanResult("cards/anna.jpg", "a" * 64, Status.OK, contact=ANNA),
    ScanResult("cards/blurry.jpg", "b" * 64, Status.FAILED, error="No text was found on the card."),
)


def written(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_write_all_matches_the_golden_files(tmp_path: Path) -> None:
    paths = write_all(tmp_path, SAMPLE, sample_plan(), SETTINGS, NOW, RESULTS)
    files = written(tmp_path)
    assert sorted(files) == sorted(p.relative_to(tmp_path).as_posix() for p in paths)
    if os.environ.get("CARDSCAN_UPDATE_GOLDEN"):
        for name, data in files.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_bytes(data)
    golden = written(GOLDEN)
    assert sorted(files) == sorted(golden)
    for name, data in files.items():
        assert data == golden[name], f"{name} differs from tests/golden/{name}"


def test_same_input_gives_byte_identical_output(tmp_path: Path) -> None:
    write_all(tmp_path / "a", SAMPLE, sample_plan(), SETTINGS, NOW, RESULTS)
    write_all(tmp_path / "b", SAMPLE, sample_plan(), SETTINGS, NOW, RESULTS)
    assert written(tmp_path / "a") == written(tmp_path / "b")


def test_every_format_is_written_and_no_temp_file_is_left(tmp_path: Path) -> None:
    write_all(tmp_path, SAMPLE, sample_plan(), SETTINGS, NOW, RESULTS)
    names = set(written(tmp_path))
    assert tuple(WRITERS) == EXPORT_FORMATS  # --formats names are the registry's names
    assert {"contacts.vcf", "followups.ics", "tasks.ics", "contacts.csv", "report.html"} <= names
    assert {"vcards/anna-lena-van-der-berg.vcf", "vcards/avery-smith.vcf", "vcards/jobs.vcf"} <= names
    assert {"drafts/anna-lena-van-der-berg.eml", "drafts/avery-smith.eml"} <= names
    assert not [n for n in names if n.endswith(".tmp") or "/." in n or n.startswith(".")]


@pytest.mark.parametrize(
    ("formats", "expected"),
    [
        ("vcf", {"contacts.vcf", "vcards"}),
        ("ics,html", {"followups.ics", "tasks.ics", "report.html"}),
        ("csv,eml", {"contacts.csv", "drafts"}),
    ],
)
def test_formats_choose_which_files_are_written(formats: str, expected: set[str], tmp_path: Path) -> None:
    chosen = load_settings({"formats": formats, "role": "Data Engineer", "me": "Jo Doe"}, environ={})
    write_all(tmp_path, SAMPLE, sample_plan(), chosen, NOW, RESULTS)
    assert {p.name for p in tmp_path.iterdir()} == expected


def test_unknown_formats_are_refused_with_the_valid_names() -> None:
    with pytest.raises(BadArgumentsError, match=r"Unknown export formats: pdf\. Choose one or more of vcf,ics,eml"):
        load_settings({"formats": "vcf,pdf"}, environ={})
    with pytest.raises(BadArgumentsError, match="No format given"):
        load_settings({"formats": " , "}, environ={})
    assert load_settings(environ={"CARDSCAN_FORMATS": "html, csv"}).formats == {"html", "csv"}


def test_without_a_plan_there_is_no_calendar(tmp_path: Path) -> None:
    write_all(tmp_path, SAMPLE, None, SETTINGS, NOW)
    names = set(written(tmp_path))
    assert "contacts.vcf" in names and "report.html" in names
    assert "followups.ics" not in names and "tasks.ics" not in names


def test_hostile_names_never_become_paths_outside_out_dir(tmp_path: Path) -> None:
    hostile = [
        Contact(name=PersonName(full="../../etc/passwd"), emails=("a@example.com",)),
        Contact(name=PersonName(full="/etc/shadow"), emails=("b@example.com",)),
        Contact(name=PersonName(full="..\\..\\windows\\system32"), emails=("c@example.com",)),
        Contact(name=PersonName(full="Eve\r\nBEGIN:VCARD"), emails=("d@example.com",)),
        Contact(name=PersonName(full="東京 太郎"), emails=("e@example.com",)),
        Contact(name=PersonName(full="x" * 300), emails=("f@example.com",)),
    ]
    out = tmp_path / "out"
    paths = write_all(out, hostile, None, SETTINGS, NOW)
    for p in paths:
        assert p.resolve().is_relative_to(out.resolve())
    assert sorted(p.name for p in (out / "vcards").iterdir()) == sorted(
        ["etc-passwd.vcf", "etc-shadow.vcf", "windows-system32.vcf", "eve-begin-vcard.vcf",
         "contact.vcf", "x" * 60 + ".vcf"]
    )  # fmt: skip
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_slugs_are_ascii_capped_and_unique() -> None:
    assert slug("Zoë Åström-Núñez") == "zoe-astrom-nunez"
    assert slug("<script>") == "script"
    assert slug("") == "contact"
    twins = [Contact(name=PersonName(full="Avery Smith"))] * 3 + [Contact(name=PersonName(full="a" * 80))] * 2
    assert contact_slugs(twins) == ["avery-smith", "avery-smith-2", "avery-smith-3", "a" * 60, "a" * 58 + "-2"]


def test_atomic_write_refuses_escapes_and_replaces_in_place(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="outside the output folder"):
        atomic_write(tmp_path, "../evil.txt", b"x")
    (tmp_path / "link").symlink_to(tmp_path.parent)
    with pytest.raises(OutputError, match="outside the output folder"):
        atomic_write(tmp_path, "link/evil.txt", b"x")
    atomic_write(tmp_path, "a.txt", b"one")
    atomic_write(tmp_path, "a.txt", b"two")
    assert (tmp_path / "a.txt").read_bytes() == b"two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "link"]


def test_folding_keeps_lines_short_and_utf8_whole() -> None:
    line = "NOTE:" + "Grüße aus 東京 " * 20
    folded = fold(line).encode("utf-8")
    physical = folded.split(b"\r\n")[:-1]
    assert all(len(p) <= 75 for p in physical)
    for p in physical:
        p.decode("utf-8")  # a fold inside a multi-byte sequence would fail here
    assert b"".join(p[1:] if i else p for i, p in enumerate(physical)).decode("utf-8") == line
