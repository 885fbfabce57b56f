"""The one exit-code enum and the exceptions that carry those codes.

Messages are whole sentences a user can act on. Only cli.py turns them into
exit codes; library code raises, never prints or exits.
"""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    OK = 0
    INPUT_FAILED = 1  # at least one input file gave a `failed` record
    BAD_ARGS = 2  # the command line or config is wrong
    MISSING_DEPENDENCY = 3  # Tesseract or a language pack is missing
    ALREADY_RUNNING = 4  # another cardscan holds the output folder's lock
    OUTPUT_ERROR = 5  # the output folder cannot be written
    INTERRUPTED = 130


class CardscanError(Exception):
    """Base class; `str(e)` is a sentence for the user."""

    exit_code: ExitCode = ExitCode.INPUT_FAILED


class InputError(CardscanError):
    """One input file cannot be used; it becomes a `failed` record, not a crash."""

    exit_code = ExitCode.INPUT_FAILED


class OcrError(InputError):
    """Tesseract failed on one image (crash, timeout, garbage)."""


class BadArgumentsError(CardscanError):
    exit_code = ExitCode.BAD_ARGS


class MissingDependencyError(CardscanError):
    exit_code = ExitCode.MISSING_DEPENDENCY


class AlreadyRunningError(CardscanError):
    exit_code = ExitCode.ALREADY_RUNNING


class OutputError(CardscanError):
    exit_code = ExitCode.OUTPUT_ERROR
