"""The follow-up planner against FOLLOWUP.md, with a fixed "now" and fixed photo times."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from cardscan.followup import (
    TASK_KINDS,
    FollowupContext,
    Plan,
    contact_key,
    contact_zone,
    group_interviews,
    note_text,
    plan,
)
from cardscan.models import Address, Contact, PersonName, Phone

NY = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")
MON = date(2026, 3, 2)  # a Monday


def person(full: str, title: str = "Engineering Manager", domain: str = "acme.com", **kw: object) -> Contact:
    given, _, family = full.partition(" ")
    fields: dict[str, object] = {
        "name": PersonName(full=full, given=given, family=family),
        "title": title,
        "company": "Acme",
        "emails": (f"{given.lower()}@{domain}",),
    }
    fields.update(kw)
    return Contact(**fields)  # type: ignore[arg-type]


def at(d: date, hh: int, mm: int = 0, tz: ZoneInfo = NY) -> datetime:
    return datetime.combine(d, time(hh, mm), tzinfo=tz)


def ctx(now: datetime | None = None, decision_by: date | None = None, role: str | None = "Data Engineer"):
    return FollowupContext(role=role, decision_by=decision_by, me="Jo Doe", tz=NY, now=now or at(MON, 8))


def tasks_of(p: Plan, kind: str, who: Contact | None = None) -> list:
    return [t for t in p.tasks if t.kind == kind and (who is None or t.contact_key == contact_key(who))]


def test_thank_you_is_due_the_same_evening_after_a_daytime_interview() -> None:
    avery = person("Avery Smith")
    p = plan([(avery, at(MON, 14))], ctx())
    (t,) = tasks_of(p, "thank-you", avery)
    assert t.due == at(MON, 18)


def test_thank_you_waits_for_the_next_morning_after_an_evening_photo() -> None:
    avery = person("Avery Smith")
    p = plan([(avery, at(MON, 19, 30))], ctx())
    (t,) = tasks_of(p, "thank-you", avery)
    assert t.due == at(MON + timedelta(days=1), 9)


def test_call_is_a_week_later_and_never_on_a_weekend() -> None:
    friday, saturday = date(2026, 3, 6), date(2026, 3, 7)
    avery = person("Avery Smith")
    (call,) = tasks_of(plan([(avery, at(friday, 11))], ctx(now=at(friday, 8))), "follow-up-call")
    assert call.due == at(date(2026, 3, 13), 10)  # Friday a week on
    (call,) = tasks_of(plan([(avery, at(saturday, 11))], ctx(now=at(saturday, 8))), "follow-up-call")
    assert call.due == at(date(2026, 3, 16), 10)  # Saturday + 7 is a Saturday: moved to Monday


def test_call_is_the_first_working_day_after_the_decision_date() -> None:
    avery = person("Avery Smith")
    (call,) = tasks_of(plan([(avery, at(MON, 11))], ctx(decision_by=date(2026, 3, 13))), "follow-up-call")
    assert call.due == at(date(2026, 3, 16), 10)  # decision on a Friday: call on Monday
    (call,) = tasks_of(plan([(avery, at(MON, 11))], ctx(decision_by=date(2026, 3, 4))), "follow-up-call")
    assert call.due == at(date(2026, 3, 5), 10)  # decision on a Wednesday: call on Thursday


@pytest.mark.parametrize("offset", range(14))
def test_every_call_is_mid_morning_on_a_working_day(offset: int) -> None:
    day = MON + timedelta(days=offset)
    avery = person("Avery Smith", phones=(Phone("+14155550123", "work", "415 555 0123"),))
    for decision in (None, day + timedelta(days=offset % 5 + 1)):
        (call,) = tasks_of(plan([(avery, at(day, 15))], ctx(now=at(day, 8), decision_by=decision)), "follow-up-call")
        assert call.due.weekday() < 5
        assert call.due.time() == time(10, 0)


def test_recruiter_gets_a_circle_back_only_next_to_an_interviewer() -> None:
    avery = person("Avery Smith")
    rita = person("Rita Reyes", title="Senior Talent Acquisition Partner")
    p = plan([(avery, at(MON, 14)), (rita, at(MON, 14, 5))], ctx())
    assert [t.contact_key for t in tasks_of(p, "recruiter")] == [contact_key(rita)]
    # the recruiter alone was the interviewer: nobody to circle back about
    assert tasks_of(plan([(rita, at(MON, 14))], ctx()), "recruiter") == []
    # an HR person of another company the same day is another interview
    hal = person("Hal Hughes", title="HR Business Partner", domain="globex.com", company="Globex")
    assert tasks_of(plan([(avery, at(MON, 14)), (hal, at(MON, 16))], ctx()), "recruiter") == []


def test_handwritten_note_only_for_cards_with_an_address() -> None:
    addr = Address(lines=("1 Main St", "Springfield, IL 62701"), street="1 Main St", city="Springfield")
    avery = person("Avery Smith", address=addr)
    bo = person("Bo Brown")
    p = plan([(avery, at(MON, 14)), (bo, at(MON, 14))], ctx())
    notes = tasks_of(p, "handwritten-note")
    assert [t.contact_key for t in notes] == [contact_key(avery)]
    assert notes[0].due.date() == MON
    assert "1 Main St" in notes[0].detail


def test_exactly_one_call_per_contact_even_when_a_card_is_scanned_twice() -> None:
    avery, bo = person("Avery Smith"), person("Bo Brown")
    p = plan([(avery, at(MON, 14)), (bo, at(MON, 14)), (avery, at(MON, 20))], ctx())
    calls = tasks_of(p, "follow-up-call")
    assert sorted(t.contact_key for t in calls) == sorted([contact_key(avery), contact_key(bo)])
    assert len(tasks_of(p, "thank-you")) == 2


def test_call_is_at_ten_in_the_contacts_zone_from_a_uk_number() -> None:
    ian = person("Ian Clarke", phones=(Phone("+442079460000", "work", "+44 20 7946 0000"),))
    (call,) = tasks_of(plan([(ian, at(MON, 14))], ctx()), "follow-up-call")
    assert call.due.tzinfo == LONDON
    assert call.due == datetime(2026, 3, 9, 10, tzinfo=LONDON)
    assert call.due.astimezone(NY).hour == 6  # US clocks went forward on 8 March, the UK ones not yet


def test_contact_zone_only_when_the_phone_tells_it() -> None:
    def zone(number: str) -> str | None:
        z = contact_zone(Contact(phones=(Phone(number, "work", number),)), 2026)
        return z.key if z else None

    assert zone("+14155550123") == "America/Los_Angeles"  # the area code pins it
    assert zone("+447700900123") == "Europe/London"  # country-wide: all UK zones keep one clock
    assert zone("+81312345678") == "Asia/Tokyo"
    assert zone("+18005550123") is None  # toll-free: anywhere in North America
    assert zone("+61255501234") in {None, "Australia/Sydney"}  # never a different Australian zone
    assert contact_zone(Contact(), 2026) is None


def test_unknown_zone_falls_back_to_the_users() -> None:
    avery = person("Avery Smith", phones=(Phone("+18005550123", "work", "800 555 0123"),))
    (call,) = tasks_of(plan([(avery, at(MON, 14))], ctx()), "follow-up-call")
    assert call.due == at(date(2026, 3, 9), 10)


def test_one_self_critique_and_one_references_task_per_interview_day() -> None:
    avery, bo = person("Avery Smith"), person("Bo Brown")
    cy = person("Cy Chen", domain="globex.com", company="Globex")
    p = plan([(avery, at(MON, 10)), (bo, at(MON, 11)), (cy, at(MON + timedelta(days=2), 10))], ctx())
    assert len(p.interviews) == 2
    for kind in ("self-critique", "references"):
        ts = tasks_of(p, kind)
        assert len(ts) == 2
        assert all(t.contact_key is None for t in ts)
    first = [t for t in tasks_of(p, "self-critique") if t.interview_key.endswith(MON.isoformat())]
    assert first[0].due - at(MON, 10) <= timedelta(hours=48)
    refs = [t for t in tasks_of(p, "references") if t.interview_key.endswith(MON.isoformat())]
    assert refs[0].due.date() in {MON, MON + timedelta(days=1)}


def test_cards_group_by_domain_or_company_name_on_the_same_day() -> None:
    web_only = Contact(name=PersonName(full="Dee Diaz"), website="https://www.acme.com/careers")
    mail = person("Avery Smith")
    gmail_a = person("Eli Ent", domain="gmail.com", company="Initech")
    gmail_b = person("Flo Fox", domain="gmail.com", company="INITECH ")
    gmail_other = person("Gus Gray", domain="gmail.com", company="Umbrella")
    ivs = group_interviews([(mail, at(MON, 9)), (web_only, at(MON, 10)), (gmail_a, at(MON, 11)),
                            (gmail_b, at(MON, 12)), (gmail_other, at(MON, 13))], NY)  # fmt: skip
    groups = sorted(sorted(c.name.full for c in iv.contacts if c.name) for iv in ivs)
    assert groups == [["Avery Smith", "Dee Diaz"], ["Eli Ent", "Flo Fox"], ["Gus Gray"]]
    # the same company on another day is another interview
    assert len(group_interviews([(mail, at(MON, 9)), (web_only, at(MON + timedelta(days=1), 9))], NY)) == 2


def test_nothing_is_planned_in_the_past_when_cards_are_scanned_late() -> None:
    avery = person("Avery Smith")
    now = at(MON + timedelta(days=3), 9, 7)  # Thursday morning, three days after the interview
    p = plan([(avery, at(MON, 14))], ctx(now=now))
    assert all(t.due >= now for t in p.tasks)
    (thanks,) = tasks_of(p, "thank-you")
    assert thanks.due == at(MON + timedelta(days=3), 9, 15)  # straight away, on the next quarter hour
    (call,) = tasks_of(p, "follow-up-call")
    assert call.due == at(date(2026, 3, 9), 10)  # the week rule is still in the future


def test_plan_is_ordered_typed_and_repeat_free() -> None:
    people = [person(n) for n in ("Avery Smith", "Bo Brown", "Cy Chen")]
    p = plan([(c, at(MON, 14)) for c in people], ctx())
    assert [t.due for t in p.tasks] == sorted(t.due for t in p.tasks)
    assert {t.kind for t in p.tasks} <= set(TASK_KINDS)
    assert all(t.due.tzinfo is not None and t.duration_minutes in (15, 30) for t in p.tasks)
    keys = [(t.kind, t.contact_key, t.interview_key) for t in p.tasks]
    assert len(keys) == len(set(keys))  # no task twice: no repeating reminders


def test_linkedin_task_uses_the_url_from_the_card() -> None:
    avery = person("Avery Smith", linkedin="https://www.linkedin.com/in/avery-smith")
    (t,) = tasks_of(plan([(avery, at(MON, 14))], ctx()), "linkedin")
    assert "https://www.linkedin.com/in/avery-smith" in t.detail
    assert t.due - at(MON, 14) <= timedelta(days=2)


def test_note_text_reads_as_a_short_plan() -> None:
    ian = person("Ian Clarke", phones=(Phone("+442079460000", "work", "+44 20 7946 0000"),))
    p = plan([(ian, at(MON, 14))], ctx())
    text = note_text(ian, p)
    assert text.startswith("Met 2026-03-02, interview for Data Engineer.")
    assert "Thank-you email by Mon 2 Mar 18:00." in text
    assert "Follow-up call once: Mon 9 Mar 10:00 Europe/London time." in text
    assert text.count("Follow-up call") == 1
    assert note_text(person("Nobody Here"), p) == ""  # a contact outside the plan gets no note


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="time-zone-aware"):
        plan([(person("Avery Smith"), datetime(2026, 3, 2, 14))], ctx())


# --------------------------------------------------------------------------- the rules as one table
# Each row is a scenario from FOLLOWUP.md and the whole plan it must give, task by task, with
# "now" fixed at 08:00 on the interview day. Times are in the user's zone (New York) unless named.
FRI = date(2026, 3, 6)
AVERY = person("Avery Smith")
RITA = person("Rita Reyes", title="Senior Talent Acquisition Partner")
NO_EMAIL = person("Bo Brown", emails=(), phones=(Phone("+14155550123", "work", "(415) 555-0123"),))
WITH_ADDRESS = person("Cy Chen", address=Address(lines=("1 Main St", "Springfield, IL 62701"), street="1 Main St"))

PLAN_TABLE = [
    ("daytime interview, no decision date", [(AVERY, at(MON, 14))], None, [
        "Mon 02 18:00 thank-you Avery",
        "Tue 03 12:00 references you",
        "Tue 03 18:00 linkedin Avery",
        "Tue 03 19:00 self-critique you",
        "Mon 09 10:00 follow-up-call Avery",
    ]),
    ("evening interview: thank-you the next morning", [(AVERY, at(MON, 19, 30))], None, [
        "Tue 03 09:00 thank-you Avery",
        "Tue 03 12:00 references you",
        "Tue 03 18:00 linkedin Avery",
        "Tue 03 19:00 self-critique you",
        "Mon 09 10:00 follow-up-call Avery",
    ]),
    ("decision date given: call the first working day after it", [(AVERY, at(MON, 14))], date(2026, 3, 11), [
        "Mon 02 18:00 thank-you Avery",
        "Tue 03 12:00 references you",
        "Tue 03 18:00 linkedin Avery",
        "Tue 03 19:00 self-critique you",
        "Thu 12 10:00 follow-up-call Avery",
    ]),
    ("Friday interview, decision by Friday: call on Monday", [(AVERY, at(FRI, 11))], date(2026, 3, 13), [
        "Fri 06 18:00 thank-you Avery",
        "Sat 07 12:00 references you",
        "Sat 07 18:00 linkedin Avery",
        "Sat 07 19:00 self-critique you",
        "Mon 16 10:00 follow-up-call Avery",
    ]),
    ("Friday evening interview with a recruiter: circle back on Monday", [(AVERY, at(FRI, 18)), (RITA, at(FRI, 18))],
     None, [
        "Sat 07 09:00 thank-you Avery",
        "Sat 07 09:00 thank-you Rita",
        "Sat 07 12:00 references you",
        "Sat 07 18:00 linkedin Avery",
        "Sat 07 18:00 linkedin Rita",
        "Sat 07 19:00 self-critique you",
        "Mon 09 11:00 recruiter Rita",
        "Fri 13 10:00 follow-up-call Avery",
        "Fri 13 10:00 follow-up-call Rita",
    ]),
    ("the recruiter was the only interviewer: no circle-back", [(RITA, at(MON, 14))], None, [
        "Mon 02 18:00 thank-you Rita",
        "Tue 03 12:00 references you",
        "Tue 03 18:00 linkedin Rita",
        "Tue 03 19:00 self-critique you",
        "Mon 09 10:00 follow-up-call Rita",
    ]),
    ("no email: the call is at 10:00 in the phone's zone", [(NO_EMAIL, at(MON, 14))], None, [
        "Mon 02 18:00 thank-you Bo",
        "Tue 03 12:00 references you",
        "Tue 03 18:00 linkedin Bo",
        "Tue 03 19:00 self-critique you",
        "Mon 09 10:00 follow-up-call Bo America/Los_Angeles",
    ]),
    ("an address on the card: a handwritten note the same day", [(WITH_ADDRESS, at(MON, 14))], None, [
        "Mon 02 18:00 thank-you Cy",
        "Mon 02 18:00 handwritten-note Cy",
        "Tue 03 12:00 references you",
        "Tue 03 18:00 linkedin Cy",
        "Tue 03 19:00 self-critique you",
        "Mon 09 10:00 follow-up-call Cy",
    ]),
]  # fmt: skip


def plan_lines(p: Plan, people: list[Contact]) -> list[str]:
    names = {contact_key(c): c.name.given for c in people if c.name}
    lines = []
    for t in p.tasks:
        zone = getattr(t.due.tzinfo, "key", "")
        where = "" if zone == NY.key else f" {zone}"
        lines.append(f"{t.due:%a %d %H:%M} {t.kind} {names[t.contact_key] if t.contact_key else 'you'}{where}")
    return lines


@pytest.mark.parametrize(
    ("cards", "decision_by", "expected"), [row[1:] for row in PLAN_TABLE], ids=[row[0] for row in PLAN_TABLE]
)
def test_the_plan_table(cards: list[tuple[Contact, datetime]], decision_by: date | None, expected: list[str]) -> None:
    now = at(cards[0][1].date(), 8)
    p = plan(cards, ctx(now=now, decision_by=decision_by))
    assert plan_lines(p, [c for c, _ in cards]) == expected


def test_a_card_without_an_email_is_still_thanked_and_called() -> None:
    (thanks,) = tasks_of(plan([(NO_EMAIL, at(MON, 14))], ctx()), "thank-you")
    assert "no email address" in thanks.detail  # says where to find one rather than inventing it
    (call,) = tasks_of(plan([(NO_EMAIL, at(MON, 14))], ctx()), "follow-up-call")
    assert "+14155550123" in call.detail
    assert "no email address" not in tasks_of(plan([(AVERY, at(MON, 14))], ctx()), "thank-you")[0].detail
