"""Train the risk check's model on the labelled corpus and write assets/checks/model.json.gz.

Run: .venv/bin/python tests/data/corpus/train.py   (pure Python, about 10 minutes here: the risk
thresholds are chosen by source-split cross-validation on the corpus, then the model is trained)
     .venv/bin/python tests/data/corpus/train.py --index   (seconds: after a change to what the
model reads of a sentence (model.features, concepts.py), the neighbours' index written again
from the shipped sentences; tests/test_checks.py says when it is due)
"""

from __future__ import annotations

import gzip
import itertools
import json
import math
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO))

from smpolicy_desktop.checks.detect import flagged_families  # noqa: E402
from smpolicy_desktop.checks.facts import CheckFacts  # noqa: E402
from smpolicy_desktop.checks.families import FAMILIES  # noqa: E402
from smpolicy_desktop.checks.model import (  # noqa: E402
    Model,
    features,
    neighbour_index,
    probability,
)

CORPUS = Path(__file__).resolve().parent / "corpus.jsonl"
# Ordinary sentences of a business's life (no rule, no subject of the check): the rule gate's
# negatives; those touching a subject ("touches") are left out, being half rules.
ORDINARY = Path(__file__).resolve().parent / "ordinary.jsonl"
OUTPUT = REPO / "assets" / "checks" / "model.json.gz"
AREAS = ("nlra", "ftc", "hipaa", "finance", "reg_fd", "account_privacy")
EVERY_AREA = CheckFacts(country="US")  # unknown industry and listing: every area is checked
# L2 chosen by source-split cross-validation among 1e-4, 1e-3 and 1e-2 (best mean recall
# minus false alarms over the six areas); the NLRB dev set and final.jsonl played no part.
EPOCHS, AVERAGED, RATE, L2, TOPIC_THRESHOLD = 40, 20, 0.5, 1e-3, 0.5
FOLDS = 5
# Each area's risk threshold: the one among GRID that catches most risky sentences in cross-
# validation on the training sentences while flagging at most FALSE_ALARM_BUDGET of the
# acceptable ones (below the 10% goal, to leave room for wording never seen; 6% until 5 Dec
# 2026, which no NLRA threshold met, so NLRA fell back to the most cautious), together with the
# share of the neighbours' vote (model.py) that flags a sentence the risk model missed (VOTES;
# above 1: never). The grids reach below even odds: an area whose risky sentences are few and
# varied (FINRA/SEC, Reg FD) scores unseen risky wording low, and the false-alarm budget, not
# the classes' balance point, is what keeps the area cautious (two of five neighbours, 0.4,
# added on 3 Dec 2026: nested cross-validation, corpus README).
GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
VOTES = (0.4, 0.5, 0.6, 0.8, 0.99, 1.1)
FALSE_ALARM_BUDGET = 0.08
# The rule gate's threshold (model.py): the highest of RULE_GRID at which cross-validation on the
# corpus finds at most RULE_BUDGET of the risky sentences read as no rule at all.
RULE_GRID = (0.02, 0.05, 0.1, 0.2, 0.3)
RULE_BUDGET = 0.005


