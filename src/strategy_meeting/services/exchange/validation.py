# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Everything an interchange file must satisfy before a byte of it is written to the store.

Three stages, each turning every failure into one ``ImportRejected`` whose ``problems`` name
the JSON path (``meeting.contributions[2].agency``) and whose message is one line:

1. ``read_interchange_file`` / ``parse_interchange_bytes`` (in ``interchange_file``): a
   readable regular file of at most ``MAX_FILE_BYTES``, UTF-8 text, strict JSON, an object.
2. The published JSON schema (Draft 2020-12, ``resources/schema/meeting.schema.json`` for
   ``strategy-meeting/3``, which is written; ``meeting-2.schema.json`` and
   ``meeting-1.schema.json`` for ``strategy-meeting/2`` and ``/1`` files, which are still read,
   each by its own rules) with
   ``date`` and ``date-time`` checked. Every object in it is closed (``additionalProperties``
   false), at every level: a misspelt key such as ``sharing_typo`` would otherwise be dropped
   without a word, and the sharing terms the user meant lost with it; the first unknown key
   is named by its own path (``meeting.contributions[3].sharing_typo``). Two readings of it
   are made explicit here: a pattern's ``$`` means the end of the text, as in ECMA-262
   (Python's ``$`` would let ``"CSC\\n"`` through); and free-text fields may not hold control
   characters or unpaired surrogates (they cannot be stored or printed).
3. Cross-references (``interchange_references``): ids unique across every kind of item,
   ``relied_on`` naming contributions of the file, every agency code used listed once.

Messages never quote free text from the file; they quote a value only when it looks like a
code, id or date (letters, digits and ``_./:+-``, at most 40 characters).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, ValidationError

from strategy_meeting import paths
from strategy_meeting.domain.errors import ImportRejected

from ..agencies import is_plausible_email
from .reading import (  # re-exported: the first stage of the check
    MAX_FILE_BYTES,
    json_type,
    parse_interchange_bytes,
    read_interchange_file,
    show,
)
from .references import Problem, cross_reference_problems, json_path

__all__ = [
    "FORMAT_ID",
    "FORMAT_V1",
    "FORMAT_V2",
    "READABLE_FORMATS",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "Problem",
    "find_problems",
    "parse_interchange_bytes",
    "published_schema",
    "rejection",
    "read_interchange_file",
    "validate_document",
]

FORMAT_ID = "strategy-meeting/3"  # what is written (issue 14)
FORMAT_V2 = "strategy-meeting/2"  # still read, against the /2 schema (issue 15)
FORMAT_V1 = "strategy-meeting/1"  # still read: a /1 file is checked against the /1 schema
READABLE_FORMATS = (FORMAT_V1, FORMAT_V2, FORMAT_ID)
OLDER_FORMATS = (FORMAT_V1, FORMAT_V2)  # their decisions and addenda are for every agency
_SCHEMA_FILES = {FORMAT_ID: "meeting.schema.json", FORMAT_V2: "meeting-2.schema.json",
                 FORMAT_V1: "meeting-1.schema.json"}
MAX_DEPTH = 32  # a valid meeting nests 7 levels; far deeper input only feeds recursion

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")
# Control characters (C0 but tab, line feed and carriage return; DEL; C1); unpaired surrogates.
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
TEXT_FORMAT = "plain-text"
EMAIL_FORMAT = "agency-email"
# Dates this record can mean. A date-time in year 1 or 9999 is valid RFC 3339 but cannot be
# turned into UK local time for the minutes (the conversion overflows), so it is refused here.
MIN_YEAR, MAX_YEAR = 1900, 2199


class _YearOutOfRange(ValueError):
    """A well-formed date whose year no strategy discussion can have."""


# --- stage 2: the schema -------------------------------------------------------------------


def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE.fullmatch(value):
        return False
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        return False
    _check_year(parsed.year)
    return True


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _YearOutOfRange(year)


def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE_TIME.fullmatch(value):
        return False
    try:
        parsed = datetime.fromisoformat(value.upper())
    except ValueError:
        return False
    _check_year(parsed.year)
    return True


def _is_plain_text(value: object) -> bool:
    return not isinstance(value, str) or _BAD_CHARS.search(value) is None


def _is_email(value: object) -> bool:
    return not isinstance(value, str) or (_is_plain_text(value) and is_plausible_email(value))


def _tighten(node: object) -> None:
    """Make the schema's string rules mean what its authors meant under Python's ``re``."""
    if isinstance(node, dict):
        pattern = node.get("pattern")
        if isinstance(pattern, str) and pattern.endswith("$"):
            node["pattern"] = pattern[:-1] + r"\Z"
        if node.get("type") == "string" and "pattern" not in node and "format" not in node:
            node["format"] = TEXT_FORMAT
        for child in node.values():
            _tighten(child)
    elif isinstance(node, list):
        for child in node:
            _tighten(child)


@cache
def published_schema(format_id: str = FORMAT_ID) -> dict[str, Any]:
    """The schema as published in ``resources/schema`` (the contract other programs read)."""
    with paths.resource("schema", _SCHEMA_FILES[format_id]).open("rb") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


def _inline(node: object, defs: dict[str, Any]) -> object:
    """The schema with each local ``$ref`` replaced by its definition (it has no cycles).

    jsonschema resolves a ``$ref`` afresh every time it meets one, which made a large file
    take several times longer to check; inlined, the same rules are checked directly.
    """
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and len(node) == 1:
            return _inline(defs[ref.removeprefix("#/$defs/")], defs)
        return {key: _inline(value, defs) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline(value, defs) for value in node]
    return node


@cache
def _validator(format_id: str = FORMAT_ID) -> Draft202012Validator:
    schema = copy.deepcopy(published_schema(format_id))
    defs = schema.pop("$defs")
    schema = _inline(schema, defs)
    assert isinstance(schema, dict)
    _tighten(schema)
    # An address the directory would refuse fails only at distribution, long after the import.
    schema["properties"]["meeting"]["properties"]["agencies"]["items"]["properties"]["email"]["format"] = EMAIL_FORMAT
    checker = FormatChecker(formats=())
    checker.checks("date", raises=_YearOutOfRange)(_is_date)
    checker.checks("date-time", raises=_YearOutOfRange)(_is_date_time)
    checker.checks(TEXT_FORMAT)(_is_plain_text)
    checker.checks(EMAIL_FORMAT)(_is_email)
    return Draft202012Validator(schema, format_checker=checker)


_PATTERN_WORDS = {
    "code": "must be an agency code: a capital letter, then up to 31 capitals, digits, '_' or '-'",
    "id": "must be an id of 1 to 64 letters, digits, '_' or '-'",
    "reference": "must be a meeting reference: up to 64 letters, digits, '/', '_' or '-'",
    "nhs_number": "must be a 10-digit NHS number, or empty",
}
_FORMAT_WORDS = {
    "date": "must be a date written like 2026-11-20",
    "date-time": "must be a date and time with its offset, written like 2026-11-20T10:00:00+00:00",
    TEXT_FORMAT: "holds a control character or invalid Unicode: remove it",
    EMAIL_FORMAT: "is not an e-mail address: correct it, or leave it empty if the agency has none",
}
_TYPE_WORDS = {
    "string": "a text",
    "boolean": "true or false",
    "array": "a list",
    "object": "an object",
    "integer": "a whole number",
    "number": "a number",
}


def _pattern_words(error: ValidationError) -> str:
    last = error.path[-1] if error.path else ""
    if last in ("reference", "nhs_number"):
        return f"{show(error.instance)} {_PATTERN_WORDS[str(last)]}"
    if str(error.validator_value).startswith("^[A-Z]["):
        return f"{show(error.instance)} {_PATTERN_WORDS['code']}"
    return f"{show(error.instance)} {_PATTERN_WORDS['id']}"


def _schema_problems(error: ValidationError) -> Iterator[Problem]:
    """Words for one schema error: what is wrong and, where it helps, what to do."""
    where = json_path(list(error.absolute_path))
    kind, rule, instance = error.validator, error.validator_value, error.instance
    if kind == "required":
        for name in rule:
            if isinstance(instance, dict) and name not in instance:
                yield Problem(where, f"the required field '{name}' is missing")
    elif kind == "additionalProperties":
        # Named by its own path, in the file's order; a key that is not a plain name shows as
        # ``[?]`` (it could hold anything, record text included).
        allowed = set(error.schema.get("properties", {}))
        for name in (k for k in instance if k not in allowed):
            yield Problem(json_path([*error.absolute_path, name]),
                          "is not part of this format: remove it, or correct its name")
    elif kind == "oneOf" and isinstance(instance, list):  # a list audience: say which entry
        inner = [e for e in error.context or [] if e.relative_schema_path[0] == 1]
        for sub in inner:
            yield from _schema_problems(sub)
        if not inner:
            yield Problem(where, "must be 'all', 'chair' or a list of agency codes")
    elif kind == "oneOf":
        yield Problem(where, "must be 'all', 'chair' or a list of agency codes")
    elif kind == "const":
        yield Problem(
            where,
            f"must be '{rule}' (or '{FORMAT_V2}' or '{FORMAT_V1}'): this is not a Strategy Meeting "
            "interchange file this version reads",
        )
    elif kind == "enum" and "categories" in list(error.absolute_path):
        yield Problem(where, f"{show(instance)} is not a restriction category this version knows: use one of "
                      + ", ".join(map(str, rule)))
    elif kind == "enum":
        yield Problem(where, f"{show(instance)} is not one of: " + ", ".join(map(str, rule)))
    elif kind == "type":
        yield Problem(where, f"must be {_TYPE_WORDS.get(str(rule), str(rule))}, not {json_type(instance)}")
    elif kind == "pattern":
        yield Problem(where, _pattern_words(error))
    elif kind == "format" and isinstance(error.cause, _YearOutOfRange):
        yield Problem(where, f"must be a date between the years {MIN_YEAR} and {MAX_YEAR}")
    elif kind == "format":
        yield Problem(where, _FORMAT_WORDS.get(str(rule), f"is not a valid {rule}"))
    elif kind == "maxLength":
        yield Problem(where, f"is too long ({len(instance)} characters; at most {rule})")
    elif kind == "minLength":
        yield Problem(where, "must not be empty")
    elif kind == "minItems":
        yield Problem(where, f"needs at least {rule} item{'s' if rule != 1 else ''}")
    elif kind == "uniqueItems":
        yield Problem(where, "lists the same value more than once")
    else:
        yield Problem(where, f"is not valid (rule '{kind}')")


# --- the whole check -----------------------------------------------------------------------


def _document_order(document: object) -> Callable[[ValidationError], list[int]]:
    """Sort key putting errors in the order their places appear in the file."""

    def key(error: ValidationError) -> list[int]:
        position: list[int] = []
        node = document
        for part in error.absolute_path:
            if isinstance(node, dict):
                keys = list(node)
                position.append(keys.index(part) if part in node else len(keys))
                node = node.get(part)
            elif isinstance(node, list) and isinstance(part, int):
                position.append(part)
                node = node[part] if part < len(node) else None
            else:
                break
        # Within one object, unknown keys come first, then missing fields, then what is wrong
        # inside its values: a misspelt ``sharing_typo`` is named before the ``sharing`` it
        # leaves missing, as it is the one thing to correct.
        if error.validator == "additionalProperties":
            position.append(-2)
        elif error.validator == "required":
            position.append(-1)
        return position

    return key


def _too_deep(document: object) -> bool:
    """Whether any value nests deeper than ``MAX_DEPTH`` (walked without recursion)."""
    stack: list[tuple[object, int]] = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth > MAX_DEPTH:
                return True
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children)
    return False


