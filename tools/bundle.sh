#!/usr/bin/env bash
# Build the desktop bundle (PyInstaller, one folder) from the locked dependencies and smoke-run
# it headless. Figures (size, start-up time) are written to dist/bundle-report.json.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/venv.sh
locked_venv
exec .venv/bin/python installer/build.py "$@"
