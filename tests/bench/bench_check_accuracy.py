"""How well the risk check holds up on wording it was never trained on, per legal area.

Cross-validation on tests/data/corpus/corpus.jsonl with folds split by SOURCE (a decision, memo,
enforcement action or one set of owner phrasings is never in training and test at once): the
model is retrained without the held-out fold; the keyword rules are fixed code. Recall counts
risky sentences of an area flagged for that area; false alarms count acceptable sentences (of
any area) flagged for it, and separately the area's own acceptable sentences (the harder, same-
topic cases); "also elsewhere" counts the area's risky sentences flagged in another area too (a
finding with the wrong reason and authority, which neither recall nor false alarms sees); "right
kind" counts the risky sentences caught whose finding in the area names the kind of rule (family)
they are labelled with (a finding with the right law but the wrong reason). With
--final, also the frozen held-out set (tests/data/corpus/final.jsonl: whole sources and one set
of owner phrasings set aside before the model was changed, never trained or tuned on), 90
ordinary sentences no law objects to (final_ordinary.jsonl, written by a helper who saw no code
and no corpus, never trained on) and the NLRB dev set, each checked once with the shipped model.
"Ordinary" counts those flagged in any area.
Run: .venv/bin/python tests/bench/bench_check_accuracy.py [--final]
     model selection: [--l2 X] (the risk and vote thresholds are chosen inside each training split)
"""

from __future__ import annotations

import json
import os
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "data" / "corpus"))

from train import (  # noqa: E402
    AREAS,
    FOLDS,
    app_sentences,
    choose_rule_threshold,
    choose_thresholds,
    flagged_kinds,
    folds_by_source,
    load_corpus,
    load_ordinary,
    train,
    without,
)

from smpolicy_desktop.checks.families import FAMILIES  # noqa: E402
from smpolicy_desktop.checks.model import Model, model  # noqa: E402

# The area of an ordinary sentence no area's law objects to (final_ordinary.jsonl): a fact or an
# invitation ("Our spring menu launches on March 3."), the running of the company's own page,
# protective guidance ("You may discuss your pay with anyone."). Counted apart: their easy cases
# would dilute the false alarms on acceptable rules.
ORDINARY = "none"
# Rows of the report: the areas, an acceptable sentence flagged in any area (what an owner sees),
# and an ordinary sentence flagged in any area.
ROWS = (*AREAS, "any area", "ordinary")
DEV_SET = REPO / "tests" / "data" / "nlrb_dev.jsonl"
FINAL_SET = REPO / "tests" / "data" / "corpus" / "final.jsonl"
ORDINARY_SET = REPO / "tests" / "data" / "corpus" / "final_ordinary.jsonl"


def cross_validate(l2: float | None = None) -> dict[str, dict[str, int]]:
    """Figures on each held-out fold of a model whose thresholds were chosen by cross-
    validation inside the other folds (nested: the held-out fold plays no part in any choice).
    The ordinary sentences (negatives of the rule gate and the risk models, and lawful
    neighbours) are split by who wrote them: each fold holds one writer's set out, trains on the
    others and counts the held-out set's sentences flagged ("ordinary"). The five folds run
    in as many processes as there are cores."""
    with ProcessPoolExecutor(max_workers=min(FOLDS, os.cpu_count() or 1)) as pool:
        tallies = list(pool.map(_fold, range(FOLDS), [l2] * FOLDS))
    counts: dict[str, dict[str, int]] = {a: defaultdict(int) for a in ROWS}
    for tally in tallies:
        for row, figures in tally.items():
            for name, count in figures.items():
                counts[row][name] += count
    return counts


def _fold(index: int, l2: float | None) -> dict[str, dict[str, int]]:
    examples, ours, ordinary = load_corpus(), app_sentences(), load_ordinary()
    folds = folds_by_source(examples)
    sets = sorted({row["source"] for row in ordinary})
    held_set = sets[index % len(sets)]
    trained_on = [row for row in ordinary if row["source"] != held_set]
    training = without(folds, index)
    rule = choose_rule_threshold(training, trained_on, l2)
    thresholds = choose_thresholds(training, ours, l2, ordinary=trained_on, rule=rule)
    learned = Model(train(training, ours, l2, thresholds, ordinary=trained_on, rule=rule))
    counts: dict[str, dict[str, int]] = {a: defaultdict(int) for a in ROWS}
    for example in folds[index] + [row for row in ordinary if row["source"] == held_set]:
        _count(counts, example, flagged_kinds(example["text"], learned))
    return counts


