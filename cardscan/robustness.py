"""`make robustness`: feed the real CLI hostile and broken files, then count the damage.

Runs `python -m cardscan scan` (and `watch`, when cardscan.watch exists) as subprocesses on the
corpus of tests/badinputs.py and prints one row per input plus totals: crashes, tracebacks,
lost files, files written outside OUT, good cards exported. Works only inside its own temp folder.
"""

from __future__ import annotations

import argparse
import csv
import email
import email.policy
import importlib.util
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

REPO = Path(__file__).resolve().parents[1]
CLI_TIMEOUT = 300.0  # seconds for one scan run; a hang is a finding, not a stuck program
WATCH_DRAIN = 240.0  # seconds for the watcher to empty its inbox

#: Exit codes a user may legitimately see per expected outcome (errors.ExitCode values).
EXPECTED_CODES = {"ok": {0}, "failed": {1}, "either": {0, 1}, "none": {2}}
_SAFE_NAME = re.compile(r"^[A-Za-z0-9._-]+$")
_VCARD_PROPS = {
    "BEGIN",
    "END",
    "VERSION",
    "PRODID",
    "N",
    "FN",
    "ORG",
    "TITLE",
    "ROLE",
    "TEL",
    "EMAIL",
    "URL",
    "ADR",
    "LABEL",
    "NOTE",
    "CATEGORIES",
    "UID",
    "REV",
    "NICKNAME",
    "BDAY",
    "PHOTO",
    "TZ",
    "GEO",
    "SOURCE",
    "NAME",
}
_CSV_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_E164_CELL = re.compile(r"\+[1-9][0-9]{5,14}( ::: \+[1-9][0-9]{5,14})*")


