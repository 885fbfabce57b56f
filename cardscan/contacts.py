"""Merge contacts that are the same person, read from several photos of one card (or two cards).

Two contacts are one person when they share an email (any case) or a mobile number. A shared
office switchboard is not enough: colleagues stay separate. Pure functions, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable

from .models import FIELDS, Contact, Phone

_SINGLE = ("name", "title", "department", "company", "website", "linkedin", "address")


def keys(contact: Contact) -> set[str]:
    """The canonical identity keys of one contact."""
    out = {"email:" + e.lower() for e in contact.emails}
    out |= {"mobile:" + p.number for p in contact.phones if p.type == "mobile"}
    return out


def _groups(contacts: list[Contact]) -> list[list[int]]:
    """Indices of contacts grouped by shared keys (transitively), in first-seen order."""
    parent = list(range(len(contacts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, c in enumerate(contacts):
        for k in sorted(keys(c)):
            if k in owner:
                a, b = root(owner[k]), root(i)
                parent[max(a, b)] = min(a, b)
            else:
                owner[k] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(contacts)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def _merge_group(group: list[Contact]) -> Contact:
    values: dict[str, object] = {}
    conf: dict[str, float] = {}
    review: set[str] = set()
    for name in _SINGLE:
        holders = [c for c in group if getattr(c, name) is not None]
        if not holders:
            # no photo read it, and one says it was probably there (a failed read): keep the question
            if any(name in c.review for c in group):
                review.add(name)
            continue
        # the most confident reading wins; ties keep the earliest photo
        best = max(holders, key=lambda c: c.confidence.get(name, 0.0))
        values[name] = getattr(best, name)
        if name in best.confidence:
            conf[name] = best.confidence[name]
        if name in best.review:
            review.add(name)

    emails: list[str] = []
    for c in group:
        emails += [e for e in c.emails if e.lower() not in {x.lower() for x in emails}]
    phones: list[Phone] = []
    for c in group:
        for p in c.phones:
            known = next((i for i, q in enumerate(phones) if q.number == p.number), None)
            if known is None:
                phones.append(p)
            elif phones[known].type == "other" and p.type != "other":
                phones[known] = p  # a typed reading beats an untyped one
    for name in ("emails", "phones"):
        holders = [c for c in group if getattr(c, name)]
        scores = [c.confidence[name] for c in holders if name in c.confidence]
        if scores:
            conf[name] = min(scores)  # a doubtful value from any photo stays doubtful
        if any(name in c.review for c in holders):
            review.add(name)

    sources: list[str] = []
    for c in group:
        sources += [s for s in c.sources if s not in sources]
    return Contact(
        **values,  # type: ignore[arg-type]
        emails=tuple(emails),
        phones=tuple(phones),
        confidence={k: conf[k] for k in FIELDS if k in conf},
        review=tuple(k for k in FIELDS if k in review),
        sources=tuple(sources),
    )


def merge(contacts: Iterable[Contact]) -> list[Contact]:
    """One contact per person, in the order each person was first seen."""
    items = list(contacts)
    return [_merge_group([items[i] for i in g]) for g in _groups(items)]
