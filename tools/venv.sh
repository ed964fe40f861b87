# Sourced by tools/run.sh, tools/test.sh and tools/bundle.sh (not run on its own).
# Makes .venv/ hold exactly the locked set of requirements.lock (hashes checked), then the
# project itself as an editable install that takes nothing further from the index: a fresh
# machine gets what the suite was run on. tools/update-deps.sh moves the lock forward.
locked_venv() {
  [ -x .venv/bin/python ] || python3 -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes \
    -r requirements.lock
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps \
    --no-build-isolation -e .
}
