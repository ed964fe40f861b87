# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Start-up benchmark (issue 4): process start to the unlocked main window showing a store
of 100,000 meetings, beside a bare PySide6 window on the same machine. Target: <= 1.5x.

    QT_QPA_PLATFORM=offscreen python bench/startup.py [--dir DIR] [--runs 5] [--meetings 100000]
                                                      [--instructions]

Each figure is the median of ``--runs`` fresh processes (offscreen Qt), timed from just before
the parent starts the process to the moment the child's window has painted. Three children:

* bare:     import PySide6, a QMainWindow with one label, shown and painted;
* keyring:  ``strategy_meeting.main.run`` (what the console script runs), on a computer that
            remembers the store and whose last start found it so (the data folder's hint, which
            makes the keyring lookup begin before the window is built): the keyring slot hands
            the raw key over (the OS keyring cannot run here, so a stand-in function returns the
            stored entry: the one fake in this benchmark), no passphrase typed;
* passphrase: the app's unlock screen, the passphrase entered at once (no human delay),
            Argon2id run, then the list. The key derivation's own time is printed beside it.

"Showing" means the meetings list has its rows (a row count of 100,000 and the first page of
rows) and its viewport has painted. On the keyring path that first screen is the start-up
preview (services/quick_start.py: read through sqlcipher3 alone, read only); the full store
layer (SQLAlchemy) loads after it, and the time until the record is usable (``ready``: every
action on, all 100,000 ids listed) is printed beside it. The store is built once with
``bench/store.py``'s bulk builder. A further figure, Python importing the full store layer
with no Qt at all, shows what the preview saves; another, the floor, is a minimal PySide6
window with a Python table model over the same first page (read on the GUI thread, none of the
app's code): what any PySide6 app showing this list pays before its own work. The last line gives the GUI thread's own
CPU time to the first screen, bare and app: wall-clock times on a shared machine move with
its load, this ratio much less. ``--instructions`` also counts, under valgrind's callgrind,
the instructions each start executes up to its first screen (all threads): a figure that does
not move with the machine at all, though it cannot show what runs in parallel.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "benchmark passphrase"  # bench/store.py's

BARE_CHILD = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class Painted(QObject):
    done = False
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            Painted.done = True
        return False

app = QApplication(["bare"])
window = QMainWindow()
label = QLabel("Strategy Meeting")
window.setCentralWidget(label)
window.resize(1280, 800)
watch = Painted()
label.installEventFilter(watch)
window.show()
while not Painted.done:
    app.processEvents()
print('{"shown": %r, "cpu": %r}' % (time.time(), time.thread_time()), flush=True)
if "--exit-when-shown" in sys.argv:
    import os; os._exit(0)
"""

FLOOR_CHILD = r"""
# What any PySide6 app showing this list pays, with none of the app's code: a table model in
# Python (which makes PySide build the Qt namespace's enums), the first page and the count read
# through sqlcipher3 with the raw key on the GUI thread, one window, painted.
import json, sys, time
from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QWidget
import sqlcipher3

class Painted(QObject):
    done = False
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            Painted.done = True
        return False

class Model(QAbstractTableModel):
    def __init__(self, total, rows):
        super().__init__()
        self.total, self.rows = total, rows
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else self.total
    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 6
    def data(self, index, role=0):
        if role == 0 and index.row() < len(self.rows):
            return str(self.rows[index.row()][index.column()])
        return None
    def headerData(self, section, orientation, role=0):
        if role == 0 and orientation == Qt.Orientation.Horizontal:
            return ("Reference", "Held", "Children", "Chair", "Status", "Open actions")[section]
        return None

app = QApplication(["floor"])
conn = sqlcipher3.connect(sys.argv[1])
conn.execute("PRAGMA key = \"x'%s'\"" % json.loads(sys.argv[2])["key"])
total = conn.execute("SELECT count(*) FROM meetings").fetchone()[0]
rows = conn.execute("SELECT reference, held_at, child_names, chair_name, status, kind FROM meetings "
                    "ORDER BY held_at DESC, id DESC LIMIT 100").fetchall()
window = QMainWindow()
view = QTableView()
view.setViewport(QWidget())
view.setModel(Model(total, rows))
window.setCentralWidget(view)
window.resize(1280, 800)
watch = Painted()
view.viewport().installEventFilter(watch)
window.show()
while not Painted.done:
    app.processEvents()
print('{"shown": %r, "cpu": %r}' % (time.time(), time.thread_time()), flush=True)
if "--exit-when-shown" in sys.argv:
    import os; os._exit(0)
"""

IMPORT_CHILD = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
import strategy_meeting.store.database  # the full store layer: SQLAlchemy, SQLCipher, Argon2, cryptography
print('{"shown": %r}' % time.time(), flush=True)
"""

APP_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
mode, data_dir, passphrase = sys.argv[2], sys.argv[3], sys.argv[4]
marks = {}
import importlib.abc, importlib.machinery

class AfterImport(importlib.abc.MetaPathFinder):
    # Calls patch(module) once the app itself has imported the module: importing the
    # controller here, before the app does, would change what the app's start-up does first.
    def __init__(self, name, patch):
        self.name, self.patch = name, patch
    def find_spec(self, fullname, path, target=None):
        if fullname != self.name:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        exec_module, patch = spec.loader.exec_module, self.patch
        def exec_and_patch(module):
            exec_module(module)
            patch(module)
        spec.loader.exec_module = exec_and_patch
        return spec

if mode == "keyring":
    # Stand-in for the OS keyring (none runs here): hand back the entry a remembered store keeps.
    # Put in place when the app imports the slot module, so nothing of the app loads early.
    entry = sys.argv[5]
    def stand_in(keyring_slot):
        keyring_slot.load_secret = lambda store_id, slot: entry
    sys.meta_path.insert(0, AfterImport("strategy_meeting.store.keyring_slot", stand_in))
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from strategy_meeting import main as entry_point

class Painted(QObject):
    def __init__(self, on_paint):
        super().__init__()
        self.on_paint = on_paint
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.on_paint()
        return False

def start(controller):
    # The app's own start, then watch for the list's first paint with rows in it.
    original_start(controller)
    window = controller.main_window
    def check():
        # Just after a paint has been delivered: were rows drawn (a page of them fetched)?
        if not marks.get("shown") and window.meetings.model.rowCount() > 0 and window.meetings.model.pages_fetched:
            marks["shown"] = time.time()
            marks["cpu"] = time.thread_time()  # the GUI thread's own CPU time: steadier under load
            marks["rows"] = window.meetings.model.rowCount()
            if "--exit-when-shown" in sys.argv:  # counting instructions: nothing after this
                print(json.dumps(marks), flush=True)
                import os; os._exit(0)
        if marks.get("shown") and marks.get("ready"):
            QTimer.singleShot(0, QApplication.quit)
    def on_ready():
        marks["ready"] = time.time()
        QTimer.singleShot(0, check)
    controller.ready.connect(on_ready)
    controller._bench_list = Painted(lambda: QTimer.singleShot(0, check))
    window.meetings.table.viewport().installEventFilter(controller._bench_list)
    if mode == "passphrase":
        def screen_painted():
            if "unlock_screen" not in marks:
                marks["unlock_screen"] = time.time()
                marks["unlock_screen_cpu"] = time.thread_time()
                controller.unlock_panel.passphrase.setText(passphrase)
                marks["unlock_started"] = time.perf_counter()
                controller.unlock_panel.try_unlock()
        controller._bench_panel = Painted(screen_painted)
        controller.unlock_panel.installEventFilter(controller._bench_panel)
        controller.ready.connect(lambda: marks.setdefault("unlock_seconds", time.perf_counter() - marks["unlock_started"]))

def patch_controller(module):
    global original_start
    original_start = module.AppController.start
    module.AppController.start = start

sys.meta_path.insert(0, AfterImport("strategy_meeting.gui.controller", patch_controller))
entry_point.run(["--data-dir", data_dir])  # the console script's own path: CLI check, then the app
marks.pop("unlock_started", None)
print(json.dumps(marks), flush=True)
"""


def load_builder():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_store", ROOT / "bench" / "store.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ensure_store(directory: Path, meetings: int) -> None:
    marker = directory / f"built-{meetings}"
    if not marker.exists():
        print(f"building a store of {meetings:,} meetings in {directory} (once) ...", flush=True)
        load_builder().build(directory, meetings)
        marker.touch()


def keyring_entry(directory: Path) -> str:
    """What 'remember on this computer' would keep in the OS keyring for this store."""
    sys.path.insert(0, str(ROOT / "src"))
    from strategy_meeting.store import Store

    store, user = Store.open(directory, PASSPHRASE)
    entry = json.dumps({"key": store.raw_key_for_backup().hex(), "user": user})
    store.close()
    return entry


def child_env() -> dict[str, str]:
    """Offscreen Qt; compiled bytecode cached as an installed app's would be, but under a
    temporary prefix so the source tree gets no __pycache__ folders."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX="/tmp/sm-bench-pycache")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def remembered_last_time(directory: Path, remembered: bool = True) -> None:
    """The keyring path is timed as on a computer whose last start found the store remembered
    (store/layout.py's hint), the passphrase path as on one whose last start did not."""
    hint = directory / "remembered.hint"
    if remembered:
        hint.touch()
    else:
        hint.unlink(missing_ok=True)


def run_child(args: list[str]) -> tuple[float, dict[str, float]]:
    env = child_env()
    start = time.time()
    try:
        out = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, timeout=300)
    except subprocess.TimeoutExpired:
        raise SystemExit("a benchmark child did not show its window within 300 s") from None
    if out.returncode != 0:
        raise SystemExit(f"child failed:\n{out.stderr[-2000:]}")
    line = [x for x in out.stdout.splitlines() if x.startswith("{")][-1]
    marks = json.loads(line)
    return marks["shown"] - start, {k: (v - start if k in ("unlock_screen", "ready") else v) for k, v in marks.items()}


