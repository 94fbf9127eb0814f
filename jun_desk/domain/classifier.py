"""The learned half of triage: a linear model over words and character n-grams.

Features are taken from folded text (no accents, no case, ñ → n), so 'farola', 'Faróla' and
'FAROLA' are one word; character n-grams inside each word (with its edges marked) make
'farolas', 'farolillo' and the typo 'farloa' share most of their features with 'farola';
adjacent word pairs keep short phrases ('corte de luz' → 'corte de', 'de luz'). Every
feature is hashed into a fixed space (``FEATURE_BITS``), so a model is a table from hashed
feature to one weight per department, and a text's vector can be kept without its words.

Prediction is a sparse dot product. A word always brings the same features, so its
contribution to each department is computed once and remembered: a text costs about one
dictionary look-up and one short vector sum per word. Training lives in
``jun_desk.domain.training``; this module only reads a model.
"""

from __future__ import annotations

import base64
import gzip
import json
import math
import re
import zlib
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from operator import add
from typing import Any

from jun_desk.domain.errors import bad_resource
from jun_desk.domain.text import MENTION, fold

FEATURE_BITS = 20
_MASK = (1 << FEATURE_BITS) - 1
NGRAM_SIZES = (3, 4, 5)
MAX_WORDS = 400  # a 100,000-character message is judged on its first 400 words
MAX_WORD = 30  # longer 'words' (links, keyboard mashing) are cut
RULES_WEIGHT = 1.5
FORMAT = "jun-desk-triage-model/2"

# Function words the model may weigh but the operator learns nothing from in a reason.
_FUNCTION_WORDS = frozenset({
    "a", "al", "algo", "ante", "como", "con", "contra", "de", "del", "desde", "donde", "el",
    "ella", "ellos", "en", "entre", "era", "es", "esa", "ese", "eso", "esta", "estan", "estas",
    "este", "esto", "estos", "fue", "ha", "han", "hay", "hace", "la", "las", "le", "les", "lo",
    "los", "mas", "me", "mi", "mis", "muy", "nada", "ni", "no", "nos", "o", "os", "otra",
    "otro", "para", "pero", "poco", "por", "porque", "que", "se", "ser", "si", "sin", "sobre",
    "son", "su", "sus", "tambien", "te", "ti", "todo", "todos", "tu", "un", "una", "uno",
    "unos", "unas", "ya", "y", "yo", "the", "and", "of", "to", "in", "is", "it", "that", "for",
    "on", "with", "this", "are", "be", "at", "was", "have", "not", "you", "from", "my", "our",
})
_URL = re.compile(r"https?://\S+|www\.\S+")
_TOKEN = re.compile(r"[^\W\d_]{2,}")  # letters only: numbers and '_' carry no department


