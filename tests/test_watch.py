"""The watched folder, with real file-system events.

Most tests run `watch.watch` in a thread with a fake scan (it decodes the image for real, then makes
up a contact from its hash), so they show the watcher's own behaviour quickly. The last ones run
`python -m cardscan watch` as a subprocess on generated card photos with the real Tesseract.
Every wait polls a condition with a deadline.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from rich.console import Console

from cardscan import cli, imageio, watch
from cardscan.config import Settings
from cardscan.errors import AlreadyRunningError, BadArgumentsError, ExitCode, InputError
from cardscan.models import Contact, PersonName, ScanResult, Status
from cardscan.store import DB_NAME, Store, locked

FAST = watch.Timing(settle=0.3, tick=0.05, attempts=3, retry_delay=0.3, max_wait=30.0, rescan=60.0)
ROOT = Path(__file__).resolve().parents[1]


def wait_for(
    cond: Callable[[], object], timeout: float = 10.0, what: str = "condition", log: Callable[[], str] = str
) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}; log:\n{log()}")
        time.sleep(0.02)


def photo(seed: int, fmt: str = "JPEG") -> bytes:
    """A small, valid image; a different seed gives different bytes."""
    img = Image.new("RGB", (160, 100), (seed * 37 % 256, seed * 91 % 256, seed * 53 % 256))
    buf = io.BytesIO()
    img.save(buf, fmt)
    return buf.getvalue()


class FakeScan:
    """Decodes the file like the real loader (so bad files fail the same way), names the person by hash."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []  # (file name, size seen)

    def __call__(self, path: Path, settings: Settings) -> ScanResult:
        data = imageio.read_bytes(path)
        self.calls.append((path.name, len(data)))
        sha = hashlib.sha256(data).hexdigest()
        try:
            imageio.decode(data, path.name, settings.max_pixels)
        except InputError as e:
            return ScanResult(str(path), sha, Status.FAILED, str(e))
        contact = Contact(name=PersonName(full=f"Person {sha[:8]}"), sources=(sha,))
        return ScanResult(str(path), sha, Status.OK, None, contact)


def fake_export(store: Store, settings: Settings) -> None:
    names = sorted(r.contact.name.full for r in store.ok_results() if r.contact and r.contact.name)
    tmp = settings.out_dir / "contacts.txt.tmp"
    tmp.write_text("".join(n + "\n" for n in names))
    os.replace(tmp, settings.out_dir / "contacts.txt")


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    return inbox, out


@contextmanager
def running(
    inbox: Path,
    out: Path,
    scan: FakeScan,
    *,
    keep: bool = False,
    polling: bool = False,
    timing: watch.Timing = FAST,
) -> Iterator[list[watch.Outcome]]:
    """A watcher in a thread; stopped (and checked to have stopped) on exit."""
    stop, ready = threading.Event(), threading.Event()
    outcomes: list[watch.Outcome] = []
    errors: list[BaseException] = []

    def target() -> None:
        try:
            watch.watch(
                inbox,
                Settings(out_dir=out),
                stop,
                keep=keep,
                polling=polling,
                scan=scan,
                export=fake_export,
                on_outcome=outcomes.append,
                on_ready=ready.set,
                timing=timing,
            )
        except BaseException as e:
            errors.append(e)
            ready.set()

    t = threading.Thread(target=target, daemon=True)
    t.start()
    assert ready.wait(10), "the watcher did not start"
    if errors:
        raise errors[0]
    try:
        yield outcomes
    finally:
        stop.set()
        t.join(15)
    assert not t.is_alive(), "the watcher did not stop"
    if errors:
        raise errors[0]


def done_dir(inbox: Path) -> Path:
    return inbox / "done" / date.today().isoformat()


def names_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


def contacts_txt(out: Path) -> list[str]:
    p = out / "contacts.txt"
    return p.read_text().splitlines() if p.exists() else []


# --------------------------------------------------------------------------- arrival


