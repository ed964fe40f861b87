#!/usr/bin/env bash
# Install the locked dependencies into .venv/ and run the whole test suite.
# "No tests collected" (pytest exit 5) counts as a failure. Tests are shared out by module
# (--dist loadscope): a module's tests that build on one module-scoped record run in order on
# one worker.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/venv.sh
locked_venv
export QT_QPA_PLATFORM=offscreen
set +e
.venv/bin/python -m pytest -q -n 2 --dist loadscope "$@"
status=$?
set -e
if [ "$status" = 5 ]; then echo "no tests were collected: failing" >&2; exit 1; fi
exit "$status"
