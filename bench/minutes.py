# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Benchmark: a large meeting rendered as the full record plus 12 signed agency copies.

12 agencies, 150 contributions, 60 actions (about 25 pages). Targets on the 2-core machine:
under 2 s in all, and rendering plus signing at most 1.5 times the plain rendering.
``--scripts`` gives the children and household names in other scripts and makes every third
contribution Arabic, Urdu, Chinese, Hebrew or Panjabi (fallback fonts, bidi and shaping).

    python bench/minutes.py [--repeat N] [--out DIR] [--scripts]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from strategy_meeting.domain.action import Action  # noqa: E402
from strategy_meeting.domain.agency import Agency, AgencyKind  # noqa: E402
from strategy_meeting.domain.contribution import Contribution, ReceivedVia, Topic  # noqa: E402
from strategy_meeting.domain.decision import Decision, DecisionKind, Dissent  # noqa: E402
from strategy_meeting.domain.meeting import (  # noqa: E402
    ConcernCategory,
    HouseholdMember,
    Meeting,
    MeetingFormat,
    MeetingStatus,
    NextSteps,
    ParentsInformed,
    Participant,
    ParticipantStatus,
    Person,
    Referral,
    SignOff,
    SubjectChild,
)
from strategy_meeting.domain.sharing_terms import SharingTerms  # noqa: E402
from strategy_meeting.services.minutes.identity import create_self_signed  # noqa: E402
from strategy_meeting.services.minutes.render_set import render_set  # noqa: E402
from strategy_meeting.services.minutes.sign import MinutesSigner  # noqa: E402

CODES = ["CSC", "POLICE", "HEALTH", "EDU", "HOUSING", "PROBATION", "YOT", "CAMHS", "GP", "ADULTMH",
         "DWA", "EARLYHELP"]
WORDS = (
    "the child said she was frightened when the adults argued late at night and that her "
    "brother looked after her school reported two absences this term and a late collection "
    "health visitor saw the baby thriving attendance at appointments has been good police "
    "attended the address twice following calls from neighbours about shouting"
).split()


def large_meeting(seed: int = 7) -> Meeting:
    rnd = random.Random(seed)

    def sentence(n: int) -> str:
        return " ".join(rnd.choice(WORDS) for _ in range(n)).capitalize() + "."

    def terms() -> SharingTerms:
        roll = rnd.random()
        if roll < 0.6:
            return SharingTerms.everyone(family=rnd.random() < 0.3)
        if roll < 0.9:
            return SharingTerms.only(*rnd.sample(CODES, 3))
        return SharingTerms.chair_only()

    agencies = [Agency(c, f"{c.title()} Service, Sampletown", None, f"{c.lower()}@example.org") for c in CODES]
    agencies[0].kind = AgencyKind.SOCIAL_CARE
    start = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    contributions = [
        Contribution(
            f"k{i}", rnd.choice(CODES), rnd.choice(list(Topic)), " ".join(sentence(14) for _ in range(3)),
            terms(), f"Officer {i}", "UK GDPR 6(1)(e); DPA 2018 Sch 8 para 4",
            rnd.choice(list(ReceivedVia)), start - timedelta(hours=i),
        )
        for i in range(150)
    ]
    actions = [
        Action(f"a{i}", sentence(12), rnd.choice(CODES), date(2026, 11, 21) + timedelta(days=i % 20),
               terms(), f"Worker {i}")
        for i in range(60)
    ]
    decisions = [
        Decision(f"d{i}", kind, sentence(10), sentence(30), True,
                 rnd.sample([c.id for c in contributions], 5),
                 [Dissent("HEALTH", sentence(15))] if i == 2 else [])
        for i, kind in enumerate([DecisionKind.SECTION47_JOINT, DecisionKind.MEDICAL_EXAMINATION,
                                  DecisionKind.ABE_INTERVIEW, DecisionKind.CRIMINAL_INVESTIGATION])
    ]
    return Meeting(
        reference="SD-2026-0999",
        held_at=start,
        chair=Person("Alex Example", "CSC", "Team Manager"),
        referral=Referral(start - timedelta(hours=20), sentence(40), "EDU",
                          [ConcernCategory.PHYSICAL_ABUSE, ConcernCategory.NEGLECT]),
        format=MeetingFormat.HYBRID,
        location="Sampletown Civic Centre, Room 4",
        minute_taker=Person("Sam Sample", "CSC", "Business Support"),
        children=[SubjectChild(f"c{i}", f"Child {i} Fictional", date(2016 + i, 3, 1)) for i in range(3)],
        household=[HouseholdMember(f"p{i}", f"Adult {i} Fictional", "relative", i == 0) for i in range(4)],
        agencies=agencies,
        participants=[Participant(c, f"Person {c}", ParticipantStatus.ATTENDED, "Manager", True) for c in CODES],
        contributions=contributions,
        decisions=decisions,
        actions=actions,
        parents_informed=ParentsInformed(start + timedelta(hours=4), "Home visit", "CSC"),
        next_steps=NextSteps(date(2026, 12, 11), start + timedelta(days=7)),
        status=MeetingStatus.SIGNED_OFF,
        sign_off=SignOff(1, "Alex Example", start + timedelta(hours=3), "ab" * 32),
    )


