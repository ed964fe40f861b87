"""pyproject.toml and requirements.lock agree (issue 12): every requirement of the project, its
extras and its build group is pinned in the lock within its range, with hashes, and the lock
names nothing as coming from pyproject.toml that pyproject.toml no longer asks for.

A dependency added to one and not the other fails here; tools/update-deps.sh regenerates the
lock from pyproject.toml.
"""

from __future__ import annotations

import copy
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")
FROM_PYPROJECT = re.compile(r"^#\s+(?:via\s+)?strategy-meeting \(pyproject\.toml")


@dataclass
class Pin:
    version: str
    hashes: int = 0
    from_pyproject: bool = False
    via: list[str] = field(default_factory=list)


def parse_lock(text: str) -> dict[str, Pin]:
    pins: dict[str, Pin] = {}
    current: Pin | None = None
    for raw in text.splitlines():
        line = raw.strip()
        match = PIN.match(line)
        if match:
            current = pins[canonicalize_name(match.group(1))] = Pin(match.group(2))
            continue
        if current is None:
            continue
        if line.startswith("--hash=sha256:"):
            current.hashes += 1
        elif FROM_PYPROJECT.match(line):
            current.from_pyproject = True
    return pins


def project_requirements(pyproject: dict) -> list[Requirement]:
    project = pyproject["project"]
    texts = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        texts += extra
    for group in pyproject.get("dependency-groups", {}).values():
        texts += [item for item in group if isinstance(item, str)]
    return [Requirement(text) for text in texts]


def disagreements(pyproject: dict, lock_text: str) -> list[str]:
    pins = parse_lock(lock_text)
    wanted = project_requirements(pyproject)
    problems = []
    for req in wanted:
        pin = pins.get(canonicalize_name(req.name))
        if pin is None:
            problems.append(f"{req.name}: in pyproject.toml, not in the lock")
        elif not req.specifier.contains(pin.version, prereleases=True):
            problems.append(f"{req.name}: locked at {pin.version}, outside {req.specifier}")
    wanted_names = {canonicalize_name(req.name) for req in wanted}
    for name, pin in pins.items():
        if pin.from_pyproject and name not in wanted_names:
            problems.append(f"{name}: locked as the project's, no longer in pyproject.toml")
        if pin.hashes == 0:
            problems.append(f"{name}: locked without a hash")
    backend = [Requirement(text) for text in pyproject["build-system"]["requires"]]
    for req in backend:
        pin = pins.get(canonicalize_name(req.name))
        if pin is None or not req.specifier.contains(pin.version, prereleases=True):
            problems.append(f"{req.name}: the build backend is not locked within {req.specifier}")
    return problems


def _real() -> tuple[dict, str]:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return pyproject, (ROOT / "requirements.lock").read_text(encoding="utf-8")


def test_the_lock_and_pyproject_agree():
    pyproject, lock = _real()
    assert disagreements(pyproject, lock) == []


def test_the_lock_holds_the_runtime_the_test_and_the_bundle_sets():
    pins = parse_lock(_real()[1])
    for name in ("pyside6-essentials", "pyhanko", "cryptography", "pytest", "pyinstaller",
                 "hatchling"):
        assert name in pins


def test_a_dependency_added_to_pyproject_only_is_found():
    pyproject, lock = _real()
    changed = copy.deepcopy(pyproject)
    changed["project"]["dependencies"].append("humanize>=4")
    assert disagreements(changed, lock) == ["humanize: in pyproject.toml, not in the lock"]


def test_a_dependency_left_in_the_lock_only_is_found():
    pyproject, lock = _real()
    changed = copy.deepcopy(pyproject)
    changed["project"]["dependencies"] = [d for d in changed["project"]["dependencies"]
                                          if not d.startswith("zxcvbn")]
    assert disagreements(changed, lock) == [
        "zxcvbn: locked as the project's, no longer in pyproject.toml"]


def test_a_range_the_lock_falls_outside_is_found():
    pyproject, lock = _real()
    changed = copy.deepcopy(pyproject)
    changed["project"]["dependencies"] = [
        "pypdf<1" if d.startswith("pypdf") else d for d in changed["project"]["dependencies"]]
    problems = disagreements(changed, lock)
    assert len(problems) == 1 and problems[0].startswith("pypdf: locked at ")


def test_a_pin_without_a_hash_is_found():
    pyproject, lock = _real()
    unhashed = lock + "\nnewthing==1.0\n    # via strategy-meeting (pyproject.toml)\n"
    assert "newthing: locked without a hash" in disagreements(pyproject, unhashed)
