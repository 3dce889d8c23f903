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


def features(text: str) -> list[str]:
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
    return sorted(found)


@dataclass(frozen=True)
class Precedent:
    """A labelled rule from the corpus: what a finding can say it reads like."""

    text: str
    area: str
    family: str
    verdict: str
    source: str
    year: int
    quoted: bool  # from a decision, memo or enforcement action, not written by us

    def sentence(self) -> str:
        what = "found unlawful" if self.area == "nlra" else "treated as a violation"
        return f'This reads like a rule {what} in {self.source}: "{self.text}"'


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
        self._precedent_features = [set(features(p.text)) for p in self.precedents]

    def scores(self, text: str) -> dict[str, float]:
        """Area -> probability that the sentence is a risky rule in that area."""
        totals = list(self.bias)
        for feature in features(text):
            row = self.weights.get(feature)
            if row:
                totals = [t + w for t, w in zip(totals, row, strict=True)]
        return {area: 1 / (1 + math.exp(-max(-30.0, min(30.0, total))))
                for area, total in zip(self.areas, totals, strict=True)}

    def risky_areas(self, text: str) -> list[str]:
        scores = self.scores(text)
        return [a for a, t in zip(self.areas, self.threshold, strict=True) if scores[a] >= t]

    def nearest(self, text: str, area: str, quoted_only: bool = False,
                minimum: float = 0.0) -> Precedent | None:
        """The most similar unlawful precedent in the area (Jaccard overlap of features)."""
        mine = set(features(text))
        best, best_score = None, minimum
        for precedent, theirs in zip(self.precedents, self._precedent_features, strict=True):
            if precedent.area != area or precedent.verdict != "unlawful" or (
                    quoted_only and not precedent.quoted):
                continue
            score = len(mine & theirs) / (len(mine | theirs) or 1)
            if score > best_score:
                best, best_score = precedent, score
        return best


@lru_cache(maxsize=1)
def model() -> Model:
    return Model(json.loads(resource_path(*MODEL_FILE).read_text(encoding="utf-8")))


@lru_cache(maxsize=65536)
def risky_areas(text: str) -> tuple[str, ...]:
    """Cached per sentence: typing changes few sentences, so a re-check costs little."""
    return tuple(model().risky_areas(text))
