"""The interview follow-up plan of shared/FOLLOWUP.md: cards in, dated tasks out.

Pure: "now" and the user's time zone are injected, nothing is read or written
here. The exporters turn a Plan into vCard notes, calendar events and drafts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers
from phonenumbers import timezone as phone_tz
from phonenumbers.tzdata import TIMEZONE_DATA

from .models import Contact

#: Every task kind, in the order tasks of the same time are listed.
TASK_KINDS: tuple[str, ...] = (
    "thank-you",
    "handwritten-note",
    "linkedin",
    "recruiter",
    "follow-up-call",
    "self-critique",
    "references",
)

# A card photographed at or after this hour was photographed at home after the interview,
# so the thank-you can wait for the next morning [C][D].
EVENING = time(17, 0)
CALL_TIME = time(10, 0)  # mid-morning, their local time [D][E]
DAYS_TO_CALL = 7  # "about one week after the interview" when no decision date was given [E]

_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_RECRUITER = re.compile(
    r"\b(recruit\w*|talent|hr|human resources|people (?:partner|operations)|sourc(?:er|ing))\b", re.I
)
# Free-mail domains say nothing about the employer, so they never group cards into one interview.
_FREE_MAIL = frozenset(
    ("gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com",
     "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de",
     "yandex.ru", "qq.com", "163.com")
)  # fmt: skip


@dataclass(frozen=True)
class FollowupContext:
    role: str | None
    decision_by: date | None
    me: str | None
    tz: ZoneInfo  # the user's zone: their own tasks and calls of unknown zone are in it
    now: datetime  # tz-aware; nothing is planned before it


@dataclass(frozen=True)
class Interview:
    """Cards of one company photographed on one day (in the user's zone)."""

    company_key: str
    day: date
    contacts: tuple[Contact, ...]
    met_at: datetime  # the earliest photo of the group


@dataclass(frozen=True)
class Task:
    kind: str  # one of TASK_KINDS
    contact_key: str | None  # None for the user's own tasks (self-critique, references)
    title: str
    detail: str
    due: datetime  # tz-aware, in the zone the task happens in
    duration_minutes: int
    all_day: bool = False
    interview_key: str = ""  # "<company_key>@<day>": identifies the user's own tasks


@dataclass(frozen=True)
class Plan:
    tasks: tuple[Task, ...]
    interviews: tuple[Interview, ...] = ()
    role: str | None = None
    tz: str = ""  # the user's zone name, to tell when a call is in another zone


# --------------------------------------------------------------------------- keys


def contact_key(c: Contact) -> str:
    """A stable identity: first email, else first phone, else name, else company."""
    if c.emails:
        return "email:" + c.emails[0].casefold()
    if c.phones:
        return "tel:" + c.phones[0].number
    if c.name and c.name.full.strip():
        return "name:" + " ".join(c.name.full.casefold().split())
    if c.company and c.company.strip():
        return "org:" + " ".join(c.company.casefold().split())
    return ""


def display_name(c: Contact, fallback: str = "contact") -> str:
    """What to call the contact: the name, else the email, else the company, else `fallback`."""
    if c.name and c.name.full.strip():
        return c.name.full.strip()
    if c.emails:
        return c.emails[0]
    if c.company and c.company.strip():
        return c.company.strip()
    return fallback


def _domain(text: str) -> str:
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text.strip().casefold())
    host = re.split(r"[/?#:]", host, maxsplit=1)[0]
    return host.removeprefix("www.")


def _company_tokens(c: Contact) -> set[str]:
    tokens = {"d:" + d for d in (_domain(e.rpartition("@")[2]) for e in c.emails) if d and d not in _FREE_MAIL}
    if c.website and _domain(c.website):
        tokens.add("d:" + _domain(c.website))
    if c.company and c.company.strip():
        tokens.add("n:" + " ".join(c.company.casefold().split()))
    return tokens


def is_recruiter(c: Contact) -> bool:
    return bool(c.title and _RECRUITER.search(c.title))


# --------------------------------------------------------------------------- grouping


def group_interviews(entries: Sequence[tuple[Contact, datetime]], tz: ZoneInfo) -> tuple[Interview, ...]:
    """Cards of one company (shared email/website domain or name) on one day form one interview."""
    by_day: dict[date, list[tuple[Contact, datetime]]] = {}
    seen: set[str] = set()
    for c, taken in entries:
        key = contact_key(c)
        if key and key in seen:  # the same person scanned twice gets one set of tasks
            continue
        seen.add(key)
        by_day.setdefault(taken.astimezone(tz).date(), []).append((c, taken))

    interviews: list[Interview] = []
    for day, items in sorted(by_day.items()):
        groups: list[tuple[set[str], list[tuple[Contact, datetime]]]] = []
        for c, taken in items:
            tokens = _company_tokens(c) or {"c:" + contact_key(c)}
            joined = [g for g in groups if g[0] & tokens]
            merged_tokens, merged_items = set(tokens), [(c, taken)]
            for g in joined:  # this card links groups that share one of its tokens
                merged_tokens |= g[0]
                merged_items = g[1] + merged_items
                groups.remove(g)
            groups.append((merged_tokens, merged_items))
        for tokens, members in groups:
            members.sort(key=lambda m: (m[1], contact_key(m[0])))
            interviews.append(
                Interview(
                    company_key=min(tokens)[2:],  # "d:" sorts before "n:": a domain is preferred
                    day=day,
                    contacts=tuple(m[0] for m in members),
                    met_at=members[0][1],
                )
            )
    interviews.sort(key=lambda i: (i.day, i.met_at, i.company_key))
    return tuple(interviews)


