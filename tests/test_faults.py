"""Faults around the pipeline: Tesseract crashing, hanging or vanishing; OUT unwritable or full; OUT locked.

Each must end with one clear sentence on stderr, the documented exit code and no traceback,
and must leave the input photos untouched.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import badinputs
import pytest

from cardscan import cli
from cardscan.errors import ExitCode

REAL_TESSERACT = shutil.which("tesseract")
pytestmark = pytest.mark.skipif(REAL_TESSERACT is None, reason="Tesseract is not installed")

#: The fake answers the probe (--version, --list-langs) like Tesseract 5.3, then misbehaves on real work.
FAKE = """\
#!/bin/sh
case "$1" in
  --version) echo "tesseract 5.3.0"; exit 0 ;;
  --list-langs) printf 'List of available languages in "/usr/share/tesseract-ocr/5/tessdata/" (3):\\neng\\njpn\\nosd\\n'
                exit 0 ;;
esac
{work}
"""
CRASH = "kill -SEGV $$"  # what a segfault looks like from outside: killed by a signal, nothing on stderr
HANG = f"exec {shutil.which('sleep')} 60"
# Uninstalled mid-run: this call still works, the next one finds no tesseract at all.
VANISH = f'{shutil.which("rm")} -f -- "$0"; exec {{real}} "$@"'


def _fake_tesseract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, work: str) -> Path:
    bindir = tmp_path / "fakebin"
    bindir.mkdir()
    fake = bindir / "tesseract"
    fake.write_text(FAKE.format(work=work.format(real=REAL_TESSERACT)))
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(bindir))  # the only tesseract there is
    return fake


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # rich would wrap long paths in the middle of the words we look for


@pytest.fixture
def cards(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "photos"
    folder.mkdir()
    out = []
    for i, (given, family) in enumerate([("Nora", "Fault"), ("Omar", "Retry")]):
        path = folder / f"card-{i}.jpg"
        badinputs.render_card(badinputs.card_lines(given, family, "Fault Line Inc", 30 + i)).save(path, quality=92)
        out.append(path)
    return out


def _scan(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(["scan", *argv, "-j", "1"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _one_sentence_no_traceback(err: str, *words: str) -> None:
    print(err)  # shown by pytest -rA: what the user reads
    assert "Traceback" not in err
    text = " ".join(err.split())
    assert all(w.lower() in text.lower() for w in words), err


def test_tesseract_crash_fails_each_card_with_a_sentence(tmp_path, monkeypatch, capsys, cards):
    _fake_tesseract(tmp_path, monkeypatch, CRASH)
    before = [p.read_bytes() for p in cards]
    code, out, err = _scan(capsys, str(cards[0].parent), "-o", str(tmp_path / "out"), "--json")
    assert code == ExitCode.INPUT_FAILED
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["status"] for r in records] == ["failed", "failed"]
    for r in records:
        assert r["error"].startswith("Tesseract ") and r["error"].endswith(".")
        assert ": ." not in r["error"], "an empty Tesseract message must not leave a dangling colon"
    _one_sentence_no_traceback(err, "Tesseract")
    assert [p.read_bytes() for p in cards] == before


def test_tesseract_hang_is_stopped_by_the_timeout_from_the_environment(tmp_path, monkeypatch, capsys, cards):
    _fake_tesseract(tmp_path, monkeypatch, HANG)
    monkeypatch.setenv("CARDSCAN_OCR_TIMEOUT", "1")
    t0 = time.monotonic()
    code, out, err = _scan(capsys, str(cards[0]), "-o", str(tmp_path / "out"), "--json")
    assert time.monotonic() - t0 < 20  # not the fake's 60 s
    assert code == ExitCode.INPUT_FAILED
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["status"] == "failed"
    assert "longer than 1 second" in record["error"]
    _one_sentence_no_traceback(err, "longer than")


def test_tesseract_missing_mid_run_stops_with_missing_dependency(tmp_path, monkeypatch, capsys, cards):
    fake = _fake_tesseract(tmp_path, monkeypatch, VANISH)
    code, _, err = _scan(capsys, str(cards[0].parent), "-o", str(tmp_path / "out"))
    assert not fake.exists()
    assert code == ExitCode.MISSING_DEPENDENCY
    _one_sentence_no_traceback(err, "Tesseract", "apt-get install")


def test_tesseract_missing_from_the_start(tmp_path, monkeypatch, capsys, cards):
    empty = tmp_path / "emptybin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    code, _, err = _scan(capsys, str(cards[0]), "-o", str(tmp_path / "out"))
    assert code == ExitCode.MISSING_DEPENDENCY
    _one_sentence_no_traceback(err, "Tesseract OCR was not found", "brew install tesseract")
    assert not (tmp_path / "out").exists()  # probed before anything was written


# --------------------------------------------------------------------------- the output folder


def test_out_is_a_file_not_a_folder(tmp_path, capsys, cards):
    out = tmp_path / "out"
    out.write_text("I am a file")
    code, _, err = _scan(capsys, str(cards[0]), "-o", str(out))
    assert code == ExitCode.OUTPUT_ERROR
    _one_sentence_no_traceback(err, str(out))
    assert out.read_text() == "I am a file"


@pytest.mark.parametrize(
    ("err_no", "words"),
    [(errno.EROFS, "read-only file system"), (errno.EACCES, "permission denied")],
)
def test_out_read_only(tmp_path, monkeypatch, capsys, cards, err_no, words):
    # As root chmod does not stop writes, so the final rename fails the way a read-only mount would.
    def refuse(src, dst, *a, **k):
        raise OSError(err_no, os.strerror(err_no))

    monkeypatch.setattr(os, "replace", refuse)
    code, _, err = _scan(capsys, str(cards[0]), "-o", str(tmp_path / "out"))
    assert code == ExitCode.OUTPUT_ERROR
    _one_sentence_no_traceback(err, words)
    leftovers = [p.name for p in (tmp_path / "out").rglob("*.tmp")]
    assert leftovers == []  # no half-written temporary files stay behind


def test_disk_full(tmp_path, monkeypatch, capsys, cards):
    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    before = cards[0].read_bytes()
    code, _, err = _scan(capsys, str(cards[0]), "-o", str(tmp_path / "out"), "--json")
    assert code == ExitCode.OUTPUT_ERROR
    _one_sentence_no_traceback(err, "no space left on device")
    assert list((tmp_path / "out").rglob("*.tmp")) == []
    assert not (tmp_path / "out" / "contacts.vcf").exists()  # never a truncated contacts file
    assert cards[0].read_bytes() == before


# --------------------------------------------------------------------------- one cardscan per OUT


def test_second_scan_on_a_locked_out_is_refused(tmp_path, capsys, cards):
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys, time
            from pathlib import Path
            from cardscan.store import locked
            with locked(Path({str(out)!r})):
                print("held", flush=True)
                sys.stdin.read()
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        code, _, err = _scan(capsys, str(cards[0]), "-o", str(out))
        assert code == ExitCode.ALREADY_RUNNING
        _one_sentence_no_traceback(err, f"pid {holder.pid}", "already using")
    finally:
        holder.communicate("", timeout=30)
    code, _, err = _scan(capsys, str(cards[0]), "-o", str(out))
    assert code == ExitCode.OK, err  # the lock goes with the process that held it
