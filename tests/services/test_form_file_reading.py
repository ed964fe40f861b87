"""One reader for a returned form's file, used by the GUI and the command line alike (issue 18):
every way a chosen file cannot be a form is named, before anything else is read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from strategy_meeting.domain.errors import ImportRejected
from strategy_meeting.services.contribution_form_reading import MAX_FORM_BYTES, read_form_file

SRC = Path(__file__).resolve().parents[2] / "src" / "strategy_meeting"


def test_a_pdf_is_read_whole(tmp_path):
    form = tmp_path / "returned.pdf"
    form.write_bytes(b"%PDF-1.7\n" + b"x" * 100)
    assert read_form_file(form) == form.read_bytes()


@pytest.mark.parametrize(("make", "words"), [
    (lambda d: d / "missing.pdf", "does not exist"),
    (lambda d: d, "is a folder, not a form"),
    (lambda d: (d / "notes.txt").write_text("hello") and d / "notes.txt", "notes.txt is not a PDF"),
])
def test_what_cannot_be_a_form_is_named(tmp_path, make, words):
    with pytest.raises(ImportRejected, match=re.escape(words)):
        read_form_file(make(tmp_path))


def test_a_file_larger_than_any_form_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.pdf"
    with big.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(MAX_FORM_BYTES + 1)  # sparse: no disk is used
    with pytest.raises(ImportRejected, match="larger than any contribution form"):
        read_form_file(big)


def test_the_gui_and_the_command_line_share_this_reader():
    """No second copy of the limit or of the reading, as there was in both front ends."""
    defining = [str(p.relative_to(SRC)) for p in SRC.rglob("*.py")
                if re.search(r"^MAX_FORM_BYTES\s*=", p.read_text(encoding="utf-8"), re.M)]
    assert defining == ["services/contribution_form_reading.py"]
    for front in ("cli/forms_commands.py", "gui/windows/workspace_forms.py"):
        assert "read_form_file(" in (SRC / front).read_text(encoding="utf-8")