# --------------------------------------------------------------------------- dates


def next_working_day(d: date) -> date:
    """d itself when it is Monday to Friday, else the Monday after (holidays are not known)."""
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


def _at(d: date, t: time, tz: ZoneInfo) -> datetime:
    return datetime.combine(d, t, tzinfo=tz)


def _not_before(due: datetime, now: datetime) -> datetime:
    """A due time already past becomes the next quarter hour after now (cards scanned late)."""
    if due >= now:
        return due
    local = now.astimezone(due.tzinfo)
    minutes = -(-(local.minute * 60 + local.second + local.microsecond / 1e6) // 900) * 15
    return local.replace(minute=0, second=0, microsecond=0) + timedelta(minutes=minutes)


def contact_zone(c: Contact, year: int) -> ZoneInfo | None:
    """The contact's zone from their phone's country, only when it is unambiguous."""
    for p in sorted(c.phones, key=lambda p: p.type == "fax"):  # a fax line is the last resort
        try:
            parsed = phonenumbers.parse(p.number)
        except phonenumbers.NumberParseException:
            continue
        zones = [z for z in phone_tz.time_zones_for_number(parsed) if z != phone_tz.UNKNOWN_TIMEZONE]
        if len(zones) == 1:
            return _zone(zones[0])
        cc = parsed.country_code or 0
        country = [_zone(z) for z in TIMEZONE_DATA.get(str(cc), ())]
        known = [z for z in country if z is not None]
        if known and _same_clock(known, year):
            # e.g. +44 lists London, Jersey, Guernsey and Man: one clock, so name the main one
            main = _main_zone(cc)
            return main if main is not None and _same_clock([main, *known], year) else known[0]
    return None


def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _same_clock(zones: Sequence[ZoneInfo], year: int) -> bool:
    probes = [datetime(year, m, 15, 12, tzinfo=ZoneInfo("UTC")) for m in (1, 4, 7, 10)]
    return all(len({p.astimezone(z).utcoffset() for z in zones}) == 1 for p in probes)


def _main_zone(country_code: int) -> ZoneInfo | None:
    region = phonenumbers.region_code_for_country_code(country_code)
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.FIXED_LINE)
    if example is None:
        return None
    zones = phone_tz.time_zones_for_number(example)
    return _zone(zones[0]) if len(zones) == 1 else None


# --------------------------------------------------------------------------- the plan


def plan(entries: Sequence[tuple[Contact, datetime]], ctx: FollowupContext) -> Plan:
    """Tasks for every contact and interview day, ordered by due time (FOLLOWUP.md)."""
    if ctx.now.tzinfo is None or any(taken.tzinfo is None for _, taken in entries):
        raise ValueError("plan() needs time-zone-aware datetimes for now and for every photo.")
    interviews = group_interviews(entries, ctx.tz)
    tasks: list[Task] = []
    for iv in interviews:
        tasks += _interview_tasks(iv, ctx)
    order = {k: i for i, k in enumerate(TASK_KINDS)}
    tasks.sort(key=lambda t: (t.due, order[t.kind], t.contact_key or "", t.interview_key))
    return Plan(tasks=tuple(tasks), interviews=interviews, role=ctx.role, tz=ctx.tz.key)


