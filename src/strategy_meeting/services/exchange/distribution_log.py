# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The distribution log in the interchange file (issue 15): ``meeting.distributions``.

Who each copy went to, by which channel and address, when, with what outcome (and the
server's reason for a failure), how it was protected, which attempt it was and who
acknowledged it when. A record moved to another store keeps this evidence; import restores
it as the log of the new store.

Both directions are driven by ``DistributionRecord``'s own fields: every field but the
store's bookkeeping (``id``) and the meeting it belongs to (the file's reference) is written
under its own name. A field added to the record later (issue 14's hand delivery, say) is
written and read with no change here when it is text, a number or true/false; a date-time, an
enumeration or a value whose empty form means something needs one line in ``_CONVERTERS``.
Either way the schema (``resources/schema/meeting.schema.json``, ``$defs/distribution``) must
list it, as it lists every key, and docs/interchange-format.md says what it means.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import MISSING, dataclass, fields
from enum import Enum
from typing import Any

from strategy_meeting.domain.records import DistributionChannel, DistributionOutcome, DistributionRecord

from .codec import datetime_from_json, datetime_to_json

JsonObject = dict[str, Any]

# Not part of the file: the row id is the store's, the meeting is the file's own reference.
_NOT_WRITTEN = frozenset({"id", "meeting_reference"})

# How the copy was protected: "" (not encrypted) must survive the trip, and must not read as
# "not recorded" (None, for entries logged before the log kept it), so it is written "none".
_PROTECTION_OUT = {"": "none"}
_PROTECTION_IN = {v: k for k, v in _PROTECTION_OUT.items()}


@dataclass(frozen=True)
class _Converter:
    to_json: Callable[[Any], Any]
    from_json: Callable[[Any], Any]


def _enum(kind: type[Enum]) -> _Converter:
    return _Converter(lambda v: v.value, kind)


_DATETIME = _Converter(datetime_to_json, datetime_from_json)
_CONVERTERS: dict[str, _Converter] = {
    "channel": _enum(DistributionChannel),
    "outcome": _enum(DistributionOutcome),
    "at": _DATETIME,
    "acknowledged_at": _DATETIME,
    "handed_over_at": _DATETIME,
    "protection": _Converter(lambda v: _PROTECTION_OUT.get(v, v), lambda v: _PROTECTION_IN.get(v, v)),
}


def _written_fields() -> list[Any]:
    return [f for f in fields(DistributionRecord) if f.name not in _NOT_WRITTEN]


def _is_unset(f: Any, value: object) -> bool:
    """Left out of the file: ``None``, and a default empty text (absent means the same)."""
    if value is None:
        return True
    return value == "" and f.default == "" and f.name not in _CONVERTERS


def distribution_to_json(record: DistributionRecord) -> JsonObject:
    """One log entry as the file holds it."""
    out: JsonObject = {}
    for f in _written_fields():
        value = getattr(record, f.name)
        if _is_unset(f, value):
            continue
        converter = _CONVERTERS.get(f.name)
        out[f.name] = converter.to_json(value) if converter else value
    return out


def distributions_to_json(records: Iterable[DistributionRecord]) -> list[JsonObject]:
    """The meeting's whole distribution log, oldest first, as ``meeting.distributions``."""
    return [distribution_to_json(r) for r in records]


def distribution_from_json(reference: str, entry: JsonObject) -> DistributionRecord:
    """One entry of a file the schema has already checked, as a log record of ``reference``."""
    values: dict[str, Any] = {"meeting_reference": reference}
    for f in _written_fields():
        if f.name not in entry:
            continue  # the dataclass default: the schema requires what has none
        converter = _CONVERTERS.get(f.name)
        values[f.name] = converter.from_json(entry[f.name]) if converter else entry[f.name]
    return DistributionRecord(**values)


def distributions_from_json(document: object) -> list[DistributionRecord]:
    """The distribution log of a document ``meeting_from_json`` has checked (none in a /1
    file, nor in a /2 file written before the log travelled)."""
    assert isinstance(document, dict)
    m = document["meeting"]
    return [distribution_from_json(m["reference"], e) for e in m.get("distributions", [])]


def required_fields() -> list[str]:
    """The fields a log entry cannot be without (no default): the schema requires the same."""
    return [f.name for f in _written_fields() if f.default is MISSING and f.default_factory is MISSING]

