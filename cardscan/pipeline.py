"""The orchestrator: the one place that knows the order of the stages.

scan_file runs load -> preprocess -> recognize -> parse -> a second look at doubtful and
accent lines -> parse again, and, when the card outline held no card, the same on the next
outlines (the "fallback" timing); it always returns a ScanResult.
scan_paths does that over many files in a process pool and streams the results back.
Only the caller (the parent) writes anything.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import signal
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import numpy as np
import phonenumbers

from . import accents, contacts, export, followup, imageio, ocr, parse, preprocess, recognize, workers
from .config import Settings, coerce
from .errors import CardscanError, MissingDependencyError
from .models import FIELDS, Contact, Page, ScanResult, Status
from .store import Store

log = logging.getLogger(__name__)


class _Timer:
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - t0


def _keeper(settings: Settings, source: Path) -> Callable[[str, np.ndarray], None] | None:
    """Save each preprocessing step's image under --keep-intermediates DIR/<file stem>/."""
    if settings.keep_intermediates is None:
        return None
    import cv2  # local: only needed for debugging dumps

    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", source.stem)[:60] or "image"
    folder = settings.keep_intermediates / stem
    counter = iter(range(100))

    def keep(name: str, img: np.ndarray) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        out = img if img.ndim == 2 else cv2.cvtColor(img, cv2.COLOR_RGB2BGR)
        cv2.imwrite(str(folder / f"{next(counter):02d}-{name}.png"), out)

    return keep


