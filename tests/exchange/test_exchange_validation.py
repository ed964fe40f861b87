# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""An interchange file is checked completely, and every problem is named by its JSON path."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from strategy_meeting.domain.errors import ImportRejected, InvalidInput
from strategy_meeting.services.exchange.validation import (
    MAX_FILE_BYTES,
    find_problems,
    published_schema,
    read_interchange_file,
    validate_document,
)

EXAMPLE = Path(__file__).parents[1] / "data" / "sd-example.json"
CANARY = "Robin Fictional-Canary"


def example() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def example_v3() -> dict:
    """The example as this version writes it (strategy-meeting/3)."""
    from strategy_meeting.services.exchange.codec import meeting_from_json, meeting_to_json

    return json.loads(json.dumps(meeting_to_json(meeting_from_json(example()))))


def rejection(document: object) -> ImportRejected:
    with pytest.raises(ImportRejected) as caught:
        validate_document(document)
    error = caught.value
    assert "\n" not in str(error)
    assert str(error).startswith("The file is not valid: ")
    return error


def test_the_published_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(published_schema())


def test_the_published_example_is_valid() -> None:
    assert find_problems(example()) == []


def test_an_unlisted_agency_gets_the_message_the_chair_needs() -> None:
    doc = example()
    doc["meeting"]["contributions"][2]["agency"] = "XYZ"
    error = rejection(doc)
    assert str(error) == (
        "The file is not valid: meeting.contributions[2].agency: 'XYZ' is not one of the listed "
        "agencies (add it to meeting.agencies or correct the code)"
    )
    assert error.problems == [str(error).removeprefix("The file is not valid: ")]
    assert isinstance(error, InvalidInput)


def _set(path: str, value: object) -> Callable[[dict], None]:
    def apply(doc: dict) -> None:
        target = doc["meeting"]
        *parents, last = path.split(".")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value

    return apply


@pytest.mark.parametrize(
    "where",
    [
        "chair.agency",
        "minute_taker.agency",
        "referral.source_agency",
        "participants.1.agency",
        "contributions.0.agency",
        "actions.2.owner_agency",
        "decisions.0.dissent",
        "contributions.1.sharing.audience",
        "actions.1.sharing.audience",
    ],
)
def test_every_place_that_names_an_agency_must_name_a_listed_one(where: str) -> None:
    doc = example()
    if where.endswith("dissent"):
        _set(where, [{"agency": "PROBATION", "view": "Disagrees."}])(doc)
        expected = "meeting.decisions[0].dissent[0].agency"
    elif where.endswith("audience"):
        _set(where, ["CSC", "PROBATION"])(doc)
        expected = "meeting." + where.replace(".1.", "[1].") + "[1]"
    else:
        _set(where, "PROBATION")(doc)
        parts = where.split(".")
        expected = "meeting." + ".".join(f"[{p}]" if p.isdigit() else p for p in parts).replace(".[", "[")
    error = rejection(doc)
    assert error.problems == [
        f"{expected}: 'PROBATION' is not one of the listed agencies "
        "(add it to meeting.agencies or correct the code)"
    ]


def test_an_agency_listed_twice_is_refused() -> None:
    doc = example()
    doc["meeting"]["agencies"].append({"code": "POLICE", "name": "Another police team"})
    assert rejection(doc).problems == [
        "meeting.agencies[4].code: the agency 'POLICE' is listed twice (also at meeting.agencies[1]): keep one"
    ]


def test_ids_must_be_unique_across_every_kind_of_item() -> None:
    doc = example()
    doc["meeting"]["actions"][0]["id"] = "c1"  # the child's id
    doc["meeting"]["household"][1]["id"] = "d2"  # a decision's id, used later in the file
    doc["meeting"]["participants"][0]["id"] = "p1"  # a participant id (written by this program)
    assert rejection(doc).problems == [
        "meeting.participants[0].id: the id 'p1' is already used by meeting.household[0] "
        "(ids must be unique within the file)",
        "meeting.decisions[1].id: the id 'd2' is already used by meeting.household[1] "
        "(ids must be unique within the file)",
        "meeting.actions[0].id: the id 'c1' is already used by meeting.children[0] "
        "(ids must be unique within the file)",
    ]


def test_relied_on_must_name_contributions_of_the_file() -> None:
    doc = example()
    doc["meeting"]["decisions"][1]["relied_on"] = ["k1", "k99", "a1"]
    assert rejection(doc).problems == [
        "meeting.decisions[1].relied_on[1]: 'k99' names no contribution in this file",
        "meeting.decisions[1].relied_on[2]: 'a1' is meeting.actions[0], not a contribution "
        "(a decision relies only on contributions)",
    ]


