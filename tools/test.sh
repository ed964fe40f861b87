#!/usr/bin/env bash
# Install into a fresh virtual environment and run the whole test suite.
# "No tests collected" (pytest exit 5) counts as a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
export QT_QPA_PLATFORM=offscreen
set +e
.venv/bin/python -m pytest -q -n 2 "$@"
status=$?
set -e
if [ "$status" = 5 ]; then echo "no tests were collected: failing" >&2; exit 1; fi
exit "$status"
