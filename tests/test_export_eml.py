"""Thank-you drafts: RFC 5322 that mail programs open as drafts, no header injection."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

from test_export_all import NOW, SAMPLE, SETTINGS, sample_plan

from cardscan.config import Settings
from cardscan.export import eml
from cardscan.models import Contact, PersonName

HEADERS = {"Date", "To", "Subject", "X-Unsent", "Content-Type", "Content-Transfer-Encoding", "MIME-Version"}


def parse(path: Path) -> email.message.EmailMessage:
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(msg, email.message.EmailMessage)
    return msg


def test_a_draft_per_contact_with_an_email(tmp_path: Path) -> None:
    paths = eml.write(tmp_path, SAMPLE, sample_plan(), SETTINGS, NOW)
    assert sorted(p.name for p in paths) == ["anna-lena-van-der-berg.eml", "avery-smith.eml", "jobs.eml"]
    msg = parse(tmp_path / "drafts" / "avery-smith.eml")
    assert set(msg.keys()) == HEADERS
    assert msg["To"].addresses[0].addr_spec == "avery.smith@mueller-soehne.de"
    assert msg["To"].addresses[0].display_name == "Ms. Avery Smith"
    assert msg["Subject"] == "Thank you — Data Engineer interview"
    assert msg["X-Unsent"] == "1"
    assert msg["Date"].datetime == NOW
    text = msg.get_content().replace("\r\n", "\n")
    assert text.startswith("Dear Ms. Smith,\n")
    assert "Thank you for taking the time to meet with me on Monday, 2 March" in text
    assert "[Something they said:" in text
    assert "interest in the Data Engineer role at Müller & Söhne" in text
    assert text.rstrip().endswith("Kind regards,\nJo Doe")


def test_greeting_uses_the_given_name_without_a_printed_title(tmp_path: Path) -> None:
    c = Contact(name=PersonName(full="Avery Smith", given="Avery", family="Smith"), emails=("a@acme.com",))
    eml.write(tmp_path, [c], None, Settings(), NOW)
    msg = parse(tmp_path / "drafts" / "avery-smith.eml")
    text = msg.get_content().replace("\r\n", "\n")
    assert text.startswith("Dear Avery,\n")
    assert msg["Subject"] == "Thank you for the interview"
    assert "[Your name]" in text  # no `me` given: a visible placeholder, not an invented name


def test_no_draft_without_an_email(tmp_path: Path) -> None:
    assert eml.write(tmp_path, [Contact(name=PersonName(full="Bo Brown"))], None, SETTINGS, NOW) == []
    assert not (tmp_path / "drafts").exists()


def test_ocr_text_cannot_add_headers(tmp_path: Path) -> None:
    c = Contact(
        name=PersonName(full="Eve\r\nBcc: victim@example.com", given="Eve\r\nBcc: victim@example.com"),
        company="Evil\r\n\r\n<script>alert(1)</script>",
        emails=("eve@example.com",),
    )
    settings = Settings(role="Engineer\r\nBcc: boss@example.com", me="Jo\r\nX-Evil: 1")
    paths = eml.write(tmp_path, [c], None, settings, NOW)
    msg = parse(paths[0])
    assert set(msg.keys()) == HEADERS
    assert msg["Bcc"] is None and msg["X-Evil"] is None
    assert [a.addr_spec for a in msg["To"].addresses] == ["eve@example.com"]
    assert msg["Subject"] == "Thank you — Engineer Bcc: boss@example.com interview"


def test_a_broken_address_gives_no_draft_rather_than_a_broken_one(tmp_path: Path) -> None:
    c = Contact(name=PersonName(full="Mal"), emails=("mal@example.com>, boss@example.com <x",))
    assert eml.write(tmp_path, [c], None, SETTINGS, NOW) == []


def test_a_company_ending_in_a_full_stop_gets_no_second_one(tmp_path: Path) -> None:
    lily = Contact(name=PersonName(full="Lily Hall", given="Lily", family="Hall"), company="Prism Foods Ltd.",
                   emails=("lily.hall@prism-foods.io",))  # fmt: skip
    eml.write(tmp_path, [lily], None, SETTINGS, NOW)
    text = parse(tmp_path / "drafts" / "lily-hall.eml").get_content()
    assert "to talk about the Data Engineer role at Prism Foods Ltd.\n" in text.replace("\r\n", "\n")
    assert ".." not in text
