"""The only module that touches Tesseract: probe it, run it, translate its failures.

Every pytesseract failure mode becomes a cardscan error here (missing binary,
crash, timeout, bad version), so no other module needs to know pytesseract.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytesseract

from .config import Settings
from .errors import MissingDependencyError, OcrError

INSTALL_HINT = (
    "Install it with 'sudo apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd' "
    "(Debian/Ubuntu), 'brew install tesseract' (macOS) or 'choco install tesseract' (Windows), "
    "or run 'make scan', which installs it."
)

#: Tesseract reads characters best with an x-height of roughly 20-30 px; cards OCR'd here are
#: scaled for that by preprocess.rescale.
DEFAULT_PSM = 11  # sparse text: a card is scattered blocks, not a column of prose


@dataclass(frozen=True)
class TesseractInfo:
    version: str
    langs: frozenset[str]


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
        langs = frozenset(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, OSError) as e:
        raise MissingDependencyError(f"Tesseract OCR could not be started ({e}). {INSTALL_HINT}") from e
    except (pytesseract.TesseractError, SystemExit, RuntimeError) as e:
        raise MissingDependencyError(f"Tesseract OCR is installed but does not work ({e}). {INSTALL_HINT}") from e
    if not re.match(r"^[4-9]\.", version):
        raise MissingDependencyError(f"Tesseract {version} is too old; cardscan needs version 4 or newer.")
    wanted = [lang for lang in settings.lang.split("+") if lang]
    missing = [lang for lang in wanted if lang not in langs]
    if missing:
        pkgs = " ".join(f"tesseract-ocr-{m.replace('_', '-').lower()}" for m in missing)
        raise MissingDependencyError(
            f"The Tesseract language pack(s) {', '.join(missing)} are not installed. "
            f"Install them with 'sudo apt-get install {pkgs}' or 'make LANGS=\"{' '.join(missing)}\" deps'."
        )
    return TesseractInfo(version=version, langs=langs)


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


def image_to_data(image: np.ndarray, settings: Settings, psm: int = DEFAULT_PSM) -> dict[str, list[Any]]:
    """Words, boxes and confidences (0-100) as pytesseract's dict; layout.py converts it."""
    config = f"--psm {psm}"
    data: dict[str, list[Any]] = _call(
        pytesseract.image_to_data,
        image,
        lang=settings.lang,
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
            image,
            config="--psm 0",
            output_type=pytesseract.Output.DICT,
            timeout=settings.ocr_timeout,
        )
    except OcrError:
        return None
    # Tesseract's "rotate" is clockwise degrees; cardscan uses counter-clockwise (cv2/np.rot90).
    cw = int(osd.get("rotate", 0)) % 360
    return Orientation(rotate=(360 - cw) % 360, confidence=float(osd.get("orientation_conf", 0.0)))
