"""Frozen values that cross stage boundaries: OCR geometry, contacts, scan results.

Nothing here does I/O. Units are normalised before a value is built: boxes in
pixels of the upright image, confidences 0..1 (None = unknown), phones E.164.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

# --------------------------------------------------------------------------- OCR geometry


@dataclass(frozen=True)
class Box:
    """An axis-aligned box in pixels: left, top, width, height."""

    x: int
    y: int
    w: int
    h: int

    @property
    def x2(self) -> int:
        return self.x + self.w

    @property
    def y2(self) -> int:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def union(self, other: Box) -> Box:
        x, y = min(self.x, other.x), min(self.y, other.y)
        return Box(x, y, max(self.x2, other.x2) - x, max(self.y2, other.y2) - y)


@dataclass(frozen=True)
class Word:
    text: str
    box: Box
    conf: float | None  # 0..1, None when Tesseract gave no confidence


@dataclass(frozen=True)
class Line:
    """Words on one visual line, left to right."""

    words: tuple[Word, ...]
    block: int = 0  # Tesseract block number: lines of one block belong together

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def box(self) -> Box:
        b = self.words[0].box
        for w in self.words[1:]:
            b = b.union(w.box)
        return b

    @property
    def conf(self) -> float | None:
        """Mean word confidence, None when no word has one."""
        cs = [w.conf for w in self.words if w.conf is not None]
        return sum(cs) / len(cs) if cs else None

    @property
    def height(self) -> float:
        """Median word height: a proxy for font size."""
        hs = sorted(w.box.h for w in self.words)
        return float(hs[len(hs) // 2])


@dataclass(frozen=True)
class Page:
    """The OCR of one card: lines in reading order, in pixels of the OCR'd image."""

    lines: tuple[Line, ...]
    width: int
    height: int

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def conf(self) -> float | None:
        cs = [w.conf for line in self.lines for w in line.words if w.conf is not None]
        return sum(cs) / len(cs) if cs else None


# --------------------------------------------------------------------------- contacts

PhoneType = Literal["work", "mobile", "fax", "other"]

#: Every field a contact can carry, in the fixed order used by all exports.
FIELDS: tuple[str, ...] = (
    "name",
    "title",
    "department",
    "company",
    "emails",
    "phones",
    "website",
    "linkedin",
    "address",
)


@dataclass(frozen=True)
class PersonName:
    full: str  # as printed, e.g. "Dr. Anna-Lena van der Berg PhD"
    prefix: str = ""
    given: str = ""
    middle: str = ""
    family: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Phone:
    number: str  # E.164, e.g. "+442098765432"
    type: PhoneType
    raw: str  # as printed (after OCR), e.g. "+44 (0) 20 9876 5432"


@dataclass(frozen=True)
class Address:
    lines: tuple[str, ...]  # as printed, top to bottom
    street: str = ""
    city: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""  # ISO 3166-1 alpha-2 when known, else ""

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class Contact:
    name: PersonName | None = None
    title: str | None = None
    department: str | None = None
    company: str | None = None
    emails: tuple[str, ...] = ()
    phones: tuple[Phone, ...] = ()
    website: str | None = None
    linkedin: str | None = None
    address: Address | None = None
    #: field name (see FIELDS) -> 0..1 for fields that have a value, and 0.0 for an empty field
    #: that a cue says the card has but that could not be read (it is then in `review`)
    confidence: Mapping[str, float] = field(default_factory=dict)
    #: field names whose confidence is below the review threshold
    review: tuple[str, ...] = ()
    #: sha256 of every photo this contact was read from (provenance)
    sources: tuple[str, ...] = ()


# --------------------------------------------------------------------------- results


class Status(enum.StrEnum):
    OK = "ok"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class ScanResult:
    """What came of one input file. Exactly one per input, whatever happened."""

    source: str  # the path as the user gave it
    sha256: str  # hex of the file's bytes, "" when unreadable
    status: Status
    error: str | None = None  # one sentence when failed or skipped
    contact: Contact | None = None
    timings: Mapping[str, float] = field(default_factory=dict)
    taken_at: datetime | None = None  # when the photo was taken (EXIF, else mtime)
    warnings: tuple[str, ...] = ()
    thumbnail: bytes | None = None  # a small JPEG of the flattened card, for the report


def contact_to_dict(c: Contact) -> dict[str, object]:
    """The `contact` object of the --json schema (README, issue 2)."""
    n = c.name or PersonName(full="")
    return {
        "name": n.full,
        "prefix": n.prefix,
        "given_name": n.given,
        "middle_name": n.middle,
        "family_name": n.family,
        "suffix": n.suffix,
        "title": c.title,
        "department": c.department,
        "company": c.company,
        "emails": list(c.emails),
        "phones": [{"number": p.number, "type": p.type, "raw": p.raw} for p in c.phones],
        "website": c.website,
        "linkedin": c.linkedin,
        "address": c.address.text if c.address else None,
        "confidence": {k: round(v, 3) for k, v in c.confidence.items()},
        "review": list(c.review),
    }


def result_to_dict(r: ScanResult) -> dict[str, object]:
    """One line of `cardscan scan --json`, with exactly the documented keys."""
    return {
        "source": r.source,
        "sha256": r.sha256,
        "status": r.status.value,
        "error": r.error,
        "contact": contact_to_dict(r.contact) if r.contact else None,
        "timings": {k: round(v, 4) for k, v in r.timings.items()},
        "warnings": list(r.warnings),
    }