def test_file_written_slowly_is_scanned_once_complete(dirs: tuple[Path, Path]) -> None:
    inbox, out = dirs
    scan = FakeScan()
    data = photo(1)
    with running(inbox, out, scan) as outcomes:
        with open(inbox / "slow.jpg", "wb") as f:
            for i in range(0, len(data), len(data) // 6 + 1):
                f.write(data[i : i + len(data) // 6 + 1])
                f.flush()
                time.sleep(0.15)  # the writer's pace, not synchronisation
        wait_for(lambda: outcomes, what="the slow file to be scanned")
    assert scan.calls == [("slow.jpg", len(data))], "scanned before it was complete, or twice"
    assert outcomes[0].result.status is Status.OK
    assert (done_dir(inbox) / "slow.jpg").read_bytes() == data
    assert not (inbox / "slow.jpg").exists()
    assert len(contacts_txt(out)) == 1


def test_file_moved_in_and_folder_moved_in(dirs: tuple[Path, Path], tmp_path: Path) -> None:
    inbox, out = dirs
    outside = tmp_path / "camera"
    (outside / "trip").mkdir(parents=True)
    (outside / "moved.jpg").write_bytes(photo(2))
    (outside / "trip" / "inner.png").write_bytes(photo(3, "PNG"))
    scan = FakeScan()
    with running(inbox, out, scan) as outcomes:
        os.rename(outside / "moved.jpg", inbox / "moved.jpg")
        os.rename(outside / "trip", inbox / "trip")
        wait_for(lambda: len(outcomes) == 2, what="both moved-in files")
    assert names_in(done_dir(inbox)) == {"moved.jpg", "inner.png"}
    assert len(contacts_txt(out)) == 2


def test_sync_tool_temporary_names_wait_for_the_rename(dirs: tuple[Path, Path]) -> None:
    inbox, out = dirs
    scan = FakeScan()
    with running(inbox, out, scan) as outcomes:
        for temp in ("x.jpg.partial", "y.jpg.crdownload", ".z.jpg", "w.jpg~", "v.tmp"):
            (inbox / temp).write_bytes(photo(4))
        # A photo written after them: once it is done, they too would have been taken, were they not ignored.
        (inbox / "later.jpg").write_bytes(photo(5))
        wait_for(lambda: outcomes, what="the photo written after the temporary files")
        assert [c[0] for c in scan.calls] == ["later.jpg"]
        os.rename(inbox / "x.jpg.partial", inbox / "x.jpg")
        wait_for(lambda: len(outcomes) == 2, what="the renamed file")
    assert names_in(done_dir(inbox)) == {"later.jpg", "x.jpg"}
    assert (inbox / "y.jpg.crdownload").exists() and (inbox / ".z.jpg").exists()


def test_polling_observer_picks_up_files(dirs: tuple[Path, Path]) -> None:
    inbox, out = dirs
    with running(inbox, out, FakeScan(), polling=True) as outcomes:
        (inbox / "a.jpg.part").write_bytes(photo(5))
        os.rename(inbox / "a.jpg.part", inbox / "a.jpg")
        wait_for(lambda: outcomes, timeout=15, what="a file seen by polling")
    assert names_in(done_dir(inbox)) == {"a.jpg"}


# --------------------------------------------------------------------------- outcomes


def test_duplicate_under_another_name_is_not_scanned_twice(dirs: tuple[Path, Path]) -> None:
    inbox, out = dirs
    scan = FakeScan()
    with running(inbox, out, scan) as outcomes:
        (inbox / "card.jpg").write_bytes(photo(6))
        wait_for(lambda: outcomes, what="the first copy")
        (inbox / "IMG_0001 copy.jpg").write_bytes(photo(6))
        wait_for(lambda: len(outcomes) == 2, what="the second copy")
    assert [c[0] for c in scan.calls] == ["card.jpg"]
    dup = outcomes[1]
    assert dup.duplicate_of is not None and dup.duplicate_of.endswith("card.jpg")
    assert "card.jpg" in watch.describe(dup, inbox.resolve())
    assert names_in(done_dir(inbox)) == {"card.jpg", "IMG_0001 copy.jpg"}
    assert len(contacts_txt(out)) == 1


def test_bad_files_go_to_failed_with_a_reason_and_good_ones_carry_on(dirs: tuple[Path, Path]) -> None:
    inbox, out = dirs
    good = photo(7)
    with running(inbox, out, FakeScan()) as outcomes:
        (inbox / "good1.jpg").write_bytes(good)
        (inbox / "empty.jpg").write_bytes(b"")
        (inbox / "truncated.jpg").write_bytes(photo(8)[:300])
        (inbox / "notes.jpg").write_text("this is not a photo\n")
        (inbox / "good2.png").write_bytes(photo(9, "PNG"))
        wait_for(lambda: len(outcomes) == 5, what="all five files")
    failed = inbox / "failed"
    assert names_in(done_dir(inbox)) == {"good1.jpg", "good2.png"}
    for name, word in (("empty.jpg", "empty"), ("truncated.jpg", "truncated"), ("notes.jpg", "not an image")):
        assert (failed / name).exists(), f"{name} should be in failed/"
        note = (failed / f"{name}.error.txt").read_text()
        assert word in note.lower() and name in note
    assert len(contacts_txt(out)) == 2
    assert Store(out).counts()["failed"] >= 3


def test_name_clashes_get_a_suffix_and_nothing_is_overwritten(dirs: tuple[Path, Path]) -> None:
    inbox, out = dirs
    done_dir(inbox).mkdir(parents=True)
    (done_dir(inbox) / "card.jpg").write_bytes(b"the user's own earlier file")
    (inbox / "failed").mkdir()
    (inbox / "failed" / "bad.jpg.error.txt").write_text("an old note")
    with running(inbox, out, FakeScan()) as outcomes:
        (inbox / "card.jpg").write_bytes(photo(10))
        (inbox / "bad.jpg").write_bytes(b"junk")
        wait_for(lambda: len(outcomes) == 2, what="both files")
    assert (done_dir(inbox) / "card.jpg").read_bytes() == b"the user's own earlier file"
    assert (done_dir(inbox) / "card (2).jpg").read_bytes() == photo(10)
    assert (inbox / "failed" / "bad.jpg.error.txt").read_text() == "an old note"
    assert (inbox / "failed" / "bad (2).jpg").read_bytes() == b"junk"
    assert (inbox / "failed" / "bad (2).jpg.error.txt").exists()


def test_a_file_that_never_stops_growing_fails_after_max_wait(dirs: tuple[Path, Path]) -> None:
    inbox, out = dirs
    patient = watch.Timing(settle=0.5, tick=0.05, attempts=2, retry_delay=0.2, max_wait=1.5, rescan=60.0)
    stop_writing = threading.Event()

    def grow() -> None:
        with open(inbox / "endless.jpg", "ab") as f:
            while not stop_writing.is_set():
                f.write(b"x" * 100)
                f.flush()
                stop_writing.wait(0.1)

    writer = threading.Thread(target=grow)
    writer.start()
    try:
        with running(inbox, out, FakeScan(), timing=patient) as outcomes:
            wait_for(lambda: outcomes, timeout=10, what="the endless file to be failed")
    finally:
        stop_writing.set()
        writer.join(5)
    assert "still changing" in (inbox / "failed" / "endless.jpg.error.txt").read_text()


def test_keep_leaves_files_in_place_and_a_restart_does_not_rescan_them(dirs: tuple[Path, Path]) -> None:
    inbox, out = dirs
    (inbox / "card.jpg").write_bytes(photo(11))
    scan = FakeScan()
    with running(inbox, out, scan, keep=True) as outcomes:
        wait_for(lambda: outcomes, what="the kept file")
    assert (inbox / "card.jpg").exists() and not (inbox / "done").exists()
    with running(inbox, out, scan, keep=True) as outcomes:
        (inbox / "new.jpg").write_bytes(photo(12))
        wait_for(lambda: outcomes, what="the new file")
    assert [c[0] for c in scan.calls] == ["card.jpg", "new.jpg"]
    assert [Path(o.result.source).name for o in outcomes] == ["new.jpg"]


# --------------------------------------------------------------------------- restarts and the store


def test_restart_picks_up_waiting_files_and_redoes_a_card_cut_off_by_a_crash(dirs: tuple[Path, Path]) -> None:
    inbox, out = dirs
    for i in range(3):
        (inbox / f"waiting{i}.jpg").write_bytes(photo(20 + i))
    (inbox / "done").mkdir()
    (inbox / "done" / "old.jpg").write_bytes(photo(30))  # already archived: must not be rescanned
    # A crash mid-card leaves its row 'processing'.
    crashed = hashlib.sha256(photo(20)).hexdigest()
    store = Store(out)
    store.begin(crashed, str(inbox / "waiting0.jpg"))
    store.close()
    scan = FakeScan()
    with running(inbox, out, scan) as outcomes:
        wait_for(lambda: len(outcomes) == 3, what="the three waiting files")
    assert sorted(c[0] for c in scan.calls) == ["waiting0.jpg", "waiting1.jpg", "waiting2.jpg"]
    store = Store(out)
    assert store.counts()["ok"] == 3 and store.counts()["processing"] == 0
    store.close()


def test_a_card_cut_off_by_the_stop_signal_stays_in_the_inbox(dirs: tuple[Path, Path]) -> None:
    """Ctrl-C and `systemctl stop` also kill Tesseract: that failure must not send the photo to failed/."""
    inbox, out = dirs
    stop, ready = threading.Event(), threading.Event()
    outcomes: list[watch.Outcome] = []

    def scan_killed_by_the_stop(path: Path, settings: Settings) -> ScanResult:
        stop.set()
        return ScanResult(str(path), "", Status.FAILED, "Tesseract was killed by signal 15.")

    (inbox / "card.jpg").write_bytes(photo(60))
    t = threading.Thread(
        target=watch.watch,
        args=(inbox, Settings(out_dir=out), stop),
        kwargs={
            "scan": scan_killed_by_the_stop,
            "export": fake_export,
            "on_outcome": outcomes.append,
            "on_ready": ready.set,
            "timing": FAST,
        },
    )
    t.start()
    t.join(15)
    assert not t.is_alive() and ready.is_set()
    assert [o.interrupted for o in outcomes] == [True]
    assert (inbox / "card.jpg").exists() and not (inbox / "failed").exists()
    store = Store(out)
    assert store.counts()["processing"] == 1  # scanned again at the next start
    store.close()


def test_status_shows_counts_and_last_errors(dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    inbox, out = dirs
    with running(inbox, out, FakeScan()) as outcomes:
        (inbox / "a.jpg").write_bytes(photo(40))
        (inbox / "b.jpg").write_text("not a photo")
        wait_for(lambda: len(outcomes) == 2, what="both files")
    store = Store(out)
    store.begin("f" * 64, str(inbox / "cut-off.jpg"))  # as if the watcher had been killed mid-card
    store.close()
    assert cli.main(["status", str(out)]) == 0
    err = capsys.readouterr().err
    assert "done: 1" in err and "failed: 1" in err and "pending: 1" in err
    assert "b.jpg" in err and "not an image" in err


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize("layout", ["out_in_inbox", "inbox_in_out", "same"])
def test_overlapping_inbox_and_out_are_refused(tmp_path: Path, layout: str) -> None:
    inbox = tmp_path / "inbox"
    out = {"out_in_inbox": inbox / "out", "inbox_in_out": tmp_path, "same": inbox}[layout]
    inbox.mkdir()
    with pytest.raises(BadArgumentsError, match="overlap"):
        watch.watch(inbox, Settings(out_dir=out), threading.Event(), scan=FakeScan(), export=fake_export)
    assert cli.main(["watch", str(inbox), "-o", str(out)]) == ExitCode.BAD_ARGS
    assert not (inbox / "out").exists()


def test_a_missing_inbox_is_refused(tmp_path: Path) -> None:
    assert cli.main(["watch", str(tmp_path / "nope"), "-o", str(tmp_path / "out")]) == ExitCode.BAD_ARGS


def test_one_watcher_per_output_folder(dirs: tuple[Path, Path], tmp_path: Path) -> None:
    inbox, out = dirs
    other_inbox = tmp_path / "other"
    other_inbox.mkdir()
    with running(inbox, out, FakeScan()), pytest.raises(AlreadyRunningError, match="already using"):
        watch.watch(other_inbox, Settings(out_dir=out), threading.Event(), scan=FakeScan(), export=fake_export)
    with locked(out):  # released after a clean stop
        pass


def test_run_prints_one_line_per_card_and_json_on_stdout(
    dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    inbox, out = dirs
    log = io.StringIO()
    args = argparse.Namespace(inbox=inbox, polling=False, keep=False, json=True, quiet=False, verbose=0)
    stop = threading.Event()
    codes: list[ExitCode] = []
    t = threading.Thread(
        target=lambda: codes.append(
            watch.run(
                args,
                Settings(out_dir=out),
                Console(file=log, width=60),
                stop=stop,
                scan=FakeScan(),
                export=fake_export,
                timing=FAST,
            )
        )
    )
    t.start()
    try:
        wait_for(lambda: "watching" in log.getvalue(), what="the start-up line")
        (inbox / "a.jpg").write_bytes(photo(50))
        (inbox / "b.jpg").write_text("not a photo")
        wait_for(lambda: log.getvalue().count("\n") >= 3, what="a line per card")
    finally:
        stop.set()
        t.join(15)
    assert codes == [ExitCode.OK]
    lines = log.getvalue().splitlines()
    assert any(" ok " in line and "a.jpg" in line and "Person" in line for line in lines)
    assert any("failed" in line and "b.jpg" in line and "failed/b.jpg" in line for line in lines)
    assert lines[-1].endswith("stopped.")
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted((Path(r["source"]).name, r["status"]) for r in records) == [("a.jpg", "ok"), ("b.jpg", "failed")]


# --------------------------------------------------------------------------- real cards, real Tesseract


def _real_pipeline_ready() -> bool:
    try:
        from cardscan import ocr, pipeline  # noqa: F401

        ocr.probe(Settings())
        return True
    except Exception:
        return False


real = pytest.mark.skipif(not _real_pipeline_ready(), reason="the pipeline or Tesseract is not available")


@pytest.fixture(scope="module")
def cards(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, dict[str, object]]]:
    """Two generated flat card photos with their truth."""
    from cardscan import synth

    folder = tmp_path_factory.mktemp("cards")
    paths = synth.generate(folder, 2, seed=7, condition="flat")
    return [(p, json.loads(p.with_suffix(".json").read_text())) for p in paths]


class Watcher:
    """`python -m cardscan watch` as a subprocess, its stderr collected by a thread."""

    def __init__(self, inbox: Path, out: Path, *extra: str) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "cardscan", "watch", str(inbox), "-o", str(out), "--json", *extra],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
            start_new_session=True,  # its own process group, so a signal can reach its Tesseract too
        )
        self.err: list[str] = []
        self.out: list[str] = []
        self._readers = [
            threading.Thread(target=self._read, args=(self.proc.stderr, self.err), daemon=True),
            threading.Thread(target=self._read, args=(self.proc.stdout, self.out), daemon=True),
        ]
        for r in self._readers:
            r.start()

    @staticmethod
    def _read(stream: io.TextIOBase | None, into: list[str]) -> None:
        assert stream is not None
        for line in stream:
            into.append(line)

    def stderr(self) -> str:
        return "".join(self.err)

    def finish(self, timeout: float = 60) -> int:
        rc = self.proc.wait(timeout)
        for r in self._readers:
            r.join(5)
        return rc


def _status_of(out: Path) -> dict[str, str]:
    if not (out / DB_NAME).exists():
        return {}
    db = sqlite3.connect(f"file:{out / DB_NAME}?mode=ro", uri=True, timeout=5)
    try:
        return {Path(s).name: st for s, st in db.execute("SELECT source, status FROM inputs")}
    except sqlite3.OperationalError:
        return {}  # the schema is not there yet
    finally:
        db.close()


@real
@pytest.mark.tesseract
def test_real_watcher_scans_a_card_and_stops_cleanly_on_sigterm_mid_card(
    tmp_path: Path, cards: list[tuple[Path, dict[str, object]]]
) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    (first, truth), (second, _) = cards
    shutil.copy(first, inbox / "waiting.jpg")  # arrived while no watcher was running
    w = Watcher(inbox, out)
    try:
        wait_for(lambda: (done_dir(inbox) / "waiting.jpg").exists(), timeout=60, what="the first card", log=w.stderr)
        wait_for(lambda: w.out, timeout=10, what="its JSON line")
        record = json.loads(w.out[0])
        assert record["status"] == "ok", record
        vcf = (out / "contacts.vcf").read_text(encoding="utf-8")
        assert vcf.count("BEGIN:VCARD") == 1
        assert str(truth["emails"][0]).lower() in vcf.lower()  # type: ignore[index]
        # its progress line comes on stderr, read by another thread than stdout's: it may arrive a moment later
        wait_for(lambda: "waiting.jpg" in w.stderr(), timeout=10, what="its progress line", log=w.stderr)

        shutil.copy(second, inbox / "second.jpg.partial")
        os.rename(inbox / "second.jpg.partial", inbox / "second.jpg")
        wait_for(lambda: _status_of(out).get("second.jpg") == "processing", timeout=30, what="the card in progress")
        # Like `systemctl --user stop` and Ctrl-C: the signal reaches the watcher and its Tesseract.
        os.killpg(w.proc.pid, signal.SIGTERM)
        rc = w.finish()
    finally:
        if w.proc.poll() is None:
            os.killpg(w.proc.pid, signal.SIGKILL)
    assert rc == 0, w.stderr()
    assert "stopped." in w.stderr() and "Traceback" not in w.stderr()
    in_done = (done_dir(inbox) / "second.jpg").exists()
    in_inbox = (inbox / "second.jpg").exists()
    assert in_done != in_inbox, "the card in progress must be either done or still waiting, exactly once"
    assert _status_of(out)["second.jpg"] == ("ok" if in_done else "processing")
    if in_done:
        assert (out / "contacts.vcf").read_text(encoding="utf-8").count("BEGIN:VCARD") == 2
    assert not (inbox / "failed").exists()