def instructions(args: list[str]) -> int:
    """Instructions executed from process start to the first screen, every thread counted
    (callgrind runs them one at a time): unlike wall-clock time, the same on a busy machine."""
    with tempfile.TemporaryDirectory(prefix="sm-bench-cg-") as tmp:
        out = Path(tmp) / "callgrind.out"
        done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable,
                               *args, "--exit-when-shown"], capture_output=True, text=True, env=child_env(),
                              timeout=900)
        if done.returncode != 0:
            raise SystemExit(f"callgrind run failed:\n{done.stderr[-2000:]}")
        for line in out.read_text().splitlines():
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    raise SystemExit("callgrind wrote no total")


def count_instructions(directory: Path, entry: str, src: str) -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind")
    print("counting instructions under callgrind (about a minute) ...", flush=True)
    bare = instructions(["-c", BARE_CHILD])
    floor = instructions(["-c", FLOOR_CHILD, str(directory / "store.db"), entry])
    remembered_last_time(directory)
    app = instructions(["-c", APP_CHILD, src, "keyring", str(directory), PASSPHRASE, entry])
    print(f"instructions to the first screen: bare {bare / 1e6:,.0f} M; floor {floor / 1e6:,.0f} M "
          f"(ratio {floor / bare:.2f}); app, keyring path to the list {app / 1e6:,.0f} M (ratio {app / bare:.2f})")


