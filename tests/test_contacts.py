"""Merging duplicates: shared email or mobile joins, a shared switchboard does not."""

from __future__ import annotations

from cardscan.contacts import merge
from cardscan.models import Contact, PersonName, Phone

SWITCHBOARD = Phone("+442079460000", "work", "+44 20 7946 0000")


def person(name: str, emails: tuple[str, ...] = (), phones: tuple[Phone, ...] = (), **kw: object) -> Contact:
    return Contact(name=PersonName(full=name), emails=emails, phones=phones, **kw)  # type: ignore[arg-type]


def test_shared_email_any_case_merges_and_unions() -> None:
    a = person("Avery Smith", ("Avery@contoso.com",), (SWITCHBOARD,), sources=("h1",))
    b = person("Avery Smith", ("avery@contoso.com", "a.smith@contoso.com"), sources=("h2",))
    [m] = merge([a, b])
    assert m.emails == ("Avery@contoso.com", "a.smith@contoso.com")
    assert m.phones == (SWITCHBOARD,)
    assert m.sources == ("h1", "h2")


def test_shared_mobile_merges() -> None:
    mobile = Phone("+447911123456", "mobile", "07911 123456")
    assert len(merge([person("Avery Smith", phones=(mobile,)), person("A. Smith", phones=(mobile,))])) == 1


def test_colleagues_sharing_a_switchboard_stay_separate() -> None:
    a = person("Avery Smith", ("avery@contoso.com",), (SWITCHBOARD,))
    b = person("Jordan Lee", ("jordan@contoso.com",), (SWITCHBOARD,))
    assert [c.name.full for c in merge([a, b]) if c.name] == ["Avery Smith", "Jordan Lee"]


def test_higher_confidence_single_field_wins() -> None:
    a = person("Avery Srnith", ("avery@contoso.com",), confidence={"name": 0.4, "title": 0.9}, review=("name",),
               title="Researcher")  # fmt: skip
    b = person("Avery Smith", ("avery@contoso.com",), confidence={"name": 0.95}, title=None)
    [m] = merge([a, b])
    assert m.name is not None and m.name.full == "Avery Smith"
    assert m.title == "Researcher"
    assert "name" not in m.review


def test_transitive_merge_and_order() -> None:
    mobile = Phone("+447911123456", "mobile", "")
    a = person("Avery Smith", ("avery@contoso.com",))
    x = person("Jordan Lee", ("jordan@contoso.com",))
    b = person("Avery Smith", ("avery@contoso.com",), (mobile,))
    c = person("Avery Smith", phones=(mobile,))
    assert [m.name.full for m in merge([a, x, b, c]) if m.name] == ["Avery Smith", "Jordan Lee"]


def test_a_field_no_photo_read_keeps_its_question_and_a_good_reading_clears_it() -> None:
    blurred = person("Avery Smith", ("avery@contoso.com",), review=("company", "address"))
    sharp = person("Avery Smith", ("avery@contoso.com",), company="Contoso", confidence={"company": 0.95})
    [m] = merge([blurred, sharp])
    assert m.company == "Contoso"
    assert m.review == ("address",)
