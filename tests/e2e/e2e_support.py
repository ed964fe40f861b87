# SPDX-License-Identifier: LicenseRef-Proprietary
"""End-to-end helpers: the console script in a subprocess, a many-agency interchange file with
a unique canary in every item, and the checks an outside reviewer makes with poppler and qpdf.

The sharing rule is restated here on purpose (not imported from ``domain``): an independent
reading of DESIGN.md section 5 is what catches a rule that is wrong in one place.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from strategy_meeting import diagnostics

ROOT = Path(__file__).resolve().parents[2]

# Agency codes beyond the usual four, names in several scripts; LA_HOUSING has no e-mail.
AGENCIES = [
    ("CSC", "Children's Social Care", "social_care", "csc@example.org"),
    ("POLICE", "Police Child Abuse Investigation Team", "police", "police@example.org"),
    ("HEALTH", "Community Health", "health", "health@example.org"),
    ("EDU", "École Saint-Jérôme", "education", "dsl@example.org"),
    ("YOT", "Youth Offending Team", "other", "yot@example.org"),
    ("GP-2", "Dr Ørsted's Surgery — Практика", "health", "gp2@example.org"),
    ("LA_HOUSING", "Housing Ελλάδα", "housing", None),
    ("PROB", "Probation", "probation", "probation@example.org"),
]
CODES = [a[0] for a in AGENCIES]
EMAILED = [a[0] for a in AGENCIES if a[3]]
# Names that must never reach metadata, file names or e-mail bodies.
PERSON_NAMES = ["Zoë Ångström-Łukasz", "Алёша Петров", "Παρθένα Γεωργίου", "Chairperson Ünal"]


@dataclass(frozen=True)
class Item:
    canary: str
    owner: str
    audience: str | tuple[str, ...]  # "all", "chair" or agency codes
    family: bool = False  # marked for the family (no restriction category in this scenario)


def _sharing(audience: str | tuple[str, ...], family: bool) -> dict:
    return {"audience": audience if isinstance(audience, str) else list(audience), "family": family}


def scenario(reference: str, held_at: str = "2025-01-06T10:00:00+00:00") -> tuple[dict, list[Item], list[str]]:
    """A meeting of eight agencies; every sharing variant on contributions and actions.

    Returns the interchange document, the items with their canaries, and the canaries that
    every copy holds (decisions, rationale, dissent).
    """
    contributions = [
        ("k1", "CSC", "history", "all", False),
        ("k2", "POLICE", "risks", ("CSC", "POLICE"), False),
        ("k3", "HEALTH", "strengths", "all", True),
        ("k4", "YOT", "current_concerns", "chair", False),
        ("k5", "GP-2", "child_lived_experience", ("EDU",), False),
        ("k6", "LA_HOUSING", "other", ("YOT", "GP-2"), False),
        ("k7", "EDU", "current_concerns", ("LA_HOUSING",), True),
        ("k8", "PROB", "history", "chair", True),
    ]
    actions = [
        ("a1", "CSC", "all", False),
        ("a2", "POLICE", "chair", False),
        ("a3", "YOT", ("PROB",), False),
        ("a4", "GP-2", ("HEALTH",), True),
        ("a5", "LA_HOUSING", "all", True),
        ("a6", "EDU", ("CSC",), False),
    ]
    items: list[Item] = []
    texts = {
        "k1": "Zoë said <b>bold</b> & <para> stays literal",
        "k2": "Δημήτρης is known to police",
        "k3": "Иван attends appointments",
        "k4": "שלום עולם",
        "k5": "she draws 😀 at school",
        "k6": "مرحبا بالعالم",
        "k7": "Čeština and ŽŠ",
        "k8": "probation history",
    }
    contribution_json = []
    for cid, owner, topic, audience, family in contributions:
        canary = f"ZZCANARY-{cid.upper()}-{owner.replace('_', '')}"
        items.append(Item(canary, owner, audience, family))
        contribution_json.append({
            "id": cid, "agency": owner, "author": f"Author of {owner}", "topic": topic,
            "text": f"{canary} {texts[cid]}", "sharing": _sharing(audience, family),
            "lawful_basis": "UK GDPR 6(1)(e)", "received_via": "meeting",
        })
    action_json = []
    for aid, owner, audience, family in actions:
        canary = f"ZZCANARY-{aid.upper()}-{owner.replace('_', '')}"
        items.append(Item(canary, owner, audience, family))
        action_json.append({
            "id": aid, "description": f"{canary} to do", "owner_agency": owner,
            "owner_name": f"Owner for {owner}", "due": "2025-01-20", "status": "open",
            "sharing": _sharing(audience, family),
        })
    always = ["ZZALWAYS-D1-OUTCOME", "ZZALWAYS-DISSENT-YOT", "ZZALWAYS-D2-OUTCOME"]
    statuses = ["attended", "attended", "apologies", "attended", "attended", "not_attended", "attended", "attended"]
    document = {"format": "strategy-meeting/1", "meeting": {
        "reference": reference, "kind": "initial", "format": "hybrid", "held_at": held_at,
        "location": "Room Ω", "chair": {"name": "Chairperson Ünal", "agency": "CSC", "role": "Team Manager"},
        "referral": {"received_at": "2025-01-05T15:40:00+00:00", "source_agency": "EDU",
                     "categories": ["neglect", "emotional_abuse"], "reason": "Concerns at school."},
        "children": [{"id": "c1", "name": "Zoë Ångström-Łukasz", "date_of_birth": "2016-02-29"},
                     {"id": "c2", "name": "Алёша Петров", "expected_date_of_birth": "2025-06-01"}],
        "household": [{"id": "p1", "name": "Παρθένα Γεωργίου", "relationship": "mother",
                       "parental_responsibility": True}],
        "agencies": [{"code": c, "name": n, "kind": k, **({"email": e} if e else {})} for c, n, k, e in AGENCIES],
        "participants": [{"agency": c, "name": f"Participant for {c}", "role": "representative",
                          "status": s, "decision_authority": True} for c, s in zip(CODES, statuses, strict=True)],
        "contributions": contribution_json,
        "decisions": [
            {"id": "d1", "kind": "section47_joint", "outcome": "ZZALWAYS-D1-OUTCOME joint enquiry",
             "rationale": f"{D1_RATIONALE} significant harm", "threshold_met": True,
             "relied_on": ["k1", "k2", "k4", "k5"],
             "dissent": [{"agency": "YOT", "view": "ZZALWAYS-DISSENT-YOT would wait"}]},
            {"id": "d2", "kind": "other", "outcome": "ZZALWAYS-D2-OUTCOME", "rationale": "because",
             "relied_on": ["k8"]},
        ],
        "actions": action_json,
        "parents_informed": {"when": "2025-01-06T14:00:00+00:00", "how": "Home visit", "by": "CSC"},
        "next_steps": {"icpc_by": "2025-01-27"},
    }}
    return document, items, always


# Decision d1's rationale: a copy holds it only where every item d1 relied on is in that copy
# (issue 14), as a decision's rationale may quote what its sources withhold.
D1_RATIONALE = "ZZRATIONALE-D1"
D1_RELIED_ON = ("k1", "k2", "k4", "k5")


def holds_d1_rationale(recipient: str, items: list[Item]) -> bool:
    relied = [i for i in items if i.canary.startswith(tuple(f"ZZCANARY-{k.upper()}-" for k in D1_RELIED_ON))]
    assert len(relied) == len(D1_RELIED_ON)
    return all(may_see(recipient, i) for i in relied)


def may_see(recipient: str, item: Item) -> bool:
    """DESIGN.md section 5, read afresh: the full record holds everything; the family's copy
    holds only items marked for the family (and in no restriction category: none here); an
    agency sees an item shared with all, or with it by name, or that it gave or owns."""
    if recipient == "family":
        return item.family
    if recipient == "full" or recipient == item.owner or item.audience == "all":
        return True
    return item.audience != "chair" and recipient in item.audience


def _env(passphrase: str | None, env_extra: dict | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STRATEGY_MEETING")}
    env["PYTHONPATH"] = str(ROOT / "src")
    if passphrase is not None:
        env["STRATEGY_MEETING_PASSPHRASE"] = passphrase
    env.update(env_extra or {})
    return env


def run(*args: str, passphrase: str | None, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "strategy_meeting.main", *args], capture_output=True,
                          text=True, env=_env(passphrase, env_extra), stdin=subprocess.DEVNULL, timeout=180)


def start(*args: str, passphrase: str | None) -> subprocess.Popen:
    """The console script in the background, in a session of its own: every process it starts
    (the rendering workers) shares its session id, so the test can find them all by /proc."""
    return subprocess.Popen([sys.executable, "-m", "strategy_meeting.main", *args], env=_env(passphrase),
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` by its SHA-256: a refused command must leave it identical.
    The diagnostics log (library warnings, no record content) is not part of the record."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and p.relative_to(folder).parts[0] != diagnostics.LOG_FOLDER}


def refused(result: subprocess.CompletedProcess) -> str:
    """The contract for bad input: non-zero exit, one line on stderr, no traceback."""
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.strip() and result.stderr.strip().count("\n") == 0, result.stderr
    return result.stderr.strip()


def tool(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), capture_output=True, text=True, timeout=60)


def flat_text(pdf: Path) -> str:
    """``pdftotext`` output with every run of white space made one space."""
    out = tool("pdftotext", "-enc", "UTF-8", str(pdf), "-")
    assert out.returncode == 0, out.stderr
    return re.sub(r"\s+", " ", out.stdout)


def decompressed(pdf: Path, scratch: Path) -> bytes:
    """Every stream of the file, uncompressed by qpdf (a raw grep of Flate streams proves nothing)."""
    target = scratch / (pdf.stem + ".qdf.pdf")
    out = tool("qpdf", "--qdf", "--object-streams=disable", str(pdf), str(target))
    assert out.returncode in (0, 3), out.stderr  # 3: warnings only
    return target.read_bytes()


def manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