def load_corpus() -> ModuleType:
    """tests/badinputs.py from this source checkout (the corpus is test data, not shipped code)."""
    path = REPO / "tests" / "badinputs.py"
    if not path.exists():
        raise SystemExit(f"cardscan.robustness needs a source checkout: {path} is missing.")
    spec = importlib.util.spec_from_file_location("badinputs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["badinputs"] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------- running the CLI


@dataclass(frozen=True)
class Run:
    """One CLI run as a user would see it."""

    code: int  # exit code; negative = killed by that signal; 999 = timed out
    records: list[dict[str, Any]]  # the --json lines
    stderr: str
    garbage: int = 0  # stdout lines that were not JSON

    @property
    def traceback(self) -> bool:
        return "Traceback (most recent call last)" in self.stderr


def sandbox_env(work: Path) -> dict[str, str]:
    """HOME and TMPDIR inside the work folder, so stray writes show up in its snapshot."""
    for d in ("home", "tmp"):
        (work / d).mkdir(exist_ok=True)
    env = dict(os.environ)
    env.update(HOME=str(work / "home"), TMPDIR=str(work / "tmp"), PYTHONPATH=str(REPO))
    env.pop("CARDSCAN_CONFIG", None)
    return env


def _parse_stdout(raw: bytes) -> tuple[list[dict[str, Any]], int]:
    records, garbage = [], 0
    for line in raw.decode("utf-8", "surrogateescape").splitlines():
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            garbage += 1
    return records, garbage


def run_cli(args: Sequence[str], work: Path, timeout: float = CLI_TIMEOUT) -> Run:
    """`python -m cardscan ARGS` in the sandbox; never raises for what the program does."""
    try:
        p = subprocess.run(
            [sys.executable, "-m", "cardscan", *args],
            cwd=work,
            env=sandbox_env(work),
            capture_output=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as e:
        err = (e.stderr or b"").decode("utf-8", "replace")
        return Run(999, _parse_stdout(e.stdout or b"")[0], err + f"\n[timed out after {timeout:.0f} s]")
    records, garbage = _parse_stdout(p.stdout)
    return Run(p.returncode, records, p.stderr.decode("utf-8", "replace"), garbage)


# --------------------------------------------------------------------------- judging


def sentence_problems(message: str | None, mention: Sequence[str] = ()) -> list[str]:
    """Is a failure reason one clear sentence a user can act on?"""
    if not message or not message.strip():
        return ["no reason given"]
    out = []
    if "\n" in message or "\r" in message:
        out.append("reason spans several lines")
    if "Traceback" in message or "internal error" in message:
        out.append("reason is an internal error")
    if not message.rstrip().endswith((".", ".)")):
        out.append("reason is not a sentence")
    if len(message) > 400:
        out.append("reason is too long")
    if mention and not any(m in message.lower() for m in mention):
        out.append(f"reason does not say {' or '.join(repr(m) for m in mention)}")
    return out


def outcome_problems(expect: str, record: dict[str, Any] | None, mention: Sequence[str] = ()) -> list[str]:
    """Problems with one input's record against what its case expects."""
    status = record["status"] if record else "none"
    if expect == "none":
        return [] if record is None else [f"a folder got a record ({status})"]
    if record is None:
        return ["no record: the input was lost"]
    if expect == "ok" and status != "ok":
        return [f"a good card was not exported ({status}: {record.get('error')})"]
    if expect == "failed" and status != "failed":
        return [f"expected failed, got {status}"]
    if status == "failed":
        return sentence_problems(record.get("error"), mention if expect == "failed" else ())
    if status not in ("ok", "failed"):
        return [f"unexpected status {status}"]
    return []


def out_problems(out: Path) -> list[str]:
    """Everything wrong with what landed in OUT: names, links, and escaping per format."""
    problems: list[str] = []
    base = out.resolve()
    for p in sorted(out.rglob("*")):
        rel = p.relative_to(out)
        if not all(_SAFE_NAME.match(part) for part in rel.parts):
            problems.append(f"unsafe file name in OUT: {str(rel)!r}")
        if not p.resolve().is_relative_to(base):
            problems.append(f"{rel} points outside OUT")
        if p.is_symlink() or not p.is_file():
            continue
        checker = _CHECKERS.get(p.suffix.lower())
        if checker is not None:
            problems += [f"{rel}: {m}" for m in checker(p)]
    return problems


def _check_csv(p: Path) -> list[str]:
    with p.open(newline="", encoding="utf-8-sig") as f:
        cells = [c for row in csv.reader(f) for c in row]
    # A bare E.164 number ("+14155550101") is data to every spreadsheet; anything else must be defused.
    return [
        f"cell {c[:40]!r} could run as a formula"
        for c in cells
        if c.startswith(_CSV_TRIGGERS) and not _E164_CELL.fullmatch(c)
    ]


def _check_html(p: Path) -> list[str]:
    text = p.read_text(encoding="utf-8").lower()
    out = []
    if "<script" in text:
        out.append("contains <script>")
    if "content-security-policy" not in text:
        out.append("has no Content-Security-Policy meta tag")
    if re.search(r"(src|href)\s*=\s*[\"']?\s*(https?:)?//", text) or "@import" in text or "url(http" in text:
        out.append("loads something remote")
    return out


def _check_vcf(p: Path) -> list[str]:
    import vobject

    try:
        cards = list(vobject.readComponents(p.read_text(encoding="utf-8")))
    except Exception as e:  # any parse failure is the finding
        return [f"vobject cannot read it ({type(e).__name__}: {e})"]
    names = {str(child.name) for card in cards for child in card.getChildren()}
    odd = sorted(n for n in names if n.upper() not in _VCARD_PROPS and not n.upper().startswith("X-"))
    return [f"unexpected vCard properties {odd}"] if odd else []


def _check_ics(p: Path) -> list[str]:
    import icalendar

    try:
        cal = icalendar.Calendar.from_ical(p.read_bytes())
    except Exception as e:
        return [f"icalendar cannot read it ({type(e).__name__}: {e})"]
    kinds = {str(c.name) for c in cal.walk()}
    odd = sorted(kinds - {"VCALENDAR", "VEVENT", "VTODO", "VALARM", "VTIMEZONE", "STANDARD", "DAYLIGHT"})
    return [f"unexpected components {odd}"] if odd else []


def _check_eml(p: Path) -> list[str]:
    msg = email.message_from_bytes(p.read_bytes(), policy=email.policy.default)
    out = [f"header {k} was injected" for k in msg if k.lower() in ("bcc", "cc", "reply-to", "sender")]
    out += [f"header {k} holds a line break" for k, v in msg.items() if "\n" in str(v) or "\r" in str(v)]
    return out


_CHECKERS: dict[str, Callable[[Path], list[str]]] = {
    ".csv": _check_csv,
    ".html": _check_html,
    ".htm": _check_html,
    ".vcf": _check_vcf,
    ".ics": _check_ics,
    ".eml": _check_eml,
}


def exported_keys(out: Path) -> set[str]:
    """Lower-cased names and emails of every card in OUT/contacts.vcf."""
    import vobject

    path = out / "contacts.vcf"
    if not path.exists():
        return set()
    keys: set[str] = set()
    for card in vobject.readComponents(path.read_text(encoding="utf-8")):
        for child in card.getChildren():
            if child.name in ("FN", "EMAIL"):
                keys.add(str(child.value).strip().lower())
    return keys


def is_exported(record: dict[str, Any] | None, keys: set[str]) -> bool:
    """Did this ok record's contact reach contacts.vcf (by its name or an email)?"""
    contact = (record or {}).get("contact") or {}
    wanted = {str(contact.get("name") or "").lower(), *(e.lower() for e in contact.get("emails") or ())}
    return bool((wanted - {""}) & keys)


def state_of(path: Path) -> tuple[str, bytes]:
    """What a user would call 'the same file': its kind and its bytes (or link target)."""
    try:
        if path.is_symlink():
            return "link", os.fsencode(os.readlink(path))
        if path.is_dir():
            return "dir", b""
        if path.is_fifo():
            return "fifo", b""
        if path.is_file():
            mode = path.stat().st_mode
            path.chmod(0o600)  # chmod 000 inputs: read them back as their owner would
            try:
                return "file", path.read_bytes()
            finally:
                path.chmod(mode)
    except OSError:
        pass
    return "missing", b""


# --------------------------------------------------------------------------- the three phases


@dataclass
class Row:
    name: str
    expect: str
    status: str = "-"
    message: str = ""
    code: int | None = None
    traceback: bool = False
    batch: str = "-"
    watch: str = "-"
    problems: list[str] = field(default_factory=list)


def _shown(path: Path) -> str:
    """A path as cardscan prints it: bytes that are not UTF-8 as \\xNN escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _explicit(cases: Sequence[Any]) -> list[str]:
    return [str(c.path) for c in cases if c.explicit]


def scan_each(cases: Sequence[Any], work: Path, jobs: int = 2) -> list[Row]:
    """Each input alone, so its exit code and stderr are its own."""

    def one(i_case: tuple[int, Any]) -> Row:
        i, case = i_case
        run = run_cli(["scan", str(case.path), "-o", str(work / "outs" / f"each-{i:02d}"), "--json", "-j", "1"], work)
        rec = run.records[0] if run.records else None
        row = Row(
            case.name,
            case.expect,
            rec["status"] if rec else "none",
            (rec or {}).get("error") or _last_line(run.stderr),
            run.code,
            run.traceback,
        )
        row.problems += outcome_problems(case.expect, rec, case.mention)
        if run.code not in EXPECTED_CODES[case.expect]:
            row.problems.append(f"exit code {run.code}")
        if run.traceback:
            row.problems.append("traceback on stderr")
        if run.garbage or len(run.records) > 1:
            row.problems.append("stdout holds more than one JSON record per input")
        return row

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(one, enumerate(cases)))


def _last_line(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return lines[-1].removeprefix("cardscan: ") if lines else ""


@dataclass
class Totals:
    crashes: int = 0
    tracebacks: int = 0
    lost: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    good_total: int = 0
    good_exported: int = 0
    out_problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def scan_batch(bad: ModuleType, cases: Sequence[Any], rows: list[Row], work: Path, totals: Totals) -> None:
    """All inputs in one run, good cards mixed in: nothing lost, nothing written outside OUT."""
    out = work / "outs" / "batch"
    inbox = cases[0].path.parent
    before_files = {c.path: state_of(c.path) for c in cases}
    sandbox_env(work)  # creates HOME and TMPDIR before the snapshot
    before = bad.snapshot(work, skip={work / "outs"})
    run = run_cli(["scan", str(inbox), *_explicit(cases), "-o", str(out), "--json"], work)
    totals.outside += bad.changes(before, bad.snapshot(work, skip={work / "outs"}))
    totals.lost += [f"{c.name} (after scan)" for c in cases if state_of(c.path) != before_files[c.path]]
    totals.tracebacks += run.traceback
    if run.code != 1 or run.traceback:
        totals.crashes += 1
        totals.notes.append(f"the mixed batch exited {run.code}{' with a traceback' if run.traceback else ''}")
    by_source = {r["source"]: r for r in run.records}  # sources are shown as pipeline.display_path does
    keys = exported_keys(out)
    for case, row in zip(cases, rows, strict=True):
        rec = by_source.get(_shown(case.path))
        row.batch = rec["status"] if rec else "none"
        problems = outcome_problems(case.expect, rec, case.mention)
        if case.expect == "ok":
            totals.good_total += 1
            if is_exported(rec, keys):
                totals.good_exported += 1
            else:
                problems.append("good card missing from contacts.vcf")
        row.problems += [f"batch: {p}" for p in problems]
    totals.out_problems += out_problems(out)


def watch_available() -> bool:
    return importlib.util.find_spec("cardscan.watch") is not None


def _drop(case: Any, inbox: Path) -> None:
    """Put one corpus entry into the watched inbox the way a user or a sync client would."""
    dest = inbox / case.path.name
    src = case.path
    if case.expect == "none" or src.is_dir():
        dest.mkdir()
    elif src.is_symlink():
        dest.symlink_to(os.readlink(src))
    elif src.is_fifo():
        os.mkfifo(dest)
    elif not src.exists():  # deleted between the event and the read
        dest.write_bytes(b"\xff\xd8\xff\xe0 about to vanish")
        dest.unlink()
    else:
        mode = src.stat().st_mode
        src.chmod(0o600)
        try:
            shutil.copyfile(src, dest)
        finally:
            src.chmod(mode)
        dest.chmod(mode)


def watch_phase(bad: ModuleType, cases: Sequence[Any], rows: list[Row], work: Path, totals: Totals) -> None:
    """The same inputs dropped into a watched inbox: each must end in done/ or failed/."""
    inbox = work / "watch-inbox"
    inbox.mkdir()
    out = work / "outs" / "watch"
    logs = work / "outs" / "watch-logs"
    logs.mkdir(parents=True)
    sandbox_env(work)
    before = bad.snapshot(work, skip={work / "outs", inbox})
    with (logs / "stdout").open("wb") as so, (logs / "stderr").open("wb") as se:
        proc = subprocess.Popen(
            [sys.executable, "-m", "cardscan", "watch", str(inbox), "-o", str(out), "--json"],
            cwd=work,
            env=sandbox_env(work),
            stdout=so,
            stderr=se,
            stdin=subprocess.DEVNULL,
        )
        _wait(lambda: (out / ".cardscan.lock").exists() or proc.poll() is not None, 60)
        time.sleep(1.0)  # the observer starts just after the lock is taken; no signal to wait on
        contents = {}
        for case in cases:
            contents[case.name] = state_of(case.path)
            _drop(case, inbox)
        regular = [c for c in cases if contents[c.name][0] == "file"]
        drained = _wait(
            lambda: proc.poll() is not None or not any((inbox / c.path.name).exists() for c in regular), WATCH_DRAIN
        )
        if not drained:
            totals.notes.append(f"the watcher did not empty its inbox within {WATCH_DRAIN:.0f} s")
        alive = proc.poll() is None
        if alive:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                totals.notes.append("the watcher ignored Ctrl-C for 30 s and was killed")
    stderr = (logs / "stderr").read_text(encoding="utf-8", errors="replace")
    records, _ = _parse_stdout((logs / "stdout").read_bytes())
    has_tb = "Traceback (most recent call last)" in stderr
    totals.tracebacks += has_tb
    if not alive or proc.returncode not in (0, 130) or has_tb:
        totals.crashes += 1
        totals.notes.append(
            f"the watcher {'died' if not alive else 'stopped'} with exit code {proc.returncode}"
            f"{' and a traceback' if has_tb else ''}: {_last_line(stderr)}"
        )
    totals.outside += [f"watch: {c}" for c in bad.changes(before, bad.snapshot(work, skip={work / "outs", inbox}))]
    by_name = {Path(r["source"]).name: r for r in records if r.get("source")}
    for case, row in zip(cases, rows, strict=True):
        rec = by_name.get(Path(_shown(case.path)).name)
        kind, data = contents[case.name]
        where = _where(inbox, case.path.name, kind, data)
        row.watch = f"{rec['status'] if rec else 'no record'}, {where}"
        if kind == "file" and where == "LOST":
            totals.lost.append(f"{case.name} (after watch)")
        if kind == "file" and where == "still in inbox":
            row.problems.append("watch: left in the inbox")
        if rec is not None and rec.get("status") == "failed":
            row.problems += [f"watch: {p}" for p in sentence_problems(rec.get("error"))]
        if case.expect == "ok" and (rec is None or rec.get("status") != "ok"):
            row.problems.append("watch: good card not exported")
    totals.out_problems += [f"watch: {p}" for p in out_problems(out)]


def _where(inbox: Path, name: str, kind: str, data: bytes) -> str:
    """Where a dropped entry ended up: done/, failed/, still in the inbox, or nowhere (lost)."""
    top = inbox / name
    if kind != "file":
        return "still in inbox" if os.path.lexists(top) else "moved or removed"
    if top.is_file() and state_of(top) == (kind, data):
        return "still in inbox"
    for p in inbox.rglob("*"):
        if p.parent != inbox and not p.is_symlink() and p.is_file() and state_of(p) == (kind, data):
            return f"{p.relative_to(inbox).parts[0]}/"
    return "LOST"


def _wait(predicate: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return predicate()


# --------------------------------------------------------------------------- report


def report(rows: Sequence[Row], totals: Totals, console: Console) -> bool:
    table = Table(title="cardscan robustness: one row per input", show_lines=True)
    for col in ("input", "expected", "scan alone", "exit", "traceback", "batch", "watch", "verdict"):
        table.add_column(col, overflow="fold")
    for r in rows:
        what = r.status + (f": {r.message}" if r.message and r.status != "ok" else "")
        verdict = Text("; ".join(r.problems), style="red") if r.problems else Text("fine", style="green")
        table.add_row(r.name, r.expect, what, str(r.code), "yes" if r.traceback else "no", r.batch, r.watch, verdict)
    console.print(table)
    crashes = totals.crashes + sum(
        any(p.startswith(("exit code", "traceback", "no record", "reason is an internal")) for p in r.problems)
        for r in rows
    )
    tracebacks = totals.tracebacks + sum(r.traceback for r in rows)
    lines = [
        ("crashes", crashes, crashes == 0),
        ("tracebacks (without -v)", tracebacks, tracebacks == 0),
        ("lost files", len(totals.lost), not totals.lost),
        ("files written outside OUT", len(totals.outside), not totals.outside),
        (
            "good cards exported",
            f"{totals.good_exported} of {totals.good_total}",
            totals.good_exported == totals.good_total > 0,
        ),
        ("problems in OUT (escaping, names)", len(totals.out_problems), not totals.out_problems),
        ("inputs with any problem", sum(bool(r.problems) for r in rows), not any(r.problems for r in rows)),
    ]
    for label, value, good in lines:
        console.print(Text(f"{label:36} {value}", style="green" if good else "bold red"))
    for detail in totals.lost + totals.outside + totals.out_problems + totals.notes:
        console.print(Text(f"  - {detail}", style="red"))
    return all(good for _, _, good in lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m cardscan.robustness", description=__doc__)
    ap.add_argument("--keep", action="store_true", help="keep the work folder and print where it is")
    ap.add_argument("--no-watch", action="store_true", help="skip the watcher phase")
    args = ap.parse_args(argv)
    console = Console(width=max(Console().width, 180))
    bad = load_corpus()
    work = Path(tempfile.mkdtemp(prefix="cardscan-robustness-"))
    t0 = time.monotonic()
    try:
        cases = bad.make_corpus(work)
        totals = Totals()
        console.print(f"[bold]{len(cases)} inputs; scanning each alone...[/bold]", highlight=False)
        rows = scan_each(cases, work)
        console.print("[bold]scanning all of them in one batch...[/bold]")
        scan_batch(bad, cases, rows, work, totals)
        if args.no_watch:
            totals.notes.append("the watcher phase was skipped (--no-watch)")
        elif watch_available():
            console.print("[bold]dropping them into a watched inbox...[/bold]")
            watch_phase(bad, cases, rows, work, totals)
        else:
            totals.notes.append("cardscan.watch does not exist yet: the watcher phase was skipped")
        ok = report(rows, totals, console)
        console.print(f"took {time.monotonic() - t0:.0f} s" + (f"; work folder kept in {work}" if args.keep else ""))
        return 0 if ok else 1
    finally:
        if not args.keep:
            for p in work.rglob("*"):
                if not p.is_symlink() and not p.is_fifo():
                    p.chmod(0o700 if p.is_dir() else 0o600)
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
