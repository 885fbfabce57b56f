"""followups.ics and tasks.ics: read back by icalendar and by the stricter `ical` with the same times and texts."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st
from ical.calendar import Calendar as StrictCalendar
from ical.calendar_stream import IcsCalendarStream
from test_export_all import NOW, SAMPLE, SETTINGS, sample_plan

from cardscan.export import ics
from cardscan.export.safe import clean
from cardscan.followup import Plan, Task, contact_key
from cardscan.models import Contact, PersonName, Phone


def calendar(path: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def strict(path: Path) -> StrictCalendar:
    """The `ical` package's reading: it refuses bad values, unknown TZIDs and malformed lines."""
    return IcsCalendarStream.calendar_from_ics(path.read_text(encoding="utf-8"))


def test_every_task_is_one_event_at_its_time_with_an_alarm(tmp_path: Path) -> None:
    plan = sample_plan()
    ics.write(tmp_path, SAMPLE, plan, SETTINGS, NOW)
    cal = calendar(tmp_path / "followups.ics")
    assert cal["METHOD"] == "PUBLISH"
    events = cal.walk("VEVENT")
    assert len(events) == len(plan.tasks)
    for ev, task in zip(events, plan.tasks, strict=True):
        assert ev.decoded("DTSTART") == task.due
        assert ev["DTSTART"].params["TZID"] == task.due.tzinfo.key  # type: ignore[union-attr]
        assert ev.decoded("DURATION") == timedelta(minutes=task.duration_minutes)
        assert str(ev["SUMMARY"]) == task.title
        assert str(ev["X-CARDSCAN-TASK"]) == task.kind
        assert "RRULE" not in ev
        (alarm,) = ev.walk("VALARM")
        assert (str(alarm["ACTION"]), alarm.decoded("TRIGGER")) == ("DISPLAY", timedelta(minutes=-15))
        assert ev.decoded("DTSTAMP") == NOW.astimezone(ZoneInfo("UTC"))
    uids = [str(ev["UID"]) for ev in events]
    assert len(set(uids)) == len(uids)


def test_the_call_description_carries_phone_and_email(tmp_path: Path) -> None:
    plan = sample_plan()
    ics.write(tmp_path, SAMPLE, plan, SETTINGS, NOW)
    avery = SAMPLE[1]
    (call,) = [
        ev
        for ev in calendar(tmp_path / "followups.ics").walk("VEVENT")
        if ev["X-CARDSCAN-TASK"] == "follow-up-call" and "Avery" in str(ev["SUMMARY"])
    ]
    text = str(call["DESCRIPTION"])
    assert "+442079460000" in text and "avery.smith@mueller-soehne.de" in text
    assert call.decoded("DTSTART") == datetime(2026, 3, 9, 10, tzinfo=ZoneInfo("Europe/London"))
    assert contact_key(avery) in {t.contact_key for t in plan.tasks if t.kind == "follow-up-call"}


def test_the_strict_ical_parser_reads_the_same_events_and_todos(tmp_path: Path) -> None:
    plan = sample_plan()
    ics.write(tmp_path, SAMPLE, plan, SETTINGS, NOW)
    cal = strict(tmp_path / "followups.ics")
    assert len(cal.events) == len(plan.tasks) and not cal.todos
    assert {tz.tz_id for tz in cal.timezones} == {getattr(t.due.tzinfo, "key", "") for t in plan.tasks}
    for ev, task in zip(cal.events, plan.tasks, strict=True):
        assert ev.dtstart == task.due and ev.duration == timedelta(minutes=task.duration_minutes)
        assert ev.summary == task.title and ev.rrule is None
        assert [(a.action, a.trigger) for a in ev.alarm] == [("DISPLAY", timedelta(minutes=-15))]
        assert [(x.name, x.value) for x in ev.extras] == [("x-cardscan-task", task.kind)]
    assert len({ev.uid for ev in cal.events}) == len(plan.tasks)
    todos = strict(tmp_path / "tasks.ics").todos
    assert [(t.due, t.summary) for t in todos] == [(t.due, t.title) for t in plan.tasks]
    assert {t.uid for t in todos}.isdisjoint({ev.uid for ev in cal.events})


