"""report.html: one self-contained page with the contacts, the failed inputs and the schedule.

Every value goes through html.escape; the page loads nothing and runs no script,
and its Content-Security-Policy forbids both even if escaping were ever missed.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from ..config import Settings
from ..followup import Plan, contact_key, display_name, short_when
from ..models import FIELDS, Contact, ScanResult, Status
from .safe import atomic_write, clean

CSP = "default-src 'none'; style-src 'unsafe-inline'"
STYLE = (
    "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}"
    "table{border-collapse:collapse;margin-bottom:2em}"
    "th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}"
    "td.review{background:#fff3b0}"
    "td.review::after{content:' (check)';color:#a05a00;font-size:90%}"
)
_HEADINGS = {
    "name": "Name",
    "title": "Title",
    "department": "Department",
    "company": "Company",
    "emails": "Email",
    "phones": "Phone",
    "website": "Website",
    "linkedin": "LinkedIn",
    "address": "Address",
}


def _e(text: str) -> str:
    return html.escape(clean(text), quote=True).replace("\n", "<br>")


def _field(c: Contact, name: str) -> str:
    value = {
        "name": c.name.full if c.name else "",
        "emails": "\n".join(c.emails),
        "phones": "\n".join(f"{p.number} ({p.type})" for p in c.phones),
        "address": c.address.text if c.address else "",
    }.get(name)
    if value is None:
        value = getattr(c, name) or ""
    return value


def _contacts_table(contacts: Sequence[Contact]) -> list[str]:
    out = [
        "<h2>Contacts</h2>",
        "<table>",
        "<tr>" + "".join(f"<th>{_HEADINGS[f]}</th>" for f in FIELDS) + "</tr>",
    ]
    for c in contacts:
        cells = []
        for f in FIELDS:
            cls = ' class="review"' if f in c.review else ""
            cells.append(f"<td{cls}>{_e(_field(c, f))}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return out


def _failures(results: Sequence[ScanResult]) -> list[str]:
    bad = [r for r in results if r.status is not Status.OK]
    if not bad:
        return []
    out = [
        "<h2>Inputs that gave no contact</h2>",
        "<table>",
        "<tr><th>File</th><th>Status</th><th>Reason</th></tr>",
    ]
    for r in bad:
        out.append(f"<tr><td>{_e(r.source)}</td><td>{_e(r.status.value)}</td><td>{_e(r.error or '')}</td></tr>")
    out.append("</table>")
    return out


def _schedule(plan: Plan, contacts: Sequence[Contact]) -> list[str]:
    names = {contact_key(c): display_name(c) for c in contacts}
    out = [
        "<h2>Follow-up schedule</h2>",
        "<table>",
        "<tr><th>When</th><th>Task</th><th>Contact</th><th>What to do</th></tr>",
    ]
    for t in plan.tasks:
        zone = getattr(t.due.tzinfo, "key", "") or ""
        when = f"{short_when(t.due)[:3]} {t.due:%Y-%m-%d %H:%M} {zone}".rstrip()
        who = names.get(t.contact_key, "") if t.contact_key else "you"
        out.append(f"<tr><td>{_e(when)}</td><td>{_e(t.title)}</td><td>{_e(who)}</td><td>{_e(t.detail)}</td></tr>")
    out.append("</table>")
    return out


def report_html(contacts: Sequence[Contact], plan: Plan | None, results: Sequence[ScanResult], now: datetime) -> str:
    body = [f"<h1>cardscan report</h1><p>Written {_e(now.astimezone(UTC).strftime('%Y-%m-%d %H:%M UTC'))}.</p>"]
    body += _contacts_table(contacts)
    body += _failures(results)
    if plan is not None:
        body += _schedule(plan, contacts)
    head = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f"<title>cardscan report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
    )
    return head + "\n".join(body) + "\n</body>\n</html>\n"


def write(
    out_dir: Path,
    contacts: Sequence[Contact],
    plan: Plan | None,
    settings: Settings,
    now: datetime,
    results: Sequence[ScanResult] = (),
) -> list[Path]:
    return [atomic_write(out_dir, "report.html", report_html(contacts, plan, results, now).encode("utf-8"))]
