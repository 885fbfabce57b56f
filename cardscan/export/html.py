"""report.html: one self-contained page with each card's picture and fields, the failures and the timeline.

Every value goes through html.escape; the page loads nothing remote and runs no script, and
its Content-Security-Policy forbids both (images only as data: URIs) even if escaping were ever missed.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..config import Settings
from ..followup import TASK_KINDS, Plan, Task, contact_key, display_name
from ..models import Contact, ScanResult, Status
from .safe import atomic_write, clean

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip
# The fields shown under a card's name; the name itself is the heading.
_LABELS = {
    "title": "Title",
    "department": "Department",
    "company": "Company",
    "emails": "Email",
    "phones": "Phone",
    "website": "Website",
    "linkedin": "LinkedIn",
    "address": "Address",
}
_KIND_LABELS = {
    "thank-you": "Thank-you email",
    "handwritten-note": "Handwritten note",
    "linkedin": "LinkedIn",
    "recruiter": "Recruiter",
    "follow-up-call": "Follow-up call",
    "self-critique": "For you",
    "references": "For you",
}
_KIND_COLOURS = ("#2f5bea", "#7a4cc2", "#0a66c2", "#c4570c", "#12805c", "#5d6b82", "#8a6a2f")

STYLE = (
    ":root{--ink:#1d2433;--muted:#5f6b7d;--line:#e3e6eb;--bg:#f4f5f7;--warn:#fff1bf;--bad:#b42318}"
    "*{box-sizing:border-box}"
    'body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;'
    "color:var(--ink);background:var(--bg)}"
    "header{background:#1d2433;color:#fff;padding:22px 32px}"
    "header h1{margin:0;font-size:24px;font-weight:650}"
    "header p{margin:2px 0 0;color:#c3c9d5}"
    ".stats{display:flex;flex-wrap:wrap;gap:10px;margin:14px 0 0;padding:0;list-style:none}"
    ".stats li{background:rgba(255,255,255,.1);border-radius:8px;padding:4px 12px;color:#dfe3ea}"
    ".stats b{font-size:18px;margin-right:5px;color:#fff}"
    ".stats .hot{background:#f5c542;color:#3d2c00}.stats .hot b{color:#3d2c00}"
    "main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:28px;padding:24px 32px;"
    "max-width:1500px;margin:0 auto}"
    "@media (max-width:900px){main{grid-template-columns:minmax(0,1fr);padding:16px}}"
    "h2{font-size:17px;margin:0 0 12px}"
    "section+section{margin-top:28px}"
    ".card{display:grid;grid-template-columns:240px minmax(0,1fr);gap:18px;background:#fff;"
    "border:1px solid var(--line);border-radius:12px;padding:16px;margin-bottom:14px;"
    "box-shadow:0 1px 2px rgba(16,24,40,.06)}"
    "@media (max-width:560px){.card{grid-template-columns:minmax(0,1fr)}}"
    "figure{margin:0}"
    "figure img{display:block;width:100%;height:auto;border-radius:6px;border:1px solid var(--line)}"
    "figcaption{font-size:12px;color:var(--muted);margin-top:6px;overflow-wrap:anywhere}"
    ".nopic{height:140px;display:flex;align-items:center;justify-content:center;border:1px dashed #bcc3ce;"
    "border-radius:6px;color:var(--muted);font-size:13px}"
    ".card h3{margin:0 0 8px;font-size:19px;line-height:1.3}"
    "dl{margin:0;display:grid;grid-template-columns:max-content minmax(0,1fr);gap:3px 14px}"
    "dt{color:var(--muted);font-size:13px;padding-top:1px}"
    "dd{margin:0;overflow-wrap:anywhere}"
    "a{color:#2f5bea;text-decoration:none}"
    ".review{background:var(--warn);border-radius:4px;box-shadow:0 0 0 3px var(--warn)}"
    ".flag{display:inline-block;margin-left:8px;padding:0 7px;border-radius:9px;background:#f5c542;color:#3d2c00;"
    "font-size:11px;font-weight:650;letter-spacing:.03em;vertical-align:2px}"
    ".missing{margin:10px 0 0;font-size:13px;color:var(--muted)}"
    ".failures{list-style:none;margin:0;padding:0}"
    ".failures li{background:#fff;border:1px solid #f1c9c5;border-left:4px solid var(--bad);border-radius:8px;"
    "padding:8px 12px;margin-bottom:8px}"
    ".failures .file{font-family:ui-monospace,monospace;font-size:13px;overflow-wrap:anywhere}"
    ".failures .why{display:block;color:var(--bad)}"
    ".day{margin-bottom:18px}"
    ".day h3{font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:0 0 8px;"
    "padding-bottom:4px;border-bottom:1px solid var(--line)}"
    ".tasks{list-style:none;margin:0;padding:0}"
    ".task{display:grid;grid-template-columns:52px minmax(0,1fr);gap:12px;background:#fff;"
    "border:1px solid var(--line);border-left:4px solid var(--k);border-radius:8px;padding:9px 12px;"
    "margin-bottom:8px}"
    ".task .at{font-weight:650;font-variant-numeric:tabular-nums}"
    ".task p{margin:0}"
    ".task .kind{font-size:11px;font-weight:650;text-transform:uppercase;letter-spacing:.05em;color:var(--k)}"
    ".task .title{font-weight:600}"
    ".task .who,.task .zone{color:var(--muted);font-size:13px}"
    ".task .detail{font-size:13px;margin-top:3px;overflow-wrap:anywhere}"
    + "".join(f".k-{k}{{--k:{c}}}" for k, c in zip(TASK_KINDS, _KIND_COLOURS, strict=True))
    + "@media print{body{background:#fff}header{color:#000;background:#fff}main{display:block}}"
)


def _e(text: str) -> str:
    """Escaped text; line breaks kept as <br>."""
    return html.escape(clean(text), quote=True).replace("\n", "<br>")


def _long_day(d: date) -> str:
    return f"{_DAYS[d.weekday()]} {d.day} {_MONTHS[d.month - 1]} {d.year}"


def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


# --------------------------------------------------------------------------- cards


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) when data is a JPEG that decodes; None for anything else from the store."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as im:
            if im.format != "JPEG":
                return None
            im.load()
            return im.size
    except (OSError, UnidentifiedImageError, ValueError):
        return None


def _picture(c: Contact, by_hash: dict[str, ScanResult]) -> str:
    who = display_name(c)
    photos = [by_hash[s] for s in c.sources if s in by_hash]
    names = ", ".join(r.source for r in photos)
    caption = f"<figcaption>{_e(names)}</figcaption>" if names else ""
    for r in photos:
        size = _jpeg_size(r.thumbnail) if r.thumbnail else None
        if r.thumbnail and size:
            # base64's alphabet holds no markup characters, so the URI needs no escaping
            uri = "data:image/jpeg;base64," + base64.b64encode(r.thumbnail).decode("ascii")
            return (
                f'<figure><img src="{uri}" width="{size[0]}" height="{size[1]}" '
                f'alt="{_e("The card of " + who)}">{caption}</figure>'
            )
    return f'<figure><div class="nopic">No picture of this card</div>{caption}</figure>'


def _values(c: Contact, name: str) -> list[str]:
    """The field's values as escaped HTML, phones and emails as tap-to-call and tap-to-mail links."""
    if name == "emails":
        return [f'<a href="mailto:{html.escape(quote(e, safe="@+"))}">{_e(e)}</a>' for e in c.emails]
    if name == "phones":
        return [
            f'<a href="tel:{html.escape(quote(p.number, safe="+"))}">{_e(p.raw or p.number)}</a>'
            + (f" <small>{_e(p.type)}</small>" if p.type != "work" and p.type not in p.raw.casefold() else "")
            for p in c.phones
        ]
    if name == "address":
        return [_e(c.address.text)] if c.address else []
    value = getattr(c, name)
    return [_e(value)] if isinstance(value, str) and value.strip() else []