def _count(counts, example: dict, kinds: list[str]) -> None:
    """Tally one held-out example (counts: area -> counter; "any area" for what an owner sees:
    an acceptable sentence with a finding in any area), given the kinds of rule found in it."""
    flagged = {FAMILIES[kind].area for kind in kinds}
    if example["area"] == ORDINARY:
        counts["ordinary"]["acceptable"] += 1
        counts["ordinary"]["false_alarms"] += bool(flagged)
        return
    if example["verdict"] == "lawful":
        counts["any area"]["acceptable"] += 1
        counts["any area"]["false_alarms"] += bool(flagged)
    if example["verdict"] == "unlawful":
        counts[example["area"]]["risky"] += 1
        counts[example["area"]]["caught"] += example["area"] in flagged
        if example["area"] in flagged and "family" in example:  # the dev set has no kinds
            named = next(kind for kind in kinds if FAMILIES[kind].area == example["area"])
            counts[example["area"]]["kind_known"] += 1
            counts[example["area"]]["right_kind"] += named == example["family"]
        counts[example["area"]]["elsewhere"] += bool(flagged - {example["area"]})
    else:
        for area in AREAS:
            counts[area]["acceptable"] += 1
            counts[area]["false_alarms"] += area in flagged
        counts[example["area"]]["own_acceptable"] += 1
        counts[example["area"]]["own_false_alarms"] += example["area"] in flagged


def held_out_figures(path: Path, area: str | None = None) -> dict[str, dict[str, int]]:
    """Figures of the shipped model on a labelled file it was never trained or tuned on
    (`area` for files whose lines carry none)."""
    counts: dict[str, dict[str, int]] = {a: defaultdict(int) for a in ROWS}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            example = json.loads(line)
            example.setdefault("area", area)
            _count(counts, example, flagged_kinds(example["text"], model()))
    return counts if area is None else {a: counts[a] for a in (area, "any area")}


def report(counts: dict[str, dict[str, int]]) -> str:
    lines = [f"{'area':<17}{'recall':>16}{'false alarms':>20}{'same-topic':>18}"
             f"{'also elsewhere':>18}{'right kind':>18}"]
    for area, c in counts.items():
        if not c:  # no sentences of that row (the NLRB dev set has only NLRA's)
            continue
        lines.append(f"{area:<17}{_rate(c['caught'], c['risky']):>16}"
                     f"{_rate(c['false_alarms'], c['acceptable']):>20}"
                     f"{_rate(c['own_false_alarms'], c['own_acceptable']):>18}"
                     f"{_rate(c['elsewhere'], c['risky']):>18}"
                     f"{_rate(c['right_kind'], c['kind_known']):>18}")
    return "\n".join(lines)


def _rate(count: int, total: int) -> str:
    return f"{count / total:.0%} ({count}/{total})" if total else "-"


def main() -> None:
    l2 = float(sys.argv[sys.argv.index("--l2") + 1]) if "--l2" in sys.argv else None
    print("Cross-validated by source (held-out folds, never trained on):")
    print(report(cross_validate(l2)))
    if "--final" in sys.argv:
        print("\nFrozen held-out set (tests/data/corpus/final.jsonl), shipped model:")
        print(report(held_out_figures(FINAL_SET)))
        print("\nOrdinary sentences held out (tests/data/corpus/final_ordinary.jsonl), shipped "
              "model:")
        print(report(held_out_figures(ORDINARY_SET)))
        print("\nNLRB dev set (tests/data/nlrb_dev.jsonl), shipped model:")
        print(report(held_out_figures(DEV_SET, "nlra")))


if __name__ == "__main__":
    main()