def _interview_tasks(iv: Interview, ctx: FollowupContext) -> list[Task]:
    tz, now = ctx.tz, ctx.now
    local = iv.met_at.astimezone(tz)
    iv_key = f"{iv.company_key}@{iv.day.isoformat()}"
    role = f" in the {ctx.role} role" if ctx.role else ""
    company = next((c.company for c in iv.contacts if c.company), None) or iv.company_key or "the company"
    evening = local.time() >= EVENING
    thank_due = _at(iv.day + timedelta(days=1), time(9, 0), tz) if evening else _at(iv.day, time(18, 0), tz)
    has_recruiter_gap = any(not is_recruiter(c) for c in iv.contacts)

    out: list[Task] = []
    for c in iv.contacts:
        key, who = contact_key(c), display_name(c)

        def task(kind: str, title: str, detail: str, due: datetime, minutes: int, key: str = key) -> Task:
            return Task(kind, key, title, detail, _not_before(due, now), minutes, interview_key=iv_key)

        # No address on the card means no draft either; say where to find one rather than invent it.
        no_email = "" if c.emails else " The card has no email address: ask the recruiter for it or write on LinkedIn."
        out.append(
            task(
                "thank-you",
                f"Send a thank-you email to {who}",
                "A separate email to this person: address them by name, thank them for their time, "
                f"recap something they said and restate your interest{role}. Keep it brief." + no_email,
                thank_due,
                15,
            )
        )
        if c.address is not None:
            out.append(
                task(
                    "handwritten-note",
                    f"Mail a handwritten note to {who}",
                    "Optional: post it today so it arrives while they are still deciding. "
                    "Address: " + ", ".join(c.address.lines),
                    thank_due,
                    30,
                )
            )
        where = f" ({c.linkedin})" if c.linkedin else ""
        out.append(
            task(
                "linkedin",
                f"Connect with {who} on LinkedIn",
                f"Send a connection request{where} with a short personal line. "
                "If you are not hired, you keep the connection and see their future job posts.",
                _at(iv.day + timedelta(days=1), time(18, 0), tz),
                15,
            )
        )
        if is_recruiter(c) and has_recruiter_gap:
            out.append(
                task(
                    "recruiter",
                    f"Circle back with {who} (recruiter)",
                    "Tell them how the interview went; they can pass on concerns and give you a chance to answer them.",
                    _at(next_working_day(iv.day + timedelta(days=1)), time(11, 0), tz),
                    15,
                )
            )
        out.append(_call(c, iv, ctx, iv_key))

    out.append(
        Task(
            "self-critique",
            None,
            f"Critique your {company} interview",
            "What impressed them, which weaknesses to work on; write notes for next time.",
            _not_before(_at(iv.day + timedelta(days=1), time(19, 0), tz), now),
            30,
            interview_key=iv_key,
        )
    )
    out.append(
        Task(
            "references",
            None,
            f"Alert your references about the {company} interview",
            "Tell them they may get a call and check that their contact details are current.",
            _not_before(_at(iv.day + timedelta(days=1), time(12, 0), tz), now),
            15,
            interview_key=iv_key,
        )
    )
    return out


def _call(c: Contact, iv: Interview, ctx: FollowupContext, iv_key: str) -> Task:
    """The one follow-up call: after the decision date, else a week on; mid-morning their time."""
    if ctx.decision_by is not None:
        day = next_working_day(ctx.decision_by + timedelta(days=1))
        when = f"the decision date ({ctx.decision_by.isoformat()}) has passed"
    else:
        day = next_working_day(iv.day + timedelta(days=DAYS_TO_CALL))
        when = "about a week has passed"
    zone = contact_zone(c, day.year) or ctx.tz
    due = _at(day, CALL_TIME, zone)
    if due < ctx.now:
        due = _at(next_working_day(ctx.now.astimezone(zone).date() + timedelta(days=1)), CALL_TIME, zone)
    phones = ", ".join(p.number for p in c.phones if p.type != "fax")
    return Task(
        "follow-up-call",
        contact_key(c),
        f"Follow-up call to {display_name(c)}",
        f"Call once now that {when}: ask politely whether a decision has been made and whether they "
        "need anything more from you. Only call again if they ask you to." + (f" Phone: {phones}." if phones else ""),
        due,
        15,
        interview_key=iv_key,
    )


# --------------------------------------------------------------------------- text


def short_when(dt: datetime) -> str:
    """'Tue 10 Mar 10:00', independent of the process locale."""
    return f"{_DAY_NAMES[dt.weekday()]} {dt.day} {_MONTH_NAMES[dt.month - 1]} {dt:%H:%M}"


_NOTE_LABELS = {
    "thank-you": "Thank-you email by {when}.",
    "handwritten-note": "Handwritten note (optional) by {when}.",
    "linkedin": "Connect on LinkedIn by {when}.",
    "recruiter": "Recruiter circle-back by {when}.",
    "follow-up-call": "Follow-up call once: {when}.",
}


def note_text(contact: Contact, plan: Plan) -> str:
    """The plan for one contact as short text for the vCard NOTE, e.g. 'Met 2026-03-02, ...'."""
    key = contact_key(contact)
    parts: list[str] = []
    iv = next((i for i in plan.interviews if any(contact_key(c) == key for c in i.contacts)), None)
    if iv is not None:
        role = f", interview for {plan.role}" if plan.role else ", interview"
        parts.append(f"Met {iv.day.isoformat()}{role}.")
    for t in plan.tasks:
        if t.contact_key != key or t.kind not in _NOTE_LABELS:
            continue
        when = short_when(t.due)
        zone = getattr(t.due.tzinfo, "key", "")
        if zone and plan.tz and zone != plan.tz:
            when += f" {zone} time"
        parts.append(_NOTE_LABELS[t.kind].format(when=when))
    return " ".join(parts)