SCRIPT_NAMES = ["محمد علي", "李小龍", "יעל כהן", "ਗੁਰਪ੍ਰੀਤ ਕੌਰ", "عمران خان", "さくら 田中", "김민준"]
SCRIPT_TEXT = [
    "قال الطفل إنه يبلغ من العمر 12 عاماً ويعيش مع والدته في المنزل منذ سنة 2019، وذكر أن المدرسة اتصلت بالأسرة مرتين.",
    "والدہ نے بتایا کہ بچہ اسکول جانے سے ڈرتا ہے اور رات کو سو نہیں پاتا۔",
    "孩子说他晚上害怕，因为大人在家里吵架。学校报告本学期缺勤两次。",
    "האם אמרה שהילד מפחד ללכת לבית הספר ואינו ישן בלילה.",
    "ਮਾਂ ਨੇ ਦੱਸਿਆ ਕਿ ਬੱਚਾ ਸਕੂਲ ਜਾਣ ਤੋਂ ਡਰਦਾ ਹੈ।",
]


def with_scripts(meeting: Meeting) -> Meeting:
    for n, person in enumerate([*meeting.children, *meeting.household]):
        person.name = SCRIPT_NAMES[n % len(SCRIPT_NAMES)]
    for n, item in enumerate(meeting.contributions[::3]):
        item.text = " ".join([SCRIPT_TEXT[n % len(SCRIPT_TEXT)]] * 3)
    return meeting


def _cpu() -> float:
    """CPU time of this process and of its finished children (the forked workers): the wall
    clock on a shared machine also counts other people's work."""
    own = time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own + children.ru_utime + children.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--workers", type=int, default=2, help="rendering processes (default 2)")
    parser.add_argument("--scripts", action="store_true", help="names and text in other scripts")
    args = parser.parse_args()

    meeting = with_scripts(large_meeting()) if args.scripts else large_meeting()
    identity = create_self_signed("bench", "Alex Example", datetime.now(UTC))
    signer = MinutesSigner(identity)
    render_set(meeting, ["CSC"], signer=None)  # warm up: fonts registered, modules imported

    plain, signed, plain_cpu, signed_cpu = [], [], [], []
    result = None
    for _ in range(args.repeat):
        c0, t0 = _cpu(), time.perf_counter()
        render_set(meeting, CODES, signer=None, workers=args.workers)
        plain.append(time.perf_counter() - t0)
        plain_cpu.append(_cpu() - c0)
        c0, t0 = _cpu(), time.perf_counter()
        result = render_set(meeting, CODES, signer=signer, workers=args.workers)
        signed.append(time.perf_counter() - t0)
        signed_cpu.append(_cpu() - c0)
    assert result is not None
    best_plain, best_signed = min(plain), min(signed)
    pages = result[0].pages
    print(f"meeting: {len(CODES)} agencies, {len(meeting.contributions)} contributions, "
          f"{len(meeting.actions)} actions; full record {pages} pages; {len(result)} files")
    print(f"plain render (13 copies):        {best_plain:.3f} s   (runs: {', '.join(f'{t:.3f}' for t in plain)})")
    print(f"render + sign (13 copies, total): {best_signed:.3f} s   (runs: {', '.join(f'{t:.3f}' for t in signed)})")
    print(f"ratio render+sign / render:       {best_signed / best_plain:.2f}  (target <= 1.5)")
    cpu_plain, cpu_signed = min(plain_cpu), min(signed_cpu)
    print(f"CPU seconds (all processes): plain {cpu_plain:.3f}, render+sign {cpu_signed:.3f}, "
          f"ratio {cpu_signed / cpu_plain:.2f}")
    print(f"wall time on an idle machine ~ CPU / workers: {cpu_signed / max(args.workers, 1):.3f} s")
    print(f"workers: {args.workers}; load average at the end: {os.getloadavg()[0]:.2f}")
    print(f"total under 2 s:                  {'yes' if best_signed < 2 else 'NO'}")
    sizes = sorted(len(copy.pdf) for copy in result)
    print(f"PDF sizes: full record {len(result[0].pdf) / 1e3:.0f} kB, copies "
          f"{sizes[0] / 1e3:.0f}-{sizes[-1] / 1e3:.0f} kB")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for copy in result:
            (args.out / f"{copy.recipient}.pdf").write_bytes(copy.pdf)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
