"""vCard 3.0 export: read back by vobject and by the strict `vcard` validator, injection-proof."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st
from test_export_all import NOW, SAMPLE, SETTINGS, sample_plan
from vcard.vcard_validator import validate_file

from cardscan.export import vcard
from cardscan.export.safe import clean
from cardscan.followup import note_text
from cardscan.models import Address, Contact, PersonName, Phone

HOSTILE = Contact(
    name=PersonName(full="Eve\r\nBEGIN:VCARD", given="Eve\r\nEND:VCARD", family="Smith;TEL:+1,\\"),
    title='=HYPERLINK("http://x")\nNOTE:owned',
    company="<script>alert(1)</script>",
    department="R&D; ops",
    emails=("eve@example.com",),
    phones=(Phone("+14155550123", "mobile", "x"),),
    address=Address(lines=("1 Main St\r\nEND:VCARD", "Springfield"), street="1 Main St\r\nEND:VCARD"),
)


def strict_errors(path: Path) -> str:
    """The `vcard` validator's verdict: '' when the file is valid vCard 3.0."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # style hints such as "TYPE=internet is the default"
        return validate_file(str(path), False)


def read_back(path: Path) -> list[vobject.base.Component]:
    return list(vobject.readComponents(path.read_text(encoding="utf-8")))


def test_contacts_vcf_reads_back_with_the_same_values(tmp_path: Path) -> None:
    plan = sample_plan()
    paths = vcard.write(tmp_path, SAMPLE, plan, SETTINGS, NOW)
    assert strict_errors(tmp_path / "contacts.vcf") == ""
    for p in paths:
        assert strict_errors(p) == "", p
    anna, avery, no_name = read_back(tmp_path / "contacts.vcf")
    src = SAMPLE[0]
    assert anna.fn.value == "Dr. Anna-Lena van der Berg PhD"
    assert (anna.n.value.family, anna.n.value.given, anna.n.value.prefix, anna.n.value.suffix) == (
        "van der Berg", "Anna-Lena", "Dr.", "PhD")  # fmt: skip
    assert anna.org.value == ["Müller & Söhne GmbH", "Engineering"]
    assert anna.title.value == src.title
    tels = {(t.value, ",".join(t.params["TYPE"]).lower()) for t in anna.tel_list}
    assert tels == {("+4930123456", "work,voice"), ("+491701234567", "cell"), ("+4930123457", "work,fax")}
    assert [e.value for e in anna.email_list] == list(src.emails)
    assert [u.value for u in anna.url_list] == [src.website, src.linkedin]
    assert [u.value for u in no_name.url_list] == ["http://initech.com"]  # a URL needs a scheme
    adr = anna.adr.value
    assert (adr.street, adr.city, adr.code, adr.country) == ("Friedrichstraße 123", "Berlin", "10117", "DE")
    assert anna.note.value == note_text(src, plan)
    assert anna.categories.value == ["interview", "Müller & Söhne GmbH"]
    assert anna.rev.value == "2026-03-02T19:30:00Z"
    assert no_name.fn.value == "jobs@initech.com"  # FN is mandatory: the email stands in for the name
    assert len({c.uid.value for c in (anna, avery, no_name)}) == 3


def test_uid_is_stable_across_runs_and_rev_follows_now(tmp_path: Path) -> None:
    a = vcard.vcard_text(SAMPLE[0], NOW)
    b = vcard.vcard_text(SAMPLE[0], NOW.replace(day=9))
    uid = [line for line in a.splitlines() if line.startswith("UID:")]
    assert uid == [line for line in b.splitlines() if line.startswith("UID:")]
    assert a != b  # only REV moved


def test_ocr_text_cannot_start_a_property_or_a_card(tmp_path: Path) -> None:
    vcard.write(tmp_path, [HOSTILE], None, SETTINGS, NOW)
    path = tmp_path / "contacts.vcf"
    text = path.read_bytes().decode("utf-8")
    starts = [line for line in text.split("\r\n") if line.startswith(("BEGIN:", "END:"))]
    assert starts == ["BEGIN:VCARD", "END:VCARD"]
    assert strict_errors(path) == ""
    (card,) = read_back(path)
    assert card.fn.value == "Eve\nBEGIN:VCARD"  # the CR LF survives as a value, not as a line
    assert card.n.value.family == "Smith;TEL:+1,\\"
    assert card.title.value == '=HYPERLINK("http://x")\nNOTE:owned'
    assert card.org.value == ["<script>alert(1)</script>", "R&D; ops"]
    assert [t.value for t in card.tel_list] == ["+14155550123"]
    assert "note" not in card.contents
    assert card.adr.value.street == "1 Main St\nEND:VCARD"