def display_path(path: str | Path) -> str:
    """The path as text that UTF-8 can carry (JSON, SQLite, the terminal).

    A file name with bytes that are not UTF-8 arrives as lone surrogates, which every one of
    those refuses; such bytes are shown as \\xNN escapes instead.
    """
    text = os.fspath(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")


def scan_file(path: str | Path, settings: Settings) -> ScanResult:
    """One photo in, one result out; a bad file is a `failed` record, never an exception.

    Only MissingDependencyError escapes: without Tesseract no later file can succeed either.
    """
    source = display_path(path)
    p = Path(path)
    timer = _Timer()
    sha = ""
    try:
        with timer.stage("load"):
            loaded = imageio.load(p, settings)
        sha = loaded.sha256
        keep = _keeper(settings, p)
        with timer.stage("preprocess"):
            prepared = preprocess.prepare(loaded.rgb, settings, keep=keep)
        prepared, page, contact = _read(prepared, settings, timer)
        if prepared.guess is not None:  # no outline convinced, and the photo's print was read: try the guess
            with timer.stage("fallback"):
                found = _fallback(loaded.rgb, settings, [prepared.guess], keep, guessed=True)
            if found is not None and _sure_fields(found[2]) > (_sure_fields(contact) if _is_card(page, contact) else 0):
                prepared, page, contact = found
        elif not _is_card(page, contact) and prepared.card_found:
            with timer.stage("fallback"):
                found = _fallback(loaded.rgb, settings, prepared.others, keep)
            if found is not None:
                prepared, page, contact = found
    except MissingDependencyError:
        raise
    except CardscanError as e:
        return ScanResult(source, sha or imageio.sha256_of(p), Status.FAILED, str(e), timings=timer.timings)
    except MemoryError:
        return ScanResult(source, sha, Status.FAILED, "The image is too large to process in memory.")
    except Exception as e:  # a bug must cost one file, not the batch
        log.debug("internal error on %s", source, exc_info=True)
        return ScanResult(
            source,
            sha or imageio.sha256_of(p),
            Status.FAILED,
            f"cardscan hit an internal error on this file ({type(e).__name__}: {e}); run with -v for details.",
            timings=timer.timings,
        )
    if not page.lines:
        return ScanResult(
            source,
            sha,
            Status.FAILED,
            "No text was found in this image; it may not be a business card, or it is too blurred or dark.",
            timings=timer.timings,
            taken_at=loaded.taken_at,
        )
    if not _is_card(page, contact):
        return ScanResult(
            source,
            sha,
            Status.FAILED,
            no_card_message(page),
            timings=timer.timings,
            taken_at=loaded.taken_at,
        )
    contact = dataclasses.replace(contact, sources=(sha,))
    return ScanResult(
        source,
        sha,
        Status.OK,
        None,
        contact,
        timings=timer.timings,
        taken_at=loaded.taken_at,
        warnings=prepared.warnings,
        thumbnail=thumbnail(prepared.image),
    )


def _read(
    prepared: preprocess.Prepared, settings: Settings, timer: _Timer
) -> tuple[preprocess.Prepared, Page, Contact]:
    """OCR and parse a prepared card, with one second look at the lines that need it (none on noise)."""
    with timer.stage("ocr"):
        prepared, page = recognize.recognize(prepared, settings)
        if settings.step_on("accents"):
            page = accents.dotted(page, prepared.image)
    with timer.stage("parse"):
        contact = parse.parse_page(page, settings)
    if recognize.noise(page):
        return prepared, page, contact
    # the doubtful lines, and the name and address lines of a card whose country writes accents
    with timer.stage("reread"):
        again = recognize.second_look(
            prepared.image, page, contact, settings, other=lambda: preprocess.without_light(prepared, settings)
        )
    if again != page:
        page = again
        with timer.stage("parse"):
            contact = parse.parse_page(page, settings)
    return prepared, page, contact


def _fallback(
    rgb: np.ndarray,
    settings: Settings,
    outlines: Iterable[np.ndarray],
    keep: Callable[[str, np.ndarray], None] | None = None,
    guessed: bool = False,
) -> tuple[preprocess.Prepared, Page, Contact] | None:
    """The outline taken held no card (a keyboard's keys, a printed sheet): read the next `outlines` (the
    finder's runners-up) and keep the first reading that looks like a business card; None when none does.
    (The whole photo is not read: on 560 cluttered-desk photos that rescued no field and made 3 contacts
    of noise, for a tenth of the condition's time.)
    `guessed`: no outline convinced, and `outlines` is the finder's guess (`preprocess.GUESS_SCORE`). Its
    reading counts only with an email or a phone: a name alone read from a doubtful outline is too often a few
    letters of the desk. (The caller keeps it only when it reads more fields surely than the photo's print.)
    A retry that fails (a Tesseract timeout) only ends the retries: the first reading's record stands.
    `keep` (--keep-intermediates) saves each retry's steps after the first reading's."""
    retries = _Timer()  # its time is reported as a whole, under "fallback"
    for outline in outlines:
        try:
            found = _read(preprocess.prepare(rgb, settings, keep=keep, outline=outline), settings, retries)
        except MissingDependencyError:
            raise
        except CardscanError as e:
            log.debug("a retry on another part of the photo failed: %s", e)
            return None
        contact = found[2]
        if (contact.emails or contact.phones) if guessed else _is_card(found[1], contact):
            warning = (
                "No clear card outline was found; the likeliest one was read, so check the fields."
                if guessed
                else "The first card outline held no card; another part of the photo was read."
            )
            return dataclasses.replace(found[0], warnings=(*found[0].warnings, warning)), found[1], contact
    return None


def thumbnail(image: np.ndarray, width: int = 360) -> bytes | None:
    """A small JPEG of what OCR read, so the report can show the card beside its fields."""
    import cv2

    h, w = image.shape[:2]
    if w == 0 or h == 0:
        return None
    scale = min(1.0, width / w)
    small = cv2.resize(image, (max(1, int(w * scale)), max(1, int(h * scale))), interpolation=cv2.INTER_AREA)
    ok, buf = cv2.imencode(".jpg", small, [cv2.IMWRITE_JPEG_QUALITY, 70])
    return buf.tobytes() if ok else None


#: a reading with less than this share of its letters in words read surely was read from a blurred or shaken
#: photo, or from something that is not the card (a keyboard, a patterned desk): the user is told to retake it
UNSURE_READING = 0.5


def no_card_message(page: Page) -> str:
    """The one sentence a reading with no card in it gets."""
    said = "Text was found, but nothing on it looks like a business card (no name, email or phone)"
    if recognize.sure_share(page) < UNSURE_READING:
        return (
            f"{said}; most of it was read unsurely, so the photo may be blurred or shaken, or the card hard to tell "
            "from what it lies on: take it again closer, flat and in focus, on a plain background."
        )
    return f"{said}."


def _sure_fields(contact: Contact) -> int:
    """How many fields were read and need no review: which of two readings of one card read more of it."""
    return sum(1 for f in FIELDS if getattr(contact, f) and f not in contact.review)


def _is_card(page: Page, contact: Contact) -> bool:
    """The reading found a business card: an email or a phone, or a name on a page that is not noise
    (on a sheet of print, a "name" is a few letters the noise happened to make)."""
    return bool(contact.emails or contact.phones) or (bool(contact.name) and not recognize.noise(page))


# --------------------------------------------------------------------------- batches


def iter_inputs(paths: Iterable[str], skip: Iterable[Path] = ()) -> Iterator[str]:
    """Expand folders recursively into image files, lazily; explicit files are always kept.

    A file named on the command line is scanned whatever its name (so a wrong one gets a
    clear `failed` record); inside folders only image suffixes are taken, hidden entries
    and the `skip` folders (the output folder) are left alone.
    """
    skipped = {s.resolve() for s in skip}
    for raw in paths:
        p = Path(raw)
        if not p.is_dir():
            yield raw
            continue
        for root, dirs, files in os.walk(p):
            rootp = Path(root)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (rootp / d).resolve() not in skipped)
            for f in sorted(files):
                if not f.startswith(".") and Path(f).suffix.lower() in imageio.IMAGE_SUFFIXES:
                    yield str(rootp / f)


