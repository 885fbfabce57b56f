"""Subcommands (scan, watch, status, plan); main(argv) -> int.

The one place errors become exit codes. stdout carries data (--json lines) and
nothing else; people read stderr: logs, the progress bar and the summary table.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from . import __version__, workers
from .config import EXPORT_FORMATS, STEPS, Settings, load_settings
from .errors import BadArgumentsError, CardscanError, ExitCode
from .models import ScanResult, Status, result_to_dict
from .store import Store, locked

log = logging.getLogger("cardscan")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse exits 2 by itself; keep our enum the authority
        self.print_usage(sys.stderr)
        raise BadArgumentsError(f"{message[0].upper()}{message[1:]}.")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--out", dest="out_dir", type=Path, help="output folder (default: ./out)")
    p.add_argument(
        "--region", help="default phone region when a card has no +CC (default: your locale's country, else US)"
    )
    p.add_argument("--lang", help="Tesseract language packs, e.g. eng+deu or jpn+eng (default: eng)")
    p.add_argument("-j", "--jobs", type=int, help="worker processes (default: one per core; 1 runs in-process)")
    p.add_argument("--config", type=Path, help="a TOML file of settings (keys as in Settings)")
    p.add_argument("--max-pixels", type=int, help="refuse images larger than this many pixels (default 120 million)")
    p.add_argument("--keep-intermediates", type=Path, metavar="DIR", help="save each preprocessing step's image")
    for step in STEPS:
        p.add_argument(
            f"--no-{step.replace('_', '-')}",
            action="append_const",
            const=step,
            dest="disabled_steps",
            help=f"switch off the {step.replace('_', ' ')} step",
        )
    p.add_argument(
        "--formats",
        metavar="LIST",
        help=f"which files to write into OUT, comma-separated (default: all of {','.join(EXPORT_FORMATS)})",
    )
    _followup_options(p)
    p.add_argument("-v", "--verbose", action="count", default=0, help="more detail on stderr; tracebacks")
    p.add_argument("-q", "--quiet", action="store_true", help="only errors on stderr")


def _followup_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("follow-up plan")
    g.add_argument("--interview-date", help="when the interview was (default: when each photo was taken)")
    g.add_argument("--role", help='the role you interviewed for, e.g. "Data Engineer"')
    g.add_argument("--decision-by", help="the date they said they would decide by (YYYY-MM-DD)")
    g.add_argument("--me", help="your full name, for the thank-you email signatures")
    g.add_argument("--tz", help="your time zone, e.g. Europe/Berlin (default: the system zone)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cardscan", description="Business-card photos in, phone contacts and a follow-up plan out.")
    parser.add_argument("--version", action="version", version=f"cardscan {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    scan = sub.add_parser("scan", help="scan photos or folders of photos into OUT")
    scan.add_argument("paths", nargs="+", metavar="PATH", help="an image, or a folder searched recursively")
    scan.add_argument("--json", action="store_true", help="write one JSON object per input to stdout")
    _common(scan)
    watch = sub.add_parser("watch", help="scan every photo dropped into INBOX, until stopped")
    watch.add_argument("inbox", type=Path, metavar="INBOX")
    watch.add_argument("--polling", action="store_true", help="poll instead of OS events (network and sync folders)")
    keep = watch.add_mutually_exclusive_group()
    keep.add_argument(
        "--archive",
        dest="keep",
        action="store_false",
        default=False,
        help="move each photo to INBOX/done/DATE/ when scanned (default)",
    )
    keep.add_argument("--keep", dest="keep", action="store_true", help="leave scanned photos where they are")
    watch.add_argument("--json", action="store_true", help="write one JSON object per card to stdout")
    _common(watch)
    status = sub.add_parser("status", help="counts and the last errors of an output folder")
    status.add_argument("out", type=Path, nargs="?", default=Path("out"), metavar="OUT")
    plan = sub.add_parser("plan", help="print the follow-up timeline of an output folder as a table")
    plan.add_argument("out_dir", type=Path, nargs="?", metavar="OUT", help="the output folder (default: ./out)")
    plan.add_argument("--config", type=Path, help="a TOML file of settings (keys as in Settings)")
    _followup_options(plan)
    return parser


def settings_from(args: argparse.Namespace) -> Settings:
    flags = {
        k: getattr(args, k, None)
        for k in (
            "out_dir",
            "region",
            "lang",
            "jobs",
            "max_pixels",
            "keep_intermediates",
            "interview_date",
            "role",
            "decision_by",
            "me",
            "tz",
            "formats",
        )
    }
    if getattr(args, "disabled_steps", None):
        flags["disabled_steps"] = ",".join(args.disabled_steps)
    s = load_settings(flags, config_file=getattr(args, "config", None))
    if s.jobs < 0:
        raise BadArgumentsError("-j/--jobs must be 0 (one per core) or a positive number.")
    if s.tz:
        try:
            from zoneinfo import ZoneInfo

            ZoneInfo(s.tz)
        except Exception as e:
            raise BadArgumentsError(f"{s.tz!r} is not a known time zone; use a name like Europe/Berlin.") from e
    return s


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    logging.basicConfig(level=level, format="cardscan: %(message)s", stream=sys.stderr, force=True)


# --------------------------------------------------------------------------- scan


@dataclass(frozen=True)
class _Row:
    """What the summary table needs of one result; kept instead of the result so memory stays flat."""

    file: str
    status: Status
    error: str | None
    name: str = ""
    company: str = ""
    phones: str = ""
    emails: str = ""
    review: str = ""

    @classmethod
    def of(cls, r: ScanResult) -> _Row:
        c = r.contact
        if c is None:
            return cls(Path(r.source).name, r.status, r.error)
        return cls(
            Path(r.source).name,
            r.status,
            r.error,
            c.name.full if c.name else "",
            c.company or "",
            "\n".join(p.number for p in c.phones),
            "\n".join(c.emails),
            ", ".join(c.review),
        )


SUMMARY_ALL_ROWS = 50  # above this many cards, the table lists only those that need a look


def _summary(console: Console, rows: Sequence[_Row]) -> None:
    shown = rows if len(rows) <= SUMMARY_ALL_ROWS else [r for r in rows if r.status is not Status.OK or r.review]
    table = Table(title="cardscan", show_lines=False)
    for col in ("file", "name", "company", "phones", "emails", "review"):
        table.add_column(col, overflow="fold")
    for r in shown:
        if r.status is not Status.OK:
            table.add_row(Text(r.file), Text(f"{r.status.value}: {r.error}", style="red"), "", "", "", "")
        else:
            table.add_row(
                *(Text(v) for v in (r.file, r.name, r.company, r.phones, r.emails)), Text(r.review, style="yellow")
            )
    console.print(table)
    if len(shown) < len(rows):
        console.print(f"({len(rows) - len(shown)} cards with nothing to review are not listed.)")


@contextlib.contextmanager
def _ctrl_c_noted() -> Iterator[threading.Event]:
    """Ctrl-C raises KeyboardInterrupt as usual and is also noted, so the batch loop stops after this
    card even when library code on the way caught the exception and carried on."""
    noted = threading.Event()

    def handler(signum: int, frame: FrameType | None) -> None:
        noted.set()
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        yield noted
        return
    old = signal.signal(signal.SIGINT, handler)
    try:
        yield noted
    finally:
        signal.signal(signal.SIGINT, old)


def cmd_scan(args: argparse.Namespace, settings: Settings, console: Console) -> ExitCode:
    if settings.jobs != 1 and workers.default_jobs() > 1:
        workers.start_early()  # the workers' imports then run beside this process's own, not after them
    from . import ocr, pipeline  # here: the OpenCV and Tesseract stack takes half a second to import

    ocr.probe(settings)
    out = settings.out_dir
    show_progress = console.is_terminal and not args.json and not args.quiet
    rows: list[_Row] = []
    with locked(out):
        store = Store(out)
        seen_now: dict[str, str] = {}
        # Paths only (not images), so the bar can show a total and an ETA.
        files = list(pipeline.iter_inputs(args.paths, skip=[out]))
        with Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]} failed"),
            TextColumn("[progress.data.speed]{task.fields[rate]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            disable=not show_progress,
            transient=True,
        ) as progress:
            task = progress.add_task("scanning", total=len(files), failed=0, rate="")
            failed = 0
            started = time.monotonic()
            interrupted = False
            try:
                with _ctrl_c_noted() as ctrl_c:
                    for r in pipeline.scan_paths(files, settings):
                        if r.sha256 and r.sha256 in seen_now and r.status is Status.OK:
                            r = ScanResult(
                                r.source,
                                r.sha256,
                                Status.SKIPPED,
                                f"This photo is identical to {seen_now[r.sha256]}, which was scanned already.",
                            )
                        elif r.sha256:
                            seen_now[r.sha256] = r.source
                        store.record(r)
                        rows.append(_Row.of(r))
                        failed += r.status is Status.FAILED
                        rate = len(rows) / max(1e-6, time.monotonic() - started)
                        progress.update(task, advance=1, failed=failed, rate=f"{rate:.1f} cards/s")
                        if args.json:
                            sys.stdout.write(json.dumps(result_to_dict(r), ensure_ascii=False) + "\n")
                            sys.stdout.flush()
                        if r.status is Status.FAILED:
                            log.warning("%s: %s", r.source, r.error)
                        if ctrl_c.is_set():  # the KeyboardInterrupt was swallowed somewhere: stop here
                            raise KeyboardInterrupt
            except KeyboardInterrupt:
                # Stop at once, but keep what was scanned: it is in the store and gets exported.
                interrupted = True
        written = pipeline.export_all(store, settings)
        store.close()
    if interrupted:
        console.print(
            f"cardscan: interrupted after {len(rows)} of {len(files)} photos; those are exported, "
            "scan the folder again for the rest."
        )
        return ExitCode.INTERRUPTED
    if not rows:
        raise BadArgumentsError("No image files were found in the paths given.")
    if not args.quiet:
        _summary(console, sorted(rows, key=lambda r: r.file))
        n_ok = sum(r.status is Status.OK for r in rows)
        console.print(
            f"{n_ok} of {len(rows)} photos scanned; wrote {len(written)} files to {out}/ "
            f"(import {out / 'contacts.vcf'} into your phone)."
        )
    return ExitCode.INPUT_FAILED if any(r.status is Status.FAILED for r in rows) else ExitCode.OK


def cmd_status(args: argparse.Namespace, console: Console) -> ExitCode:
    if not (args.out / "cardscan.sqlite3").exists():
        raise BadArgumentsError(f"{args.out} is not a cardscan output folder (it has no cardscan.sqlite3).")
    store = Store(args.out)
    counts = store.counts()
    console.print(
        f"done: {counts.get('ok', 0)}  failed: {counts.get('failed', 0)}  pending: {counts.get('processing', 0)}"
    )
    if counts.get("processing", 0):
        console.print(
            "  (pending: being scanned right now, or cut off by a crash and scanned again when the "
            "watcher or scan next meets the photo)",
            soft_wrap=True,
        )
    errors = store.failures(limit=10)
    if errors:
        console.print("last errors, newest first:")
    for source, reason in errors:
        # soft_wrap keeps one error per line, whole, for logs and grep
        console.print(Text(f"  {source}: {reason}", style="red"), soft_wrap=True)
    store.close()
    return ExitCode.OK


def cmd_plan(settings: Settings) -> ExitCode:
    """The timeline of OUT as a table on stdout: here the table is the data the user asked for."""
    from zoneinfo import ZoneInfo

    from .followup import contact_key, display_name, short_when

    out = settings.out_dir
    if not (out / "cardscan.sqlite3").exists():
        raise BadArgumentsError(f"{out} is not a cardscan output folder (it has no cardscan.sqlite3); scan first.")
    from . import pipeline

    store = Store(out)
    try:
        contacts, plan, _, _ = pipeline.plan_from_store(store, settings)
    finally:
        store.close()
    zone = ZoneInfo(plan.tz)
    names = {contact_key(c): display_name(c) for c in contacts}
    table = Table(title=f"Follow-up plan: {len(plan.tasks)} tasks, times in {zone.key}")
    table.add_column("when", no_wrap=True)
    table.add_column("task", no_wrap=True)
    table.add_column("contact", overflow="fold", max_width=28)
    table.add_column("detail", overflow="fold")
    for i, t in enumerate(plan.tasks):
        local = t.due.astimezone(zone)
        when = short_when(local)
        task_zone = getattr(t.due.tzinfo, "key", zone.key)
        if task_zone != zone.key:  # a call in the contact's zone: show their clock too
            when += f"\n({t.due:%H:%M} {task_zone})"
        who = names.get(t.contact_key, "") if t.contact_key else "you"
        following = plan.tasks[i + 1].due.astimezone(zone).date() if i + 1 < len(plan.tasks) else None
        table.add_row(Text(when), Text(t.kind), Text(who), Text(t.detail), end_section=following != local.date())
    stdout = Console()
    # Piped into a file, rich would squeeze the table into 80 columns; data deserves the room.
    Console(width=None if stdout.is_terminal else 160).print(table)
    return ExitCode.OK


def main(argv: Sequence[str] | None = None) -> int:
    console = Console(stderr=True)
    verbose = 0
    try:
        args = build_parser().parse_args(argv)
        verbose = getattr(args, "verbose", 0)
        _setup_logging(verbose, getattr(args, "quiet", False))
        if args.command == "status":
            return int(cmd_status(args, console))
        settings = settings_from(args)
        if args.command == "scan":
            return int(cmd_scan(args, settings, console))
        if args.command == "plan":
            return int(cmd_plan(settings))
        from . import watch

        return int(watch.run(args, settings, console))
    except CardscanError as e:
        if verbose:
            log.exception("details")
        console.print(Text(f"cardscan: {e}", style="bold red"))
        return int(e.exit_code)
    except KeyboardInterrupt:
        console.print("cardscan: interrupted.")
        return int(ExitCode.INTERRUPTED)
    except SystemExit as e:  # --help and --version
        return int(e.code or 0) if isinstance(e.code, int) else 0
