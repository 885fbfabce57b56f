"""Thank-you email drafts: drafts/<slug>.eml for every contact with an email address.

Header values are stripped of line breaks before they reach the email package,
so OCR text cannot add headers. The draft is never sent: X-Unsent: 1 marks it.
"""

from __future__ import annotations

import email.policy
from collections.abc import Sequence
from datetime import date, datetime
from email.errors import MessageError
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from ..config import Settings
from ..followup import Plan, contact_key
from ..models import Contact, ScanResult
from .safe import atomic_write, clean, contact_slugs, one_line

PLACEHOLDER = "[Something they said: recall one point from your conversation and why it stayed with you.]"
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")  # fmt: skip


def greeting(c: Contact) -> str:
    """'Dear Ms. Smith,' when the card gives a prefix, else 'Dear Avery,'; never a guessed title."""
    n = c.name
    if n and n.prefix and n.family:
        return f"Dear {one_line(n.prefix)} {one_line(n.family)},"
    if n and n.given:
        return f"Dear {one_line(n.given)},"
    if n and n.full.strip():
        return f"Dear {one_line(n.full)},"
    return "Hello,"


def subject(role: str | None) -> str:
    return f"Thank you — {one_line(role)} interview" if role else "Thank you for the interview"


def _met_on(c: Contact, plan: Plan | None) -> date | None:
    key = contact_key(c)
    for iv in plan.interviews if plan else ():
        if any(contact_key(x) == key for x in iv.contacts):
            return iv.day
    return None


def _sentence(text: str) -> str:
    """A full stop at the end, unless the text already has one ("Prism Foods Ltd.")."""
    return text if text.endswith(".") else text + "."


def body(c: Contact, role: str | None, me: str | None, met: date | None) -> str:
    company = clean(c.company).strip() if c.company else ""
    position = f"the {clean(role).strip()} role" if role else "the role"
    at = f" at {company}" if company else ""
    when = f" on {_DAYS[met.weekday()]}, {met.day} {_MONTHS[met.month - 1]}" if met else ""
    paragraphs = [
        greeting(c),
        _sentence(f"Thank you for taking the time to meet with me{when} to talk about {position}{at}"),
        PLACEHOLDER,
        _sentence(f"Our conversation confirmed my interest in {position}{at}")
        + " If there is anything more you need from me, I am glad to send it.",
        "Kind regards,\n" + (clean(me).strip() if me else "[Your name]"),
    ]
    return "\n\n".join(paragraphs) + "\n"


def draft(c: Contact, role: str | None, me: str | None, now: datetime, met: date | None) -> bytes | None:
    """The RFC 5322 bytes of one draft, or None when the contact has no usable email address."""
    if not c.emails:
        return None
    display = one_line(c.name.full) if c.name else ""
    try:
        to = Address(display_name=display, addr_spec=one_line(c.emails[0]))
    except (ValueError, MessageError):
        return None  # not an address the email package can write: better no draft than a broken one
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["Date"] = format_datetime(now)
    msg["To"] = to
    msg["Subject"] = subject(role)
    msg["X-Unsent"] = "1"  # Outlook and Apple Mail open the file as a draft to edit and send
    msg.set_content(body(c, role, me, met))
    return msg.as_bytes()


def write(
    out_dir: Path,
    contacts: Sequence[Contact],
    plan: Plan | None,
    settings: Settings,
    now: datetime,
    results: Sequence[ScanResult] = (),
) -> list[Path]:
    """drafts/<slug>.eml per contact with an email; the slug matches vcards/<slug>.vcf."""
    role = settings.role or (plan.role if plan else None)
    paths = []
    for s, c in zip(contact_slugs(contacts), contacts, strict=True):
        data = draft(c, role, settings.me, now, _met_on(c, plan))
        if data is not None:
            paths.append(atomic_write(out_dir, Path("drafts") / f"{s}.eml", data))
    return paths
