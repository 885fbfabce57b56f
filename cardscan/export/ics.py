"""iCalendar (RFC 5545): followups.ics with one timed VEVENT per task, tasks.ics with VTODOs.

No RRULE anywhere: FOLLOWUP.md plans each reminder once. Every zone used gets a
VTIMEZONE built from zoneinfo's own transitions, so no calendar has to guess.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from ..config import Settings
from ..followup import Plan, Task, contact_key, display_name
from ..models import Contact, ScanResult
from .safe import atomic_write, clean, fold

PRODID = "-//cardscan//cardscan 0.1//EN"
ALARM_BEFORE = "-PT15M"


def escape(text: str) -> str:
    """An RFC 5545 TEXT value: backslash, semicolon, comma and line breaks escaped."""
    t = clean(text)
    return t.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def task_uid(t: Task) -> str:
    """Stable across runs, so re-importing the file updates the event instead of adding one."""
    subject = t.contact_key or t.interview_key
    return hashlib.sha256(f"{subject}|{t.kind}".encode()).hexdigest()[:32] + "@cardscan"


# --------------------------------------------------------------------------- time zones


def _zone_of(dt: datetime) -> ZoneInfo | None:
    tz = dt.tzinfo
    return tz if isinstance(tz, ZoneInfo) and tz.key != "UTC" else None


def _stamp(dt: datetime) -> str:
    return dt.strftime("%Y%m%dT%H%M%S")


def _offset(td: timedelta | None) -> str:
    total = int((td or timedelta()).total_seconds())
    sign = "-" if total < 0 else "+"
    h, rem = divmod(abs(total), 3600)
    m, s = divmod(rem, 60)
    return f"{sign}{h:02d}{m:02d}" + (f"{s:02d}" if s else "")


def _transitions(tz: tzinfo, start: datetime, end: datetime) -> list[datetime]:
    """UTC instants in [start, end) where the zone's offset or name changes, to the minute."""

    def state(t: datetime) -> tuple[timedelta | None, str | None]:
        local = t.astimezone(tz)
        return local.utcoffset(), local.tzname()

    found: list[datetime] = []
    t = start
    while t < end:
        nxt = t + timedelta(days=1)
        if state(t) != state(nxt):
            lo, hi = t, nxt  # binary search to the minute: zones change on whole minutes
            while hi - lo > timedelta(minutes=1):
                mid = lo + (hi - lo) / 2
                lo, hi = (mid, hi) if state(mid) == state(lo) else (lo, mid)
            found.append(hi.replace(second=0, microsecond=0))
        t = nxt
    return found


def vtimezone(zone: ZoneInfo, years: Sequence[int]) -> list[str]:
    """VTIMEZONE lines covering the given years (and the year before, for the first observance)."""
    start = datetime(min(years) - 1, 1, 1, tzinfo=UTC)
    end = datetime(max(years) + 1, 1, 1, tzinfo=UTC)
    lines = ["BEGIN:VTIMEZONE", "TZID:" + zone.key]
    changes = _transitions(zone, start, end)
    if not changes:  # no DST in these years: one fixed observance
        local = start.astimezone(zone)
        off = _offset(local.utcoffset())
        lines += ["BEGIN:STANDARD", "DTSTART:19700101T000000", f"TZOFFSETFROM:{off}", f"TZOFFSETTO:{off}"]
        lines += [f"TZNAME:{escape(local.tzname() or zone.key)}", "END:STANDARD"]
    for utc in changes:
        before = (utc - timedelta(minutes=1)).astimezone(zone)
        after = utc.astimezone(zone)
        kind = "DAYLIGHT" if after.dst() else "STANDARD"
        # DTSTART is the wall-clock time of the change as read on the old offset (RFC 5545 3.6.5)
        wall = (utc + (before.utcoffset() or timedelta())).replace(tzinfo=None)
        lines += [f"BEGIN:{kind}", f"DTSTART:{_stamp(wall)}"]
        lines += [f"TZOFFSETFROM:{_offset(before.utcoffset())}", f"TZOFFSETTO:{_offset(after.utcoffset())}"]
        lines += [f"TZNAME:{escape(after.tzname() or zone.key)}", f"END:{kind}"]
    lines.append("END:VTIMEZONE")
    return lines


def _when(prop: str, dt: datetime, all_day: bool) -> str:
    if all_day:
        return f"{prop};VALUE=DATE:{dt.date().strftime('%Y%m%d')}"
    zone = _zone_of(dt)
    if zone is None:  # UTC or a fixed offset: write the instant in UTC
        return f"{prop}:{_stamp(dt.astimezone(UTC))}Z"
    return f"{prop};TZID={zone.key}:{_stamp(dt)}"


# --------------------------------------------------------------------------- calendar


def _description(t: Task, c: Contact | None) -> str:
    parts = [t.detail]
    if c is not None:
        parts.append("Contact: " + display_name(c))
        parts += [f"Phone ({p.type}): {p.number}" for p in c.phones]
        parts += [f"Email: {e}" for e in c.emails]
    return "\n".join(parts)


def calendar_text(plan: Plan, contacts: Sequence[Contact], now: datetime, todo: bool = False) -> str:
    """The whole VCALENDAR: VEVENTs (or VTODOs when todo=True), CRLF, folded."""
    by_key = {contact_key(c): c for c in contacts}
    stamp = _stamp(now.astimezone(UTC)) + "Z"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + PRODID, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    zones: dict[str, tuple[ZoneInfo, set[int]]] = {}
    for t in plan.tasks:
        zone = _zone_of(t.due)
        if zone is not None and not t.all_day:
            zones.setdefault(zone.key, (zone, set()))[1].add(t.due.year)
    for key in sorted(zones):
        zone, years = zones[key]
        lines += vtimezone(zone, sorted(years))
    for t in plan.tasks:
        c = by_key.get(t.contact_key) if t.contact_key else None
        comp = "VTODO" if todo else "VEVENT"
        lines += [f"BEGIN:{comp}", "UID:" + (task_uid(t).replace("@", "-todo@") if todo else task_uid(t))]
        lines.append("DTSTAMP:" + stamp)
        if todo:
            lines += [_when("DUE", t.due, t.all_day), "STATUS:NEEDS-ACTION"]
        else:
            lines.append(_when("DTSTART", t.due, t.all_day))
            lines.append("DURATION:" + ("P1D" if t.all_day else f"PT{t.duration_minutes}M"))
            lines.append("TRANSP:TRANSPARENT")
        lines.append("SUMMARY:" + escape(t.title))
        lines.append("DESCRIPTION:" + escape(_description(t, c)))
        lines.append("X-CARDSCAN-TASK:" + t.kind)
        if not todo:
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + escape(t.title)]
            lines += ["TRIGGER:" + ALARM_BEFORE, "END:VALARM"]
        lines.append(f"END:{comp}")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)


def write(
    out_dir: Path,
    contacts: Sequence[Contact],
    plan: Plan | None,
    settings: Settings,
    now: datetime,
    results: Sequence[ScanResult] = (),
) -> list[Path]:
    """followups.ics (events with alarms) and tasks.ics (to-dos); nothing without a plan."""
    if plan is None:
        return []
    return [
        atomic_write(out_dir, "followups.ics", calendar_text(plan, contacts, now).encode("utf-8")),
        atomic_write(out_dir, "tasks.ics", calendar_text(plan, contacts, now, todo=True).encode("utf-8")),
    ]
