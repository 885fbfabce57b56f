"""Name, title, department and company: layout, vocabulary and agreement with the domains."""

from __future__ import annotations

import pytest

from cardscan.config import Settings
from cardscan.models import Contact
from cardscan.parse import parse_page
from cardscan.parse.text import page_from_rows


def card(*rows: str | tuple[str, float]) -> Contact:
    return parse_page(page_from_rows(list(rows)), Settings())


@pytest.mark.parametrize(
    ("printed", "prefix", "given", "middle", "family", "suffix"),
    [
        ("Dr. Anna-Lena van der Berg PhD", "Dr.", "Anna-Lena", "", "van der Berg", "PhD"),
        ("Prof. José María de la Cruz", "Prof.", "José", "María", "de la Cruz", ""),
        ("Ludwig von Beethoven III", "", "Ludwig", "", "von Beethoven", "III"),
        ("Avery Smith, MBA", "", "Avery", "", "Smith", "MBA"),
        ("Ms. Priya Raghunathan", "Ms.", "Priya", "", "Raghunathan", ""),
        ("John Smith Jr.", "", "John", "", "Smith", "Jr."),
        ("Zoë O'Brien-Müller", "", "Zoë", "", "O'Brien-Müller", ""),
    ],
)
def test_name_parts(printed: str, prefix: str, given: str, middle: str, family: str, suffix: str) -> None:
    name = card((printed, 40), "Software Engineer").name
    assert name is not None
    assert name.full == printed
    assert (name.prefix, name.given, name.middle, name.family, name.suffix) == (prefix, given, middle, family, suffix)


def test_largest_person_line_is_the_name() -> None:
    c = card(("Contoso", 30), ("Avery Smith", 40), ("Senior Researcher", 20))
    assert c.name is not None and c.name.full == "Avery Smith"


def test_email_local_part_picks_between_two_person_like_lines() -> None:
    c = card(("Jordan Lee", 30), ("Avery Smith", 30), "asmith@contoso.com")
    assert c.name is not None and c.name.full == "Avery Smith"


@pytest.mark.parametrize("local", ["avery.smith", "asmith", "avery", "smith.avery"])
def test_email_agreement_raises_name_confidence(local: str) -> None:
    alone = card(("Avery Smith", 40), "other@contoso.com")
    agree = card(("Avery Smith", 40), f"{local}@contoso.com")
    assert agree.confidence["name"] > alone.confidence["name"]


@pytest.mark.parametrize(
    ("rows", "title", "department"),
    [
        (
            [("Avery Smith", 40), "Senior Researcher", "Cloud & AI Department"],
            "Senior Researcher",
            "Cloud & AI Department",
        ),
        (
            [("Avery Smith", 40), "Engineering Manager", "Platform Engineering"],
            "Engineering Manager",
            "Platform Engineering",
        ),
        ([("Avery Smith", 40), "HR Business Partner", "Human Resources"], "HR Business Partner", "Human Resources"),
        ([("Avery Smith", 40), "Head of Talent Acquisition"], "Head of Talent Acquisition", None),
        ([("Avery Smith", 40), "Chief Technology Officer"], "Chief Technology Officer", None),
        ([("Avery Smith", 40), "Information Science PhD Student"], "Information Science PhD Student", None),
        ([("Avery Smith | CTO", 40)], "CTO", None),
    ],
)
def test_title_and_department(rows: list[str | tuple[str, float]], title: str, department: str | None) -> None:
    c = card(*rows)
    assert c.name is not None and c.name.full == "Avery Smith"
    assert (c.title, c.department) == (title, department)


@pytest.mark.parametrize(
    ("company_line", "expected"),
    [
        ("Contoso Ltd", "Contoso Ltd"),
        ("Fabrikam GmbH", "Fabrikam GmbH"),
        ("Northwind Traders, Inc.", "Northwind Traders, Inc."),
        ("Tailspin Pty Ltd", "Tailspin Pty Ltd"),
        ("Wingtip Pvt. Ltd.", "Wingtip Pvt. Ltd."),
        ("Adatum B.V.", "Adatum B.V."),
        ("Litware S.p.A.", "Litware S.p.A."),
        ("Proseware SAS", "Proseware SAS"),
    ],
)
def test_company_by_legal_suffix(company_line: str, expected: str) -> None:
    c = card(("Avery Smith", 40), "Product Designer", company_line)
    assert c.company == expected


def test_company_agreeing_with_domain_is_confident_and_keeps_case() -> None:
    c = card(("CONTOSO", 50), ("Chris Smith", 40), "Senior Researcher", "chris.smith@contoso.com")
    assert c.company == "CONTOSO"
    assert c.confidence["company"] >= 0.9


def test_letter_spaced_logo() -> None:
    c = card(("V E R Y F I", 50), ("Dmitry Birulia", 30), "dmitry@veryfi.com")
    assert c.company == "VERYFI"


def test_misread_logo_recovered_from_domain_is_flagged() -> None:
    c = card(("Dmitry Birulia", 30), "dmitry@veryfi.com", ("VERY & 1", 50))
    assert c.company == "VERYFI"
    assert "company" in c.review


def test_taglines_and_markup_go_nowhere() -> None:
    c = card(
        "<foaf:Person>",
        ("<foaf:name> Jason Priem </foaf:name>", 30),
        "We build the tools your team will love.",
        "ISO 9001 certified",
        "priem@email.unc.edu",
    )
    assert c.name is not None and c.name.full == "Jason Priem"
    assert c.title is None and c.company is None and c.department is None


def test_name_and_email_only_invents_nothing() -> None:
    c = card(("Avery Smith", 40), "avery.smith@contoso.com")
    assert c.name is not None and c.name.full == "Avery Smith"
    assert c.emails == ("avery.smith@contoso.com",)
    assert (c.title, c.department, c.company, c.website, c.linkedin, c.address, c.phones) == (
        None, None, None, None, None, None, ())  # fmt: skip
    # contoso.com is an organisation's domain: the card likely shows the company, so it is
    # flagged for a look (confidence 0), never filled in from the domain
    assert set(c.confidence) == {"name", "emails", "company"} and c.confidence["company"] == 0.0
    assert c.review == ("company",)
