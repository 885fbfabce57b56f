"""`make soak`: a running watcher is fed photos in bursts, killed once with SIGKILL, and restarted.

10% of the photos are bad (empty, truncated, not images) and 10% are byte-for-byte duplicates under
other names. At the end every dropped file must be in done/ or failed/, each distinct good card must
be exactly one contact in contacts.vcf, and the store must agree; the figures are printed as a table.
It writes only under its work folder and is not part of `make test` (it takes minutes).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import ocr, synth
from .config import Settings
from .errors import CardscanError
from .store import DB_NAME, Store


@dataclass(frozen=True)
class Drop:
    name: str
    data: bytes
    kind: str  # good | duplicate | bad
    how: str  # write | slow | partial | move: how the file arrives in the inbox


def plan_drops(cards: Sequence[Path], photos: int, rng: random.Random) -> list[Drop]:
    """One Drop per photo: the generated cards, 10% duplicates of them, 10% bad files; shuffled."""
    n_bad = photos // 10
    n_dup = photos // 10
    goods = [Drop(p.name, p.read_bytes(), "good", "") for p in cards[: photos - n_bad - n_dup]]
    dups = []
    for i in range(n_dup):
        src = rng.choice(goods)
        dups.append(Drop(f"copy_{i + 1:03d}{Path(src.name).suffix}", src.data, "duplicate", ""))
    bads = []
    for i in range(n_bad):
        whole = rng.choice(goods).data
        data = (b"", whole[: int(len(whole) * rng.uniform(0.2, 0.7))], f"not a photo, note {i}\n".encode())[i % 3]
        bads.append(Drop(f"bad_{i + 1:03d}.jpg", data, "bad", ""))
    drops = goods + dups + bads
    rng.shuffle(drops)
    ways = rng.choices(("write", "slow", "partial", "move"), (60, 15, 15, 10), k=len(drops))
    return [Drop(d.name, d.data, d.kind, how) for d, how in zip(drops, ways, strict=True)]


def deliver(d: Drop, inbox: Path, staging: Path) -> None:
    """Put one file into the inbox the way a camera app, a copy, a sync tool or a `mv` would."""
    target = inbox / d.name
    if d.how == "slow":
        with open(target, "wb") as f:
            step = max(1, len(d.data) // 4)
            for i in range(0, max(len(d.data), 1), step):
                f.write(d.data[i : i + step])
                f.flush()
                time.sleep(0.1)  # a slow copy's pace
    elif d.how == "partial":
        part = inbox / (d.name + ".partial")
        part.write_bytes(d.data)
        os.rename(part, target)
    elif d.how == "move":
        (staging / d.name).write_bytes(d.data)
        os.rename(staging / d.name, target)
    else:
        target.write_bytes(d.data)


class Watcher:
    """`python -m cardscan watch` in its own process group, its output in log files."""

    def __init__(self, inbox: Path, out: Path, logs: Path, run: int) -> None:
        self.stdout = open(logs / f"watch-{run}.jsonl", "w")  # noqa: SIM115 - closed in stop()
        self.stderr = open(logs / f"watch-{run}.log", "w")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "cardscan", "watch", str(inbox), "-o", str(out), "--json"],
            stdout=self.stdout,
            stderr=self.stderr,
            start_new_session=True,
        )

    def stop(self, sig: int, timeout: float = 120) -> int:
        os.killpg(self.proc.pid, sig)
        try:
            return self.proc.wait(timeout)
        finally:
            self.stdout.close()
            self.stderr.close()


def processing_now(out: Path) -> str | None:
    """The file the watcher is scanning right now, from the store; None when idle."""
    if not (out / DB_NAME).exists():
        return None
    db = sqlite3.connect(f"file:{out / DB_NAME}?mode=ro", uri=True, timeout=5)
    try:
        row = db.execute("SELECT source FROM inputs WHERE status='processing'").fetchone()
        return Path(row[0]).name if row else None
    except sqlite3.Error:
        return None
    finally:
        db.close()


def wait_until(cond: Callable[[], object], timeout: float, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():
            return True
        time.sleep(step)
    return False


def _original(name: str) -> str:
    """`card (2).jpg` -> `card.jpg`: the watcher's suffix for a name clash."""
    return re.sub(r" \(\d+\)(?=\.[^.]+$)", "", name)


