"""Name, job title, department and company from the lines no other parser claimed.

Each is chosen by layout (font size, position, neighbours) and vocabulary, then checked
against the email and website domains. A line that fits none of them (a tagline) is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nameparser import HumanName

from ..models import PersonName
from .text import TextLine, is_junk, join_letter_spaced, letters_only, similarity, strip_markup

_ROLE = re.compile(
    r"\b(?:manager|director|engineer|developer|recruiter|talent acquisition|business partner|vp|svp|evp|"
    r"vice[- ]president|president|head of|chief|ceo|cto|cfo|coo|cmo|cio|ciso|cpo|partner|consultant|"
    r"analyst|designer|scientist|researcher|specialist|lead|architect|founder|co-founder|owner|associate|"
    r"coordinator|student|intern|professor|lecturer|officer|administrator|assistant|executive|"
    r"representative|advisor|adviser|attorney|lawyer|accountant|editor|writer|producer|secretary|"
    r"treasurer|chairman|chairwoman|chair|principal|fellow|technician|programmer|supervisor|agent|broker|"
    r"realtor|strategist|planner|buyer|recruitment|product owner|scrum master|geschäftsführer|"
    r"geschaftsfuhrer|leiter|leiterin|ingénieur|directeur|directrice|gérant|responsable|chef|"
    r"postdoc|phd candidate|evangelist|advocate|trainer|coach|therapist|physician|nurse)\b"
    r"|部長|課長|社長|取締役|主任|係長",
    re.I,
)
_DEPT_MARKER = re.compile(r"\b(?:department|dept|division|abteilung|département|departamento)\b|部$|課$", re.I)
_AREA = frozenset(
    [
        "human",
        "resources",
        "hr",
        "engineering",
        "platform",
        "research",
        "development",
        "r&d",
        "marketing",
        "sales",
        "finance",
        "accounting",
        "operations",
        "legal",
        "it",
        "information",
        "technology",
        "cloud",
        "ai",
        "data",
        "product",
        "design",
        "customer",
        "success",
        "support",
        "procurement",
        "purchasing",
        "logistics",
        "communications",
        "people",
        "talent",
        "security",
        "infrastructure",
        "services",
        "business",
        "strategy",
        "administration",
        "innovation",
        "analytics",
        "science",
    ]
)
_LEGAL = re.compile(
    r"(?:\b(?:inc|incorporated|llc|llp|ltd|limited|gmbh|ag|sas|sarl|sa|plc|corp|corporation|co|"
    r"b\.?\s?v|n\.?\s?v|s\.?\s?l|s\.?\s?p\.?\s?a|s\.?\s?r\.?\s?l|k\.?\s?k|pty|pvt|kg|oy|ab|as|aps|e\.?\s?v)"
    r"\b\.?\s*$)|\b(?:pty ltd|pvt\.? ltd|private limited|gmbh & co\.? kg)\b|株式会社|有限会社|合同会社",
    re.I,
)
_ORG_WORDS = re.compile(
    r"\b(?:university|universität|université|college|institute|school|hospital|bank|group|"
    r"technologies|solutions|systems|labs|consulting|partners|holdings|foundation|agency|studio)\b",
    re.I,
)
_PARTICLES = frozenset(
    [
        "van",
        "der",
        "den",
        "de",
        "la",
        "le",
        "du",
        "da",
        "di",
        "del",
        "della",
        "von",
        "zu",
        "bin",
        "al",
        "el",
        "ter",
        "ten",
        "dos",
        "das",
        "y",
    ]
)
_NAME_PREFIX = frozenset(
    [
        "dr",
        "dr.",
        "prof",
        "prof.",
        "mr",
        "mr.",
        "ms",
        "ms.",
        "mrs",
        "mrs.",
        "mx",
        "mx.",
        "sir",
        "dame",
        "herr",
        "frau",
        "mme",
        "m.",
        "mlle",
    ]
)
_NAME_SUFFIX = frozenset(
    [
        "phd",
        "ph.d.",
        "mba",
        "md",
        "m.d.",
        "jr",
        "jr.",
        "sr",
        "sr.",
        "ii",
        "iii",
        "iv",
        "esq",
        "esq.",
        "cpa",
        "pe",
        "msc",
        "bsc",
        "ma",
    ]
)
_NOT_NAME = frozenset(
    [
        "street",
        "avenue",
        "road",
        "suite",
        "floor",
        "department",
        "senior",
        "junior",
        "services",
        "solutions",
        "group",
        "global",
        "international",
        "the",
        "and",
        "of",
        "for",
        "your",
        "our",
        "with",
        "we",
        "cloud",
        "team",
        "office",
        "business",
        "card",
        "www",
        "http",
        "email",
        "phone",
        "mobile",
        "fax",
        "contact",
        "address",
        "tel",
        "info",
        "sales",
        "support",
    ]
)
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "and",
        "for",
        "your",
        "you",
        "our",
        "we",
        "to",
        "with",
        "of",
        "in",
        "a",
        "an",
        "is",
        "are",
        "that",
        "by",
        "at",
    ]
)
_SPLIT = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")


@dataclass(frozen=True)
class Candidate:
    """A free line (or one part of a line split at "|" or a comma) with its layout."""

    line: int
    text: str
    height: float
    top: int
    conf: float


@dataclass(frozen=True)
class People:
    name: PersonName | None = None
    name_conf: float = 0.0
    title: str | None = None
    title_conf: float = 0.0
    department: str | None = None
    department_conf: float = 0.0
    company: str | None = None
    company_conf: float = 0.0
    lines: tuple[int, ...] = ()


def candidates(lines: list[TextLine]) -> list[Candidate]:
    out: list[Candidate] = []
    for line in lines:
        text = join_letter_spaced(strip_markup(line.text))
        if is_junk(text):
            continue
        for part in _SPLIT.split(text):
            part = part.strip(" ,;:")
            if part and not is_junk(part):
                out.append(Candidate(line.index, part, line.height, line.box.y, line.conf))
    return out


def is_tagline(text: str) -> bool:
    if name_tokens(text) is not None:
        return False
    words = [w.lower().strip(".,!") for w in text.split()]
    function = sum(w in _FUNCTION_WORDS for w in words)
    return len(words) >= 7 or (len(words) >= 3 and function >= 1 and not _ROLE.search(text)) or text.endswith("!")


def name_tokens(text: str) -> list[str] | None:
    """The words of a person-like line without prefixes and suffixes, or None if it is not person-like."""
    if any(c.isdigit() for c in text) or "@" in text or _ROLE.search(text) or _LEGAL.search(text):
        return None
    if _ORG_WORDS.search(text):
        return None
    words = text.replace(",", " ").split()
    core = [w for w in words if w.lower() not in _NAME_PREFIX and w.lower() not in _NAME_SUFFIX]
    if not 2 <= len(core) <= 5:
        return None
    upper = 0
    for w in core:
        bare = w.strip(".'")
        if w.lower() in _PARTICLES:
            continue
        if w.lower() in _NOT_NAME or not re.fullmatch(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?", bare):
            return None
        if not bare[0].isupper():
            return None
        upper += bare.isupper() and len(bare) > 1
    letters = [w for w in core if w.lower() not in _PARTICLES]
    if len(letters) < 2 or max(len(w.strip(".")) for w in letters) < 3:
        return None
    # all-caps three-letter tokens ("PMP CSM") are credentials, not a name
    if upper == len(letters) and all(len(w) <= 4 for w in letters):
        return None
    return core


def email_agreement(tokens: list[str], locals_: list[str]) -> float:
    """How well a name matches an email local part: 1 = "avery.smith", 0.7 = "avery" or "smith"."""
    words = [letters_only(t) for t in tokens if t.lower() not in _PARTICLES]
    words = [w for w in words if w]
    if len(words) < 2:
        return 0.0
    given, family = words[0], words[-1]
    family_full = letters_only("".join(tokens[1:]))  # "van der Berg" -> "vanderberg"
    best = 0.0
    for local in locals_:
        parts = [letters_only(p) for p in re.split(r"[._-]", local)]
        flat = "".join(parts)
        if flat in {given + family, family + given, given + family_full} or set(parts) >= {given, family}:
            score = 1.0
        elif flat in {given[0] + family, given + family[0], family + given[0], given[0] + "" + family_full}:
            score = 0.9
        elif flat in {given, family}:
            score = 0.7
        elif similarity(flat, given + family) >= 0.85:
            score = 0.8  # one OCR slip on either side
        elif (len(family) >= 3 and family in flat) or (len(given) >= 3 and given in flat):
            score = 0.6
        else:
            score = 0.0
        best = max(best, score)
    return best


def domain_agreement(text: str, domains: list[str]) -> float:
    """1 when a line names the organisation of a domain ("Contoso" ~ contoso.com), else how close."""
    mine = letters_only(text)
    if len(mine) < 2:
        return 0.0
    best = 0.0
    for domain in domains:
        if not domain:
            continue
        if mine == domain:
            return 1.0
        if len(domain) >= 3 and mine.startswith(domain):
            best = max(best, 0.9)
        words = [letters_only(w) for w in re.split(r"[\s-]+", text)]
        if len(domain) >= 3 and domain in words:
            best = max(best, 0.85)
        best = max(best, similarity(mine, domain) if similarity(mine, domain) >= 0.6 else 0.0)
    return best


def split_name(full: str) -> PersonName:
    hn = HumanName(full)
    return PersonName(full=full, prefix=hn.title, given=hn.first, middle=hn.middle, family=hn.last, suffix=hn.suffix)


def _pick_name(
    cands: list[Candidate], locals_: list[str], domains: list[str]
) -> tuple[Candidate | None, list[str], float]:
    tallest = max((c.height for c in cands), default=1.0) or 1.0
    page_top = min((c.top for c in cands), default=0)
    page_bottom = max((c.top for c in cands), default=1)
    best: tuple[float, Candidate | None, list[str], float] = (0.0, None, [], 0.0)
    for c in cands:
        tokens = name_tokens(c.text)
        if tokens is None:
            continue
        agree = email_agreement(tokens, locals_)
        score = 0.45 + 0.25 * (c.height / tallest)
        score += 0.1 * (1 - (c.top - page_top) / max(1, page_bottom - page_top))
        score += 0.4 * agree
        # a two-word line that names the email's company is more likely the company
        if domain_agreement(c.text, domains) >= 0.85 and agree < 0.6:
            score -= 0.35
        if score > best[0]:
            best = (score, c, tokens, agree)
    _, cand, tokens, agree = best
    if cand is None:
        return None, [], 0.0
    conf = cand.conf * (0.75 + 0.25 * agree)
    if not locals_:
        conf = cand.conf * 0.8  # nothing to check it against
    # a clear font-size lead over every other line is layout evidence too
    others = [c.height for c in cands if c.line != cand.line]
    if agree < 0.6 and others and cand.height >= 1.3 * max(others):
        conf = min(1.0, conf + 0.08)
    return cand, tokens, round(min(1.0, conf), 3)


def _is_department(text: str) -> bool:
    if _DEPT_MARKER.search(text):
        return True
    words = [w.lower() for w in re.split(r"[\s,/]+", text) if w and w.lower() not in {"&", "and", "of"}]
    return bool(words) and not _ROLE.search(text) and sum(w in _AREA for w in words) >= max(1, 0.6 * len(words))


def find_people(lines: list[TextLine], emails: list[str], domains: list[str]) -> People:
    """Name, title, department and company from the free lines. `domains` are organisation labels."""
    cands = [c for c in candidates(lines) if not is_tagline(c.text) or _ROLE.search(c.text)]
    locals_ = [e.split("@", 1)[0] for e in emails]
    name_c, _, name_conf = _pick_name(cands, locals_, domains)
    used = {id(name_c)} if name_c else set()
    name = split_name(name_c.text) if name_c else None

    # title: a role line, the nearer the name (just below it is the usual place) the better
    title_c, title_conf, title_score = None, 0.0, -1.0
    anchor = name_c.line if name_c else -1
    # distance counts candidate lines only: an email line between name and title does not part them
    order = {line: i for i, line in enumerate(sorted({c.line for c in cands}))}
    for c in cands:
        if id(c) in used or not _ROLE.search(c.text) or len(c.text.split()) > 7:
            continue
        if _LEGAL.search(c.text) and not re.search(r"\b(?:of|at)\b", c.text):
            continue
        gap = abs(order[c.line] - order[anchor]) if anchor >= 0 else 3
        score = 1.0 / (1 + gap) + (0.2 if c.line > anchor else 0)
        if score > title_score:
            title_c, title_score = c, score
            title_conf = c.conf * (1.0 if gap <= 2 else 0.8)
    if title_c:
        used.add(id(title_c))

    # department: an explicit "Department" line, or a line of functional areas next to the title
    dept_c, dept_conf = None, 0.0
    for c in cands:
        if id(c) in used or not _is_department(c.text) or _LEGAL.search(c.text):
            continue
        near_title = title_c is not None and abs(c.line - title_c.line) <= 1
        if _DEPT_MARKER.search(c.text) or near_title:
            dept_c, dept_conf = c, c.conf * (1.0 if _DEPT_MARKER.search(c.text) else 0.85)
            break
    if dept_c:
        used.add(id(dept_c))

    company, company_conf, company_line = _pick_company(
        [c for c in cands if id(c) not in used and not is_tagline(c.text)], domains
    )
    picked = [c.line for c in (name_c, title_c, dept_c) if c] + ([company_line] if company_line >= 0 else [])
    return People(
        name=name,
        name_conf=name_conf,
        title=title_c.text if title_c else None,
        title_conf=round(title_conf, 3),
        department=dept_c.text if dept_c else None,
        department_conf=round(dept_conf, 3),
        company=company,
        company_conf=company_conf,
        lines=tuple(picked),
    )


def _style_like(printed: str, word: str) -> str:
    """Write `word` in the case style of the printed logo."""
    letters = [c for c in printed if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return word.upper()
    return word.capitalize()


def _pick_company(cands: list[Candidate], domains: list[str]) -> tuple[str | None, float, int]:
    if not cands:
        return None, 0.0, -1
    median_h = sorted(c.height for c in cands)[len(cands) // 2]
    best: tuple[float, str | None, float, int] = (0.0, None, 0.0, -1)
    for c in cands:
        text = c.text
        if name_tokens(text) is not None and domain_agreement(text, domains) < 0.85 and not _LEGAL.search(text):
            continue  # looks like a second person
        agree = domain_agreement(text, domains)
        legal = bool(_LEGAL.search(text)) or bool(_ORG_WORDS.search(text))
        big = c.height >= 1.25 * median_h
        if agree >= 0.85 or (legal and agree >= 0.6):
            score, conf = 3 + agree, c.conf + 0.1
        elif legal:
            score, conf = 2.5, c.conf * 0.9
        elif agree >= 0.6 and len(letters_only(text)) >= 3:
            # the logo was misread but plainly spells the domain ("VERY & 1" ~ veryfi)
            dom = max(domains, key=lambda d: similarity(letters_only(text), d))
            score, conf, text = 2 + agree, 0.5, _style_like(text, dom)
        elif big and c.conf >= 0.6 and len(text.split()) <= 4 and not any(ch.isdigit() for ch in text):
            # a big line Tesseract was unsure of is usually a picture read as letters
            score, conf = 1 + c.height / 1000, c.conf * 0.6
        else:
            continue
        if score > best[0]:
            best = (score, text, round(min(1.0, conf), 3), c.line)
    return best[1], best[2], best[3]


__all__ = ["People", "domain_agreement", "email_agreement", "find_people", "name_tokens", "split_name"]
