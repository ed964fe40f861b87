# SPDX-License-Identifier: LicenseRef-Proprietary
"""The sharing-terms control: it starts with no audience, round-trips every choice (audience,
family, categories, caveat, lawful basis, police agreement), and its "Seen by" line and badges
say exactly what ``domain.sharing.seen_by`` says."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategy_meeting.domain.agency import Agency
from strategy_meeting.domain.lawful_basis import CONDITIONS, LawfulBasis, Regime
from strategy_meeting.domain.sharing import Recipient, may_see, seen_by
from strategy_meeting.domain.sharing_terms import AudienceScope, RestrictionCategory, SharingTerms
from strategy_meeting.domain.police_agreement import agreement_text, parse_agreement
from strategy_meeting.gui.widgets.sharing_badge import CHAIR_COLOUR, audience_badge, family_badge
from strategy_meeting.gui.widgets.sharing_terms_editor import SharingTermsEditor

CODES = ["CSC", "POLICE", "HEALTH", "EDU", "HOUSING"]
AGENCIES = [Agency(code, f"{code} agency") for code in CODES]

bases = st.one_of(
    st.none(),
    st.builds(lambda note: LawfulBasis(Regime.UNSPECIFIED, "", note), st.sampled_from(["Children Act 1989 s.47"])),
    st.sampled_from([LawfulBasis(r, c, n) for r in (Regime.UK_GDPR, Regime.LAW_ENFORCEMENT)
                     for c in (*CONDITIONS[r], "") for n in ("", "see the ISA")]),
)
terms_strategy = st.builds(
    lambda scope, codes, family, categories, caveat, basis, agreed: SharingTerms(
        scope, frozenset(codes) if scope is AudienceScope.AGENCIES else frozenset(), family,
        categories=frozenset(categories), caveat=caveat, lawful_basis=basis,
        police_agreement=agreed if RestrictionCategory.POLICE_SENSITIVE in categories else ""),
    st.sampled_from([AudienceScope.ALL, AudienceScope.AGENCIES, AudienceScope.CHAIR]),
    st.sets(st.sampled_from(CODES), min_size=1), st.booleans(),
    st.sets(st.sampled_from(list(RestrictionCategory))), st.sampled_from(["", "Not to be discussed with the father"]),
    bases, st.sampled_from(["", "DI Sam Example on 5 December 2026"]),
)


def editor_for(qtbot, owner: str | None) -> SharingTermsEditor:
    editor = SharingTermsEditor()
    qtbot.addWidget(editor)
    editor.setAgencies(AGENCIES)
    editor.setOwnerAgency(owner)
    return editor


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(terms=terms_strategy, owner=st.sampled_from([*CODES, None]))
def test_every_choice_round_trips_and_the_line_is_seen_by(qtbot, terms, owner):
    editor = editor_for(qtbot, owner)
    editor.setTerms(terms)
    assert editor.terms() == terms
    assert editor.seen_by_label.text().startswith(seen_by(owner, terms, CODES))
    withheld = [c for c in CODES if not may_see(owner, terms, Recipient(c))]
    if withheld:
        assert editor.seen_by_label.text().endswith(f"Not in the copies for {', '.join(withheld)}.")
    if owner is not None:
        assert editor._boxes[owner].isChecked() and not editor._boxes[owner].isEnabled()


def test_a_new_editor_has_no_audience_and_says_so(qtbot):
    editor = editor_for(qtbot, "POLICE")
    assert editor.scope() is AudienceScope.UNDECIDED
    assert not any(r.isChecked() for r in (editor.all_radio, editor.named_radio, editor.chair_radio))
    assert editor.terms() == SharingTerms.undecided()
    assert editor.seen_by_label.text() == "Seen by: nobody yet (no audience chosen)"
    assert "Choose who may see it" in editor.problem()
    editor.all_radio.setChecked(True)
    assert editor.problem() == ""
    assert editor.seen_by_label.text().startswith("Seen by: the chair's record, POLICE (who gave it), CSC")


def test_the_line_follows_every_change(qtbot):
    editor = editor_for(qtbot, "POLICE")
    lines: list[str] = []
    editor.termsChanged.connect(lambda _t: lines.append(editor.seen_by_label.text()))
    editor.named_radio.setChecked(True)
    assert editor.terms() is None and "Tick at least one other agency" in editor.problem()
    editor._boxes["CSC"].setChecked(True)
    assert editor.seen_by_label.text() == (
        "Seen by: the chair's record, POLICE (who gave it) and CSC. "
        "Not in the copies for HEALTH, EDU, HOUSING.")
    editor.restrictions.boxes[RestrictionCategory.POLICE_SENSITIVE].setChecked(True)
    # Police-sensitive without the police's agreement: no other agency yet.
    assert editor.seen_by_label.text().startswith("Seen by: the chair's record and POLICE (who gave it).")
    assert editor.restrictions.agreement_row.isVisibleTo(editor)
    editor.restrictions.agreed_by_edit.setText("DI Sam Example")
    assert "Give the date the police agreed" in editor.problem()
    editor.restrictions.agreed_on_edit.setValue(date(2026, 12, 5))
    assert editor.problem() == ""
    assert editor.terms().police_agreement == "DI Sam Example on 5 December 2026"
    assert editor.seen_by_label.text().startswith("Seen by: the chair's record, POLICE (who gave it) and CSC")
    assert len(lines) >= 5 and len(set(lines)) >= 3


def test_categories_explain_what_they_do(qtbot):
    editor = editor_for(qtbot, "HEALTH")
    for category, box in editor.restrictions.boxes.items():
        assert box.accessibleDescription() and box.toolTip()
        box.setChecked(True)
        assert box.text() in editor.restrictions.effect_label.text()
        box.setChecked(False)
    assert editor.restrictions.effect_label.text() == "No restriction category: the audience alone decides."
    editor.all_radio.setChecked(True)
    editor.family_check.setChecked(True)
    editor.restrictions.boxes[RestrictionCategory.HEALTH_CONFIDENTIAL].setChecked(True)
    # Named agencies only: "all agencies" reaches nobody but the giving agency, nor the family.
    assert editor.seen_by_label.text().startswith("Seen by: the chair's record and HEALTH (who gave it).")


def test_the_lawful_basis_offers_the_domain_conditions(qtbot):
    editor = editor_for(qtbot, "CSC")
    basis = editor.lawful_basis
    assert not basis.condition_combo.isEnabled()
    basis.regime_combo.setCurrentIndex(basis.regime_combo.findData(Regime.LAW_ENFORCEMENT.value))
    offered = [basis.condition_combo.itemText(n) for n in range(basis.condition_combo.count())]
    assert offered[:-1] == list(CONDITIONS[Regime.LAW_ENFORCEMENT]) and offered[-1].startswith("Other")
    basis.condition_combo.setCurrentIndex(1)
    basis.note_edit.setText("see the ISA")
    assert basis.value() == LawfulBasis(Regime.LAW_ENFORCEMENT, CONDITIONS[Regime.LAW_ENFORCEMENT][1], "see the ISA")


def test_agreement_text_round_trips():
    assert parse_agreement(agreement_text("DS Riley Test", date(2027, 1, 31))) == ("DS Riley Test", date(2027, 1, 31))
    assert parse_agreement("agreed by phone") == ("agreed by phone", None)


def test_badges_say_who_receives_it(qtbot):
    police_with_csc = SharingTerms.only("CSC")
    badge = audience_badge(police_with_csc, "POLICE", CODES)
    assert badge.text == "POLICE, CSC"  # not "Only CSC": the police gave it
    assert badge.explanation == seen_by("POLICE", police_with_csc, CODES)
    assert audience_badge(SharingTerms.everyone(), "POLICE", CODES).text == "All agencies"
    chair = audience_badge(SharingTerms.chair_only(), "POLICE", CODES)
    assert chair.text == "Chair and POLICE" and chair.colour == CHAIR_COLOUR
    assert audience_badge(SharingTerms.chair_only(), None, CODES).text == "Chair's record only"
    assert audience_badge(SharingTerms.undecided(), "POLICE", CODES).text == "No audience yet"
    restricted = SharingTerms(AudienceScope.ALL, family=True, categories=frozenset({RestrictionCategory.THIRD_PARTY}))
    assert family_badge(restricted, "CSC").text == "Family: no"
    assert family_badge(SharingTerms.everyone(family=True), "CSC").text == "Family: yes"


def test_a_returned_forms_terms_are_worded_by_seen_by():
    """The confirmation before importing a form says who will see its items in the one wording;
    a form that chose nothing says nobody yet."""
    from strategy_meeting.gui.windows.workspace_forms import describe_import
    from strategy_meeting.services.forms.reading import FormImport

    chosen = FormImport("SD-1", "POLICE", "DS Riley Test", SharingTerms.only("CSC"), [])
    assert "Sharing: Seen by: the chair's record, POLICE (who gave it) and CSC" in describe_import(
        chosen, "Police", CODES)
    undecided = FormImport("SD-1", "POLICE", "", SharingTerms.undecided(), [])
    assert "Sharing: Seen by: nobody yet (no audience chosen)" in describe_import(undecided, "Police", CODES)


def test_editing_an_item_with_no_audience_shows_none_chosen(qtbot):
    """A returned form's item that came without a choice opens with no audience ticked."""
    editor = editor_for(qtbot, "POLICE")
    editor.setTerms(SharingTerms.everyone())
    editor.setTerms(SharingTerms.undecided())
    assert not any(r.isChecked() for r in (editor.all_radio, editor.named_radio, editor.chair_radio))
    assert editor.problem()
