"""The learned part of the risk check: a small linear model per legal area over word features,
trained offline (tests/data/corpus/train.py) and shipped as JSON, plus the nearest precedent.

Pure Python and read-only after loading, so any thread may call it at the same time.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import resource_path
from .concepts import concepts_of
from .language import normalise, rights_notes

MODEL_FILE = ("assets", "checks", "model.json")
_WORD = re.compile(r"[a-z0-9#']+")


@lru_cache(maxsize=65536)
def features(text: str) -> tuple[str, ...]:
    """Word, word-stem and two-stem features of a sentence, normalised as the rules read it,
    plus the concepts it mentions and every pair of them."""
    normalised = rights_notes(normalise(text))
    words = _WORD.findall(normalised)
    stems = [word[:5] for word in words]
    found = {f"w:{word}" for word in words} | {f"s:{stem}" for stem in stems}
    found |= {f"b:{a} {b}" for a, b in zip(stems, stems[1:], strict=False)}
    concepts = concepts_of(normalised)
    found |= {f"c:{c}" for c in concepts}
    found |= {f"cc:{a}+{b}" for i, a in enumerate(concepts) for b in concepts[i + 1:]}
    return tuple(sorted(found))


@dataclass(frozen=True)
class Precedent:
    """A labelled rule from the corpus: what a finding can say it reads like."""

    text: str
    area: str
    family: str
    verdict: str
    source: str
    year: int
    citable: bool  # from a decision, court ruling or enforcement action: a finding may name it

    def sentence(self) -> str:
        what = "found unlawful" if self.area == "nlra" else "treated as a violation"
        return f'This reads like the rule {what} in {self.source}: "{self.text}"'


class Model:
    def __init__(self, data: dict):
        self.areas: list[str] = list(data["areas"])
        self.bias = [data["areas"][a]["bias"] for a in self.areas]
        self.threshold = [data["areas"][a]["threshold"] for a in self.areas]
        self.weights: dict[str, list[float]] = {}
        for index, area in enumerate(self.areas):
            for feature, weight in data["areas"][area]["weights"].items():
                self.weights.setdefault(feature, [0.0] * len(self.areas))[index] = weight
        self.precedents = [Precedent(**p) for p in data["precedents"]]
        self._risky: dict[str, tuple[str, ...]] = {}  # sentence -> risky areas, see risky_areas
        self._precedent_features = [set(features(p.text)) for p in self.precedents]

    def scores(self, text: str) -> dict[str, float]:
        """Area -> probability that the sentence is a risky rule in that area."""
        rows = [row for row in map(self.weights.get, features(text)) if row]
        sums = [sum(column) for column in zip(*rows, strict=True)] if rows else [0.0] * len(
            self.areas)
        return {area: 1 / (1 + math.exp(-max(-30.0, min(30.0, bias + total))))
                for area, bias, total in zip(self.areas, self.bias, sums, strict=True)}

    def risky_areas(self, text: str) -> tuple[str, ...]:
        """The areas in which the sentence reads as a risky rule. Remembered per sentence (a
        re-check after an edit costs only the changed sentences); safe across threads, since a
        dict assignment is atomic."""
        found = self._risky.get(text)
        if found is None:
            if len(self._risky) > 100_000:
                self._risky.clear()
            scores = self.scores(text)
            found = self._risky[text] = tuple(
                a for a, t in zip(self.areas, self.threshold, strict=True) if scores[a] >= t)
        return found

    def forget(self) -> None:
        """Drop the remembered results (for measuring a cold check)."""
        self._risky.clear()

    def nearest(self, text: str, area: str, citable_only: bool = False,
                minimum: float = 0.0) -> Precedent | None:
        """The most similar unlawful precedent in the area (Jaccard overlap of features)."""
        mine = set(features(text))
        best, best_score = None, minimum
        for precedent, theirs in zip(self.precedents, self._precedent_features, strict=True):
            if precedent.area != area or precedent.verdict != "unlawful" or (
                    citable_only and not precedent.citable):
                continue
            score = len(mine & theirs) / (len(mine | theirs) or 1)
            if score > best_score:
                best, best_score = precedent, score
        return best


@lru_cache(maxsize=1)
def model() -> Model:
    return Model(json.loads(resource_path(*MODEL_FILE).read_text(encoding="utf-8")))
