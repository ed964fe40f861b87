# SPDX-License-Identifier: LicenseRef-Proprietary
"""Subject access requests on a real store (issue 16): the person found accent-insensitively,
the request's dates, exemptions, and the PDF and JSON export."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from builders import sample_meeting
from strategy_meeting.domain.errors import InvalidInput, NotFound, PermissionDenied
from strategy_meeting.domain.roles import Role, User
from strategy_meeting.domain.subject_access import AmbiguousPerson, ExemptionGround
from strategy_meeting.services import meetings
from strategy_meeting.services.governance import subject_access as sar


@pytest.fixture
def ig() -> User:
    return User("ig", Role.INFORMATION_GOVERNANCE)


@pytest.fixture
def two_meetings(ctx, chair):
    first = sample_meeting("SD-2026-0001", child_name="Zoë Müller")
    first.contributions[0].text = "Bruising seen. Zoë Müller said her mother Jordan Fictional was angry."
    meetings.create(ctx, chair, template=first)
    second = sample_meeting("SD-2026-0002", child_name="Zoë Brontë")
    second.held_at = datetime(2026, 11, 1, 10, tzinfo=UTC)
    meetings.create(ctx, chair, template=second)


def test_the_export_for_one_child_holds_their_items_with_others_redacted(ctx, ig, two_meetings, tmp_path):
    result = sar.export(ctx, ig, "ZOE MULLER", tmp_path / "out")
    assert result.request.received_on == date(2026, 11, 20) and result.request.due_on == date(2026, 12, 20)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["subject-access-1.json", "subject-access-1.pdf"]
    document = json.loads(result.json_path.read_text(encoding="utf-8"))
    keys = [i["key"] for i in document["items"]]
    assert "SD-2026-0001/child/c1" in keys and "SD-2026-0001/contribution/k1" in keys
    assert not any(k.startswith("SD-2026-0002") for k in keys)
    text = json.dumps(document, ensure_ascii=False)
    assert "Jordan Fictional" not in text and "Zoë Brontë" not in text
    assert "Zoë Müller said her mother [redacted: third party] was angry." in text
    assert {"key": "SD-2026-0001/contribution/k1", "ground": "third_party"}.items() <= next(
        s for s in document["schedule"] if s["key"] == "SD-2026-0001/contribution/k1").items()
    reader = PdfReader(result.pdf_path)
    pdf_text = "".join(page.extract_text() for page in reader.pages)
    assert "Zoë Müller" in pdf_text and "Jordan Fictional" not in pdf_text
    assert reader.metadata.title == "Subject access disclosure" and reader.metadata.author == "Strategy Meeting"


def test_a_name_matching_two_people_is_refused_with_the_candidates(ctx, ig, two_meetings, tmp_path):
    with pytest.raises(AmbiguousPerson) as refused:
        sar.export(ctx, ig, "zoe", tmp_path / "out")
    assert "\n" not in str(refused.value) and "Zoë" not in str(refused.value)
    assert [c.split(" (")[0] for c in refused.value.candidates] == ["Zoë Brontë", "Zoë Müller"]
    assert not (tmp_path / "out").exists()


def test_dates_extension_and_exemptions(ctx, ig, two_meetings, tmp_path):
    request = sar.open_request(ctx, ig, "Jordan Fictional", received_on=date(2026, 8, 31))
    assert request.due_on == date(2026, 9, 30)
    with pytest.raises(InvalidInput, match="reason"):
        sar.extend(ctx, ig, request.id, "")
    extended = sar.extend(ctx, ig, request.id, "Complex: two meetings and police material")
    assert extended.due_on == date(2026, 11, 30) and extended.extended
    keys = [i.key for i in sar.items_about(ctx, ig, request.id)]
    assert "SD-2026-0002/household/p1" in keys
    sar.mark_exemption(ctx, ig, request.id, "SD-2026-0001/contribution/k1", ExemptionGround.CRIME_AND_TAXATION,
                       "Police enquiry under way")
    document = json.loads(sar.export(ctx, ig, "jordan fictional", tmp_path).json_path.read_text(encoding="utf-8"))
    assert "SD-2026-0001/contribution/k1" not in [i["key"] for i in document["items"]]
    [entry] = [s for s in document["schedule"] if s["key"] == "SD-2026-0001/contribution/k1"]
    assert (entry["ground"], entry["whole_item_withheld"], entry["reason"]) == (
        "crime_and_taxation", True, "Police enquiry under way")
    assert "Bruising" not in json.dumps(document["schedule"])
    assert document["request"]["due_on"] == "2026-11-30"


def test_only_information_governance_answers_subject_access(ctx, chair, admin, two_meetings, tmp_path):
    for actor in (chair, admin):
        with pytest.raises(PermissionDenied):
            sar.export(ctx, actor, "Zoë Müller", tmp_path)


def test_the_candidates_a_name_matches_and_each_items_disclosure_state(ctx, ig, two_meetings):
    assert [p.name for p in sar.candidates(ctx, ig, "zoe")] == ["Zoë Brontë", "Zoë Müller"]
    assert [p.name for p in sar.candidates(ctx, ig, "ZOE MULLER")] == ["Zoë Müller"]
    with pytest.raises(NotFound):
        sar.candidates(ctx, ig, "Nobody Here")
    assert sar.open_request_about(ctx, ig, "Zoë Müller") is None
    request = sar.open_request(ctx, ig, "Zoë Müller")
    assert sar.open_request_about(ctx, ig, "zoe muller").id == request.id
    states = {i.key: i.state for i in sar.review(ctx, ig, request.id)}
    assert states["SD-2026-0001/child/c1"] == "Disclosed"
    assert states["SD-2026-0001/contribution/k1"] == "Disclosed, 1 mention of other people redacted"
    sar.mark_exemption(ctx, ig, request.id, "SD-2026-0001/contribution/k1", ExemptionGround.SERIOUS_HARM, "Risk")
    states = {i.key: i.state for i in sar.review(ctx, ig, request.id)}
    assert states["SD-2026-0001/contribution/k1"] == "Withheld: Serious harm"


def test_the_candidates_are_for_information_governance_only(ctx, chair, admin, two_meetings):
    for actor in (chair, admin):
        with pytest.raises(PermissionDenied):
            sar.candidates(ctx, actor, "zoe")
