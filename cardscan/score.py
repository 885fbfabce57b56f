"""Score a contact (the --json `contact` object) against a card's ground truth.

Pure comparison rules shared by the benchmark and the end-to-end tests. A field
is right when it matches after light normalisation (case, spacing, punctuation
that OCR and printing disagree on); a value where the truth is empty is invented.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import phonenumbers

from .models import FIELDS

SCORED_FIELDS: tuple[str, ...] = FIELDS  # every field a contact can carry


def _text(v: Any) -> str:
    s = unicodedata.normalize("NFKC", str(v or "")).casefold()
    s = re.sub(r"[\s,;·|]+", " ", s)
    return s.strip(" .")


def _url(v: Any) -> str:
    s = _text(v)
    s = re.sub(r"^(https?://)?(www\.)?", "", s)
    return s.rstrip("/")


def _phones(v: Iterable[Mapping[str, Any]] | None, region: str = "US") -> set[tuple[str, str]]:
    out = set()
    for p in v or ():
        num = str(p.get("number", ""))
        if not num.startswith("+") or not num[1:].isdigit():
            with contextlib.suppress(phonenumbers.NumberParseException):
                num = phonenumbers.format_number(phonenumbers.parse(num, region), phonenumbers.PhoneNumberFormat.E164)
        out.add((num, str(p.get("type", "other"))))
    return out


def normalise(field: str, value: Any, region: str = "US") -> Any:
    """The comparable form of one field; None/empty for no value."""
    if field == "emails":
        return frozenset(_text(e) for e in value or ()) or None
    if field == "phones":
        return frozenset(_phones(value, region)) or None
    if field in ("website", "linkedin"):
        return _url(value) or None
    if field == "company":
        # letter-spaced logos ("V E R Y F I") and legal-suffix punctuation are the same company
        t = _text(value)
        t = re.sub(r"\b(\w) (?=\w\b)", r"\1", t)
        return t.replace(".", "") or None
    return _text(value) or None


@dataclass(frozen=True)
class FieldScore:
    field: str
    expected: Any
    got: Any
    right: bool
    invented: bool  # a value where the card has none
    flagged: bool  # the pipeline put it in `review`


def score_contact(contact: Mapping[str, Any] | None, truth: Mapping[str, Any], region: str = "US") -> list[FieldScore]:
    """One FieldScore per scored field.

    A missing contact (the card failed) counts as all fields empty, and as all flagged: the user
    is told that card failed and must be entered by hand, which is what a flag asks for.
    """
    c = contact or {}
    review = set(c.get("review") or ()) if contact is not None else set(SCORED_FIELDS)
    out = []
    for f in SCORED_FIELDS:
        exp = normalise(f, truth.get(f), region)
        got = normalise(f, c.get(f), region)
        out.append(
            FieldScore(
                field=f,
                expected=exp,
                got=got,
                right=exp == got,
                invented=exp is None and got is not None,
                flagged=f in review,
            )
        )
    return out


def phones_from_printed(phones: Iterable[Mapping[str, Any]], region: str) -> list[dict[str, str]]:
    """Real-card truth prints numbers as on the card; turn them into E.164 for comparison."""
    out = []
    for p in phones:
        try:
            n = phonenumbers.parse(str(p["number"]), region)
            e164 = phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)
        except phonenumbers.NumberParseException:
            e164 = str(p["number"])
        out.append({"number": e164, "type": str(p.get("type", "other"))})
    return out


#: a found outline is the card's when each of its corners is within this share of the card's diagonal
#: of a true corner (a few pixels of a blurred edge; a quad missing a band or reaching onto the desk is off
#: by a fifth of the card or more)
CORNER_TOL = 0.05
#: reading the whole photo is right when the card fills this share of it (a scan)
FILLS_PHOTO = 0.8


def outline_right(found: Any, corners: Any, photo_size: tuple[int, int]) -> bool | None:
    """Whether the card finder's outline (4 corners in the upright photo, None when it found none) is the
    card whose true `corners` the truth gives; None when the truth gives none (real photos)."""
    if not corners:
        return None
    true = [(float(x), float(y)) for x, y in corners]
    diag = max(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 for a in true for b in true)
    if found is None:
        w, h = photo_size
        xs, ys = [x for x, _ in true], [y for _, y in true]
        # the shoelace area of the card, against the photo's
        area = 0.5 * abs(sum(xs[i] * ys[i - 1] - xs[i - 1] * ys[i] for i in range(len(true))))
        return area >= FILLS_PHOTO * w * h
    got = [(float(x), float(y)) for x, y in found]
    return all(min(((x - gx) ** 2 + (y - gy) ** 2) ** 0.5 for gx, gy in got) <= CORNER_TOL * diag for x, y in true)
