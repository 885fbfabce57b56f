"""The watched folder: scan every card photo dropped into INBOX, one at a time, until stopped.

A file is taken only once it has stopped changing and decodes; afterwards it moves to
INBOX/done/DATE/ or to INBOX/failed/ with a reason. It never deletes or overwrites a file,
never scans two cards at once, and writes nothing outside INBOX and OUT.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import queue
import signal
import stat
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import Any

from rich.console import Console
from rich.text import Text
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from . import imageio
from .config import Settings
from .errors import BadArgumentsError, ExitCode, InputError
from .models import ScanResult, Status, result_to_dict
from .store import Store, locked

log = logging.getLogger(__name__)

DONE = "done"
FAILED = "failed"
#: Names sync tools and browsers give a file while it is still arriving; it is taken once renamed.
TEMP_SUFFIXES = (".tmp", ".partial", ".crdownload", ".part", ".download", "~")

ScanFn = Callable[[Path, Settings], ScanResult]
ExportFn = Callable[[Store, Settings], object]


@dataclass(frozen=True)
class Timing:
    """How patient the watcher is with files that are still arriving; tests shrink these."""

    settle: float = 1.0  # size and mtime must hold still this long before a file is read
    tick: float = 0.25  # how often waiting files are looked at
    attempts: int = 4  # reads of a settled file that does not decode, before it is failed
    retry_delay: float = 2.0  # pause between those reads: a stalled copy may resume
    max_wait: float = 900.0  # a file still changing after this long is failed
    rescan: float = 60.0  # look through all of INBOX again, in case the OS dropped an event


@dataclass(frozen=True)
class Outcome:
    """What the watcher did with one file: the scan result and where the file went."""

    result: ScanResult
    moved_to: Path | None  # None: left where it was (--keep, or stopped mid-card)
    duplicate_of: str | None = None  # the earlier file with the same bytes
    interrupted: bool = False  # stopped mid-card; the file stays and is scanned at the next start


@dataclass
class _Waiting:
    since: float  # when the file was first noticed (monotonic)
    sig: tuple[int, int] | None = None  # (size, mtime) at the last look
    still_since: float = 0.0  # since when sig has not changed
    tries: int = 0  # reads that did not decode
    next_try: float = 0.0


def check_folders(inbox: Path, out: Path) -> None:
    """Refuse an INBOX that is missing, or that overlaps OUT (the watcher would scan its own output)."""
    if not inbox.is_dir():
        raise BadArgumentsError(f"The inbox {inbox} does not exist or is not a folder; create it first.")
    i, o = inbox.resolve(), out.resolve()
    if i == o or o.is_relative_to(i) or i.is_relative_to(o):
        raise BadArgumentsError(
            f"The output folder {out} and the inbox {inbox} overlap, so the watcher would loop on its own "
            "files; choose an -o folder outside the inbox that does not contain it."
        )


def is_temporary(name: str) -> bool:
    """A hidden file or a sync tool's name for a file still arriving (`x.jpg.partial`, `x.jpg~`)."""
    return name.startswith(".") or name.lower().endswith(TEMP_SUFFIXES)


def free_name(folder: Path, name: str, companion: str = "") -> Path:
    """The first of `name`, `stem (2).ext`, ... not taken in folder (nor its `name + companion`)."""
    stem, suffix = os.path.splitext(name)
    n = 1
    while True:
        candidate = folder / (name if n == 1 else f"{stem} ({n}){suffix}")
        if not os.path.lexists(candidate) and not (companion and os.path.lexists(f"{candidate}{companion}")):
            return candidate
        n += 1


def move_aside(src: Path, folder: Path, companion: str = "") -> Path:
    """Move src into folder under a free name; never overwrites, and returns where it went."""
    folder.mkdir(parents=True, exist_ok=True)
    while True:
        dst = free_name(folder, src.name, companion)
        try:
            # A hard link fails if dst appeared meanwhile, where rename would silently replace it.
            os.link(src, dst)
        except FileExistsError:
            continue
        except OSError:  # no hard links on this drive (some network and FAT drives): rename instead
            if os.path.lexists(dst):
                continue
            os.rename(src, dst)
            return dst
        os.unlink(src)
        return dst


def error_note(r: ScanResult, original: Path, when: datetime) -> str:
    """The text of `<name>.error.txt` next to a failed photo."""
    return (
        f"cardscan could not scan {original.name}.\n\n"
        f"Reason: {r.error or 'unknown'}\n\n"
        f"Found at: {original}\n"
        f"When: {when.isoformat(timespec='seconds')}\n"
        f"SHA-256: {r.sha256 or '-'}\n\n"
        "Retake or fix the photo and drop it into the inbox again; this note can be deleted.\n"
    )