def _card(c: Contact, by_hash: dict[str, ScanResult]) -> str:
    flag = '<span class="flag">CHECK</span>'

    def cls(field: str) -> str:
        if field not in c.review:
            return ""
        conf = c.confidence.get(field)
        hint = f' title="read with {conf:.0%} confidence"' if conf is not None else ""
        return f' class="review"{hint}'

    has_name = bool(c.name and c.name.full.strip())
    heading = f"<h3{cls('name')}>{_e(display_name(c))}{flag if 'name' in c.review else ''}</h3>"
    rows: list[str] = []
    missing: list[str] = []
    for field, label in _LABELS.items():
        values = _values(c, field)
        if not values and field in c.review:
            # a cue says the card shows it, but it could not be read: ask the user to look
            rows.append(f"<dt{cls(field)}>{label}</dt><dd{cls(field)}><em>not read</em>{flag}</dd>")
            continue
        if not values:
            missing.append(label.lower())
            continue
        mark = flag if field in c.review else ""
        rows.append(f"<dt{cls(field)}>{label}</dt><dd{cls(field)}>{'<br>'.join(values)}{mark}</dd>")
    if not has_name:
        missing.insert(0, "name")
    gaps = f'<p class="missing">Not found on the card: {", ".join(missing)}.</p>' if missing else ""
    return f'<article class="card">{_picture(c, by_hash)}<div>{heading}<dl>{"".join(rows)}</dl>{gaps}</div></article>'