def find_problems(document: object) -> list[Problem]:
    """Every problem with a parsed document: schema first, then cross-references."""
    if _too_deep(document):
        # The validator recurses; a hostile nesting must not reach it.
        return [Problem("top level", f"is nested more than {MAX_DEPTH} levels deep, which no meeting is")]
    problems: list[Problem] = []
    # A /1 or /2 file is held to its own schema; anything else to /3's, whose
    # rule on ``format`` names the version this program writes.
    said = document.get("format") if isinstance(document, dict) else None
    version = said if said in OLDER_FORMATS else FORMAT_ID
    for error in sorted(_validator(version).iter_errors(document), key=_document_order(document)):
        problems.extend(_schema_problems(error))
    if isinstance(document, dict):
        problems.extend(cross_reference_problems(document))
    unique = list(dict.fromkeys(problems))
    return unique


def rejection(problems: Sequence[object]) -> ImportRejected:
    """One line naming the first problem and counting the rest; ``problems`` keeps them all."""
    more = len(problems) - 1
    suffix = f" (and {more} more problem{'s' if more != 1 else ''})" if more > 0 else ""
    return ImportRejected(f"The file is not valid: {problems[0]}{suffix}", [str(p) for p in problems])


def validate_document(document: object) -> None:
    """Raise ``ImportRejected`` naming every problem, or return if the document is valid."""
    problems = find_problems(document)
    if problems:
        raise rejection(problems)