def test_every_problem_is_listed_and_the_message_counts_the_rest() -> None:
    doc = example_v3()
    doc["format"] = "strategy-meeting/4"
    del doc["meeting"]["children"][0]["name"]
    doc["meeting"]["actions"][1]["due"] = "2026-02-30"
    doc["meeting"]["decisions"][0]["relied_on"].append("k9")
    error = rejection(doc)
    assert error.problems == [
        "format: must be 'strategy-meeting/3' (or 'strategy-meeting/2' or 'strategy-meeting/1'): this is not a "
        "Strategy Meeting interchange file this version reads",
        "meeting.children[0]: the required field 'name' is missing",
        "meeting.actions[1].due: must be a date written like 2026-11-20",
        "meeting.decisions[0].relied_on[3]: 'k9' names no contribution in this file",
    ]
    assert str(error).endswith("(and 3 more problems)")


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (_set("held_at", "2026-11-20T10:00:00"), "meeting.held_at: must be a date and time with its offset"),
        (_set("held_at", "2026-11-20 10:00:00+00:00"), "meeting.held_at: must be a date and time"),
        (_set("held_at", "2026-13-01T10:00:00Z"), "meeting.held_at: must be a date and time"),
        (_set("next_steps.icpc_by", "11/12/2026"), "meeting.next_steps.icpc_by: must be a date"),
        (_set("reference", "SD-2026-0001\n"), "meeting.reference: this value must be a meeting reference"),
        (_set("agencies.0.code", "csc"), "meeting.agencies[0].code: 'csc' must be an agency code"),
        (_set("contributions.0.id", "k 1"), "meeting.contributions[0].id: this value must be an id"),
        (_set("children.0.nhs_number", "999 000 0001"), "meeting.children[0].nhs_number: this value must"),
        (_set("location", "Room\x001"), "meeting.location: holds a control character or invalid Unicode"),
        (_set("location", "Room \ud800"), "meeting.location: holds a control character or invalid Unicode"),
        (_set("participants.0.decision_authority", "yes"), "must be true or false, not a text"),
        (_set("decisions.0.rationale", ""), "meeting.decisions[0].rationale: must not be empty"),
        (_set("children", []), "meeting.children: needs at least 1 item"),
        (_set("contributions.0.sharing.audience", "everyone"), "must be 'all', 'chair' or a list of agency codes"),
        (_set("contributions.0.sharing.audience", []), "meeting.contributions[0].sharing.audience: needs at least 1"),
        (_set("contributions.0.sharing.audience", ["CSC", "CSC"]), "lists the same value more than once"),
        (_set("location", "x" * 501), "meeting.location: is too long (501 characters; at most 500)"),
        (_set("participants.0.id", "p 1"), "meeting.participants[0].id: this value must be an id"),
        (_set("contributions.0.recorded_at", "2026-11-20T10:00"), "meeting.contributions[0].recorded_at: must be"),
        (_set("kind", "first"), "meeting.kind: 'first' is not one of: initial, reconvened"),
        # The directory refuses these addresses; an import must not bring them in by the back door.
        (_set("agencies.0.email", "not an address"), "meeting.agencies[0].email: is not an e-mail address"),
        (_set("agencies.0.email", "csc@example.org\r\nBcc: x@example.org"), "meeting.agencies[0].email: is not"),
        (_set("agencies.0.email", "csc@localhost"), "meeting.agencies[0].email: is not an e-mail address"),
    ],
)
def test_schema_problems_are_named_by_path_in_plain_words(change: Callable[[dict], None], problem: str) -> None:
    doc = example()
    change(doc)
    error = rejection(doc)
    assert any(p.startswith(problem) or problem in p for p in error.problems), error.problems


@pytest.mark.parametrize("email", ["", "  ", "dsl@example.org", " dsl@school.example.sch.uk "])
def test_an_agency_with_no_or_a_plausible_address_is_valid(email: str) -> None:
    doc = example()
    doc["meeting"]["agencies"][3]["email"] = email
    validate_document(doc)


def test_unknown_fields_at_the_top_are_refused_and_a_missing_meeting_is_named() -> None:
    error = rejection({"format": "strategy-meeting/1", "extra": 1})
    assert sorted(error.problems) == [
        "extra: is not part of this format: remove it, or correct its name",
        "top level: the required field 'meeting' is missing",
    ]


