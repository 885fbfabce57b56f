"""The only module that touches Tesseract: probe it, run it, translate its failures.

Every pytesseract failure mode becomes a cardscan error here (missing binary,
crash, timeout, bad version), so no other module needs to know pytesseract.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import hashlib
import logging
import os
import re
import select
import shlex
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytesseract
from PIL import Image

from .config import Settings
from .errors import MissingDependencyError, OcrError

log = logging.getLogger(__name__)

INSTALL_HINT = (
    "Install it with 'sudo apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd "
    "tesseract-ocr-script-latn' (Debian/Ubuntu), 'brew install tesseract' (macOS) "
    "or 'choco install tesseract' (Windows), "
    "or run 'make scan', which installs it."
)

#: Tesseract reads characters best with an x-height of roughly 20-30 px; cards OCR'd here are
#: scaled for that by preprocess.rescale.
DEFAULT_PSM = 11  # sparse text: a card is scattered blocks, not a column of prose


#: models that may be missing without stopping a scan: the model read instead, and the package to install
FALLBACK: dict[str, tuple[str, str]] = {"Latin": ("eng", "tesseract-ocr-script-latn")}
#: a model's word list larger than this (bytes) is left out of the copy Tesseract loads: Latin's 89 MB list
#: takes 0.25 s to load on every call, longer than reading a whole card, and names are not in it anyway
BIG_WORDLIST = 16_000_000
#: index of the LSTM word list (TESSDATA_LSTM_SYSTEM_DAWG) in a .traineddata file's table of contents
_WORDLIST_ENTRY = 19


@dataclass(frozen=True)
class TesseractInfo:
    version: str
    langs: frozenset[str]
    warnings: tuple[str, ...] = ()  # e.g. a missing optional model that was replaced


def _thread_env() -> None:
    # One Tesseract thread per worker: the pool parallelises over files, and OpenMP inside each
    # Tesseract only fights it for the same cores.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def probe(settings: Settings) -> TesseractInfo:
    """Check once, before any file, that Tesseract and the wanted language packs are there."""
    _thread_env()
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        raise MissingDependencyError(f"Tesseract OCR was not found on this computer. {INSTALL_HINT}")
    try:
        version = str(pytesseract.get_tesseract_version())
        langs = list_models()[1]
    except (pytesseract.TesseractNotFoundError, OSError, subprocess.SubprocessError) as e:
        raise MissingDependencyError(f"Tesseract OCR could not be started ({e}). {INSTALL_HINT}") from e
    except (pytesseract.TesseractError, SystemExit, RuntimeError) as e:
        raise MissingDependencyError(f"Tesseract OCR is installed but does not work ({e}). {INSTALL_HINT}") from e
    if not re.match(r"^[4-9]\.", version):
        raise MissingDependencyError(f"Tesseract {version} is too old; cardscan needs version 4 or newer.")
    wanted = [lang for lang in settings.lang.split("+") if lang]
    missing = [lang for lang in wanted if lang not in langs and lang not in FALLBACK]
    warnings = tuple(
        f"The Tesseract model {m} is not installed, so cards are read with {FALLBACK[m][0]} and accented "
        f"letters may lose their accents; install it with 'sudo apt-get install {FALLBACK[m][1]}'."
        for m in wanted
        if m not in langs and m in FALLBACK
    )
    for w in warnings:
        log.warning(w)
    if missing:
        pkgs = " ".join(f"tesseract-ocr-{m.replace('_', '-').lower()}" for m in missing)
        raise MissingDependencyError(
            f"The Tesseract language pack(s) {', '.join(missing)} are not installed. "
            f"Install them with 'sudo apt-get install {pkgs}' or 'make LANGS=\"{' '.join(missing)}\" deps'."
        )
    return TesseractInfo(version=version, langs=langs, warnings=warnings)


def list_models() -> tuple[Path | None, frozenset[str]]:
    """The model folder and the installed models, as `tesseract --list-langs` names them.

    pytesseract's own list drops capitalised script models such as "Latin", so it is parsed here.
    """
    out = subprocess.run(
        [pytesseract.pytesseract.tesseract_cmd, "--list-langs"], capture_output=True, text=True, timeout=30
    ).stdout
    m = re.search(r'"([^"]+)"', out)
    names = frozenset(ln.strip() for ln in out.splitlines()[1:] if re.fullmatch(r"[\w.-]+", ln.strip()))
    return (Path(m.group(1)) if m else None), names


def strip_wordlist(src: Path, dest: Path) -> None:
    """Copy a .traineddata file without its LSTM word list (atomically, so parallel workers may race).

    The file is a table of int64 offsets, one per component, then the components back to back.
    """
    data = src.read_bytes()
    (n,) = struct.unpack_from("<i", data, 0)
    offsets = list(struct.unpack_from(f"<{n}q", data, 4))
    starts = [*sorted(o for o in offsets if o >= 0), len(data)]
    parts: list[bytes] = []
    new_offsets = [-1] * n
    pos = 4 + 8 * n
    for i, o in enumerate(offsets):
        if o < 0 or i == _WORDLIST_ENTRY:
            continue
        chunk = data[o : starts[starts.index(o) + 1]]
        new_offsets[i] = pos
        parts.append(chunk)
        pos += len(chunk)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}")
    tmp.write_bytes(struct.pack(f"<i{n}q", n, *new_offsets) + b"".join(parts))
    os.replace(tmp, dest)


def _wordlist_size(path: Path) -> int:
    with path.open("rb") as f:
        head = f.read(4 + 8 * (_WORDLIST_ENTRY + 2))
    (n,) = struct.unpack_from("<i", head, 0)
    if n <= _WORDLIST_ENTRY + 1:
        return 0
    offsets = struct.unpack_from(f"<{_WORDLIST_ENTRY + 2}q", head, 4)
    start, end = offsets[_WORDLIST_ENTRY], offsets[_WORDLIST_ENTRY + 1]
    return end - start if start >= 0 and end > start else 0


#: where each OCR call's temporary folder goes (None: the system's temporary folder). A batch's pool
#: workers use one the parent made and removes at the end, so a worker killed mid-card (Ctrl-C, an
#: interrupted batch) leaves nothing behind
TEMP_ROOT: str | None = None

#: inside OUT: cardscan writes nothing outside the output folder, not even a cache
CACHE_NAME = ".cardscan-cache"


@functools.lru_cache(maxsize=8)
def models(lang: str, cache: Path) -> tuple[str, str]:
    """(the -l value, extra config) that read `lang` fastest: a missing FALLBACK model is replaced, and
    a model with a huge word list is read from a copy without it, kept in `cache` (OUT/.cardscan-cache).
    Worked out once per process."""
    try:
        src, installed = list_models()
    except (OSError, subprocess.SubprocessError):
        return lang, ""  # the OCR call itself will report what is wrong
    wanted = [FALLBACK[m][0] if m not in installed and m in FALLBACK else m for m in lang.split("+") if m]
    wanted = list(dict.fromkeys(wanted))  # "eng+Latin" without Latin must not become "eng+eng"
    if src is None or not all((src / f"{m}.traineddata").is_file() for m in wanted):
        return "+".join(wanted), ""
    sizes = {m: _wordlist_size(src / f"{m}.traineddata") for m in wanted}
    if max(sizes.values(), default=0) <= BIG_WORDLIST:
        return "+".join(wanted), ""
    # one folder per source folder and file versions, so an upgraded model is copied again
    stamp = "-".join(f"{m}{(src / f'{m}.traineddata').stat().st_mtime_ns}" for m in wanted)
    folder = cache / f"tessdata-{hashlib.sha256(f'{src}:{stamp}'.encode()).hexdigest()[:12]}"
    try:
        for m in wanted:
            dest = folder / f"{m}.traineddata"
            if dest.is_file():
                continue
            if sizes[m] > BIG_WORDLIST:
                strip_wordlist(src / f"{m}.traineddata", dest)
            else:
                dest.parent.mkdir(parents=True, exist_ok=True)
                tmp = dest.with_name(f".{dest.name}.{os.getpid()}")
                tmp.write_bytes((src / f"{m}.traineddata").read_bytes())
                os.replace(tmp, dest)
    except (OSError, struct.error, ValueError, IndexError) as e:
        log.debug("no fast copy of %s (%s); reading the installed models", lang, e)
        return "+".join(wanted), ""
    return "+".join(wanted), f"--tessdata-dir {shlex.quote(str(folder))}"


def _call(fn: Any, *args: Any, timeout: float, **kwargs: Any) -> Any:
    """A one-shot pytesseract call with its failures translated (the path where no engine can stream)."""
    _thread_env()
    try:
        return fn(*args, timeout=timeout, **kwargs)
    except pytesseract.TesseractNotFoundError as e:
        raise MissingDependencyError(f"Tesseract OCR disappeared while cardscan was running. {INSTALL_HINT}") from e
    except pytesseract.TesseractError as e:
        raise _failed(getattr(e, "status", None), str(getattr(e, "message", "") or "")) from e
    except RuntimeError as e:
        # pytesseract signals its timeout with a bare RuntimeError.
        raise _too_slow(timeout) from e
    except SystemExit as e:
        raise MissingDependencyError(f"Tesseract could not be run ({e}). {INSTALL_HINT}") from e


def _failed(status: int | None, stderr: str) -> OcrError:
    msg = " ".join(stderr.split())[:200].rstrip(".")
    if isinstance(status, int) and status < 0:  # killed by a signal: a crash, whatever it said before
        return OcrError(f"Tesseract crashed on this image (signal {-status}).")
    if not msg:
        return OcrError(f"Tesseract crashed on this image (exit code {status}).")
    return OcrError(f"Tesseract failed on this image: {msg}.")


def _too_slow(timeout: float) -> OcrError:
    return OcrError(f"Tesseract took longer than {timeout:g} second{'' if timeout == 1 else 's'} on this image "
                    "and was stopped.")  # fmt: skip


def _uncompressed(image: np.ndarray) -> Image.Image:
    """The image as Tesseract gets it: an uncompressed TIFF, not the PNG pytesseract writes by default,
    whose compression costs ~5 ms per call for the same pixels. (Not PGM: Leptonica reads that a byte
    at a time, ~12 ms slower.) Neither carries a resolution tag, so Tesseract estimates it the same way."""
    pil = Image.fromarray(image)
    if pil.mode in ("L", "RGB"):
        pil.format = "TIFF"
    return pil


class Engine:
    """One long-lived Tesseract process for one set of options (model, page segmentation mode).

    Tesseract's `stream_filelist` mode reads image paths from stdin, one a line, and writes each
    page's TSV to stdout as soon as it is read, so the model loads once per process instead of once
    per call: a start costs 0.07-0.2 s of CPU, as much as reading a whole card. After each image a
    blank 8x8 sentinel page is sent; its first row marks the end of the real page's rows.

    Each image goes through a file in a private temporary folder that lives only for that call, as
    with pytesseract, so a worker killed between cards leaves nothing behind. A crash, a hang (the
    timeout kills the process) or an unexpected end costs only the image being read; the next call
    starts a fresh process.
    """

    #: pages (real and sentinel) before the process is replaced: bounds whatever Tesseract accumulates
    RECYCLE_AFTER = 2000

    def __init__(self, cmd: str, args: tuple[str, ...]) -> None:
        self.cmd, self.args = cmd, args
        # already unlinked: no name in any folder, gone with the last descriptor
        self.stderr = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the engine
        self.proc: subprocess.Popen[bytes] | None = None
        self.pages = 0  # pages this process has been sent
        self.header = b""  # the TSV column names, written once per process

    def _start(self) -> subprocess.Popen[bytes]:
        _thread_env()
        cmd = [self.cmd, "-", "-", *self.args, "-c", "stream_filelist=true", "-c", "tessedit_create_tsv=1"]
        try:
            # its own session: a Ctrl-C meant for cardscan must not kill it in the middle of a card
            proc = subprocess.Popen(
                cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr, start_new_session=True
            )
        except FileNotFoundError as e:
            raise MissingDependencyError(f"Tesseract OCR disappeared while cardscan was running. {INSTALL_HINT}") from e
        except OSError as e:
            raise MissingDependencyError(f"Tesseract OCR could not be started ({e}). {INSTALL_HINT}") from e
        self.pages, self.header = 0, b""
        return proc

    def stop(self, kill: bool = False) -> None:
        """End the process: between cards by closing its list (it exits at once), or `kill` it, in the
        middle of a page (a timeout, an error, Ctrl-C), which it would otherwise finish first."""
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if kill:
            with contextlib.suppress(OSError):
                proc.kill()
        with contextlib.suppress(OSError, ValueError):
            proc.stdin.close()  # type: ignore[union-attr]
        try:
            proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        with contextlib.suppress(OSError, ValueError):
            proc.stdout.close()  # type: ignore[union-attr]

    def close(self) -> None:
        self.stop()
        self.stderr.close()

    def tsv(self, image: Image.Image, timeout: float) -> str:
        """The TSV Tesseract writes for `image` (its header and this page's rows)."""
        fresh = self.proc is None or self.proc.poll() is not None or self.pages >= self.RECYCLE_AFTER
        if fresh:
            self.stop()
            self.proc = self._start()
        try:
            try:
                return self._read(image, timeout)
            except _Ended as e:
                self.stop()
                if not (e.clean and not fresh):
                    raise _failed(e.status, e.stderr) from None
            # the process had ended by itself between two cards (it exited, it was not this image that
            # broke it): one fresh process gets this image
            self.proc = self._start()
            try:
                return self._read(image, timeout)
            except _Ended as again:
                self.stop()
                raise _failed(again.status, again.stderr) from None
        except TimeoutError:
            self.stop(kill=True)
            raise _too_slow(timeout) from None
        except BaseException:
            # anything else (Ctrl-C, a bug) leaves a page half read: never let the next image get its rows
            self.stop(kill=True)
            raise

    def _read(self, image: Image.Image, timeout: float) -> str:
        folder = Path(tempfile.mkdtemp(prefix="cardscan-ocr-", dir=TEMP_ROOT))
        try:
            page, sentinel = folder / "page.tif", folder / "end.tif"
            image.save(page, format=image.format)
            Image.new("L", (8, 8), 255).save(sentinel, format="TIFF")
            return self._exchange(page, sentinel, timeout)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _exchange(self, image: Path, sentinel: Path, timeout: float) -> str:
        proc = self.proc
        assert proc is not None and proc.stdin is not None and proc.stdout is not None
        self.stderr.seek(0)
        self.stderr.truncate()  # the process shares this offset: each page's messages start at 0
        deadline = time.monotonic() + timeout
        page, self.pages = self.pages + 1, self.pages + 2
        try:
            proc.stdin.write(f"{image}\n{sentinel}\n".encode())
            proc.stdin.flush()
        except (OSError, ValueError):  # the process is gone (EPIPE, a closed pipe): what it said is read below
            pass
        buf = b""
        start = f"\n1\t{page}\t".encode()  # this page's first row (after a newline: see below)
        end = f"\n1\t{page + 1}\t".encode()  # the sentinel page's first row
        fd = proc.stdout.fileno()
        while True:
            at = buf.find(end)
            if at >= 0 and buf.find(b"\n", at + 1) >= 0:
                break
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                status = proc.wait()
                self.stderr.seek(0)
                said = self.stderr.read().decode("utf-8", "replace")
                said = "\n".join(ln for ln in said.splitlines() if not _CHATTER.match(ln))
                raise _Ended(status, said, clean=status == 0 and not buf.strip(b"\n").removeprefix(self.header))
            buf += chunk
            if not self.header and b"\n" in buf:
                first, _, rest = buf.partition(b"\n")
                if first.startswith(b"level\t"):
                    self.header, buf = first + b"\n", b"\n" + rest
        # from this page's first row: whatever came before (a blank page's late rows) is no part of it
        begin = (b"\n" + buf).find(start)
        rows = buf[max(begin, 0) : at + 1]
        return (self.header + rows).decode("utf-8", "replace")


#: what Tesseract says on stderr about every page: no failure
_CHATTER = re.compile(r"^(Page \d+ : |Estimating resolution as |Empty page!!|Detected \d+ diacritics)")


class _Ended(Exception):
    def __init__(self, status: int, stderr: str, clean: bool) -> None:
        super().__init__(stderr)
        self.status, self.stderr, self.clean = status, stderr, clean


_engines: dict[tuple[str, tuple[str, ...]], Engine] = {}


def engine(args: tuple[str, ...]) -> Engine:
    """The running engine for these options (a process-wide cache, closed at exit): the Tesseract that
    is on PATH now, so a replaced or removed binary is noticed at the next start."""
    cmd = shutil.which(pytesseract.pytesseract.tesseract_cmd)
    if cmd is None:
        raise MissingDependencyError(f"Tesseract OCR disappeared while cardscan was running. {INSTALL_HINT}")
    key = (cmd, args)
    if key not in _engines:
        _engines[key] = Engine(cmd, args)
    return _engines[key]


def close_engines() -> None:
    """Stop every engine this process started."""
    while _engines:
        _engines.popitem()[1].close()


def _forget_engines() -> None:
    """In a forked child: the parent's engines are the parent's. The child closes its copies of their
    pipes (so an engine still sees its end when the parent closes it) and starts its own."""
    for e in _engines.values():
        for f in (e.proc.stdin, e.proc.stdout) if e.proc else ():
            with contextlib.suppress(OSError, ValueError):
                f.close()  # type: ignore[union-attr]
        e.stderr.close()
    _engines.clear()


atexit.register(close_engines)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_engines)