def test_lines_are_crlf_and_folded_at_75_octets(tmp_path: Path) -> None:
    long = Contact(name=PersonName(full="Zoë " + "Ångström-Lindqvist " * 8), company="Ünïcödé " * 20)
    vcard.write(tmp_path, [long], None, SETTINGS, NOW)
    raw = (tmp_path / "contacts.vcf").read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    (card,) = read_back(tmp_path / "contacts.vcf")
    assert card.fn.value == long.name.full.strip()  # type: ignore[union-attr]
    assert strict_errors(tmp_path / "contacts.vcf") == ""


@pytest.mark.parametrize(
    ("contact", "fn"),
    [
        (Contact(company="Acme Corp"), "Acme Corp"),
        (Contact(emails=("a@acme.com",), company="Acme Corp"), "a@acme.com"),
        (Contact(phones=(Phone("+14155550123", "work", "x"),)), "Unknown contact"),
    ],
)
def test_a_card_without_a_name_still_has_fn_and_n(contact: Contact, fn: str, tmp_path: Path) -> None:
    vcard.write(tmp_path, [contact], None, SETTINGS, NOW)
    (card,) = read_back(tmp_path / "contacts.vcf")
    assert card.fn.value == fn
    assert "n" in card.contents
    assert strict_errors(tmp_path / "contacts.vcf") == ""


def test_unparsed_address_keeps_its_printed_lines(tmp_path: Path) -> None:
    c = Contact(name=PersonName(full="Ann Lee"), address=Address(lines=("Unit 5, Dock Rd", "Cardiff")))
    vcard.write(tmp_path, [c], None, SETTINGS, NOW)
    (card,) = read_back(tmp_path / "contacts.vcf")
    assert card.adr.value.street == "Unit 5, Dock Rd\nCardiff"


def test_non_latin_text_reads_back_with_vobject(tmp_path: Path) -> None:
    # The strict validator only accepts characters up to U+00FF, so a Japanese card is checked by vobject only.
    c = Contact(name=PersonName(full="山田 太郎", given="太郎", family="山田"), company="株式会社コントソ")
    vcard.write(tmp_path, [c], None, SETTINGS, NOW)
    (card,) = read_back(tmp_path / "contacts.vcf")
    assert (card.fn.value, card.n.value.family, card.org.value) == ("山田 太郎", "山田", ["株式会社コントソ"])
    assert (tmp_path / "vcards" / "contact.vcf").exists()  # no ASCII in the name: the fallback slug


def strict_properties(text: str) -> list[tuple[str, list[list[str]]]]:
    """Property names and raw values as the strict validator's own parser splits them."""
    from vcard.vcard_validator import VCard

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [(p.name, p.values) for p in VCard(text).properties]


def test_the_strict_parser_sees_the_same_properties_and_values() -> None:
    props = strict_properties(vcard.vcard_text(SAMPLE[0], NOW))
    names = [name for name, _ in props]
    assert names == ["BEGIN", "VERSION", "PRODID", "N", "FN", "ORG", "TITLE", "TEL", "TEL", "TEL", "EMAIL",
                     "URL", "URL", "ADR", "CATEGORIES", "UID", "REV", "END"]  # fmt: skip
    values = dict(props)
    assert values["FN"] == [["Dr. Anna-Lena van der Berg PhD"]]
    assert values["ORG"] == [["Müller & Söhne GmbH"], ["Engineering"]]
    assert values["ADR"] == [[""], [""], ["Friedrichstraße 123"], ["Berlin"], [""], ["10117"], ["DE"]]
    hostile = [name for name, _ in strict_properties(vcard.vcard_text(HOSTILE, NOW))]
    assert hostile == ["BEGIN", "VERSION", "PRODID", "N", "FN", "ORG", "TITLE", "TEL", "EMAIL", "ADR",
                       "CATEGORIES", "UID", "REV", "END"]  # fmt: skip


LATIN1 = st.characters(min_codepoint=0, max_codepoint=0xFF)


@settings(max_examples=80, deadline=None)
@given(st.text(LATIN1, max_size=120))
def test_any_title_round_trips_through_vobject_and_the_validator(title: str) -> None:
    c = Contact(name=PersonName(full="Ann Lee", given="Ann", family="Lee"), title=title)
    text = vcard.vcard_text(c, NOW)
    assert [ln for ln in text.split("\r\n") if ln.startswith(("BEGIN:", "END:"))] == ["BEGIN:VCARD", "END:VCARD"]
    (card,) = vobject.readComponents(text)
    expected = clean(title)
    assert (card.title.value if "title" in card.contents else "") == expected
    assert [name for name, _ in strict_properties(text)].count("TITLE") == (1 if expected else 0)
