"""The only module that touches Tesseract: probe it, run it, translate its failures.

Every pytesseract failure mode becomes a cardscan error here (missing binary,
crash, timeout, bad version), so no other module needs to know pytesseract.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
import shlex
import shutil
import struct
import subprocess
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
    _thread_env()
    try:
        return fn(*args, timeout=timeout, **kwargs)
    except pytesseract.TesseractNotFoundError as e:
        raise MissingDependencyError(f"Tesseract OCR disappeared while cardscan was running. {INSTALL_HINT}") from e
    except pytesseract.TesseractError as e:
        msg = " ".join(str(getattr(e, "message", "") or "").split())[:200].rstrip(".")
        status = getattr(e, "status", None)
        if not msg:
            # Killed by a signal (a crash) or exited with no word on stderr.
            how = f"signal {-status}" if isinstance(status, int) and status < 0 else f"exit code {status}"
            raise OcrError(f"Tesseract crashed on this image ({how}).") from e
        raise OcrError(f"Tesseract failed on this image: {msg}.") from e
    except RuntimeError as e:
        # pytesseract signals its timeout with a bare RuntimeError.
        raise OcrError(f"Tesseract took longer than {timeout:.0f} seconds on this image and was stopped.") from e
    except SystemExit as e:
        raise MissingDependencyError(f"Tesseract could not be run ({e}). {INSTALL_HINT}") from e


def _uncompressed(image: np.ndarray) -> Image.Image:
    """The image as pytesseract hands it over: an uncompressed TIFF, not the PNG it writes by default,
    whose compression costs ~5 ms per call for the same pixels. (Not PGM: Leptonica reads that a byte
    at a time, ~12 ms slower.) Neither carries a resolution tag, so Tesseract estimates it the same way."""
    pil = Image.fromarray(image)
    if pil.mode in ("L", "RGB"):
        pil.format = "TIFF"
    return pil


def image_to_data(image: np.ndarray, settings: Settings, psm: int = DEFAULT_PSM) -> dict[str, list[Any]]:
    """Words, boxes and confidences (0-100) as pytesseract's dict; layout.py converts it."""
    lang, extra = models(settings.lang, settings.out_dir / CACHE_NAME)
    config = f"--psm {psm} {extra}".strip()
    data: dict[str, list[Any]] = _call(
        pytesseract.image_to_data,
        _uncompressed(image),
        lang=lang,
        config=config,
        output_type=pytesseract.Output.DICT,
        timeout=settings.ocr_timeout,
    )
    return data


@dataclass(frozen=True)
class Orientation:
    rotate: int  # degrees counter-clockwise to turn the image upright: 0, 90, 180 or 270
    confidence: float  # Tesseract's orientation confidence (unbounded, >2 is fairly sure)


def detect_orientation(image: np.ndarray, settings: Settings) -> Orientation | None:
    """Tesseract OSD; None when it cannot tell (too little text). Never raises OcrError."""
    try:
        osd = _call(
            pytesseract.image_to_osd,
            _uncompressed(image),
            config="--psm 0",
            output_type=pytesseract.Output.DICT,
            timeout=settings.ocr_timeout,
        )
    except OcrError:
        return None
    # Tesseract's "rotate" is clockwise degrees; cardscan uses counter-clockwise (cv2/np.rot90).
    cw = int(osd.get("rotate", 0)) % 360
    return Orientation(rotate=(360 - cw) % 360, confidence=float(osd.get("orientation_conf", 0.0)))
