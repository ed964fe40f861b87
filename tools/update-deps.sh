#!/usr/bin/env bash
# Move the lock forward: resolve pyproject.toml's ranges (every extra, and the build group) to
# the newest releases the index serves, write requirements.lock with the hashes of every file
# of each pinned release (for Linux, Windows and macOS alike), install it and run the suite.
#
#   bash tools/update-deps.sh                            # everything to its newest release
#   bash tools/update-deps.sh --upgrade-package pypdf    # one package (others stay pinned)
#
# Commit requirements.lock only when the suite passes; a dependency changed in
# pyproject.toml is locked in the same commit (tests/test_lock_file.py checks they agree).
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION="0.13.9"  # the resolver itself is pinned, so the same index gives the same lock
[ -x .venv-tools/bin/uv ] && .venv-tools/bin/uv --version | grep -q " $UV_VERSION" || {
  python3 -m venv .venv-tools
  .venv-tools/bin/python -m pip install -q --disable-pip-version-check "uv==$UV_VERSION"
}
if [ "$#" = 0 ]; then set -- --upgrade; fi
.venv-tools/bin/uv pip compile pyproject.toml --all-extras --group build \
  --universal --python-version 3.11 --generate-hashes \
  --custom-compile-command "bash tools/update-deps.sh" \
  --output-file requirements.lock --quiet "$@"
echo "requirements.lock written; installing it and running the suite"
exec bash tools/test.sh