class _Events(FileSystemEventHandler):
    """Hands watchdog's paths to the watcher thread, which does all the work."""

    def __init__(self, paths: queue.Queue[tuple[str, bool]]) -> None:
        self.paths = paths

    def on_any_event(self, event: FileSystemEvent) -> None:
        # "moved" covers sync tools renaming `x.jpg.partial` to `x.jpg` and files moved in from elsewhere.
        if event.is_directory and event.event_type in ("modified", "closed"):
            return  # a folder's own changes say nothing its files' events do not
        if event.event_type in ("created", "modified", "closed"):
            self.paths.put((os.fsdecode(event.src_path), event.is_directory))
        elif event.event_type == "moved":
            self.paths.put((os.fsdecode(event.dest_path), event.is_directory))


class Watcher:
    """Waits for complete files in INBOX and scans them one at a time; the store is its memory."""

    def __init__(
        self,
        inbox: Path,
        settings: Settings,
        store: Store,
        stop: threading.Event,
        *,
        keep: bool,
        scan: ScanFn,
        export: ExportFn,
        on_outcome: Callable[[Outcome], None],
        timing: Timing,
    ) -> None:
        self.inbox = inbox
        self.settings = settings
        self.store = store
        self.stop = stop
        self.keep = keep
        self.scan = scan
        self.export = export
        self.on_outcome = on_outcome
        self.timing = timing
        self.events: queue.Queue[tuple[str, bool]] = queue.Queue()
        self.waiting: dict[Path, _Waiting] = {}
        # Files handled that stay in INBOX (--keep, or could not be moved): looked at again only if changed.
        self.settled: dict[Path, tuple[int, int]] = {}

    # ------------------------------------------------------------------ which files

    def wanted(self, path: Path) -> bool:
        """An image name in INBOX, outside done/ and failed/, not hidden, not a temporary name."""
        try:
            parts = path.relative_to(self.inbox).parts
        except ValueError:
            return False
        if not parts or parts[0] in (DONE, FAILED) or any(p.startswith(".") for p in parts):
            return False
        return not is_temporary(parts[-1]) and path.suffix.lower() in imageio.IMAGE_SUFFIXES

    def files_under(self, root: Path) -> Iterator[Path]:
        for folder, dirs, files in os.walk(root):
            here = Path(folder)
            dirs[:] = sorted(d for d in dirs if self.wanted_dir(here / d))
            for f in sorted(files):
                if self.wanted(here / f):
                    yield here / f

    def wanted_dir(self, path: Path) -> bool:
        try:
            parts = path.relative_to(self.inbox).parts
        except ValueError:
            return False
        return not (parts and parts[0] in (DONE, FAILED)) and not any(p.startswith(".") for p in parts)

    def notice(self, path: Path) -> None:
        if path in self.waiting or not self.wanted(path):
            return
        if path in self.settled:
            try:
                st = path.stat()
            except OSError:
                del self.settled[path]
                return
            if self.settled[path] == (st.st_size, st.st_mtime_ns):
                return
            del self.settled[path]
        self.waiting[path] = _Waiting(since=time.monotonic())

    def notice_all(self) -> None:
        for path in self.files_under(self.inbox):
            self.notice(path)

    def drain_events(self) -> None:
        while True:
            try:
                raw, is_dir = self.events.get_nowait()
            except queue.Empty:
                return
            path = Path(raw)
            if is_dir:
                # A folder moved in arrives as one event; its files do not get their own.
                if path.is_dir() and self.wanted_dir(path):
                    for f in self.files_under(path):
                        self.notice(f)
            else:
                self.notice(path)

    # ------------------------------------------------------------------ when a file is complete

    def next_ready(self) -> tuple[Path, bytes] | None:
        """The oldest waiting file that is complete, with its bytes; fails files that never complete."""
        t = self.timing
        for path, w in sorted(self.waiting.items(), key=lambda kv: kv[1].since):
            now = time.monotonic()
            try:
                st = path.stat()
            except OSError:
                del self.waiting[path]  # moved away or deleted before it settled: nothing to do
                continue
            if not stat.S_ISREG(st.st_mode):
                del self.waiting[path]
                continue
            sig = (st.st_size, st.st_mtime_ns)
            if sig != w.sig:
                w.sig, w.still_since = sig, now
                if now - w.since > t.max_wait:
                    del self.waiting[path]
                    self.fail(
                        path,
                        f"The file was still changing after {t.max_wait:.0f} seconds, so it was "
                        "never complete; copy it into the inbox again.",
                    )
                continue
            if now - w.still_since < t.settle or now < w.next_try:
                continue
            try:
                data = imageio.read_bytes(path)
                if not self.known_ok(data):
                    imageio.decode(data, path.name, self.settings.max_pixels)
            except InputError as e:
                w.tries += 1
                if w.tries < t.attempts:
                    w.next_try = now + t.retry_delay
                    log.debug("%s does not decode yet (try %d): %s", path, w.tries, e)
                    continue
                del self.waiting[path]
                self.fail(
                    path,
                    f"{e} It was read {w.tries} times over {now - w.since:.0f} seconds and "
                    "never became a complete image.",
                )
                continue
            del self.waiting[path]
            return path, data
        return None

    def known_ok(self, data: bytes) -> bool:
        """A photo scanned before needs no decoding: it is a duplicate whatever its state."""
        seen = self.store.seen(hashlib.sha256(data).hexdigest())
        return seen is not None and seen.status == "ok"

    # ------------------------------------------------------------------ what to do with it

    def process(self, path: Path, data: bytes) -> None:
        sha = hashlib.sha256(data).hexdigest()
        seen = self.store.seen(sha)
        if seen is not None and seen.status == "ok":
            if self.keep and seen.source == str(path):
                self.settle(path)  # scanned on an earlier run and kept in place
                return
            r = ScanResult(
                str(path), sha, Status.SKIPPED, f"This photo is identical to {seen.source}, which was scanned already."
            )
            self.finish(path, r, self.inbox / DONE / self.today(), duplicate_of=seen.source)
            return
        # 'processing' until recorded: a crash now means the card is scanned again on restart.
        self.store.begin(sha, str(path))
        r = self.scan(path, self.settings)
        if r.status is Status.FAILED and self.stop.is_set():
            # `systemctl stop` signals every process of the service, Tesseract too, so this failure may be
            # the stop itself (a Ctrl-C does not reach Tesseract, which runs in a session of its own; a card
            # that really failed is only scanned again at the next start).
            self.on_outcome(Outcome(r, None, interrupted=True))
            return
        self.store.record(r)
        self.export(self.store, self.settings)
        folder = self.inbox / (DONE + "/" + self.today() if r.status is Status.OK else FAILED)
        self.finish(path, r, folder)

    def fail(self, path: Path, reason: str) -> None:
        """A file that never became a complete image: record it and move it to failed/."""
        r = ScanResult(str(path), imageio.sha256_of(path), Status.FAILED, reason)
        self.store.record(r)
        self.export(self.store, self.settings)
        self.finish(path, r, self.inbox / FAILED)

    def finish(self, path: Path, r: ScanResult, folder: Path, duplicate_of: str | None = None) -> None:
        failed = r.status is Status.FAILED
        if self.keep and not failed:
            self.settle(path)
            self.on_outcome(Outcome(r, None, duplicate_of))
            return
        try:
            moved: Path | None = move_aside(path, folder, ".error.txt" if failed else "")
        except OSError as e:
            log.error("%s could not be moved to %s (%s); it stays in the inbox.", path, folder, e.strerror or e)
            self.settle(path)
            moved = None
        if failed and moved is not None:
            try:
                with open(f"{moved}.error.txt", "x", encoding="utf-8") as f:
                    f.write(error_note(r, path, datetime.now(imageio.local_zone(self.settings.tz))))
            except OSError as e:
                log.error("The note %s.error.txt could not be written: %s.", moved, e.strerror or e)
        self.on_outcome(Outcome(r, moved, duplicate_of))

    def settle(self, path: Path) -> None:
        try:
            st = path.stat()
            self.settled[path] = (st.st_size, st.st_mtime_ns)
        except OSError:
            pass

    def today(self) -> str:
        return datetime.now(imageio.local_zone(self.settings.tz)).date().isoformat()

    # ------------------------------------------------------------------ the loop

    def run(self, observer: Any, on_ready: Callable[[], None]) -> None:
        observer.schedule(_Events(self.events), str(self.inbox), recursive=True)
        try:
            observer.start()
        except OSError as e:
            raise BadArgumentsError(
                f"The inbox {self.inbox} cannot be watched with file-system events ({e.strerror or e}); "
                "try again with --polling."
            ) from e
        try:
            if sum(self.store.counts().values()):
                self.export(self.store, self.settings)  # a crash may have left the exports one card behind
            self.notice_all()  # files that arrived while no watcher was running
            on_ready()
            next_rescan = time.monotonic() + self.timing.rescan
            while not self.stop.is_set():
                self.drain_events()
                if time.monotonic() >= next_rescan:
                    self.notice_all()
                    next_rescan = time.monotonic() + self.timing.rescan
                ready = self.next_ready()
                if ready is None:
                    self.stop.wait(self.timing.tick)
                else:
                    self.process(*ready)
        finally:
            observer.stop()
            observer.join(timeout=10)