def _hash(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & _MASK


def tokens(text: str) -> list[str]:
    """The words a model sees: folded, without handles and links, letters only."""
    return folded_tokens(fold(MENTION.sub(" ", text)))


def folded_tokens(folded: str) -> list[str]:
    """``tokens`` of a text already folded with its handles taken out."""
    if "http" in folded or "www" in folded:
        folded = _URL.sub(" ", folded)
    return [w if len(w) <= MAX_WORD else w[:MAX_WORD] for w in _TOKEN.findall(folded)[:MAX_WORDS]]


def word_features(word: str) -> list[int]:
    """Hashed features one word brings: the word itself and its character n-grams."""
    ids = [_hash("w " + word)]
    marked = f"<{word}>"
    size = len(marked)
    for n in NGRAM_SIZES:
        if n >= size:  # a short word is its own n-gram already
            break
        ids.extend(_hash(marked[i:i + n]) for i in range(size - n + 1))
    return ids


def pair_feature(first: str, second: str) -> int:
    return _hash(f"p {first} {second}")


def text_features(text: str) -> dict[int, float]:
    """A text as a sparse vector (hashed feature → value), scaled to unit length as the
    model was trained."""
    words = tokens(text)
    counts: dict[int, float] = {}
    total = 0
    for word in words:
        for f in word_features(word):
            counts[f] = counts.get(f, 0.0) + 1.0
            total += 1
    for first, second in pairwise(words):
        f = pair_feature(first, second)
        counts[f] = counts.get(f, 0.0) + 1.0
        total += 1
    if total:
        scale = 1.0 / math.sqrt(total)
        for f in counts:
            counts[f] *= scale
    return counts


@dataclass(frozen=True, slots=True)
class Prediction:
    department: str | None  # None: no words to judge
    probability: float  # the winner's own probability, 0..1
    runner_up: str | None
    evidence: tuple[str, ...]  # the words (or pairs) that weighed most for the winner
    probabilities: tuple[float, ...] = ()  # every department's, in model order

    @property
    def empty(self) -> bool:
        return self.department is None


_CACHE_LIMIT = 200_000

# What the routing confidence is learned from (issue 26): the gap between the two most
# likely departments, the same gap in log-odds, the winner's own probability, and whether
# the rules' verdict names the winner (+1), another department (-1) or none (0).
CONFIDENCE_FEATURES = ("gap", "log_odds_gap", "top", "rules")
CONFIDENCE = "confidence"  # the model's meta key holding the learned mapping


def _logit(p: float) -> float:
    p = min(1.0 - 1e-9, max(1e-9, p))
    return math.log(p / (1.0 - p))


def confidence_features(probabilities: Sequence[float], rules: int = 0) -> list[float]:
    """The values the routing confidence is learned from (see ``CONFIDENCE_FEATURES``),
    from each department's probability (the rules' lift applied) and the rules' say."""
    ranked = sorted(probabilities, reverse=True)
    top = ranked[0] if ranked else 0.0
    second = ranked[1] if len(ranked) > 1 else 0.0
    return [top - second, (_logit(top) - _logit(second)) / 10.0, top, float(rules)]


def learned_confidence(mapping: Mapping[str, Any], features: Sequence[float]) -> float:
    """A mapping's probability that the answer is right (logistic over the features)."""
    weights = mapping.get("weights") or []
    s = float(mapping.get("bias", 0.0)) + sum(
        float(w) * x for w, x in zip(weights, features, strict=False))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, s))))


