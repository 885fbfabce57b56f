"""Postal addresses: find the postcode/city line by country pattern, then the street lines around it.

Lines already taken by emails, phones or websites are never part of an address, and no
address is returned without a recognisable postcode or city line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Address
from .text import TextLine, is_junk

US_STATES = [
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "DC",
    "FL",
    "GA",
    "HI",
    "ID",
    "IL",
    "IN",
    "IA",
    "KS",
    "KY",
    "LA",
    "ME",
    "MD",
    "MA",
    "MI",
    "MN",
    "MS",
    "MO",
    "MT",
    "NE",
    "NV",
    "NH",
    "NJ",
    "NM",
    "NY",
    "NC",
    "ND",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VT",
    "VA",
    "WA",
    "WV",
    "WI",
    "WY",
    "PR",
]
CA_PROVINCES = ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]
AU_STATES = ["NSW", "VIC", "QLD", "SA", "WA", "TAS", "ACT", "NT"]
IN_PLACES = [
    "india",
    "mumbai",
    "delhi",
    "bengaluru",
    "bangalore",
    "chennai",
    "hyderabad",
    "pune",
    "kolkata",
    "gurugram",
    "gurgaon",
    "noida",
    "ahmedabad",
    "karnataka",
    "maharashtra",
    "tamil",
    "telangana",
    "haryana",
    "kerala",
    "kochi",
    "jaipur",
]
JP_PLACES = ["japan", "tokyo", "osaka", "kyoto", "yokohama", "nagoya", "fukuoka", "sapporo", "kobe"]

#: printed country names -> ISO code; also used to spot a country line under the address
COUNTRIES: dict[str, str] = {
    "usa": "US", "united states": "US", "u.s.a.": "US", "uk": "GB", "united kingdom": "GB",
    "england": "GB", "scotland": "GB", "germany": "DE", "deutschland": "DE", "france": "FR",
    "india": "IN", "australia": "AU", "japan": "JP", "canada": "CA", "netherlands": "NL",
    "the netherlands": "NL", "nederland": "NL", "spain": "ES", "españa": "ES", "italy": "IT",
    "italia": "IT", "ireland": "IE", "singapore": "SG", "switzerland": "CH", "austria": "AT",
}  # fmt: skip

_CITY = r"(?P<city>[A-ZÀ-Ýa-zà-ÿ][\w'’ .-]*?)"
_LETTERS_CITY = r"(?P<city>[A-ZÀ-Ý][A-Za-zÀ-ÿß'’ .-]*?)"
_STREET_WORDS = re.compile(
    r"\b(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|way|court|ct|place|pl|square|sq|"
    r"suite|ste|floor|fl|level|unit|building|bldg|tower|house|park|parkway|pkwy|highway|hwy|p\.?o\.? box|"
    r"straße|strasse|str|weg|platz|allee|gasse|ring|damm|rue|av|bd|chemin|allée|quai|impasse|calle|avda|"
    r"avenida|plaza|paseo|via|viale|piazza|corso|largo|straat|laan|gracht|plein|marg|nagar|sector|"
    r"cross|main|layout|chome|ku|shi|cho|machi)\b\.?|\d",
    re.I,
)
_HINTS = (
    ("DE", re.compile(r"straße|strasse|str\.|\w+(?:weg|platz|allee|gasse|damm)\b|\bD-\d{5}", re.I)),
    ("FR", re.compile(r"\b(?:rue|avenue|bd|boulevard|chemin|allée|quai|impasse|cedex)\b|\bF-\d{5}", re.I)),
    ("ES", re.compile(r"\b(?:calle|avda|avenida|plaza|paseo|c/)|\bE-\d{5}", re.I)),
    ("IT", re.compile(r"\b(?:via|viale|piazza|corso|largo)\b|\bI-\d{5}", re.I)),
)
_LABEL = re.compile(r"^\s*(?:address|addr|adresse|anschrift|a)\s*[:.]\s*", re.I)


@dataclass(frozen=True)
class CityLine:
    country: str
    city: str
    region: str
    postcode: str
    before: str  # text on the same line before the city: the street of a one-line address


@dataclass(frozen=True)
class AddressHit:
    address: Address
    lines: tuple[int, ...]
    confidence: float


_DIRECTION = r"(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b\.?)?"


def _last_segment(text: str) -> tuple[str, str]:
    """Split "2 Kingdom Street, Paddington, London" into ("2 Kingdom Street, Paddington", "London").

    Without a comma, the city starts after the last street word: "4001 1st Ave NE Redmond".
    """
    text = text.rstrip(" ,")
    if "," in text:
        head, _, tail = text.rpartition(",")
        return head.strip(" ,"), tail.strip(" ,")
    ends = [m.end() for m in re.finditer(rf"(?:{_STREET_WORDS.pattern}){_DIRECTION}", text, re.I)]
    if ends and ends[-1] < len(text):
        return text[: ends[-1]].strip(), text[ends[-1] :].strip()
    return "", text.strip()


def _match_city_line(text: str, hint: str) -> CityLine | None:
    """Recognise the line that carries the postcode (and usually the city) of one country's format."""
    states = "|".join(US_STATES)
    m = re.search(rf"{_CITY},?\s+(?P<region>{states})\.?,?\s+(?P<postcode>\d{{5}}(?:-\d{{4}})?)\b", text)
    if m:
        before, city = _last_segment(text[: m.start("region")])
        return CityLine("US", city, m["region"], m["postcode"], before)
    m = re.search(
        rf"{_CITY},?\s+(?P<region>{'|'.join(CA_PROVINCES)}),?\s+(?P<postcode>[A-Z]\d[A-Z]\s?\d[A-Z]\d)\b", text
    )
    if m:
        before, city = _last_segment(text[: m.start("region")])
        return CityLine("CA", city, m["region"], m["postcode"], before)
    m = re.search(rf"{_CITY},?\s+(?P<region>{'|'.join(AU_STATES)}),?\s+(?P<postcode>\d{{4}})\b", text)
    if m:
        before, city = _last_segment(text[: m.start("region")])
        return CityLine("AU", city, m["region"], m["postcode"], before)
    m = re.search(r"(?:〒\s?)(?P<postcode>\d{3}-?\d{4})|\b(?P<pc2>\d{3}-\d{4})\b", text)
    if m and ("〒" in text or hint == "JP" or any(p in text.lower() for p in JP_PLACES)):
        postcode = m["postcode"] or m["pc2"]
        before, city = _last_segment(text[: m.start()])
        return CityLine("JP", city, "", postcode, before)
    m = re.search(r"\b(?P<postcode>(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2})\b", text)
    if m:
        before, city = _last_segment(text[: m.start()])
        return CityLine("GB", city, "", m["postcode"], before)
    m = re.search(r"\bSingapore\s+(?P<postcode>\d{6})\b", text, re.I)
    if m:
        return CityLine("SG", "Singapore", "", m["postcode"], text[: m.start()].strip(" ,"))
    m = re.search(r"\b(?P<postcode>[1-9]\d{2} ?\d{3})\b", text)
    if m and (hint == "IN" or any(p in text.lower() for p in IN_PLACES)):
        head = text[: m.start()].rstrip(" -–,")
        before, city = _last_segment(head)
        return CityLine("IN", city, "", m["postcode"].replace(" ", ""), before)
    m = re.search(rf"\b(?P<postcode>\d{{4}} ?[A-Z]{{2}})\s+{_CITY}\s*(?:,|$)", text)
    if m and m["postcode"][-2:] not in {"SA", "WA", "NT"}:
        return CityLine("NL", m["city"].strip(), "", m["postcode"], text[: m.start()].strip(" ,"))
    m = re.search(r"\b(?P<postcode>[AC-FHKNPRTV-Y]\d{2} ?[AC-FHKNPRTV-Y\d]{4})\b|\bDublin \d{1,2}\b", text)
    if m and ("dublin" in text.lower() or "ireland" in text.lower() or hint == "IE"):
        before, city = _last_segment(text[: m.start()]) if m["postcode"] else (text[: m.start()], "Dublin")
        return CityLine("IE", city or "Dublin", "", m["postcode"] or "", before.strip(" ,"))
    m = re.search(
        rf"(?:\b(?P<cc>[DFEI])-)?\b(?P<postcode>\d{{5}})\s+{_LETTERS_CITY}(?:\s+\(?(?P<region>[A-Z]{{2}})\)?)?\s*(?:,|$)",
        text,
    )
    if m:
        country = {"D": "DE", "F": "FR", "E": "ES", "I": "IT"}.get(m["cc"] or "", "")
        return CityLine(country, m["city"].strip(), m["region"] or "", m["postcode"], text[: m.start()].strip(" ,"))
    return None


