# cardscan: `make scan` and `make test` set up everything they need on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# extra Tesseract language packs, e.g. `make scan LANGS="jpn deu"`
LANGS ?=
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo)
APT_PKGS = tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd tesseract-ocr-script-latn fonts-dejavu-core fonts-liberation2 fonts-freefont-ttf \
            $(foreach l,$(LANGS),tesseract-ocr-$(l))
OUT ?= out

.PHONY: help deps sysdeps scan test lint fmt bench robustness soak samples clean

help:
	@echo "make scan   install what is missing, then scan sample_cards/ into $(OUT)/"
	@echo "make test   install what is missing, then lint and run the tests"
	@echo "make bench  accuracy and speed benchmark;  make robustness, make soak: hostile input and watcher soak"

deps: sysdeps $(VENV)/.installed

# System packages: Tesseract with English and orientation data, and the fonts the card generator uses.
sysdeps:
	@missing=""; \
	command -v tesseract >/dev/null || missing="yes"; \
	langs=$$(tesseract --list-langs 2>/dev/null); \
	for l in eng osd Latin $(LANGS); do grep -qx "$$l" <<<"$$langs" || missing="yes"; done; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="yes"; \
	[ -d /usr/share/fonts/truetype/liberation2 ] || missing="yes"; \
	[ -d /usr/share/fonts/truetype/freefont ] || missing="yes"; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null; then \
	    echo "Installing system packages: $(APT_PKGS)"; \
	    $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PKGS) >/dev/null; \
	  else \
	    echo "Please install Tesseract OCR (brew install tesseract / choco install tesseract) and re-run."; exit 3; \
	  fi; \
	fi
	@# chromium renders report.html in the browser test; without it that test is skipped, nothing else needs it
	@if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then \
	  if command -v apt-get >/dev/null; then \
	    echo "Installing chromium (the report.html test renders the page in it)"; \
	    $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "chromium is missing: the report.html browser test will be skipped (brew install --cask chromium)."; \
	  fi; \
	fi

$(VENV)/.installed: pyproject.toml
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $@

# Exit code 1 means "some photos could not be read": the table above says which; that is a result, not an error.
scan: deps
	$(VENV)/bin/cardscan scan sample_cards -o $(OUT) || [ $$? -eq 1 ]

lint: deps
	$(VENV)/bin/ruff check cardscan tests
	$(VENV)/bin/ruff format --check cardscan tests
	$(VENV)/bin/mypy

fmt: deps
	$(VENV)/bin/ruff format cardscan tests
	$(VENV)/bin/ruff check --fix cardscan tests

test: deps lint
	$(VENV)/bin/pytest -q

# the real Japanese card is scored with --lang jpn+eng
bench: LANGS += jpn
bench: deps
	$(PY) -m cardscan.bench

robustness: deps
	$(PY) -m cardscan.robustness

soak: deps
	$(PY) -m cardscan.soak

samples: deps
	$(PY) -m cardscan.synth sample_cards --sample

clean:
	rm -rf $(OUT) bench_out .pytest_cache .mypy_cache .ruff_cache