def load_corpus() -> list[dict]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def load_ordinary() -> list[dict]:
    rows = [json.loads(line) for line in ORDINARY.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return [row for row in rows if row["touches"] == "none"]


def app_sentences() -> list[str]:
    """Every sentence of every preset's policy (full and short, publicly traded or not), of its
    answers (list rows too) and of every safer wording, and each of their clauses (the check
    reads both): our own text, lawful by design (training only)."""
    from smpolicy_desktop.checks.families import FAMILIES
    from smpolicy_desktop.checks.language import clauses, sentences
    from smpolicy_desktop.checks.policy_check import document_sentences, implied_rule, user_texts
    from smpolicy_desktop.presets import presets
    from smpolicy_desktop.render import render_document
    from smpolicy_desktop.storage import load_project

    found = {s.original for family in FAMILIES.values() for s in sentences(family.safer)}
    example = load_project(REPO / "assets" / "examples" / "northwind.smpolicy")
    for project_of in [p.project for p in presets().values()] + [lambda: example]:
        for kind, listed in itertools.product(("full", "short"), (False, True)):
            project = project_of()
            project.company.document_type = kind
            project.company.publicly_traded = listed
            for _clause, sentence in document_sentences(render_document(project)):
                found.add(sentence.original)
            found |= {s.original for path, text in user_texts(project)
                      for s in sentences(implied_rule(path, text) or text)}
    return sorted(found | {clause for text in found for clause in clauses(text)})


def folds_by_source(examples: list[dict]) -> list[list[dict]]:
    """Whole sources dealt into FOLDS folds, largest first into the smallest fold."""
    by_source: dict[str, list[dict]] = defaultdict(list)
    for example in examples:
        by_source[example["source"]].append(example)
    folds: list[list[dict]] = [[] for _ in range(FOLDS)]
    for group in sorted(by_source.values(), key=lambda g: (-len(g), g[0]["source"])):
        min(folds, key=len).extend(group)
    return folds


def without(folds: list[list[dict]], index: int) -> list[dict]:
    return [example for i, fold in enumerate(folds) if i != index for example in fold]


def flagged_kinds(text: str, learned: Model) -> list[str]:
    """The kinds of rule (family ids) the whole check (keyword rules and model) finds in a
    sentence, with every area switched on; in each area the one a finding names first."""
    return [family.id for family, _ in flagged_families(text, EVERY_AREA, learned=learned,
                                                        precedents=False)]


def flagged_areas(text: str, learned: Model) -> set[str]:
    """The areas in which the whole check flags a sentence."""
    return {FAMILIES[kind].area for kind in flagged_kinds(text, learned)}


def choose_rule_threshold(examples: list[dict], ordinary: list[dict],
                          l2: float | None = None) -> float:
    """The rule gate's threshold, by source-split cross-validation on `examples` (see
    RULE_GRID); the ordinary sentences are in every training split."""
    lost = dict.fromkeys(RULE_GRID, 0)
    folds = folds_by_source(examples)
    for index, held_out in enumerate(folds):
        gate = _rule_gate(without(folds, index), ordinary, L2 if l2 is None else l2)
        for example in held_out:
            if example["verdict"] == "unlawful":
                read = probability(gate, features(example["text"]))
                for threshold in RULE_GRID:
                    lost[threshold] += read < threshold
    risky = sum(example["verdict"] == "unlawful" for example in examples)
    return max([t for t in RULE_GRID if lost[t] <= RULE_BUDGET * risky] or [min(RULE_GRID)])


def choose_thresholds(examples: list[dict], extra_lawful: list[str], l2: float | None = None,
                      *, ordinary: list[dict], rule: float) -> dict[str, tuple[float, float]]:
    """Per area, the risk and vote thresholds chosen by source-split cross-validation on `examples`
    only (see GRID and FALSE_ALARM_BUDGET), among those at which no model of the cross-
    validation reads any of our own sentences as risky."""
    # area -> (threshold, vote) -> [risky caught, risky, acceptable flagged, acceptable, ours
    # flagged]
    pairs = [(t, v) for t in GRID for v in VOTES]
    tally = {area: {pair: [0, 0, 0, 0, 0] for pair in pairs} for area in AREAS}
    folds = folds_by_source(examples)
    for index, held_out in enumerate(folds):
        learned = Model(train(without(folds, index), extra_lawful, l2, ordinary=ordinary,
                              rule=rule))
        for pair in pairs:
            learned.set_risk_thresholds(*pair)
            for text in extra_lawful:
                for area in learned.risky_areas(text):
                    tally[area][pair][4] += 1
            for example in held_out:
                flagged = flagged_areas(example["text"], learned)
                for area in AREAS:
                    row = tally[area][pair]
                    if example["verdict"] == "unlawful" and example["area"] == area:
                        row[0] += area in flagged
                        row[1] += 1
                    elif example["verdict"] == "lawful":
                        row[2] += area in flagged
                        row[3] += 1
    return {area: _threshold(tally[area]) for area in AREAS}


def _threshold(tally: dict[tuple[float, float], list[int]]) -> tuple[float, float]:
    """The highest thresholds (risk, then vote) within the false-alarm budget, and quiet on our
    own text, whose recall is within one standard error of the best one (the one-standard-error
    rule: a difference that small is noise, and a higher threshold is the more cautious choice;
    with a fixed 1% tolerance an area of 96 risky sentences took the lowest threshold for one
    sentence more); the highest if none qualifies."""
    within = [t for t, (_, _, alarms, acceptable, ours) in tally.items()
              if alarms <= FALSE_ALARM_BUDGET * acceptable and not ours] or [max(tally)]
    caught, risky = max((tally[t][:2] for t in within), key=lambda row: row[0])
    share = caught / max(risky, 1)
    noise = math.sqrt(share * (1 - share) * risky)  # one standard error, in sentences
    return max(t for t in within if tally[t][0] >= caught - noise)


def train(examples: list[dict], extra_lawful: list[str], l2: float | None = None,
          thresholds: dict[str, tuple[float, float]] | None = None, *, ordinary: list[dict],
          rule: float) -> dict:
    """Per area a topic gate (every sentence of the area against the rest) and a risk model
    (the area's risky sentences against every acceptable sentence, of any area, our own text
    on its topic and the ordinary sentences); and the rule gate, at threshold `rule`. The
    ordinary sentences are also lawful neighbours in the vote ("ours")."""
    rows = [(features(e["text"]), e) for e in examples]
    ours = [features(text) for text in extra_lawful]
    plain = [(features(o["text"]), 0.0) for o in ordinary]  # no risk in any area
    strength = L2 if l2 is None else l2
    areas = {}
    for area in AREAS:
        topic = _logistic([(feats, float(e["area"] == area)) for feats, e in rows], strength)
        topic["threshold"] = TOPIC_THRESHOLD
        on_topic = [feats for feats in ours if probability(topic, feats) >= TOPIC_THRESHOLD]
        risk = _logistic([(feats, float(e["verdict"] == "unlawful")) for feats, e in rows
                          if e["area"] == area or e["verdict"] == "lawful"]
                         + [(feats, 0.0) for feats in on_topic] + plain, strength)
        risk["threshold"], risk["vote"] = (thresholds or {}).get(area, (0.5, max(VOTES)))
        areas[area] = {"topic": topic, "risk": risk}
    precedents = [{"text": e["text"], "area": e["area"], "family": e["family"],
                   "verdict": e["verdict"], "source": e["source"], "year": e["year"],
                   "citable": _citable(e)}
                  for e in examples]
    gate = _rule_gate(examples, ordinary, strength)
    gate["threshold"] = rule
    lawful = extra_lawful + [o["text"] for o in ordinary]
    return {"version": 5, "areas": areas, "rule": gate, "precedents": precedents,
            "ours": lawful, "index": neighbour_index(precedents, lawful)}


def _rule_gate(examples: list[dict], ordinary: list[dict], l2: float) -> dict:
    """Is a sentence a rule or practice at all: every labelled sentence against the ordinary
    ones (without them the gate reads every sentence as a rule)."""
    return _logistic([(features(e["text"]), 1.0) for e in examples]
                     + [(features(o["text"]), 0.0) for o in ordinary], l2)


def _citable(example: dict) -> bool:
    """A precedent a finding may name and quote: the rule's own words (verbatim or near it)
    from a decision, court ruling or enforcement action; never our phrasing or paraphrase,
    a complaint, nor a (possibly rescinded) memo's report of a rule."""
    secondary = ("Memorandum", "OM 12-59", "Advice", "form clause", "reported by",
                 "media statement", "complaint")
    # nor a rule the tribunal itself found lawful under the standard of its day, which a
    # finding would cite as "found unlawful in" it (found by a tester)
    found_lawful = re.search(r"\b(?:found lawful|upheld|as lawful under)\b", example["source"])
    return example["basis"] in ("verbatim", "near-verbatim") and not found_lawful and not any(
        word in example["source"] for word in secondary)


def _logistic(rows: list[tuple[list[str], float]], l2: float) -> dict:
    """L2-regularised logistic regression by Adagrad, positives weighted to balance classes;
    the weights returned are the mean of those at the end of each of the last AVERAGED epochs
    (one run's last weights depend on the order of its last sentences: a sentence never seen
    scored 0.05 or 0.77 with the order shuffled by another seed)."""
    positives = sum(label for _, label in rows) or 1.0
    weight_of = {1.0: len(rows) / (2 * positives), 0.0: len(rows) / (2 * (len(rows) - positives))}
    weights: dict[str, float] = defaultdict(float)
    squares: dict[str, float] = defaultdict(lambda: 1e-8)
    bias, bias_square = 0.0, 1e-8
    order = list(range(len(rows)))
    shuffle = random.Random(13).shuffle
    summed: dict[str, float] = defaultdict(float)
    summed_bias = 0.0
    for epoch in range(EPOCHS):
        shuffle(order)
        for index in order:
            feats, label = rows[index]
            total = bias + sum(weights[f] for f in feats)
            error = (1 / (1 + math.exp(-max(-30, min(30, total)))) - label) * weight_of[label]
            for feature in feats:
                gradient = error + l2 * weights[feature]
                squares[feature] += gradient * gradient
                weights[feature] -= RATE * gradient / math.sqrt(squares[feature])
            bias_square += error * error
            bias -= RATE * error / math.sqrt(bias_square)
        if epoch >= EPOCHS - AVERAGED:
            for feature, weight in weights.items():
                summed[feature] += weight
            summed_bias += bias
    return {"bias": round(summed_bias / AVERAGED, 4), "threshold": 0.5,
            "weights": {f: round(w / AVERAGED, 4) for f, w in sorted(summed.items())
                        if abs(w / AVERAGED) >= 1e-3}}


def read_model() -> dict:
    return json.loads(gzip.decompress(OUTPUT.read_bytes()))


def write_model(model: dict) -> None:
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(model, ensure_ascii=False, separators=(",", ":")).encode()
    OUTPUT.write_bytes(gzip.compress(data, mtime=0))  # a third of the size, the same each run


def main() -> None:
    if sys.argv[1:] == ["--index"]:  # the features changed, not the labelled sentences
        model = read_model()
        index = neighbour_index(model["precedents"], model["ours"])
        write_model(dict(model, version=5, index=index))
        print(f"Wrote the neighbours' index of {OUTPUT} again; its weights are as trained")
        return
    examples, ours, ordinary = load_corpus(), app_sentences(), load_ordinary()
    rule = choose_rule_threshold(examples, ordinary)
    thresholds = choose_thresholds(examples, ours, ordinary=ordinary, rule=rule)
    write_model(train(examples, ours, thresholds=thresholds, ordinary=ordinary, rule=rule))
    print(f"Wrote {OUTPUT} ({OUTPUT.stat().st_size // 1024} KB); rule gate {rule}; risk "
          f"thresholds {thresholds}")


if __name__ == "__main__":
    main()
