"""The learned part of the risk check: a small linear model per legal area over word features,
trained offline (tests/data/corpus/train.py) and shipped as gzipped JSON, the vote of the labelled
sentences most like a new one, and the nearest precedent.

Pure Python and read-only after loading, so any thread may call it at the same time.
"""

from __future__ import annotations

import gzip
import heapq
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from operator import truediv

from ..resources import resource_path
from .concepts import concepts_of
from .language import normalise, rights_notes

MODEL_FILE = ("assets", "checks", "model.json.gz")  # 10 MB of JSON, 3.2 MB shipped
# A sentence is read in the area it is most about; a second area must be this sure of its topic
# too ("Never say anything negative about the bosses" is about staff, not reviews).
SURE_TOPIC = 0.9
# How many labelled sentences vote on a new one (a conventional k, not tuned), and the share of
# the labelled sentences above which a feature is too common to tell sentences apart.
NEIGHBOURS, COMMON = 5, 0.2
# How many of an area's unlawful rules most like a sentence (every feature weighted by how rare
# it is in the corpus) name the kind of rule a finding reports; chosen among 1-15 by source-
# split cross-validation of the finding's family (README).
FAMILY_NEIGHBOURS = 9
_WORD = re.compile(r"[a-z0-9#']+|[,;:()]")
# Words that open a scope: what follows them, up to the end of the clause, is forbidden ("n"),
# allowed ("p"), required ("o"), limited ("y"), or excepted ("x"). "Never post patient photos"
# and "Post patient photos" then differ in every feature that matters, not in one word.
_SCOPES = {**dict.fromkeys(("not", "never", "no", "nobody", "nothing", "without", "avoid",
                            "refrain", "prohibited", "forbidden", "banned", "off-limits",
                            "instead", "rather", "stays", "stay", "keep"), "n"),
           **dict.fromkeys(("may", "can", "free", "fine", "ok", "okay", "allowed", "welcome",
                            "encouraged", "feel", "whenever", "however"), "p"),
           **dict.fromkeys(("must", "should", "shall", "need", "needs", "required", "always",
                            "have", "has", "expected"), "o"),
           **dict.fromkeys(("only",), "y"),
           **dict.fromkeys(("except", "unless", "if", "as", "when", "before", "after",
                            "until", "but"), "x")}
_CLAUSE_END = {",", ";", ":", "(", ")", "and", "or", "but", "unless", "except", "if"}
_COMPANY = {"we", "our", "us", "company", "firm", "management", "managers", "hr",
            "compliance"}
_STAFF = {"you", "your", "employees", "staff", "workers", "reps", "advisers", "advisors",
          "nurses", "brokers", "bankers", "team", "everyone", "anyone"}


@lru_cache(maxsize=65536)
def features(text: str) -> tuple[str, ...]:
    """Word, word-stem and two-stem features of a sentence, normalised as the rules read it;
    each stem again with the scope it stands in (forbidden, allowed, required...);
    who the sentence is about; and the concepts it mentions and every pair of them."""
    normalised = rights_notes(normalise(text))
    tokens = _WORD.findall(normalised)
    words = [t for t in tokens if t not in ",;:()"]
    stems = [word[:5] for word in words]
    found = {f"w:{word}" for word in words} | {f"s:{stem}" for stem in stems}
    found |= {f"b:{a} {b}" for a, b in zip(stems, stems[1:], strict=False)}
    found |= _scoped(tokens)
    first = words[0] if words else ""
    found.add("who:company" if first in _COMPANY or first == "the" and words[1:2] == [
        "company"] else "who:staff" if first in _STAFF else "who:imperative")
    concepts = concepts_of(normalised)
    found |= {f"c:{c}" for c in concepts}
    found |= {f"cc:{a}+{b}" for i, a in enumerate(concepts) for b in concepts[i + 1:]}
    return tuple(sorted(found))


def _scoped(tokens: list[str]) -> set[str]:
    """Each stem prefixed by the scope it stands in ("n:patie" after "never")."""
    found, scope = set(), ""
    for token in tokens:
        if token in _SCOPES:
            scope = _SCOPES[token]
            found.add(f"m:{scope}")
        elif token in _CLAUSE_END:
            scope = ""
        elif scope:
            found.add(f"{scope}:{token[:5]}")
    return found


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


def _sigmoid(total: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, total))))


def probability(part: dict, feats: tuple[str, ...]) -> float:
    """One logistic model ({"bias", "weights"}) applied to a sentence's features."""
    weights = part["weights"]
    return _sigmoid(part["bias"] + sum(weights.get(feature, 0.0) for feature in feats))


