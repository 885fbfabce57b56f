"""The CLI: exit codes, the --json contract, stdout/stderr discipline; one real subprocess."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cardscan.cli import main
from cardscan.errors import ExitCode

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "sample_cards").glob("*.jpg"))
JSON_KEYS = {"source", "sha256", "status", "error", "contact", "timings", "warnings"}
CONTACT_KEYS = {
    "name", "prefix", "given_name", "middle_name", "family_name", "suffix", "title", "department", "company",
    "emails", "phones", "website", "linkedin", "address", "confidence", "review",
}  # fmt: skip

pytestmark = pytest.mark.skipif(not SAMPLES, reason="sample_cards/ has no photos yet")


def one_card(tmp_path: Path) -> Path:
    """A sample card with an email on it, copied so the test owns it."""
    for img in SAMPLES:
        truth = json.loads(img.with_suffix(".json").read_text("utf-8"))
        if truth["emails"] and truth.get("condition") != "hard":
            dest = tmp_path / "in" / img.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(img, dest)
            return dest
    pytest.skip("no sample card with an email")


def bad_inputs(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    text = folder / "notes.jpg"
    text.write_text("this is a shopping list, not a photo\n")
    empty = folder / "empty.jpg"
    empty.write_bytes(b"")
    truncated = folder / "truncated.jpg"
    truncated.write_bytes(SAMPLES[0].read_bytes()[:2000])
    return [text, empty, truncated]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, object]], str]:
    code = main(argv)
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines() if line.strip()]
    return code, lines, err


def test_json_lines_have_exactly_the_documented_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = one_card(tmp_path)
    code, lines, _ = run(["scan", str(card), "-o", str(tmp_path / "out"), "--json", "-j", "1"], capsys)
    assert code == ExitCode.OK
    [rec] = lines
    assert set(rec) == JSON_KEYS
    assert rec["status"] == "ok" and rec["error"] is None and len(str(rec["sha256"])) == 64
    assert rec["warnings"] == []  # its outline was found at once
    contact = rec["contact"]
    assert isinstance(contact, dict) and set(contact) == CONTACT_KEYS
    truth = json.loads((ROOT / "sample_cards" / card.name).with_suffix(".json").read_text("utf-8"))
    assert [e.lower() for e in contact["emails"]] == [e.lower() for e in truth["emails"]]
    assert set(rec["timings"]) >= {"load", "preprocess", "ocr", "parse"}  # type: ignore[arg-type]
    vcf = (tmp_path / "out" / "contacts.vcf").read_text("utf-8")
    assert vcf.count("BEGIN:VCARD") == 1 and truth["emails"][0].lower() in vcf.lower()


def test_bad_inputs_fail_with_a_sentence_and_the_rest_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    card = one_card(tmp_path)
    bad = bad_inputs(card.parent)
    before = {p: p.read_bytes() for p in [card, *bad]}
    code, lines, err = run(["scan", str(card.parent), "-o", str(tmp_path / "out"), "--json", "-j", "1"], capsys)
    assert code == ExitCode.INPUT_FAILED
    by_name = {Path(str(rec["source"])).name: rec for rec in lines}
    assert by_name[card.name]["status"] == "ok"
    for p in bad:
        rec = by_name[p.name]
        assert rec["status"] == "failed" and rec["contact"] is None
        msg = str(rec["error"])
        assert msg.endswith(".") and "\n" not in msg and "Traceback" not in msg
    assert "empty" in str(by_name["empty.jpg"]["error"])
    assert "not an image" in str(by_name["notes.jpg"]["error"])
    assert "Traceback" not in err
    assert (tmp_path / "out" / "contacts.vcf").read_text("utf-8").count("BEGIN:VCARD") == 1
    assert {p: p.read_bytes() for p in before} == before  # inputs untouched


def test_missing_path_and_bad_flags_are_bad_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["scan", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out")], capsys)
    assert code == ExitCode.INPUT_FAILED  # one named file that is not there: a failed record
    code, _, err = run(["scan", "-j", "many", str(tmp_path)], capsys)
    assert code == ExitCode.BAD_ARGS and "Traceback" not in err
    code, _, err = run(["scan", str(tmp_path), "--tz", "Mars/Olympus"], capsys)
    assert code == ExitCode.BAD_ARGS and "time zone" in err
    (tmp_path / "empty_dir").mkdir()
    code, _, err = run(["scan", str(tmp_path / "empty_dir"), "-o", str(tmp_path / "out")], capsys)
    assert code == ExitCode.BAD_ARGS and "No image files" in err


def test_missing_tesseract_is_one_sentence_with_install_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    card = one_card(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    code, lines, err = run(["scan", str(card), "-o", str(tmp_path / "out")], capsys)
    assert code == ExitCode.MISSING_DEPENDENCY
    assert "apt-get install tesseract-ocr" in err and "brew install tesseract" in err and "choco" in err
    assert "Traceback" not in err and not lines


def test_missing_language_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = one_card(tmp_path)
    code, _, err = run(["scan", str(card), "-o", str(tmp_path / "out"), "--lang", "eng+klingon"], capsys)
    assert code == ExitCode.MISSING_DEPENDENCY and "tesseract-ocr-klingon" in err


def test_real_subprocess_with_a_pool(tmp_path: Path) -> None:
    """`python -m cardscan` as a user runs it: two workers, stdout only JSON, a summary on stderr."""
    cards = []
    for img in SAMPLES[:3]:
        dest = tmp_path / "in" / img.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(img, dest)
        cards.append(dest)
    env = {**os.environ, "COLUMNS": "200"}
    before = sorted(tmp_path.rglob("*"))
    p = subprocess.run(
        [sys.executable, "-m", "cardscan", "scan", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--json",
         "-j", "2"],
        capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path,
    )  # fmt: skip
    records = [json.loads(line) for line in p.stdout.splitlines()]
    assert len(records) == 3 and all(set(r) == JSON_KEYS for r in records)
    assert p.returncode == (ExitCode.OK if all(r["status"] == "ok" for r in records) else ExitCode.INPUT_FAILED)
    assert "photos scanned" in p.stderr and "Traceback" not in p.stderr
    ok = [r for r in records if r["status"] == "ok"]
    assert len(ok) >= 2
    assert (tmp_path / "out" / "contacts.vcf").read_text("utf-8").count("BEGIN:VCARD") == len(ok)
    after = sorted(p for p in tmp_path.rglob("*") if (tmp_path / "out") not in p.parents and p != tmp_path / "out")
    assert after == before  # nothing written outside OUT, nothing moved


def test_ctrl_c_keeps_what_was_scanned(tmp_path: Path) -> None:
    """SIGINT mid-batch: exit 130, and the cards already scanned are exported."""
    import signal
    import time

    inbox = tmp_path / "in"
    inbox.mkdir()
    for i in range(12):  # enough that the batch is still running when the first card is out
        shutil.copy(SAMPLES[i % len(SAMPLES)], inbox / f"c{i:02d}{SAMPLES[i % len(SAMPLES)].suffix}")
    p = subprocess.Popen(
        [sys.executable, "-m", "cardscan", "scan", str(inbox), "-o", str(tmp_path / "out"), "--json", "-j", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert p.stdout is not None
    first = p.stdout.readline()  # blocks until the first card is done
    assert json.loads(first)["source"]
    p.send_signal(signal.SIGINT)
    deadline = time.monotonic() + 120
    while p.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)  # polling the exit with a deadline, not synchronising on time
    out, err = p.communicate(timeout=30)
    assert p.returncode == ExitCode.INTERRUPTED, err
    assert "interrupted after" in err and "Traceback" not in err
    done = 1 + len(out.splitlines())
    assert done < 12
    vcf = (tmp_path / "out" / "contacts.vcf").read_text("utf-8")
    assert vcf.count("BEGIN:VCARD") >= 1


def test_ctrl_c_stops_the_batch_even_when_a_library_swallows_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Code on the way (a library's broad `except`) may catch the KeyboardInterrupt and carry on:
    the batch still stops after that card, exit 130, with that card kept."""
    import signal

    from cardscan import pipeline

    real_scan_file = pipeline.scan_file
    calls: list[str] = []

    def scan_file_that_swallows(path: str, settings: object) -> object:
        calls.append(path)
        if len(calls) == 1:
            with contextlib.suppress(KeyboardInterrupt):  # some code on the way eats the Ctrl-C
                os.kill(os.getpid(), signal.SIGINT)  # that comes while this card is read
        return real_scan_file(path, settings)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "scan_file", scan_file_that_swallows)
    inbox = tmp_path / "in"
    inbox.mkdir()
    for i in range(3):
        shutil.copy(SAMPLES[i], inbox / SAMPLES[i].name)
    code = main(["scan", str(inbox), "-o", str(tmp_path / "out"), "-j", "1", "-q"])
    assert code == ExitCode.INTERRUPTED
    assert len(calls) == 1
    assert (tmp_path / "out" / "contacts.vcf").read_text("utf-8").count("BEGIN:VCARD") == 1