def cpu_of(marks: dict[str, float]) -> float:
    return float(marks["cpu"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", type=Path, default=Path("/tmp/sm-bench-startup"))
    ap.add_argument("--meetings", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--instructions", action="store_true",
                    help="also count the instructions each start runs (valgrind's callgrind)")
    args = ap.parse_args()
    ensure_store(args.dir, args.meetings)
    entry = keyring_entry(args.dir)
    src = str(ROOT / "src")
    if args.instructions:
        count_instructions(args.dir, entry, src)
    bare, keyring, keyring_ready, passphrase, unlock_screen, kdf, store_import = [], [], [], [], [], [], []
    floor = []
    bare_cpu, keyring_cpu, unlock_cpu = [], [], []
    run_child(["-c", BARE_CHILD])  # warm the file cache once, for every child alike
    remembered_last_time(args.dir)
    run_child(["-c", APP_CHILD, src, "keyring", str(args.dir), PASSPHRASE, entry])
    for _ in range(args.runs):
        seconds, marks = run_child(["-c", BARE_CHILD])
        bare.append(seconds)
        bare_cpu.append(cpu_of(marks))
        store_import.append(run_child(["-c", IMPORT_CHILD, src])[0])
        floor.append(run_child(["-c", FLOOR_CHILD, str(args.dir / "store.db"), entry])[0])
        remembered_last_time(args.dir)
        seconds, marks = run_child(["-c", APP_CHILD, src, "keyring", str(args.dir), PASSPHRASE, entry])
        keyring.append(seconds)
        keyring_cpu.append(cpu_of(marks))
        keyring_ready.append(marks["ready"])
        rows = int(marks["rows"])
        remembered_last_time(args.dir, False)
        seconds, marks = run_child(["-c", APP_CHILD, src, "passphrase", str(args.dir), PASSPHRASE])
        passphrase.append(seconds)
        unlock_screen.append(marks["unlock_screen"])
        unlock_cpu.append(marks["unlock_screen_cpu"])
        kdf.append(marks["unlock_seconds"])
    b, k, p = statistics.median(bare), statistics.median(keyring), statistics.median(passphrase)
    print(f"store: {rows:,} meetings listed; median of {args.runs} runs each, offscreen Qt, {os.cpu_count()} cores")
    print(f"bare PySide6 window shown:                          {b:.3f} s")
    print(f"(python importing the full store layer, no Qt:      {statistics.median(store_import):.3f} s)")
    print(f"(floor: a minimal PySide6 table over the same page:  {statistics.median(floor):.3f} s   "
          f"ratio {statistics.median(floor) / b:.2f}: no app code at all)")
    print(f"app, remembered store (keyring path) to the list:   {k:.3f} s   ratio {k / b:.2f}   target <= 1.5")
    print(f"app, remembered store: record usable (full store)   {statistics.median(keyring_ready):.3f} s   "
          f"ratio {statistics.median(keyring_ready) / b:.2f}")
    print(f"app, passphrase path: unlock screen shown           {statistics.median(unlock_screen):.3f} s   "
          f"ratio {statistics.median(unlock_screen) / b:.2f}")
    print(f"app, passphrase path: to the list (typed at once)   {p:.3f} s   ratio {p / b:.2f}   "
          f"(of which unlocking, Argon2id + open: {statistics.median(kdf):.3f} s)")
    bc, kc, uc = statistics.median(bare_cpu), statistics.median(keyring_cpu), statistics.median(unlock_cpu)
    print(f"GUI thread's CPU time to the first screen (steadier on a busy machine): bare {bc:.3f} s, "
          f"list (keyring path) {kc:.3f} s ratio {kc / bc:.2f}, unlock screen {uc:.3f} s ratio {uc / bc:.2f}")


if __name__ == "__main__":
    main()