def watch(
    inbox: Path,
    settings: Settings,
    stop: threading.Event,
    *,
    keep: bool = False,
    polling: bool = False,
    scan: ScanFn | None = None,
    export: ExportFn | None = None,
    on_outcome: Callable[[Outcome], None] = lambda o: None,
    on_ready: Callable[[], None] = lambda: None,
    timing: Timing = Timing(),
) -> None:
    """Scan photos dropped into inbox into settings.out_dir until `stop` is set.

    Holds the lock on OUT the whole time. The card in progress when `stop` is set is finished first.
    """
    check_folders(inbox, settings.out_dir)
    # watchdog's inotify backend warns when done/DATE/ is made right after done/; it watches it all the same.
    warnings.filterwarnings("ignore", message="Callback with id", category=RuntimeWarning)
    if scan is None or export is None:
        from . import pipeline, workers  # here, so a watcher given its own scan needs no OCR stack

        workers.reuse_freed_memory()
        scan = scan or pipeline.scan_file
        export = export or pipeline.export_all
    # Absolute paths, so records and log lines keep meaning when read from elsewhere.
    inbox = inbox.resolve()
    with locked(settings.out_dir):
        store = Store(settings.out_dir)
        try:
            watcher = Watcher(
                inbox, settings, store, stop, keep=keep, scan=scan, export=export, on_outcome=on_outcome, timing=timing
            )
            # Polling suits network drives and sync folders, where OS events are missing or late.
            watcher.run(PollingObserver(timeout=1.0) if polling else Observer(), on_ready)
        finally:
            store.close()


