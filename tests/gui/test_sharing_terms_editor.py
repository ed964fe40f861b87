# SPDX-License-Identifier: LicenseRef-Proprietary
"""The sharing-terms control: it round-trips every choice, shows the audience as a badge, and
its list of copies agrees with the sharing rule."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategy_meeting.domain.agency import Agency
from strategy_meeting.domain.sharing import Recipient, may_see
from strategy_meeting.domain.sharing_terms import AudienceScope, SharingTerms
from strategy_meeting.gui.widgets.sharing_badge import CHAIR_COLOUR, audience_badge
from strategy_meeting.gui.widgets.sharing_terms_editor import SharingTermsEditor

CODES = ["CSC", "POLICE", "HEALTH", "EDU", "HOUSING"]
AGENCIES = [Agency(code, f"{code} agency") for code in CODES]

terms_strategy = st.one_of(
    st.builds(SharingTerms.everyone, family=st.booleans()),
    st.just(SharingTerms.chair_only()),
    st.builds(lambda codes, family: SharingTerms(AudienceScope.AGENCIES, frozenset(codes), family),
              st.sets(st.sampled_from(CODES), min_size=1), st.booleans()),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(terms=terms_strategy, owner=st.sampled_from(CODES))
def test_every_choice_round_trips_and_the_preview_follows_the_rule(qtbot, terms, owner):
    editor = SharingTermsEditor()
    qtbot.addWidget(editor)
    editor.setAgencies(AGENCIES)
    editor.setOwnerAgency(owner)
    editor.setTerms(terms)
    assert editor.terms() == terms
    included = [c for c in CODES if may_see(owner, terms, Recipient(c))]
    assert editor.reach_label.text().startswith(f"Copies that include it: {', '.join(included)}")
    assert editor.badges.audience.text() == audience_badge(terms).text
    assert editor._boxes[owner].isChecked() and not editor._boxes[owner].isEnabled()


def test_badge_words_say_the_audience(qtbot):
    editor = SharingTermsEditor()
    qtbot.addWidget(editor)
    editor.setAgencies(AGENCIES)
    editor.setOwnerAgency("POLICE")
    editor.chair_radio.setChecked(True)
    assert editor.badges.audience.text() == "Chair only"
    assert CHAIR_COLOUR in editor.badges.audience.styleSheet()
    assert editor.reach_label.text() == "Copies that include it: POLICE. Withheld from: CSC, HEALTH, EDU, HOUSING."
    editor.named_radio.setChecked(True)
    assert editor.terms() is None and "Tick at least one other agency" in editor.problem()
    editor._boxes["CSC"].setChecked(True)
    editor.family_check.setChecked(True)
    assert editor.terms() == SharingTerms.only("CSC", family=True)
    assert editor.badges.audience.text() == "Only CSC" and editor.badges.family.text() == "Family: yes"
