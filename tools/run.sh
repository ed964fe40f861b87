#!/usr/bin/env bash
# Install the locked dependencies into .venv/ and open the desktop app.
# Extra arguments go to the app, e.g.  bash tools/run.sh --demo-data
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/venv.sh
locked_venv
exec .venv/bin/strategy-meeting "$@"