def _failures(results: Sequence[ScanResult]) -> list[str]:
    # Sorted, not in store order: the store orders by clock time, which would break byte-identical reruns.
    bad = sorted({(r.source, r.status.value, r.error or "") for r in results if r.status is not Status.OK})
    if not bad:
        return []
    out = ['<section class="failed"><h2>Photos that gave no contact</h2><ul class="failures">']
    for source, status, reason in bad:
        label = "" if status == "failed" else f"{status}: "
        out.append(f'<li><span class="file">{_e(source)}</span><span class="why">{_e(label + reason)}</span></li>')
    out.append("</ul></section>")
    return out


# --------------------------------------------------------------------------- timeline


def _task(t: Task, names: dict[str, str], zone: ZoneInfo | None) -> str:
    local = t.due.astimezone(zone) if zone else t.due
    task_zone = getattr(t.due.tzinfo, "key", "")
    theirs = ""
    if zone is not None and task_zone and task_zone != zone.key:
        theirs = f'<p class="zone">{t.due:%H:%M} their time ({_e(task_zone)})</p>'
    who = names.get(t.contact_key, "") if t.contact_key else "you"
    kind = t.kind if t.kind in TASK_KINDS else "other"
    return (
        f'<li class="task k-{kind}"><time class="at" datetime="{t.due.isoformat()}">{local:%H:%M}</time><div>'
        f'<p class="kind">{_e(_KIND_LABELS.get(t.kind, t.kind))}</p><p class="title">{_e(t.title)}</p>'
        f'<p class="who">{_e(who)}</p>{theirs}<p class="detail">{_e(t.detail)}</p></div></li>'
    )


def _timeline(plan: Plan, contacts: Sequence[Contact], zone: ZoneInfo | None) -> list[str]:
    names = {}
    for c in contacts:
        who = display_name(c)
        names[contact_key(c)] = who + (f" · {c.company}" if c.company and c.company != who else "")
    out = ['<section class="timeline"><h2>Follow-up timeline</h2>']
    if not plan.tasks:
        out.append('<p class="missing">Nothing to plan yet.</p>')
    days: dict[date, list[Task]] = {}
    for t in plan.tasks:  # already in time order
        days.setdefault((t.due.astimezone(zone) if zone else t.due).date(), []).append(t)
    for day, tasks in days.items():
        out.append(f'<div class="day"><h3><time datetime="{day.isoformat()}">{_e(_long_day(day))}</time></h3>')
        out.append('<ol class="tasks">' + "".join(_task(t, names, zone) for t in tasks) + "</ol></div>")
    out.append("</section>")
    return out


# --------------------------------------------------------------------------- page


def report_html(
    contacts: Sequence[Contact],
    plan: Plan | None,
    results: Sequence[ScanResult],
    now: datetime,
    role: str | None = None,
) -> str:
    zone = _zone(plan.tz) if plan is not None else None
    stamp = now.astimezone(zone) if zone else now
    by_hash = {r.sha256: r for r in results if r.sha256 and r.status is Status.OK}
    n_review = sum(len(c.review) for c in contacts)
    n_failed = len({(r.source, r.error) for r in results if r.status is not Status.OK})
    role = role or (plan.role if plan else None)
    stats = [
        f"<li><b>{len(contacts)}</b>contact{'s' * (len(contacts) != 1)}</li>",
        f"<li><b>{len(plan.tasks) if plan else 0}</b>follow-up tasks</li>",
    ]
    if n_review:
        stats.append(f'<li class="hot"><b>{n_review}</b>field{"s" * (n_review != 1)} to check</li>')
    if n_failed:
        stats.append(f"<li><b>{n_failed}</b>photo{'s' * (n_failed != 1)} failed</li>")
    title = "Interview follow-up" + (f": {role}" if role else "")
    zone_name = f" ({zone.key})" if zone else ""
    header = (
        f"<header><h1>{_e(title)}</h1>"
        f"<p>Planned as of {_e(_long_day(stamp.date()))}, {stamp:%H:%M}{_e(zone_name)}. "
        "Fields marked CHECK were hard to read: compare them with the card.</p>"
        f'<ul class="stats">{"".join(stats)}</ul></header>'
    )
    cards = ['<section class="cards"><h2>Cards</h2>']
    cards += [_card(c, by_hash) for c in contacts] or ['<p class="missing">No card was read.</p>']
    cards.append("</section>")
    left = "<div>" + "\n".join(cards + _failures(results)) + "</div>"
    right = "<div>" + "\n".join(_timeline(plan, contacts, zone)) + "</div>" if plan is not None else ""
    head = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
    )
    return head + header + "\n<main>\n" + left + "\n" + right + "\n</main>\n</body>\n</html>\n"


def write(
    out_dir: Path,
    contacts: Sequence[Contact],
    plan: Plan | None,
    settings: Settings,
    now: datetime,
    results: Sequence[ScanResult] = (),
) -> list[Path]:
    page = report_html(contacts, plan, results, now, role=settings.role)
    return [atomic_write(out_dir, "report.html", page.encode("utf-8"))]
