"""The assembler: one OCR'd card (`Page`) -> one `Contact` with per-field confidence.

It runs the field parsers in the order their evidence needs (emails and websites first, as they
hint the country of phones and addresses) and cross-checks them. It invents no value.
"""

from __future__ import annotations

import phonenumbers

from ..config import Settings
from ..models import Contact, Page
from .address import find_address
from .emails import find_emails
from .people import find_people
from .phones import find_phones
from .text import FREEMAIL, TextLine, country_of_host, registrable, text_lines
from .web import cross_check, find_linkedin, find_websites, host_of


def _country_hint(website_host: str, org_domains: list[str], phone_countries: list[str]) -> str:
    """The country a card is probably from, before its address is read ("" when unknown)."""
    for host in [website_host, *org_domains]:
        country = country_of_host(host) if host else ""
        if country:
            return country
    return next((c for c in phone_countries if c and c != "001"), "")


def parse_lines(lines: list[TextLine], settings: Settings) -> Contact:
    emails = find_emails(lines)
    linkedin = find_linkedin(lines)
    sites = find_websites(lines)
    email_domains = [h.email.rsplit("@", 1)[1].lower() for h in emails]
    org_domains = [d for d in email_domains if d not in FREEMAIL]
    site = cross_check(sites[0], org_domains) if sites else None
    site_host = host_of(site.value) if site else ""
    taken = {h.line for h in emails} | {h.line for h in sites[:1]} | ({linkedin.line} if linkedin else set())

    # first pass over phones: which lines hold phones, and which countries the printed +CC name
    first = find_phones([ln for ln in lines if ln.index not in taken], settings.region)
    printed_cc = [
        phonenumbers.region_code_for_number(phonenumbers.parse(h.phone.number)) or ""
        for h in first
        if h.phone.raw.lstrip("(").startswith("+")
    ]
    hint = _country_hint(site_host, org_domains, printed_cc)
    addr = find_address(lines, frozenset(taken | {h.line for h in first}), hint)
    region = (addr.address.country if addr and addr.address.country else "") or hint or settings.region
    free_for_phones = [ln for ln in lines if ln.index not in taken]
    addr_lines = frozenset(addr.lines) if addr else frozenset()
    phones = find_phones(free_for_phones, region, addr_lines)
    taken |= {h.line for h in phones} | set(addr_lines)

    orgs = [registrable(d) for d in [*org_domains, site_host] if d]
    people = find_people([ln for ln in lines if ln.index not in taken], [h.email for h in emails], orgs)

    conf: dict[str, float] = {}
    if people.name:
        conf["name"] = people.name_conf
    if people.title:
        conf["title"] = people.title_conf
    if people.department:
        conf["department"] = people.department_conf
    if people.company:
        conf["company"] = people.company_conf
    if emails:
        conf["emails"] = min(h.confidence for h in emails)
    if phones:
        conf["phones"] = min(h.confidence for h in phones)
    if site:
        conf["website"] = site.confidence
    if linkedin:
        conf["linkedin"] = linkedin.confidence
    if addr:
        conf["address"] = addr.confidence
    conf = {k: round(max(0.0, min(1.0, v)), 3) for k, v in conf.items()}
    return Contact(
        name=people.name,
        title=people.title,
        department=people.department,
        company=people.company,
        emails=tuple(h.email for h in emails),
        phones=tuple(h.phone for h in phones),
        website=site.value if site else None,
        linkedin=linkedin.value if linkedin else None,
        address=addr.address if addr else None,
        confidence=conf,
        review=tuple(k for k in conf if conf[k] < settings.review_threshold),
    )


def parse_page(page: Page, settings: Settings) -> Contact:
    """Every field the card shows, with a 0..1 confidence each and the doubtful ones in `review`."""
    return parse_lines(text_lines(page), settings)
