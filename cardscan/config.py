"""One frozen Settings object: defaults < config file < CARDSCAN_* env < flags.

Settings are passed explicitly to every stage; nothing reads globals.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .errors import BadArgumentsError

#: Preprocessing steps, in order; each can be switched off with --no-STEP.
PREPROCESS_STEPS: tuple[str, ...] = ("find_card", "orient", "light", "invert", "rescale")
#: Every step that can be switched off: preprocessing, then the two parts of the second look (lines
#: read unsurely, and the name and address lines of a card whose country writes accents).
STEPS: tuple[str, ...] = (*PREPROCESS_STEPS, "second_pass", "accents")
#: Export formats, in the order they are written; --formats picks some of them.
EXPORT_FORMATS: tuple[str, ...] = ("vcf", "ics", "eml", "csv", "html")


@dataclass(frozen=True)
class Settings:
    region: str = "US"  # default phone region when the card has no +CC (load_settings: the locale's country)
    lang: str = "eng"  # Tesseract language packs, e.g. "eng+deu"
    out_dir: Path = Path("out")
    jobs: int = 0  # 0 = one worker per core
    disabled_steps: frozenset[str] = frozenset()
    keep_intermediates: Path | None = None
    review_threshold: float = 0.6  # fields below this confidence go to `review`
    ocr_timeout: float = 60.0  # seconds per Tesseract call
    max_pixels: int = 120_000_000  # refuse larger images (decompression bombs)
    # follow-up context (FOLLOWUP.md)
    interview_date: datetime | None = None
    role: str | None = None
    decision_by: date | None = None
    me: str | None = None
    tz: str | None = None  # IANA zone; None = the system zone
    formats: frozenset[str] = frozenset(EXPORT_FORMATS)  # which exports to write

    def step_on(self, step: str) -> bool:
        return step not in self.disabled_steps


def coerce(name: str, value: Any) -> Any:
    """Turn a string (env or file) into the type of Settings.<name>."""
    kind = {f.name: f.type for f in dataclasses.fields(Settings)}[name]
    if isinstance(value, list | tuple) and "frozenset" in str(kind):  # a TOML list
        return frozenset(str(v).strip() for v in value)
    if value is None or not isinstance(value, str):
        return value
    try:
        if "Path" in str(kind):
            return Path(value)
        if "frozenset" in str(kind):
            return frozenset(s.strip() for s in value.split(",") if s.strip())
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
        if "datetime" in str(kind):
            return datetime.fromisoformat(value)
        if "date" in str(kind):
            return date.fromisoformat(value)
    except ValueError as e:
        raise BadArgumentsError(f"The setting {name} has the value {value!r}, which is not valid: {e}.") from e
    return value


def phone_region(code: str) -> str:
    """A region code as phonenumbers wants it ("uk" -> "GB"), or a sentence saying it is none."""
    import phonenumbers  # here: config is read before the parsers are imported

    region = {"UK": "GB"}.get(code.strip().upper(), code.strip().upper())
    if not phonenumbers.country_code_for_region(region):
        raise BadArgumentsError(
            f"The phone region {code!r} is not a country code; use two letters such as US, GB, DE or IN."
        )
    return region


#: the locale variables, in POSIX precedence, whose country is the default phone region
LOCALE_VARS = ("LC_ALL", "LC_TELEPHONE", "LANG")


def locale_region(env: Mapping[str, str]) -> str | None:
    """The country of the user's locale ("en_GB.UTF-8" -> "GB"), if phonenumbers knows it; None for a
    locale that names none ("C.UTF-8", "POSIX") or when no locale is set."""
    for var in LOCALE_VARS:
        value = env.get(var)
        if value:
            m = re.match(r"[a-z]{2,3}_([A-Z]{2})(?![A-Za-z])", value)
            if m is None:
                return None
            import phonenumbers  # here: only a locale with a country needs it

            return m.group(1) if phonenumbers.country_code_for_region(m.group(1)) else None
    return None


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    config_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Build Settings from the layers; `overrides` are the command-line flags (None = not given)."""
    names = {f.name for f in dataclasses.fields(Settings)}
    values: dict[str, Any] = {}
    env = os.environ if environ is None else environ
    path = config_file or (Path(env["CARDSCAN_CONFIG"]) if env.get("CARDSCAN_CONFIG") else None)
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise BadArgumentsError(f"The config file {path} cannot be read: {e}.") from e
        unknown = set(data) - names
        if unknown:
            raise BadArgumentsError(f"The config file {path} has unknown keys: {', '.join(sorted(unknown))}.")
        values.update({k: coerce(k, v) for k, v in data.items()})
    for name in names:
        raw = env.get("CARDSCAN_" + name.upper())
        if raw is not None and raw != "":
            values[name] = coerce(name, raw)
    for k, v in (overrides or {}).items():
        if v is not None:
            values[k] = coerce(k, v)
    if "region" not in values:  # the phone numbers a user meets are mostly those of their own country
        values["region"] = locale_region(env) or Settings.region
    values["region"] = phone_region(str(values["region"]))
    s = Settings(**values)
    unknown_steps = s.disabled_steps - set(STEPS)
    if unknown_steps:
        raise BadArgumentsError(f"Unknown steps: {', '.join(sorted(unknown_steps))}; the steps are {', '.join(STEPS)}.")
    unknown_formats = s.formats - set(EXPORT_FORMATS)
    if unknown_formats or not s.formats:
        what = "No format given."
        if unknown_formats:
            what = f"Unknown export formats: {', '.join(sorted(unknown_formats))}."
        raise BadArgumentsError(f"{what} Choose one or more of {','.join(EXPORT_FORMATS)}, separated by commas.")
    return s
