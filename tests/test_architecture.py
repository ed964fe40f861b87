# SPDX-License-Identifier: LicenseRef-Proprietary
"""The layer rule holds (import-linter), and the core runs with Qt absent."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=ROOT, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower().replace("0 broken", "")


def test_core_and_cli_import_with_qt_blocked():
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'PySide6' or name.startswith('PySide6.'):\n"
        "            raise ImportError('Qt blocked')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import strategy_meeting.domain.sharing, strategy_meeting.store, strategy_meeting.services.meetings\n"
        "import strategy_meeting.cli\n"
        "from strategy_meeting import cli\n"
        "assert cli.wants_gui(['init', '--user', 'x']) is False\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def _run_in_a_fresh_python(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` in a new interpreter with only the source tree on its path, so what it imports
    is what the code imports; fails the test if it does not exit 0."""
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin",
                                 "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    return result


def test_app_window_and_services_load_without_the_database_layer():
    """Start-up shows the window before SQLAlchemy, alembic or the PDF libraries load (they
    cost more than Qt's own start): importing the GUI's start path and the services must not
    pull them in. The names load when a store is opened or a PDF is made."""
    code = (
        "import sys\n"
        "import strategy_meeting.gui.app, strategy_meeting.gui.controller\n"
        "import strategy_meeting.services.meetings, strategy_meeting.services.session\n"
        "import strategy_meeting.store.list_reader, strategy_meeting.store.remembered\n"
        "import strategy_meeting.services.quick_start\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'sqlalchemy', 'alembic', 'reportlab', 'pyhanko', 'pypdf', 'keyring', 'cryptography', 'argon2'})\n"
        "print(heavy)\n"
        "import strategy_meeting.store as store\n"
        "store.Store\n"
        "print('sqlalchemy' in sys.modules)\n"
    )
    result = _run_in_a_fresh_python(code)
    assert result.stdout.split() == ["[]", "True"]


def test_the_first_screen_loads_only_what_it_shows():
    """The start path (app, controller, main window, meetings list) does not import the
    dashboard and actions tracker (built once the list has painted: main_window._build_panels)
    nor the record model and meetings service (the list's names live in domain/listing.py)."""
    code = (
        "import sys\n"
        "import strategy_meeting.gui.app, strategy_meeting.gui.controller\n"
        "print(sorted(m for m in sys.modules if m.endswith(('.dashboard', '.actions_tracker', "
        "'domain.meeting', 'services.meetings'))))\n"
    )
    result = _run_in_a_fresh_python(code)
    assert result.stdout.split() == ["[]"]
