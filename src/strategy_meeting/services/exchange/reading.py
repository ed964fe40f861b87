# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Reading an interchange file: from a path to a JSON object, or one clear ``ImportRejected``.

The first of the three checks of ``exchange_validation``: a readable regular file of at most
``MAX_FILE_BYTES``, UTF-8 text (a byte-order mark is allowed, as Windows editors write one),
strict JSON (no NaN or Infinity, no key twice in one object: a second ``reference`` must not
quietly win), and an object at the top. A FIFO or device is refused before it is opened, so
an import can never hang on one.
"""

from __future__ import annotations

import codecs
import json
import re
import stat
from os import PathLike
from pathlib import Path
from typing import Any

from strategy_meeting.domain.errors import ImportRejected

MAX_FILE_BYTES = 50 * 1024 * 1024

_TOKEN = re.compile(r"[A-Za-z0-9_./:+-]{1,40}")


def show(value: object) -> str:
    """Quote a value only if it looks like a code, id or date; never echo free text."""
    if isinstance(value, str) and _TOKEN.fullmatch(value):
        return repr(value)
    return "this value"


def json_type(value: object) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a text"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "null"
    return "an object"


class _Refused(ValueError):
    """Raised by the JSON hooks; turned into ImportRejected by parse_interchange_bytes."""


def _no_constants(name: str) -> object:
    raise _Refused(f"The file is not valid JSON: it holds {name}, which JSON does not allow.")


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Refused(
                f"The file is not valid: the field {show(key)} appears twice in one object "
                "(keep one of them)."
            )
        result[key] = value
    return result


def parse_interchange_bytes(data: bytes) -> dict[str, Any]:
    """Decode and parse a file's bytes into a JSON object, or raise ``ImportRejected``."""
    if not data.strip():
        raise ImportRejected("The file is empty: it holds no meeting.")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ImportRejected("The file is UTF-16 text: save it as UTF-8 JSON and import it again.")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ImportRejected(
            f"The file is not UTF-8 text (byte {error.start} cannot be read): "
            "save it as UTF-8 JSON and import it again."
        ) from None
    try:
        value = json.loads(text, parse_constant=_no_constants, object_pairs_hook=_no_repeated_keys)
    except _Refused as error:
        raise ImportRejected(str(error)) from None
    except json.JSONDecodeError as error:
        raise ImportRejected(
            f"The file is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})."
        ) from None
    except RecursionError:
        raise ImportRejected("The file is not a meeting: its JSON is nested too deeply.") from None
    except ValueError:  # e.g. an integer longer than Python's conversion limit
        raise ImportRejected("The file is not a meeting: it holds a number too long to read.") from None
    if not isinstance(value, dict):
        raise ImportRejected(
            f"The file holds JSON but not an object ({json_type(value)}): "
            "a meeting file starts with '{'."
        )
    return value


def read_interchange_bytes(path: str | PathLike[str]) -> bytes:
    """The bytes of an interchange file, refusing what cannot be one before reading it."""
    file = Path(path)
    name = repr(file.name) if file.name else "the file"
    try:
        info = file.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ImportRejected(f"{name} is a folder, not a file: give the path of a .json file.")
        if not stat.S_ISREG(info.st_mode):
            raise ImportRejected(f"{name} is not a regular file: give the path of a .json file.")
        if info.st_size > MAX_FILE_BYTES:
            raise ImportRejected(_too_large(name, info.st_size))
        with file.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ImportRejected(f"{name} does not exist: check the file name and folder.") from None
    except PermissionError:
        raise ImportRejected(f"{name} cannot be read (permission denied).") from None
    except OSError as error:
        raise ImportRejected(f"{name} cannot be read ({error.strerror or 'input/output error'}).") from None
    if len(data) > MAX_FILE_BYTES:  # it grew after stat()
        raise ImportRejected(_too_large(name, len(data)))
    return data


def read_interchange_file(path: str | PathLike[str]) -> dict[str, Any]:
    """Read and parse an interchange file, refusing anything that is not a JSON object."""
    return parse_interchange_bytes(read_interchange_bytes(path))


def _too_large(name: str, size: int) -> str:
    limit = MAX_FILE_BYTES // (1024 * 1024)
    return f"{name} is too large ({size / 1024 / 1024:.0f} MB; a meeting file is at most {limit} MB)."