class Model:
    """Per area, a topic gate (is the sentence about this area at all?) and a risk model
    trained on that area's sentences only (is it the risky kind?), so one area's vocabulary
    never raises another area's alarm: a sentence is risky in an area when both say so. A
    second opinion can only add to that: the labelled sentences most like it (cosine over the
    same features, the commonest left out) vote, and a sentence whose vote for "unlawful in
    this area" reaches the area's vote threshold is risky there too. The weights are stored
    per feature as one row (every area's topic, then every area's risk), so a sentence costs
    one lookup per feature. Before any of that, a rule gate asks whether the sentence is a rule
    or practice at all (the labelled rules against ordinary sentences an owner writes: "Tag us
    in your photos!", "Our service bay opens at 7:30."); below its threshold the model finds
    nothing, whatever its words share with a risky rule."""

    def __init__(self, data: dict):
        self.areas: list[str] = list(data["areas"])
        parts = [data["areas"][a][kind] for kind in ("topic", "risk") for a in self.areas]
        parts.append(data["rule"])  # the last column: the rule gate
        self.bias = [part["bias"] for part in parts]
        self.threshold = [part["threshold"] for part in parts]
        self.vote_threshold = [data["areas"][a]["risk"]["vote"] for a in self.areas]
        self.weights: dict[str, list[float]] = {}
        for index, part in enumerate(parts):
            for feature, weight in part["weights"].items():
                self.weights.setdefault(feature, [0.0] * len(parts))[index] = weight
        self.precedents = [Precedent(**p) for p in data["precedents"]]  # lawful ones too
        index = data["index"]  # neighbour_index(), computed when the model was written
        self._postings: dict[str, list[int]] = index["postings"]
        self._telling = self._postings.keys()
        self._roots = [math.sqrt(size or 1) for size in index["sizes"]]
        # what each labelled sentence is: the area it is an unlawful rule in, else None
        self._verdicts = [p.area if p.verdict == "unlawful" else None for p in self.precedents]
        self._verdicts += [None] * len(data["ours"])
        self._rarity = {f: math.log(len(self.precedents) / count) ** 2
                        for f, count in index["counts"].items()}
        self._risky: dict[str, tuple[str, ...]] = {}  # sentence -> risky areas, see risky_areas
        # area -> its unlawful precedents with their features and sizes, read when first asked
        self._alike: dict[str, list[tuple[Precedent, set[str], float]]] = {}

    def _unlawful(self, area: str) -> list[tuple[Precedent, set[str], float]]:
        """The area's unlawful precedents, each with its features and its length as family()
        weighs features (by rarity): worked out the first time a finding in the area needs
        them, not as the model loads (a second for the whole corpus)."""
        found = self._alike.get(area)
        if found is None:
            found = []
            for precedent in self.precedents:
                if precedent.verdict == "unlawful" and precedent.area == area:
                    theirs = set(features(precedent.text))
                    size = math.sqrt(sum(self._rarity.get(f, 0.0) for f in theirs) or 1.0)
                    found.append((precedent, theirs, size))
            self._alike[area] = found  # one assignment: safe across threads
        return found

    def votes(self, text: str) -> dict[str, float]:
        """Area -> the share (weighted by likeness) of the NEIGHBOURS labelled sentences most
        like this one (cosine over the telling features) that are unlawful rules in that area."""
        return self._votes(frozenset(self._telling & set(features(text))))

    @lru_cache(maxsize=65536)  # noqa: B019 (one model per process, kept for its whole life)
    def _votes(self, mine: frozenset[str]) -> dict[str, float]:
        """votes() of a sentence with these telling features: the same for sentences that
        differ only in words the corpus never had (list rows: "Client contract 12", "... 13")."""
        shared = Counter(chain.from_iterable(map(self._postings.__getitem__, mine)))
        likeness = list(map(truediv, shared.values(), map(self._roots.__getitem__, shared)))
        # the NEIGHBOURS largest (likeness, number) pairs, as heapq.nlargest gives them, from
        # the few pairs at or above the NEIGHBOURS-th likeness: a sort of floats in C, not a
        # Python loop over thousands of pairs (a third of a 2,000-row check)
        least = sorted(likeness)[-NEIGHBOURS] if len(likeness) > NEIGHBOURS else 0.0
        nearest = sorted(((alike, number) for alike, number in zip(likeness, shared, strict=True)
                          if alike >= least), reverse=True)[:NEIGHBOURS]
        whole = sum(likeness for likeness, _ in nearest) or 1.0
        found: dict[str, float] = {}
        for likeness, number in nearest:
            area = self._verdicts[number]
            if area is not None:
                found[area] = found.get(area, 0.0) + likeness / whole
        return found

    def set_risk_thresholds(self, threshold: float, vote: float) -> None:
        """Every area's risk and vote thresholds set to one value each (for choosing them)."""
        count = len(self.areas)
        self.threshold[count:2 * count] = [threshold] * count
        self.vote_threshold = [vote] * len(self.areas)
        self._risky.clear()  # the votes do not depend on it

    def _probabilities(self, text: str) -> list[float]:
        """Every part's probability for the sentence: each area's topic, each area's risk, and
        the rule gate's (that it is a rule or practice at all)."""
        rows = [row for row in map(self.weights.get, features(text)) if row]
        sums = [sum(column) for column in zip(*rows, strict=True)] if rows else [0.0] * len(
            self.bias)
        return [_sigmoid(bias + total) for bias, total in zip(self.bias, sums, strict=True)]

    def risky_areas(self, text: str) -> tuple[str, ...]:
        """The areas in which the sentence, if the rule gate reads it as a rule, reads as a risky
        one: the area it is most about (or one nearly as sure of its topic) when that area's
        risk model agrees, or the neighbours' vote says so. Remembered per
        sentence (a re-check after an edit costs only the changed sentences); safe across
        threads, since a dict assignment is atomic."""
        found = self._risky.get(text)
        if found is None:
            if len(self._risky) > 100_000:
                self._risky.clear()
            probabilities, count = self._probabilities(text), len(self.areas)
            if probabilities[-1] < self.threshold[-1]:  # no rule at all (the class's note)
                found = ()
            else:
                topics, risks = probabilities[:count], probabilities[count:2 * count]
                topmost, votes = max(topics), self.votes(text)
                found = tuple(
                    area for i, (area, topic, risk) in enumerate(zip(self.areas, topics, risks,
                                                                     strict=True))
                    if topic >= self.threshold[i] and (topic == topmost or topic >= SURE_TOPIC)
                    and risk >= self.threshold[count + i]
                    or votes.get(area, 0.0) >= self.vote_threshold[i])
            self._risky[text] = found
        return found

    def forget(self) -> None:
        """Drop the remembered results (for measuring a cold check)."""
        self._risky.clear()
        Model._votes.cache_clear()

    def family(self, text: str, area: str) -> str | None:
        """The kind of unlawful rule (family id) the sentence is in that area: the one most of
        the FAMILY_NEIGHBOURS unlawful rules of the area most like it share, weighted by
        likeness (cosine over features weighted by their rarity in the corpus, so "employees may
        not" counts for little and "payroll" for much)."""
        mine = set(features(text))
        rarity = self._rarity.get
        size = math.sqrt(sum(rarity(f, 0.0) for f in mine)) or 1.0
        alike = [(sum(rarity(f, 0.0) for f in mine & theirs) / (size * theirs_size), precedent)
                 for precedent, theirs, theirs_size in self._unlawful(area)]
        shares: dict[str, float] = {}
        for likeness, precedent in heapq.nlargest(FAMILY_NEIGHBOURS, alike,
                                                  key=lambda pair: pair[0]):
            shares[precedent.family] = shares.get(precedent.family, 0.0) + likeness
        return max(shares, key=shares.__getitem__) if shares else None

    def nearest(self, text: str, area: str, citable_only: bool = False,
                minimum: float = 0.0, family: str | None = None) -> Precedent | None:
        """The most similar unlawful precedent in the area, of that family if given (Jaccard
        overlap of features)."""
        mine = set(features(text))
        best, best_score = None, minimum
        for precedent, theirs, _ in self._unlawful(area):
            if citable_only and not precedent.citable or family not in (None, precedent.family):
                continue
            shared = len(mine & theirs)
            score = shared / (len(mine) + len(theirs) - shared or 1)
            if score > best_score:
                best, best_score = precedent, score
        return best


def neighbour_index(precedents: list[dict], ours: list[str]) -> dict:
    """What the model's neighbours read, worked out from the labelled sentences (precedents,
    then our own text and the ordinary sentences) when the model is written (train.py), not
    each time it loads: from each telling feature (one not too common to tell sentences apart)
    to the numbers of the sentences that have it; how many telling features each sentence has;
    and in how many precedents each feature is (its rarity)."""
    rows = [set(features(text)) for text in [p["text"] for p in precedents] + ours]
    counts = Counter(chain.from_iterable(rows))
    telling = {f for f, count in counts.items() if count <= COMMON * len(rows)}
    postings: dict[str, list[int]] = {}
    for number, row in enumerate(rows):
        for feature in sorted(row & telling):
            postings.setdefault(feature, []).append(number)
    return {"postings": dict(sorted(postings.items())),
            "sizes": [len(row & telling) for row in rows],
            "counts": dict(sorted(Counter(chain.from_iterable(rows[:len(precedents)])).items()))}


@lru_cache(maxsize=1)
def model() -> Model:
    return Model(json.loads(gzip.decompress(resource_path(*MODEL_FILE).read_bytes())))