def test_each_zone_used_has_a_vtimezone_that_matches_zoneinfo(tmp_path: Path) -> None:
    ics.write(tmp_path, SAMPLE, sample_plan(), SETTINGS, NOW)
    cal = calendar(tmp_path / "followups.ics")
    used = {ev["DTSTART"].params["TZID"] for ev in cal.walk("VEVENT")}
    defined = {str(tz["TZID"]): tz for tz in cal.walk("VTIMEZONE")}
    assert used == set(defined) == {"Europe/Berlin", "Europe/London", "America/Los_Angeles"}
    for name, vtz in defined.items():
        zone = ZoneInfo(name)
        observances = vtz.walk("STANDARD") + vtz.walk("DAYLIGHT")
        assert observances
        for obs in observances:
            before, after = obs.decoded("TZOFFSETFROM"), obs.decoded("TZOFFSETTO")
            change = obs.decoded("DTSTART").replace(tzinfo=ZoneInfo("UTC")) - before
            assert (change - timedelta(minutes=1)).astimezone(zone).utcoffset() == before
            assert (change + timedelta(minutes=1)).astimezone(zone).utcoffset() == after


def test_a_zone_without_dst_gets_one_fixed_observance() -> None:
    lines = ics.vtimezone(ZoneInfo("Asia/Tokyo"), [2026])
    assert lines == [
        "BEGIN:VTIMEZONE", "TZID:Asia/Tokyo", "BEGIN:STANDARD", "DTSTART:19700101T000000",
        "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "TZNAME:JST", "END:STANDARD", "END:VTIMEZONE",
    ]  # fmt: skip


def test_tasks_ics_has_the_same_tasks_as_todos(tmp_path: Path) -> None:
    plan = sample_plan()
    ics.write(tmp_path, SAMPLE, plan, SETTINGS, NOW)
    todos = calendar(tmp_path / "tasks.ics").walk("VTODO")
    assert [(t.decoded("DUE"), str(t["X-CARDSCAN-TASK"])) for t in todos] == [(t.due, t.kind) for t in plan.tasks]
    assert not calendar(tmp_path / "tasks.ics").walk("VEVENT")


def test_uids_survive_a_new_run_so_reimport_updates(tmp_path: Path) -> None:
    a = ics.calendar_text(sample_plan(), SAMPLE, NOW)
    b = ics.calendar_text(sample_plan(), SAMPLE, NOW + timedelta(days=1))
    uid = lambda text: [ln for ln in text.split("\r\n") if ln.startswith("UID:")]  # noqa: E731
    assert uid(a) == uid(b)
    assert a != b  # DTSTAMP moved


def test_ocr_text_cannot_add_events_or_properties(tmp_path: Path) -> None:
    eve = Contact(
        name=PersonName(full="Eve\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:pwned"),
        company="Evil; Corp, \\ Ltd",
        emails=("eve@evil.example",),
        phones=(Phone("+14155550123", "work", "x"),),
    )
    plan = sample_plan((eve,))
    ics.write(tmp_path, [eve], plan, SETTINGS, NOW)
    raw = (tmp_path / "followups.ics").read_bytes().decode("utf-8")
    assert all(len(line.encode()) <= 75 for line in raw.split("\r\n"))
    cal = calendar(tmp_path / "followups.ics")
    events = cal.walk("VEVENT")
    assert len(events) == len(plan.tasks)
    thanks = next(ev for ev in events if ev["X-CARDSCAN-TASK"] == "thank-you")
    assert str(thanks["SUMMARY"]) == "Send a thank-you email to Eve\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:pwned"
    critique = next(ev for ev in events if ev["X-CARDSCAN-TASK"] == "self-critique")
    assert "Evil; Corp, \\ Ltd" in str(critique["SUMMARY"])
    strict_events = strict(tmp_path / "followups.ics").events
    assert [ev.summary for ev in strict_events] == [clean(t.title) for t in plan.tasks]


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=120))
def test_any_text_round_trips_through_icalendar(text: str) -> None:
    due = datetime(2026, 3, 9, 10, tzinfo=ZoneInfo("Europe/London"))
    task = Task("thank-you", "email:a@b.c", "Call " + text, text, due, 15)
    raw = ics.calendar_text(Plan(tasks=(task,)), [], NOW)
    assert all(len(line.encode()) <= 75 for line in raw.split("\r\n"))
    (ev,) = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    assert str(ev["SUMMARY"]) == "Call " + clean(text)
    assert str(ev["DESCRIPTION"]) == clean(text)
