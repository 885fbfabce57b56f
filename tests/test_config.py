"""config.py: defaults < config file < CARDSCAN_* env < flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from cardscan.config import load_settings
from cardscan.errors import BadArgumentsError


def test_layers_in_order(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('region = "DE"\nlang = "eng+deu"\njobs = 3\n')
    s = load_settings({"jobs": 1}, config_file=cfg, environ={"CARDSCAN_LANG": "eng"})
    assert (s.region, s.lang, s.jobs) == ("DE", "eng", 1)


def test_defaults() -> None:
    s = load_settings({}, environ={})
    assert s.region == "US" and s.lang == "eng" and s.out_dir == Path("out")


@pytest.mark.parametrize(
    ("environ", "region"),
    [
        ({"LANG": "en_GB.UTF-8"}, "GB"),
        ({"LANG": "de_DE@euro"}, "DE"),
        ({"LANG": "en_US.UTF-8", "LC_TELEPHONE": "de_CH.UTF-8"}, "CH"),  # the telephone category's own locale
        ({"LANG": "fr_FR.UTF-8", "LC_ALL": "C.UTF-8"}, "US"),  # LC_ALL wins, and names no country
        ({"LANG": "en_GB.UTF-8", "CARDSCAN_REGION": "in"}, "IN"),  # anything set by the user wins
        ({"LANG": "xx_QQ.UTF-8"}, "US"),  # no country phonenumbers knows
    ],
)
def test_default_phone_region_is_the_locales_country(environ: dict[str, str], region: str) -> None:
    assert load_settings({}, environ=environ).region == region


def test_a_region_is_checked_and_uk_means_gb() -> None:
    assert load_settings({"region": "uk"}, environ={}).region == "GB"
    with pytest.raises(BadArgumentsError, match="'XX' is not a country code"):
        load_settings({"region": "XX"}, environ={})


def test_bad_values_are_sentences(tmp_path: Path) -> None:
    with pytest.raises(BadArgumentsError, match="jobs"):
        load_settings({}, environ={"CARDSCAN_JOBS": "many"})
    cfg = tmp_path / "c.toml"
    cfg.write_text("colour = 1\n")
    with pytest.raises(BadArgumentsError, match="unknown keys: colour"):
        load_settings({}, config_file=cfg, environ={})
    with pytest.raises(BadArgumentsError, match="steps"):
        load_settings({"disabled_steps": "find_card,sharpen"}, environ={})


def test_steps_switch_off() -> None:
    s = load_settings({"disabled_steps": "orient,invert"}, environ={})
    assert not s.step_on("orient") and s.step_on("light")