def test_messages_never_quote_free_text_from_the_file() -> None:
    doc = example()
    doc["meeting"]["kind"] = CANARY
    doc["meeting"]["contributions"][0]["agency"] = CANARY
    doc["meeting"]["location"] = CANARY * 40
    doc["meeting"]["decisions"][0]["relied_on"] = [CANARY]
    error = rejection(doc)
    assert len(error.problems) == 4
    assert CANARY not in str(error) and not any(CANARY in p for p in error.problems)


def test_a_document_nested_absurdly_deep_is_refused_before_the_validator_recurses() -> None:
    doc = example()
    deep: list = []
    for _ in range(5000):
        deep = [deep]
    doc["meeting"]["contributions"][0]["sharing"]["audience"] = [deep, deep]
    assert rejection(doc).problems == ["top level: is nested more than 32 levels deep, which no meeting is"]


# --- reading the file ----------------------------------------------------------------------


def _read_error(path: Path) -> str:
    with pytest.raises(ImportRejected) as caught:
        read_interchange_file(path)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    assert _read_error(tmp_path / "nope.json") == "'nope.json' does not exist: check the file name and folder."


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    (tmp_path / "dir.json").mkdir()
    assert "is a folder, not a file" in _read_error(tmp_path / "dir.json")


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert "is not a regular file" in _read_error(fifo)


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as handle:  # sparse: costs no disk
        handle.truncate(MAX_FILE_BYTES + 1)
    assert "is too large (50 MB; a meeting file is at most 50 MB)" in _read_error(big)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "The file is empty"),
        (b"  \n", "The file is empty"),
        ("{}".encode("utf-16"), "The file is UTF-16 text"),
        (b'{"format": "strategy-meeting/1", "x": "caf\xe9"}', "is not UTF-8 text (byte 42 cannot be read)"),
        (b'{"format": ', "is not valid JSON (line 1, column 12: Expecting value)"),
        (b"[1, 2]", "holds JSON but not an object (a list)"),
        (b'"text"', "holds JSON but not an object (a text)"),
        (b'{"a": NaN}', "it holds NaN, which JSON does not allow"),
        (b'{"a": -Infinity}', "it holds -Infinity"),
        (b'{"format": 1, "format": 2}', "the field 'format' appears twice in one object"),
        (b'{"n": ' + b"9" * 5000 + b"}", "holds a number too long to read"),
        (b"[" * 100000 + b"]" * 100000, "nested too deeply"),
    ],
)
def test_unreadable_content_gets_a_clear_message(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "in.json"
    path.write_bytes(content)
    assert words in _read_error(path)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    assert read_interchange_file(path) == example()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_says_so(tmp_path: Path) -> None:
    path = tmp_path / "locked.json"
    path.write_bytes(EXAMPLE.read_bytes())
    path.chmod(0)
    assert "cannot be read (permission denied)" in _read_error(path)


# -- strategy-meeting/3 (issue 14) ---------------------------------------------------------------

def test_an_unknown_restriction_category_is_refused_by_name_with_the_known_ones() -> None:
    doc = example_v3()
    doc["meeting"]["contributions"][1]["sharing"]["categories"] = ["police_sensitive", "top_secret"]
    assert rejection(doc).problems == [
        "meeting.contributions[1].sharing.categories[1]: 'top_secret' is not a restriction category this "
        "version knows: use one of not_for_family, police_sensitive, third_party, health_confidential, "
        "confidential_address, mappa_marac"]


def test_v3_needs_terms_on_decisions_and_addenda_and_keeps_the_basis_in_the_terms() -> None:
    doc = example_v3()
    assert all("sharing" in d for d in doc["meeting"]["decisions"])
    del doc["meeting"]["decisions"][0]["sharing"]
    doc["meeting"]["contributions"][0]["lawful_basis"] = "UK GDPR"
    assert rejection(doc).problems == [
        "meeting.contributions[0].lawful_basis: is not part of this format: remove it, or correct its name",
        "meeting.decisions[0]: the required field 'sharing' is missing",
    ]


def test_undecided_is_an_audience_of_v3_only() -> None:
    doc = example_v3()
    doc["meeting"]["actions"][0]["sharing"]["audience"] = "undecided"
    validate_document(doc)
    old = example()
    old["meeting"]["actions"][0]["sharing"]["audience"] = "undecided"
    assert rejection(old).problems == ["meeting.actions[0].sharing.audience: must be 'all', 'chair' or a list of "
                                       "agency codes"]