#: no select() on pipes there: every call is a one-shot pytesseract run
STREAMING = sys.platform != "win32"


def tesseract_config(settings: Settings, psm: int = DEFAULT_PSM) -> tuple[str, str]:
    """(the -l value, the rest of the command line) that OCR calls with `settings` use."""
    lang, extra = models(settings.lang, settings.out_dir / CACHE_NAME)
    if settings.step_on("invert"):
        # preprocess has already turned all print dark on white, so Tesseract's own second reading of each
        # doubtful line inverted finds nothing and costs up to a tenth of the OCR time (`invert_threshold`
        # from Tesseract 5.3 on; this older name works on 4 and 5)
        extra = f"-c tessedit_do_invert=0 {extra}"
    return lang, f"--psm {psm} {extra}".strip()


def image_to_data(image: np.ndarray, settings: Settings, psm: int = DEFAULT_PSM) -> dict[str, list[Any]]:
    """Words, boxes and confidences (0-100) as pytesseract's dict; layout.py converts it."""
    lang, config = tesseract_config(settings, psm)
    if not STREAMING:
        data: dict[str, list[Any]] = _call(
            pytesseract.image_to_data,
            _uncompressed(image),
            lang=lang,
            config=config,
            output_type=pytesseract.Output.DICT,
            timeout=settings.ocr_timeout,
        )
        return data
    tsv = engine(("-l", lang, *shlex.split(config))).tsv(_uncompressed(image), settings.ocr_timeout)
    parsed: dict[str, list[Any]] = pytesseract.pytesseract.file_to_dict(tsv, "\t", -1)
    return parsed
