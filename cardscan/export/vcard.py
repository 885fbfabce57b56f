"""vCard 3.0 (RFC 2426): one file per contact plus contacts.vcf with all of them.

Every value is escaped, so OCR text can never start a new property or card.
Type values are lowercase as in RFC 2426's own examples (they are case-insensitive).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from ..config import Settings
from ..followup import Plan, contact_key, display_name, note_text
from ..models import Contact, ScanResult
from .safe import atomic_write, clean, contact_slugs, fold

PRODID = "-//cardscan//cardscan 0.1//EN"
# Fixed namespace: the same contact key gives the same UID on every run, so phones update, not duplicate.
_UID_NAMESPACE = uuid.UUID("6f1c2a0e-8d4b-5c3e-9a7f-0b1d2e3f4a5b")
_TEL_TYPES = {"mobile": "cell", "work": "work,voice", "fax": "work,fax", "other": "voice"}


def escape(text: str) -> str:
    """A vCard 3.0 text value: backslash, comma, semicolon and every line break escaped."""
    t = clean(text)
    return t.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def formatted_name(c: Contact) -> str:
    """FN is mandatory: the name, else the email, else the company."""
    return display_name(c, fallback="Unknown contact")


def as_uri(url: str) -> str:
    """URL holds a URI: a card's bare "acme.com" gets http://, which every site still answers."""
    return url if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url) else "http://" + url


def contact_uid(c: Contact) -> str:
    return str(uuid.uuid5(_UID_NAMESPACE, contact_key(c) or formatted_name(c)))


def vcard_text(c: Contact, now: datetime, note: str | None = None) -> str:
    """One BEGIN:VCARD..END:VCARD block, CRLF line ends, folded at 75 octets."""
    n = c.name
    lines = ["BEGIN:VCARD", "VERSION:3.0", "PRODID:" + PRODID]
    parts = (n.family, n.given, n.middle, n.prefix, n.suffix) if n else ("",) * 5
    lines.append("N:" + ";".join(escape(p) for p in parts))
    lines.append("FN:" + escape(formatted_name(c)))
    if c.company or c.department:
        lines.append(f"ORG:{escape(c.company or '')};{escape(c.department or '')}")
    if escape(c.title or ""):
        lines.append("TITLE:" + escape(c.title or ""))
    for p in c.phones:
        lines.append(f"TEL;TYPE={_TEL_TYPES.get(p.type, 'voice')}:{escape(p.number)}")
    for e in c.emails:
        lines.append("EMAIL;TYPE=internet:" + escape(e))
    for url in (c.website, c.linkedin):
        if url:
            lines.append("URL:" + escape(as_uri(url)))
    if c.address is not None:
        a = c.address
        street = a.street
        if not (a.street or a.city or a.region or a.postcode):
            street = "\n".join(a.lines)  # unparsed: keep the printed lines rather than lose them
        adr = ("", "", street, a.city, a.region, a.postcode, a.country)
        lines.append("ADR;TYPE=work:" + ";".join(escape(x) for x in adr))
    if note:
        lines.append("NOTE:" + escape(note))
    categories = ["interview"] + ([c.company] if c.company else [])
    lines.append("CATEGORIES:" + ",".join(escape(x) for x in categories))
    lines.append("UID:" + contact_uid(c))
    lines.append("REV:" + now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines)


def write(
    out_dir: Path,
    contacts: Sequence[Contact],
    plan: Plan | None,
    settings: Settings,
    now: datetime,
    results: Sequence[ScanResult] = (),
) -> list[Path]:
    """vcards/<slug>.vcf per contact and contacts.vcf with all of them (what phones import)."""
    cards = [vcard_text(c, now, note_text(c, plan) if plan else None) for c in contacts]
    paths = [
        atomic_write(out_dir, Path("vcards") / f"{s}.vcf", card.encode("utf-8"))
        for s, card in zip(contact_slugs(contacts), cards, strict=True)
    ]
    paths.append(atomic_write(out_dir, "contacts.vcf", "".join(cards).encode("utf-8")))
    return paths
