#!/usr/bin/env bash
# Build the desktop bundle (PyInstaller, one folder) and smoke-run it headless.
# Figures (size, start-up time) are written to dist/bundle-report.json.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[bundle]"
exec .venv/bin/python installer/build.py "$@"
