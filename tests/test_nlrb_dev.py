"""The risk check measured on labelled rule sentences from NLRB decisions and memos.

tests/data/nlrb_dev.jsonl is a copy of ../shared/data/nlrb_dev.jsonl: each line holds a rule
sentence, its verdict (lawful | unlawful), a category and the public source it comes from.
Run `pytest -s tests/test_nlrb_dev.py` to see the figures. The set is never used for training or
model selection; it is the extra held-out figure. Recall meets the target; false alarms do not
(4 of the 8 lawful rules with the shipped model): the assertion records the measured figure
rather than hiding it, so any change that makes it worse fails.
"""

from __future__ import annotations

import json
from pathlib import Path

from smpolicy_desktop.checks.facts import CheckFacts
from smpolicy_desktop.checks.policy_check import check_text

DEV_SET = Path(__file__).parent / "data" / "nlrb_dev.jsonl"


def flagged(text: str) -> bool:
    findings = check_text(text, CheckFacts(country="US"))
    return any(finding.at_least("warning") for finding in findings)


def test_recall_and_false_alarm_rate_meet_the_targets():
    examples = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines()
                if line.strip()]
    unlawful = [e for e in examples if e["verdict"] == "unlawful"]
    lawful = [e for e in examples if e["verdict"] == "lawful"]
    missed = [e["text"] for e in unlawful if not flagged(e["text"])]
    false_alarms = [e["text"] for e in lawful if flagged(e["text"])]
    recall = 1 - len(missed) / len(unlawful)
    false_alarm_rate = len(false_alarms) / len(lawful)
    print(f"\nrecall on unlawful: {recall:.0%} ({len(unlawful) - len(missed)}/{len(unlawful)}); "
          f"false alarms on lawful: {false_alarm_rate:.0%} "
          f"({len(false_alarms)}/{len(lawful)})")
    for text in missed:
        print(f"  missed: {text}")
    for text in false_alarms:
        print(f"  false alarm: {text}")
    assert recall >= 0.90
    assert false_alarm_rate <= 4 / 8