class LinearModel:
    """One-vs-rest logistic regression over hashed features, ready to predict."""

    def __init__(self, classes: list[str], weights: Mapping[int, Sequence[float]],
                 bias: list[float], *, threshold: float = 0.5, meta: dict[str, Any] | None = None,
                 urgency_threshold: float | None = None) -> None:
        heads = len(classes) + (urgency_threshold is not None)
        if not classes or len(bias) != heads:
            raise bad_resource("A triage model needs its departments and one bias each")
        # An optional last column, beside the departments: is the message urgent? (learned
        # from the corpus's urgency labels; urgent at ``urgency_threshold`` or above).
        self.urgency_threshold = urgency_threshold
        self._n = len(classes)
        self.classes = tuple(classes)
        self.weights = weights
        self.bias = list(bias)
        self.threshold = threshold
        self.meta = dict(meta or {})
        # How much the rules' confidence adds to a department's share (see Triage).
        self.rules_weight = float(self.meta.get("rules_weight", RULES_WEIGHT))
        self._zero = [0.0] * heads
        self._words: dict[str, tuple[list[float], int]] = {}
        # Loaded models hold tuples, trained ones lists: read-only sequences either way.
        self._pairs: dict[tuple[str, str], Sequence[float] | None] = {}

    # ------------------------------------------------------------------ predicting
    def _word(self, word: str) -> tuple[list[float], int]:
        """(the word's summed weights per department, how many features it brings)."""
        found = self._words.get(word)
        if found is not None:
            return found
        ids = word_features(word)
        vector = self._zero
        weights = self.weights
        for f in ids:
            w = weights.get(f)
            if w is not None:
                vector = list(map(add, vector, w))
        found = (vector, len(ids))
        if len(self._words) >= _CACHE_LIMIT:
            self._words.clear()
        self._words[word] = found
        return found

    def _pair(self, pair: tuple[str, str]) -> Sequence[float] | None:
        try:
            return self._pairs[pair]
        except KeyError:
            vector = self.weights.get(pair_feature(*pair))
            if len(self._pairs) >= _CACHE_LIMIT:
                self._pairs.clear()
            self._pairs[pair] = vector
            return vector

    def scores(self, text: str, words: list[str] | None = None,
               ) -> tuple[list[float], list[tuple[str, Sequence[float]]]]:
        """Decision values per department and each word's (or pair's) contribution.
        ``words``: the text's ``tokens`` when the caller has them already."""
        if words is None:
            words = tokens(text)
        if not words:
            return list(self.bias), []
        total = len(words) - 1  # one pair feature between each two words
        parts: list[tuple[str, Sequence[float]]] = []
        zero = self._zero
        cached_words = self._words
        for word in words:
            found = cached_words.get(word)
            vector, count = found if found is not None else self._word(word)
            total += count
            if vector is not zero:
                parts.append((word, vector))
        cached_pairs = self._pairs
        for pair in pairwise(words):
            pair_vector = (cached_pairs.get(pair, zero) if pair in cached_pairs
                           else self._pair(pair))
            if pair_vector is not None and pair_vector is not zero:
                parts.append((" ".join(pair), pair_vector))
        scale = 1.0 / math.sqrt(total)
        if not parts:
            return list(self.bias), parts
        summed = map(sum, zip(*(v for _n, v in parts), strict=True))
        return [s * scale + b for s, b in zip(summed, self.bias, strict=True)], parts

    def probabilities(self, words: list[str]
                      ) -> tuple[list[float], list[tuple[str, Sequence[float]]]]:
        """Each department's own probability (one-vs-rest: they need not sum to 1, and all
        stay low when no department recognises the message) and the words' contributions."""
        probs, parts, _urgent = self.judge(words)
        return probs, parts

    def judge(self, words: list[str],
              ) -> tuple[list[float], list[tuple[str, Sequence[float]]], bool]:
        """``probabilities`` and whether the urgency head finds the message urgent."""
        raw, parts = self.scores("", words)
        probs = [1.0 / (1.0 + math.exp(-s)) if s > -30.0 else 0.0 for s in raw]
        if self.urgency_threshold is None:
            return probs, parts, False
        return probs[:self._n], parts, bool(parts) and probs[self._n] >= self.urgency_threshold

    def explain(self, parts: list[tuple[str, Sequence[float]]], department: str,
                evidence: int = 3) -> tuple[str, ...]:
        """The words (or pairs) that pushed ``department`` ahead of the others most."""
        if department not in self.classes or not parts or not evidence:
            return ()
        k = self.classes.index(department)
        others = len(self.classes) - 1 or 1
        # A part's lift: its weight for the department less its mean weight for the others.
        own = 1.0 + 1.0 / others
        if self.urgency_threshold is None:
            lifts = [(v[k] * own - sum(v) / others, name) for name, v in parts]
        else:  # the urgency column is no department
            n = self._n
            lifts = [(v[k] * own - (sum(v) - v[n]) / others, name) for name, v in parts]
        lifts.sort(reverse=True)
        shown: list[str] = []
        for lift, name in lifts:
            if lift <= 0 or len(shown) >= evidence:
                break
            if name not in shown and not _FUNCTION_WORDS.issuperset(name.split()):
                shown.append(name)
        return tuple(shown)

    def predict(self, text: str, evidence: int = 3,
                words: list[str] | None = None) -> Prediction:
        if words is None:
            words = tokens(text)
        if not words:
            return Prediction(None, 0.0, None, ())
        probs, parts = self.probabilities(words)
        best = max(range(len(probs)), key=probs.__getitem__)
        second = max((k for k in range(len(probs)) if k != best), key=probs.__getitem__,
                     default=None)
        return Prediction(self.classes[best], probs[best],
                          self.classes[second] if second is not None else None,
                          self.explain(parts, self.classes[best], evidence), tuple(probs))

    def confidence(self, probabilities: Sequence[float], rules: int = 0) -> float:
        """How likely the most probable department is right, 0..1: learned on held-out
        training answers when the model carries the mapping (issue 26), else the winner's
        own probability. ``rules``: +1 the rules name the winner, -1 another, 0 none."""
        probs = list(probabilities)[:self._n]
        if not probs:
            return 0.0
        mapping = self.meta.get(CONFIDENCE)
        if not isinstance(mapping, Mapping):
            return max(probs)
        return learned_confidence(mapping, confidence_features(probs, rules))

    # ------------------------------------------------------------------ storing
    def to_bytes(self) -> bytes:
        """The model as one compressed blob (resources file or database row)."""
        keys = array("I", sorted(self.weights))
        # Weights as 16-bit integers of one scale: half the size, no loss that matters.
        top = max((abs(x) for w in self.weights.values() for x in w), default=1.0) or 1.0
        scale = top / 32767
        values = array("h")
        width = len(self.bias)
        for k in keys:
            w = self.weights[k]
            if len(w) != width:
                raise bad_resource("A triage model's weights do not match its heads")
            values.extend(round(x / scale) for x in w)
        header = {"scale": scale, "urgency_threshold": self.urgency_threshold,
                  "format": FORMAT, "classes": list(self.classes), "bias": self.bias,
                  "threshold": self.threshold, "feature_bits": FEATURE_BITS,
                  "ngrams": list(NGRAM_SIZES), "meta": self.meta,
                  "keys": base64.b64encode(keys.tobytes()).decode("ascii"),
                  "values": base64.b64encode(values.tobytes()).decode("ascii")}
        return gzip.compress(json.dumps(header).encode("utf-8"), mtime=0)

    @classmethod
    def from_bytes(cls, blob: bytes) -> LinearModel:
        try:
            header = json.loads(gzip.decompress(blob))
            if header.get("format") != FORMAT or header.get("feature_bits") != FEATURE_BITS:
                raise ValueError(f"unknown format {header.get('format')!r}")
            classes = list(header["classes"])
            keys = array("I")
            keys.frombytes(base64.b64decode(header["keys"]))
            values = array("h")
            values.frombytes(base64.b64decode(header["values"]))
            scale = float(header["scale"])
        except (OSError, EOFError, ValueError, KeyError, TypeError) as exc:
            raise bad_resource(f"Cannot read the triage model: {exc}") from None
        n = len(header["bias"])
        if len(values) != len(keys) * n:
            raise bad_resource("Cannot read the triage model: weights do not match")
        flat = [x * scale for x in values]
        weights = dict(zip(keys, zip(*[iter(flat)] * n, strict=True), strict=True))
        urgency = header.get("urgency_threshold")
        return cls(classes, weights, list(header["bias"]),
                   threshold=float(header.get("threshold", 0.5)), meta=header.get("meta", {}),
                   urgency_threshold=float(urgency) if urgency is not None else None)

    # ------------------------------------------------------------------ the urgency head
    def urgency_head(self) -> tuple[dict[int, float], float, float] | None:
        """(weights, bias, threshold) of the urgency column, if the model has one."""
        if self.urgency_threshold is None:
            return None
        n = self._n
        return ({f: w[n] for f, w in self.weights.items() if w[n]}, self.bias[n],
                self.urgency_threshold)

    def with_urgency(self, head: tuple[dict[int, float], float, float] | None) -> LinearModel:
        """This model's departments with ``head`` as its urgency column (or none)."""
        n = self._n
        weights: dict[int, Sequence[float]] = {f: tuple(w[:n]) for f, w in self.weights.items()}
        bias = self.bias[:n]
        if head is None:
            return LinearModel(list(self.classes), weights, bias, threshold=self.threshold,
                               meta=self.meta)
        urgent, urgent_bias, threshold = head
        zero = (0.0,) * n
        merged = {f: (*w, urgent.get(f, 0.0)) for f, w in weights.items()}
        for f, x in urgent.items():
            if f not in merged:
                merged[f] = (*zero, x)
        return LinearModel(list(self.classes), merged, [*bias, urgent_bias],
                           threshold=self.threshold, meta=self.meta,
                           urgency_threshold=threshold)