# --------------------------------------------------------------------------- command line


def describe(o: Outcome, inbox: Path) -> str:
    """The one log line for a card."""
    r = o.result
    name = _short(Path(r.source), inbox)
    where = f" -> {_short(o.moved_to, inbox)}" if o.moved_to else ""
    if o.interrupted:
        return f"stopped  {name}: stopped mid-card; it stays in the inbox and is scanned at the next start"
    if o.duplicate_of is not None:
        return f"same     {name}: the same photo as {_short(Path(o.duplicate_of), inbox)}, not scanned again{where}"
    if r.status is Status.FAILED:
        return f"failed   {name}: {r.error}{where}"
    c = r.contact
    who = ", ".join(x for x in (c.name.full if c and c.name else "", c.company if c else "") if x) or "no name"
    review = f" (check: {', '.join(c.review)})" if c and c.review else ""
    return f"ok       {name}: {who}{review}{where}"


def _short(path: Path, inbox: Path) -> str:
    try:
        return str(path.relative_to(inbox))
    except ValueError:
        return str(path)


def _catch_signals(stop: threading.Event) -> Callable[[], None]:
    """SIGINT/SIGTERM finish the current card, then stop; a second Ctrl-C stops at once."""

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        stop.set()

    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    old = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}

    def restore() -> None:
        for s, h in old.items():
            signal.signal(s, h)

    return restore


def run(
    args: Any,
    settings: Settings,
    console: Console,
    *,
    stop: threading.Event | None = None,
    scan: ScanFn | None = None,
    export: ExportFn | None = None,
    timing: Timing = Timing(),
) -> ExitCode:
    """`cardscan watch INBOX`: one line per card on stderr (JSON lines on stdout with --json)."""
    inbox: Path = args.inbox
    check_folders(inbox, settings.out_dir)
    if scan is None:
        from . import ocr

        ocr.probe(settings)
    shown = inbox.resolve()

    def say(line: str, style: str = "") -> None:
        console.print(Text(f"{datetime.now():%H:%M:%S} {line}", style=style), soft_wrap=True, highlight=False)

    def report(o: Outcome) -> None:
        if args.json and not o.interrupted:
            sys.stdout.write(json.dumps(result_to_dict(o.result), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        failed = o.result.status is Status.FAILED and not o.interrupted
        if failed or not args.quiet:
            say(describe(o, shown), "red" if failed else "")

    def ready() -> None:
        if not args.quiet:
            say(f"watching {shown} -> {settings.out_dir.resolve()} (Ctrl-C to stop)")

    stop = stop or threading.Event()
    restore = _catch_signals(stop)
    try:
        watch(
            inbox,
            settings,
            stop,
            keep=args.keep,
            polling=args.polling,
            scan=scan,
            export=export,
            on_outcome=report,
            on_ready=ready,
            timing=timing,
        )
    finally:
        restore()
    if not args.quiet:
        say("stopped.")
    return ExitCode.OK
