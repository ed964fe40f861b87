# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""An import refuses a key the format does not have, at every level, naming its path, and
writes nothing: a misspelt ``sharing_typo`` used to be dropped without a word, and the
sharing terms the user meant lost with it."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strategy_meeting.domain.errors import ImportRejected
from strategy_meeting.domain.roles import User
from strategy_meeting.services import exchange
from strategy_meeting.services.context import ServiceContext
from strategy_meeting.services.exchange_validation import find_problems, published_schema, validate_document
from strategy_meeting.services.interchange_references import json_path

EXAMPLE = Path(__file__).parents[1] / "data" / "sd-example.json"
UNKNOWN = "is not part of this format: remove it, or correct its name"


def example() -> dict[str, Any]:
    """The published example, with a dissent added so that every kind of object is in it."""
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["meeting"]["decisions"][0]["dissent"] = [{"agency": "HEALTH", "view": "Would wait."}]
    return document


def _object_paths(value: object, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    if isinstance(value, dict):
        yield path
        for key, child in value.items():
            yield from _object_paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _object_paths(child, (*path, index))


def _schema_keys(node: object) -> set[str]:
    keys: set[str] = set()
    if isinstance(node, dict):
        keys.update(node.get("properties", {}) if isinstance(node.get("properties"), dict) else {})
        for child in node.values():
            keys |= _schema_keys(child)
    elif isinstance(node, list):
        for child in node:
            keys |= _schema_keys(child)
    return keys


OBJECT_PATHS = list(_object_paths(example()))
KNOWN_KEYS = _schema_keys(published_schema())
values = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20),
                   st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2))


def with_key(path: tuple[str | int, ...], key: str, value: object) -> dict[str, Any]:
    document = example()
    target: Any = document
    for part in path:
        target = target[part]
    target[key] = value
    return document


def refused(document: object) -> ImportRejected:
    with pytest.raises(ImportRejected) as caught:
        validate_document(document)
    assert "\n" not in str(caught.value)
    return caught.value


def test_the_example_reaches_every_kind_of_object() -> None:
    """The property below is only as good as the places it can put a key."""
    shapes = {tuple("*" if isinstance(p, int) else p for p in path) for path in OBJECT_PATHS}
    assert len(shapes) == 17
    assert ("meeting", "contributions", "*", "sharing") in shapes
    assert ("meeting", "decisions", "*", "dissent", "*") in shapes
    assert find_problems(example()) == []  # control: as it is, it is valid


def test_a_misspelt_key_deep_in_the_file_is_refused_by_its_path() -> None:
    document = example()
    contribution = document["meeting"]["contributions"][3]
    contribution["sharing_typo"] = contribution.pop("sharing")
    error = refused(document)
    # The typo is named first: it is what to correct, and the missing 'sharing' follows from it.
    assert str(error) == (f"The file is not valid: meeting.contributions[3].sharing_typo: {UNKNOWN} "
                          "(and 1 more problem)")
    assert error.problems[1] == "meeting.contributions[3]: the required field 'sharing' is missing"


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(OBJECT_PATHS),
       st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,30}", fullmatch=True).filter(lambda k: k not in KNOWN_KEYS),
       values)
def test_any_unknown_key_at_any_level_is_refused_naming_its_path(path, key: str, value: object) -> None:
    error = refused(with_key(path, key, value))
    where = json_path([*path, key])
    assert error.problems == [f"{where}: {UNKNOWN}"]
    assert str(error) == f"The file is not valid: {where}: {UNKNOWN}"


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(OBJECT_PATHS), st.text(min_size=1, max_size=40).filter(lambda k: k not in KNOWN_KEYS))
def test_a_key_that_is_not_a_plain_name_is_refused_without_being_quoted(path, key: str) -> None:
    error = refused(with_key(path, key, "x"))
    where = json_path([*path, key])
    assert str(error) == f"The file is not valid: {where}: {UNKNOWN}"
    # Anything but a plain name shows as [?]: a key can hold anything, record text included.
    plain = re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,63}", key)
    # A top-level key is the path itself; deeper ones follow a dot.
    assert where.endswith((f".{key}" if path else key) if plain else "[?]")


def test_an_import_with_an_unknown_key_writes_nothing(ctx: ServiceContext, chair: User, tmp_path: Path) -> None:
    document = copy.deepcopy(example())
    document["meeting"]["actions"][0]["sharing"]["famly"] = True
    source = tmp_path / "typo.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    with ctx.unit_of_work() as uow:
        before = (sorted(uow.meetings.references()), uow.audit.head())
    with pytest.raises(ImportRejected, match=r"meeting\.actions\[0\]\.sharing\.famly: is not part"):
        exchange.import_meeting(ctx, chair, source)
    with ctx.unit_of_work() as uow:
        assert (sorted(uow.meetings.references()), uow.audit.head()) == before
    del document["meeting"]["actions"][0]["sharing"]["famly"]
    source.write_text(json.dumps(document), encoding="utf-8")
    assert exchange.import_meeting(ctx, chair, source).reference == "SD-2026-0001"  # control