def _country_line(text: str) -> str:
    return COUNTRIES.get(text.strip(" .,").lower(), "")


def _is_street(line: TextLine) -> bool:
    digits = sum(c.isdigit() for c in line.text)
    if digits >= 7 and sum(c.isalpha() for c in line.text) < 4:
        return False  # an unlabelled phone number, not a street line
    return not is_junk(line.text) and bool(_STREET_WORDS.search(line.text)) and "@" not in line.text


def find_address(lines: list[TextLine], claimed: frozenset[int], hint: str = "") -> AddressHit | None:
    """The card's postal address, or None. `hint` is a country guessed from phones or domains."""
    free = [ln for ln in lines if ln.index not in claimed]
    by_index = {ln.index: ln for ln in free}
    for line in free:
        text = _LABEL.sub("", line.text)
        found = _match_city_line(text, hint)
        if found is None:
            continue
        used = [line.index]
        street_lines: list[str] = []
        # street lines sit just above the city line, in the same column and a similar font
        i = line.index - 1
        while i in by_index and len(street_lines) < 2:
            above = by_index[i]
            near = abs(above.box.x - line.box.x) < 3 * line.height and above.height < 1.6 * line.height
            if not (near and _is_street(above)) or _match_city_line(above.text, hint):
                break
            street_lines.insert(0, _LABEL.sub("", above.text))
            used.insert(0, i)
            i -= 1
        country = found.country
        below = by_index.get(line.index + 1)
        if below is not None and _country_line(below.text):
            country = _country_line(below.text)
            used.append(below.index)
        # a Japanese address often prints the postcode first and the rest underneath
        if found.country == "JP" and not street_lines and below is not None and below.index not in used:  # noqa: SIM102
            if _is_street(below):
                used.append(below.index)
                street_lines.append(below.text)
        if not country:
            joined = " ".join([*street_lines, text])
            country = next((c for c, pattern in _HINTS if pattern.search(joined)), hint if hint else "")
        street = ", ".join([*street_lines, found.before] if found.before else street_lines)
        printed = tuple(by_index[i].text for i in used)
        conf = sum(by_index[i].conf for i in used) / len(used)
        conf *= 1.0 if street and found.city else 0.75
        addr = Address(
            lines=printed,
            street=street.strip(" ,"),
            city=found.city,
            region=found.region,
            postcode=found.postcode,
            country=country,
        )
        return AddressHit(addr, tuple(used), round(conf, 3))
    return None
