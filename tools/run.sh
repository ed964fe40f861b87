#!/usr/bin/env bash
# Install into a fresh virtual environment and open the desktop app.
# Extra arguments go to the app, e.g.  bash tools/run.sh --demo-data
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
exec .venv/bin/strategy-meeting "$@"