def scanning_process() -> None:
    """Set up this process to scan cards one after another: one thread for Tesseract and for OpenCV
    (`-j N` uses N cores, one per worker, and `-j 1` one), and freed memory kept for the next card."""
    workers.reuse_freed_memory()
    os.environ["OMP_THREAD_LIMIT"] = "1"
    # phonenumbers' metadata holds more patterns than the re module's cache (512), so without its own
    # cache it compiles some again for every card (4 of every parse's 6.5 compilations, on hard photos)
    enable_cache = getattr(phonenumbers, "enable_pattern_cache", None)  # phonenumbers 9.0.43 and later
    if enable_cache is not None:
        enable_cache()
    try:
        import cv2

        cv2.setNumThreads(1)
    except Exception:  # pragma: no cover
        pass


def _worker_init(temp_root: str | None = None) -> None:
    # The parent handles Ctrl-C; workers just get terminated with the pool. SIGTERM keeps its default
    # (die at once): Pool.terminate holds the task queue's lock while it terminates the workers, so a
    # worker that caught SIGTERM and carried on would wait for that lock for ever. What a killed worker
    # leaves of its OCR call's temporary image is inside `temp_root`, which the parent removes.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    ocr.TEMP_ROOT = temp_root
    scanning_process()


def _scan_job(args: tuple[str, Settings]) -> ScanResult:
    try:
        return scan_file(args[0], args[1])
    except MissingDependencyError as e:
        # Exceptions cross the process boundary poorly; mark it and let the parent raise.
        return ScanResult(display_path(args[0]), "", Status.SKIPPED, "MISSING_DEPENDENCY: " + str(e))


def scan_paths(files: Iterable[str], settings: Settings) -> Iterator[ScanResult]:
    """Scan files and yield results as they finish; `-j 1` runs in this process."""
    jobs = settings.jobs or workers.default_jobs()
    if jobs <= 1:
        scanning_process()
        for f in files:
            yield scan_file(f, settings)
        return
    ctx = workers.context()  # workers fork from a server that has imported OpenCV, numpy and the parsers once
    with (
        tempfile.TemporaryDirectory(prefix="cardscan-batch-", ignore_cleanup_errors=True) as temp_root,
        ctx.Pool(jobs, initializer=_worker_init, initargs=(temp_root,), maxtasksperchild=100) as pool,
    ):
        for r in pool.imap_unordered(_scan_job, ((f, settings) for f in files), chunksize=1):
            if r.status is Status.SKIPPED and (r.error or "").startswith("MISSING_DEPENDENCY: "):
                pool.terminate()
                raise MissingDependencyError((r.error or "").removeprefix("MISSING_DEPENDENCY: "))
            yield r


# --------------------------------------------------------------------------- exports


#: follow-up settings that OUT remembers, so `watch` and `plan` use what `scan` was told
CONTEXT_KEYS = ("role", "decision_by", "me", "tz", "interview_date")


def with_remembered_context(store: Store, settings: Settings) -> Settings:
    """Remember the follow-up settings given now; fill the ones not given from what OUT remembers."""
    given = {k: getattr(settings, k) for k in CONTEXT_KEYS}
    as_text = {k: None if v is None else v.isoformat() if hasattr(v, "isoformat") else str(v) for k, v in given.items()}
    remembered = store.remember(as_text)
    missing = {k: coerce(k, remembered[k]) for k, v in given.items() if v is None and k in remembered}
    return dataclasses.replace(settings, **missing) if missing else settings


def plan_from_store(
    store: Store, settings: Settings, now: datetime | None = None
) -> tuple[list[Contact], followup.Plan, list[ScanResult], datetime]:
    """Every contact in OUT (merged), their follow-up plan, every result for the report, and "now".

    "now" defaults to the newest photo's time, not the clock, so scanning the same photos
    twice gives byte-identical files, and `cardscan plan` shows what the last scan wrote.
    """
    settings = with_remembered_context(store, settings)
    zone = imageio.local_zone(settings.tz)
    ok = store.ok_results()
    taken = {r.sha256: r.taken_at for r in ok if r.taken_at is not None}
    now = now or max(taken.values(), default=None) or datetime.now(zone)
    merged = contacts.merge(r.contact for r in ok if r.contact is not None)
    dated: list[tuple[Contact, datetime]] = []
    for c in merged:
        when = settings.interview_date or min((taken[s] for s in c.sources if s in taken), default=now)
        dated.append((c, when if when.tzinfo else when.replace(tzinfo=zone)))
    ctx = followup.FollowupContext(
        role=settings.role, decision_by=settings.decision_by, me=settings.me, tz=zone, now=now
    )
    plan = followup.plan(dated, ctx)
    # Every failure ever recorded in OUT, so the report lists them all, not only this run's.
    failed = [ScanResult(source, "", Status.FAILED, reason) for source, reason in store.failures()]
    return merged, plan, [*ok, *failed], now


def export_all(store: Store, settings: Settings, now: datetime | None = None) -> list[Path]:
    """Regenerate every export (settings.formats) from the store, so they always hold every contact in OUT."""
    merged, plan, results, now = plan_from_store(store, settings, now)
    return export.write_all(settings.out_dir, merged, plan, settings, now, results=results)