def final_places(inbox: Path) -> tuple[list[Path], list[Path]]:
    done = sorted(p for p in (inbox / "done").rglob("*") if p.is_file())
    failed = sorted(p for p in (inbox / "failed").glob("*") if p.is_file() and not p.name.endswith(".error.txt"))
    return done, failed


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m cardscan.soak", description=__doc__.splitlines()[0])
    ap.add_argument("--photos", type=int, default=200, help="how many files to drop (default 200)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", type=Path, help="work folder (default: a new temporary one, kept for inspection)")
    args = ap.parse_args(argv)
    try:
        ocr.probe(Settings())
    except CardscanError as e:
        print(f"soak: {e}", file=sys.stderr)
        return int(e.exit_code)
    work = args.work or Path(tempfile.mkdtemp(prefix="cardscan-soak-"))
    inbox, out, staging, logs = work / "inbox", work / "out", work / "staging", work / "logs"
    for d in (inbox, out, staging, logs):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    rng = random.Random(args.seed)
    n_good = args.photos - 2 * (args.photos // 10)
    t0 = time.monotonic()
    # Each generated card is a different person, so each good card must become its own contact.
    cards = synth.generate(work / "cards", n_good, seed=args.seed, condition="flat")
    drops = plan_drops(cards, args.photos, rng)
    bursts: list[list[Drop]] = []
    start = 0
    while start < len(drops):
        size = rng.randint(5, 20)
        bursts.append(drops[start : start + size])
        start += size
    kill_at = max(1, len(bursts) * 2 // 5)  # after some photos have arrived, so a card is in progress
    print(f"soak: {len(drops)} photos in {len(bursts)} bursts into {inbox}", file=sys.stderr)

    t_start = time.monotonic()
    watcher: Watcher | None = Watcher(inbox, out, logs, 1)
    killed_during = "-"
    for i, burst in enumerate(bursts):
        if i == kill_at and watcher is not None:
            # A crash mid-card: wait for a card in progress, then SIGKILL the watcher and its Tesseract.
            wait_until(lambda: processing_now(out), timeout=60, step=0.01)
            killed_during = processing_now(out) or "(idle)"
            watcher.stop(signal.SIGKILL)
            print(f"soak: watcher killed with SIGKILL while scanning {killed_during}", file=sys.stderr)
            watcher = None
        if i == kill_at + 2 and watcher is None:
            watcher = Watcher(inbox, out, logs, 2)  # files dropped meanwhile must be picked up at start
            print("soak: watcher restarted", file=sys.stderr)
        for d in burst:
            deliver(d, inbox, staging)
        time.sleep(rng.uniform(0.5, 4.0))  # the pause between bursts, not synchronisation
    if watcher is None:
        watcher = Watcher(inbox, out, logs, 2)

    names = {d.name for d in drops}

    def all_placed() -> bool:
        done, failed = final_places(inbox)
        return names <= {_original(p.name) for p in done + failed}

    finished = wait_until(all_placed, timeout=max(300.0, 10.0 * len(drops)), step=0.5)
    t_done = time.monotonic()
    rc = watcher.stop(signal.SIGTERM)

    # ------------------------------------------------------------------ the figures
    done, failed = final_places(inbox)
    placed = Counter(_original(p.name) for p in done + failed)
    where = {_original(p.name): ("done" if p in done else "failed") for p in done + failed}
    left = sorted(p.name for p in inbox.iterdir() if p.is_file())
    store = Store(out)
    counts = store.counts()
    store.close()
    vcards = (out / "contacts.vcf").read_text(encoding="utf-8").count("BEGIN:VCARD")
    # A card read once must never be read again; failed photos dropped again are retried on purpose.
    scans = Counter(
        rec["sha256"]
        for log in sorted(logs.glob("watch-*.jsonl"))
        for rec in map(json.loads, log.read_text().splitlines())
        if rec["status"] == "ok"
    )
    bads = [d for d in drops if d.kind == "bad"]
    bad_in_failed = sum(
        where.get(d.name) == "failed" and (inbox / "failed" / f"{d.name}.error.txt").exists() for d in bads
    )
    good_ok = {_sha(d.data) for d in drops if d.kind == "good" and where.get(d.name) == "done"}
    good_failed = sum(1 for d in drops if d.kind == "good" and where.get(d.name) == "failed")
    distinct_done = {_sha(p.read_bytes()) for p in done}
    distinct_failed = {_sha(p.read_bytes()) for p in failed}

    checks = [
        ("every dropped file is in done/ or failed/", finished and not (names - set(placed))),
        ("nothing left in the inbox", not left),
        ("every bad file is in failed/ with its .error.txt", bad_in_failed == len(bads)),
        ("store: ok = distinct photos in done/", counts.get("ok", 0) == len(distinct_done)),
        ("store: failed = distinct photos in failed/", counts.get("failed", 0) == len(distinct_failed)),
        ("store: nothing left 'processing'", counts.get("processing", 0) == 0),
        ("contacts.vcf: one contact per distinct good card scanned", vcards == len(good_ok) == counts.get("ok", 0)),
        ("no card read twice (one cut off by the kill may be)", sum(n - 1 for n in scans.values()) <= 1),
        ("the restarted watcher stopped cleanly on SIGTERM (exit 0)", rc == 0),
    ]
    rows = [
        ("photos dropped", len(drops)),
        ("  good (distinct people)", n_good),
        ("  duplicates (same bytes, other name)", len([d for d in drops if d.kind == "duplicate"])),
        ("  bad (empty, truncated, not images)", len(bads)),
        ("files in done/", len(done)),
        ("files in failed/", len(failed)),
        ("  of them good cards the OCR could not read", good_failed),
        ("left in the inbox", len(left)),
        ("extra copies from the kill (name (2).ext)", sum(placed.values()) - len(placed)),
        (
            "store ok / failed / processing",
            f"{counts.get('ok', 0)} / {counts.get('failed', 0)} / {counts.get('processing', 0)}",
        ),
        ("contacts in contacts.vcf", vcards),
        ("cards read twice", sum(n - 1 for n in scans.values())),
        ("killed with SIGKILL while scanning", killed_during),
        ("time to place every file (s)", f"{t_done - t_start:.0f}"),
        ("seconds per photo", f"{(t_done - t_start) / len(drops):.2f}"),
        ("total time incl. generating cards (s)", f"{time.monotonic() - t0:.0f}"),
    ]
    print("\n| soak | figure |\n| --- | --- |")
    for k, v in rows:
        print(f"| {k} | {v} |")
    print("\n| check | |\n| --- | --- |")
    for k, ok in checks:
        print(f"| {k} | {'pass' if ok else 'FAIL'} |")
    print(f"\nwork folder (logs, inbox, out): {work}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    raise SystemExit(main())
