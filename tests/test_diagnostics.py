"""Library warnings never reach the user's terminal: they go to the log in the data folder,
unless --debug or STRATEGY_MEETING_DEBUG=1 asks for them (issue 12).

Each run is a real process started the way the console script starts, with
PYTHONWARNINGS=always, so every warning Python would show is shown unless we route it.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from strategy_meeting import diagnostics

ROOT = Path(__file__).resolve().parents[1]

# A warning raised on purpose while a command module is being imported, after the entry point
# has started: the moment cryptography's DSA notice arrives when pyHanko is imported.
PROBE = r"""
import importlib.abc, sys, warnings
category = {category}
class WarnOnImport(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "strategy_meeting.cli.minutes_commands":
            warnings.warn({text!r}, category)
        return None
sys.meta_path.insert(0, WarnOnImport())
from strategy_meeting.main import run
sys.exit(run(sys.argv[1:]))
"""


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STRATEGY_MEETING")}
    env["PYTHONPATH"] = str(ROOT / "src")
    env["PYTHONWARNINGS"] = "always"
    env.update(extra)
    return env


def _probe(data_dir: Path, *args: str, category: str = "DeprecationWarning",
           text: str = "probe: this API is deprecated", **env: str) -> subprocess.CompletedProcess:
    code = PROBE.format(category=category, text=text)
    return subprocess.run([sys.executable, "-c", code, "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, env=_env(**env),
                          stdin=subprocess.DEVNULL, timeout=120)


@pytest.fixture
def not_a_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "hostname"
    path.write_text("a-computer\n", encoding="utf-8")
    return path


def _log(data_dir: Path) -> str:
    path = diagnostics.log_path(data_dir)
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_an_error_is_one_line_on_stderr_with_a_warning_raised_at_import(tmp_path, not_a_pdf):
    data = tmp_path / "data"
    result = _probe(data, "verify", str(not_a_pdf))
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("strategy-meeting: error: ") and "not a PDF" in result.stderr
    # The warning is not lost: it is in the log, said where it came from.
    log = _log(data)
    assert "DeprecationWarning" in log and "probe: this API is deprecated" in log


def test_debug_shows_the_same_warning_on_stderr(tmp_path, not_a_pdf):
    """The control: the probe really warns, and --debug or the environment variable shows it."""
    for how in (("--debug",), ()):
        data = tmp_path / f"data{len(how)}"
        extra = {} if how else {diagnostics.DEBUG_ENV: "1"}
        result = _probe(data, *how, "verify", str(not_a_pdf), **extra)
        assert result.returncode != 0
        assert "probe: this API is deprecated" in result.stderr
        assert "not a PDF" in result.stderr
        assert _log(data) == ""


def test_the_real_command_prints_one_line_whatever_the_libraries_warn(tmp_path, not_a_pdf):
    """The console script's own start, with today's libraries and every warning on."""
    result = subprocess.run(
        [sys.executable, "-m", "strategy_meeting.main", "--data-dir", str(tmp_path / "d"),
         "verify", str(not_a_pdf)],
        capture_output=True, text=True, env=_env(), stdin=subprocess.DEVNULL, timeout=120)
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_the_log_is_private_and_never_holds_a_warnings_text_about_data(tmp_path, not_a_pdf):
    """A warning of another kind may quote what a library was reading (a name from a form):
    the log keeps its kind and place, not its words."""
    data = tmp_path / "data"
    result = _probe(data, "verify", str(not_a_pdf), category="UserWarning",
                    text="field value 'Zoë Ōkubo' is odd")
    assert result.returncode != 0 and result.stderr.count("\n") == 1, result.stderr
    log = _log(data)
    assert "UserWarning at" in log
    assert "Zoë" not in log and "Ōkubo" not in log
    path = diagnostics.log_path(data)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_log_that_cannot_be_written_stays_quiet(tmp_path, not_a_pdf):
    """A data folder below a file cannot hold a log; the user still sees one line."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    result = _probe(blocker / "data", "verify", str(not_a_pdf))
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1, result.stderr


@pytest.mark.parametrize(("argv", "env", "expected"), [
    (["--debug", "verify", "x"], {}, True),
    (["verify", "x", "--debug"], {}, True),
    (["verify", "--", "--debug"], {}, False),
    (["verify", "x"], {"STRATEGY_MEETING_DEBUG": "1"}, True),
    (["verify", "x"], {"STRATEGY_MEETING_DEBUG": "0"}, False),
    (["verify", "x"], {}, False),
])
def test_debug_is_asked_for_by_flag_or_environment(argv, env, expected):
    assert diagnostics.debug_requested(argv, env) is expected


@pytest.mark.parametrize(("argv", "expected"), [
    (["--data-dir", "/d", "verify"], "/d"),
    (["verify", "--data-dir=/e"], "/e"),
    (["verify", "--", "--data-dir", "/f"], None),
    (["verify"], None),
])
def test_the_data_folder_is_read_before_any_parser(argv, expected):
    assert diagnostics.data_dir_from_argv(argv) == expected
