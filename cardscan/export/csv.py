"""contacts.csv in Google Contacts' import layout (the header of its own CSV export).

Several values share one cell joined by ' ::: ', as Google does. A cell that a
spreadsheet would run as a formula gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from ..config import Settings
from ..followup import Plan, note_text
from ..models import Contact, ScanResult
from .safe import atomic_write, clean

HEADER: tuple[str, ...] = (
    "First Name",
    "Middle Name",
    "Last Name",
    "Name Prefix",
    "Name Suffix",
    "Organization Name",
    "Organization Title",
    "Organization Department",
    "Notes",
    "Labels",
    "E-mail 1 - Label",
    "E-mail 1 - Value",
    "Phone 1 - Label",
    "Phone 1 - Value",
    "Phone 2 - Label",
    "Phone 2 - Value",
    "Phone 3 - Label",
    "Phone 3 - Value",
    "Phone 4 - Label",
    "Phone 4 - Value",
    "Address 1 - Label",
    "Address 1 - Formatted",
    "Address 1 - Street",
    "Address 1 - City",
    "Address 1 - Region",
    "Address 1 - Postal Code",
    "Address 1 - Country",
    "Website 1 - Label",
    "Website 1 - Value",
    "Website 2 - Label",
    "Website 2 - Value",
)
SEP = " ::: "
# One column pair per phone kind, in this order; Google's own label names.
_PHONE_LABELS = (("mobile", "Mobile"), ("work", "Work"), ("fax", "Work Fax"), ("other", "Other"))
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Bare E.164 numbers are data to every spreadsheet; an apostrophe would end up in the phone book.
_E164 = re.compile(r"\+[1-9][0-9]{5,14}(?: ::: \+[1-9][0-9]{5,14})*")


def neutralise(cell: str) -> str:
    """Prefix a cell that a spreadsheet would take for a formula with an apostrophe (OWASP)."""
    if cell.startswith(_FORMULA_START) and not _E164.fullmatch(cell):
        return "'" + cell
    return cell


def _joined(values: Sequence[str]) -> str:
    # a value holding the separator would split into two on import
    return SEP.join(clean(v).replace(":::", ": : :") for v in values)


def row(c: Contact, note: str) -> list[str]:
    n = c.name
    values: dict[str, str] = {
        "First Name": n.given if n else "",
        "Middle Name": n.middle if n else "",
        "Last Name": n.family if n else "",
        "Name Prefix": n.prefix if n else "",
        "Name Suffix": n.suffix if n else "",
        "Organization Name": c.company or "",
        "Organization Title": c.title or "",
        "Organization Department": c.department or "",
        "Notes": note,
        "Labels": _joined(["* myContacts", "interview"] + ([c.company] if c.company else [])),
    }
    if n and not (n.given or n.family) and n.full:
        values["First Name"] = n.full  # an unsplit name still needs a home
    if c.emails:
        values["E-mail 1 - Label"] = "Work"
        values["E-mail 1 - Value"] = _joined(c.emails)
    slot = 1
    for kind, label in _PHONE_LABELS:
        numbers = [p.number for p in c.phones if p.type == kind]
        if numbers:
            values[f"Phone {slot} - Label"] = label
            values[f"Phone {slot} - Value"] = _joined(numbers)
            slot += 1
    if c.address is not None:
        a = c.address
        values["Address 1 - Label"] = "Work"
        values["Address 1 - Formatted"] = a.text
        values["Address 1 - Street"] = a.street
        values["Address 1 - City"] = a.city
        values["Address 1 - Region"] = a.region
        values["Address 1 - Postal Code"] = a.postcode
        values["Address 1 - Country"] = a.country
    for i, (label, url) in enumerate((("Work", c.website), ("LinkedIn", c.linkedin)), start=1):
        if url:
            values[f"Website {i} - Label"] = label
            values[f"Website {i} - Value"] = url
    return [neutralise(clean(values.get(h, ""))) for h in HEADER]


def csv_text(contacts: Sequence[Contact], plan: Plan | None) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")  # RFC 4180 line ends; quoting is minimal and fixed
    w.writerow(HEADER)
    for c in contacts:
        w.writerow(row(c, note_text(c, plan) if plan else ""))
    return buf.getvalue()


def write(
    out_dir: Path,
    contacts: Sequence[Contact],
    plan: Plan | None,
    settings: Settings,
    now: datetime,
    results: Sequence[ScanResult] = (),
) -> list[Path]:
    return [atomic_write(out_dir, "contacts.csv", csv_text(contacts, plan).encode("utf-8"))]
