"""Hypothesis fuzzing: hostile OCR text through the parsers and every text exporter.

The parsers must never raise; every contact must come back from a strict reader (vobject and the
`vcard` validator, icalendar, csv) with the same values, and no value may start a new property,
component, row or formula. Bounded: each property runs at most FUZZ_EXAMPLES examples.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from datetime import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cardscan.config import Settings
from cardscan.models import Address, Box, Contact, Line, Page, PersonName, Phone, Word

parse = pytest.importorskip("cardscan.parse")
csv_export = pytest.importorskip("cardscan.export.csv")
ics_export = pytest.importorskip("cardscan.export.ics")
vcard_export = pytest.importorskip("cardscan.export.vcard")
followup = pytest.importorskip("cardscan.followup")
safe = pytest.importorskip("cardscan.export.safe")
vcard_validator = pytest.importorskip("vcard.vcard_validator")

FUZZ_EXAMPLES = 100
fuzz = settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NOW = datetime(2025, 3, 14, 9, 30, tzinfo=ZoneInfo("Europe/Berlin"))
E164 = re.compile(r"^\+[1-9][0-9]{5,14}$")

#: Fragments that have broken exporters and parsers elsewhere: line breaks of every kind, the
#: vCard/iCalendar/CSV delimiters, formula starts, markup, paths, control and combining characters.
SNIPPETS = [
    "\n",
    "\r\n",
    "\r",
    "\u2028",
    "\u0085",
    "\x0b",
    "\x0c",
    "\x00",
    "\x1b[31m",
    "\t",
    ";",
    ",",
    "\\",
    ":",
    "\\n",
    '"',
    "'",
    "BEGIN:VCARD",
    "END:VCARD",
    "END:VEVENT",
    "BEGIN:VALARM",
    "Bcc: x@evil.example",
    '=HYPERLINK("http://x")',
    "=cmd|' /C calc'!A0",
    "+1",
    "-2",
    "@SUM(1)",
    "<script>alert(1)</script>",
    "</td>",
    "&amp;",
    "../../etc/passwd",
    "/",
    "C:\\",
    "e\u0301",
    "\ufb01",
    "Ｔｅｌ",
    "\U0001f600",
    "ß",
    "Ø",
    "東京",
    "@",
    "www.",
    ".com",
    "+49 (0) 30 1234-5",
]
nasty = st.lists(st.one_of(st.text(max_size=6), st.sampled_from(SNIPPETS)), max_size=6).map("".join)
emails = st.from_regex(r"[a-z]{1,8}(\.[a-z]{1,8})?@[a-z]{2,10}\.(com|de|co\.uk|io)", fullmatch=True)
phones = st.builds(
    lambda n, kind, raw: Phone(number=n, type=kind, raw=raw),
    st.from_regex(r"\+[1-9][0-9]{7,13}", fullmatch=True),
    st.sampled_from(["work", "mobile", "fax", "other"]),
    nasty,
)
names = st.builds(PersonName, full=nasty, prefix=nasty, given=nasty, middle=nasty, family=nasty, suffix=nasty)
addresses = st.builds(Address, lines=st.lists(nasty, max_size=3).map(tuple), street=nasty, city=nasty, postcode=nasty)
contacts = st.builds(
    Contact,
    name=st.none() | names,
    title=st.none() | nasty,
    department=st.none() | nasty,
    company=st.none() | nasty,
    emails=st.lists(emails, max_size=2, unique=True).map(tuple),
    phones=st.lists(phones, max_size=3).map(tuple),
    website=st.none() | st.just("https://example.com/a?b=c;d"),
    address=st.none() | addresses,
)


@st.composite
def pages(draw: st.DrawFn) -> Page:
    """A Page of random lines, laid out top to bottom as OCR would deliver them."""
    lines = []
    for i, text in enumerate(draw(st.lists(nasty | st.sampled_from(SNIPPETS), max_size=10))):
        words = [w for w in text.split(" ") if w] or ["x"]
        h = draw(st.integers(1, 80))
        conf = draw(st.none() | st.floats(0, 1))
        boxes = [Box(20 + 60 * k, 30 + 90 * i, 50, h) for k in range(len(words))]
        lines.append(Line(tuple(Word(w, b, conf) for w, b in zip(words, boxes, strict=True)), block=i // 3))
    return Page(tuple(lines), width=1000, height=1000)


def shown(text: str) -> str:
    """What a reader must get back: control characters gone, every line break a plain newline."""
    return safe.clean(text)


# --------------------------------------------------------------------------- parsers


@fuzz
@given(page=pages(), region=st.sampled_from(["US", "DE", "GB", "JP"]))
def test_parsers_never_raise_and_never_invent_malformed_fields(page: Page, region: str):
    c = parse.parse_page(page, Settings(region=region))
    assert isinstance(c, Contact)
    assert all(E164.match(p.number) for p in c.phones)
    assert all(e.count("@") == 1 and " " not in e for e in c.emails)
    assert set(c.review) <= set(c.confidence)
    assert all(0.0 <= v <= 1.0 for v in c.confidence.values())


# --------------------------------------------------------------------------- vCard


def _read_vcard(text: str) -> vobject.base.Component:
    cards = list(vobject.readComponents(text))
    assert len(cards) == 1, "a value started a new card"
    # The validator only knows Latin-1 for "non-ASCII" (RFC 2425 counts UTF-8 octets); other letters
    # stand in as "é" so it still checks the structure: properties, escaping, line ends, folding.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "default TYPE value can be removed": style only
        vcard_validator.VCard(re.sub(r"[^\x00-\xff]", "\xe9", text))
    return cards[0]


def _assert_vcard_round_trip(c: Contact) -> None:
    text = vcard_export.vcard_text(c, NOW, note="Met at the interview;\nfollow up, soon")
    card = _read_vcard(text)
    props = {child.name for child in card.getChildren()}
    assert props <= {
        "VERSION",
        "PRODID",
        "N",
        "FN",
        "ORG",
        "TITLE",
        "TEL",
        "EMAIL",
        "URL",
        "ADR",
        "NOTE",
        "CATEGORIES",
        "UID",
        "REV",
    }
    assert card.fn.value == shown(vcard_export.formatted_name(c))
    if shown(c.title or ""):
        assert card.title.value == shown(c.title or "")
    if c.name:
        n = card.n.value
        assert (n.family, n.given, n.additional, n.prefix, n.suffix) == tuple(
            shown(x) for x in (c.name.family, c.name.given, c.name.middle, c.name.prefix, c.name.suffix)
        )
    if c.company or c.department:
        org = [shown(c.company or ""), shown(c.department or "")]
        while org and not org[-1]:  # vobject drops empty trailing parts
            org.pop()
        assert card.org.value == (org or [""])
    assert [e.value for e in card.contents.get("email", [])] == list(c.emails)
    assert [t.value for t in card.contents.get("tel", [])] == [p.number for p in c.phones]
    assert card.note.value == "Met at the interview;\nfollow up, soon"


@fuzz
@given(c=contacts)
def test_any_contact_round_trips_through_vcard(c: Contact):
    _assert_vcard_round_trip(c)


@fuzz
@given(page=pages())
def test_every_parsed_contact_round_trips_through_vcard(page: Page):
    _assert_vcard_round_trip(parse.parse_page(page, Settings()))


# --------------------------------------------------------------------------- iCalendar


@fuzz
@given(people=st.lists(contacts, min_size=1, max_size=3), role=st.none() | nasty, me=st.none() | nasty)
def test_any_plan_round_trips_through_icalendar(people: list[Contact], role: str | None, me: str | None):
    ctx = followup.FollowupContext(role=role, decision_by=None, me=me, tz=NOW.tzinfo, now=NOW)
    plan = followup.plan([(c, NOW) for c in people], ctx)
    for todo in (False, True):
        cal = icalendar.Calendar.from_ical(ics_export.calendar_text(plan, people, NOW, todo=todo))
        kind = "VTODO" if todo else "VEVENT"
        items = [comp for comp in cal.walk() if comp.name == kind]
        assert len(items) == len(plan.tasks), "a value started or swallowed a component"
        assert {comp.name for comp in cal.walk()} <= {"VCALENDAR", "VTIMEZONE", "STANDARD", "DAYLIGHT", kind, "VALARM"}
        assert [str(comp["SUMMARY"]) for comp in items] == [shown(t.title) for t in plan.tasks]


# --------------------------------------------------------------------------- CSV


@fuzz
@given(people=st.lists(contacts, max_size=4))
def test_any_contact_round_trips_through_csv_without_formulas(people: list[Contact]):
    rows = list(csv.reader(io.StringIO(csv_export.csv_text(people, None), newline="")))
    assert len(rows) == len(people) + 1, "a value started a new row"
    header = rows[0]
    for c, row in zip(people, rows[1:], strict=True):
        assert len(row) == len(header)
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")) or E164.match(cell.split(" ::: ")[0])
        cells = dict(zip(header, row, strict=True))
        for column, value in (("Organization Name", c.company), ("Organization Title", c.title)):
            expected = shown(value or "")
            assert cells[column] in (expected, "'" + expected)
