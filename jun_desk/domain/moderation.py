"""Moderation of replies under the town's posts: what a reply may break, and why.

Pure Python. ``ModerationDetector.assess`` returns flags, each with the words or signals that
raised it; a flag is a suggestion for a person, never an action. The lexicon is a resources
file (``resources/moderation/lexicon.toml``), the policy with its reasons another
(``resources/moderation/policy.json``, Spanish and English, published to citizens).

Normalisation reads the usual disguises: digits and symbols used as letters
(``g1l1p0ll4s``), letters spelled apart (``g.i.l.i.p.o.l.l.a.s``), repeated letters
(``tontoooo``) and asterisks inside a word (``mi*rda``).
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from jun_desk.domain.errors import ValidationError, bad_resource
from jun_desk.domain.privacy import PersonalData, PrivacyScanner
from jun_desk.domain.text import fold, strip_leading_mentions


class Category(StrEnum):
    INSULT = "insult"
    THREAT = "threat"
    HATE = "hate"
    SPAM = "spam"
    PERSONAL_DATA = "personal_data"
    ADVERTISING = "advertising"


class ActionKind(StrEnum):
    HIDE = "hide"
    MUTE = "mute"
    DELETE = "delete"


class ActionStatus(StrEnum):
    PROPOSED = "proposed"  # waits for a supervisor
    APPLIED = "applied"  # X did it
    REJECTED = "rejected"  # a supervisor said no
    UNDONE = "undone"  # unhidden / unmuted


# ---------------------------------------------------------------------------- policy
@dataclass(frozen=True, slots=True)
class PolicyReason:
    code: str
    actions: tuple[ActionKind, ...]
    titles: dict[str, str]
    texts: dict[str, str]

    def title(self, language: str = "es") -> str:
        return self.titles.get(language[:2], self.titles["es"])

    def text(self, language: str = "es") -> str:
        return self.texts.get(language[:2], self.texts["es"])


@dataclass(frozen=True)
class Policy:
    version: str
    reasons: dict[str, PolicyReason]
    published: dict[str, str]
    # Reasons an operator may apply without a supervisor when the detector calls the reply
    # obvious (by default: obvious spam).
    operator_direct: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path) -> Policy:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            reasons = {}
            for entry in data["reasons"]:
                reasons[entry["code"]] = PolicyReason(
                    entry["code"], tuple(ActionKind(a) for a in entry["actions"]),
                    {lang: entry[lang]["title"] for lang in ("es", "en")},
                    {lang: entry[lang]["text"] for lang in ("es", "en")})
            return cls(str(data.get("version", "")), reasons, dict(data["published"]),
                       frozenset(data.get("operator_direct", [])))
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise bad_resource(f"The moderation policy {path} cannot be read: {err}") \
                from None

    def reason(self, code: str, action: ActionKind | None = None) -> PolicyReason:
        found = self.reasons.get(code)
        if found is None:
            raise ValidationError.of("moderation.unknown_reason", value=code,
                                     reasons=list(self.reasons))
        if action is not None and action not in found.actions:
            raise ValidationError.of(
                "moderation.reason_not_for", move=action.value, value=code,
                reasons=[c for c, r in self.reasons.items() if action in r.actions])
        return found


# ---------------------------------------------------------------------------- normalising
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a",
                       "$": "s", "€": "e", "|": "i", "!": "i"})
_SPELLED = re.compile(r"(?<!\w)(?:\w[.\-_·* ]){2,}\w(?!\w)")
_WORD = re.compile(r"[\w*]+")
_HAS_LETTER = re.compile(r"[a-zñ]")
_REPEAT = re.compile(r"(\w)\1{2,}")


def _deleet(token: str) -> str:
    """Digits and symbols inside a word that also holds letters read as letters."""
    if len(_HAS_LETTER.findall(token)) >= 2 and not token.isalpha():  # not '2x1', 'A4'
        return token.translate(_LEET)
    return token


def normalise(text: str) -> str:
    """Folded text with disguises undone (not squeezed): 'G1L1P0LL4S!!' → 'gilipollas'."""
    folded = fold(strip_leading_mentions(text))
    folded = re.sub(r"https?://\S+", " ", folded)
    # '@' and '$' inside a word are letters (m@mon); '@' before a handle is not
    folded = re.sub(r"(?<=\w)[@$](?=\w)|(?<=\w)[@$](?!\w)",
                    lambda m: m.group(0).translate(_LEET), folded)
    folded = _SPELLED.sub(lambda m: re.sub(r"[.\-_·* ]", "", m.group(0))
                          if all(len(p) == 1 for p in re.split(r"[.\-_·* ]", m.group(0)))
                          else m.group(0), folded)
    tokens = re.findall(r"[\w*@$€|!]+|[^\w\s]", folded)
    return " ".join(_deleet(t.strip("!|")) or t for t in tokens)


def squeeze(word: str) -> tuple[str, ...]:
    """A word with three or more of a letter read with two and with one ('gilipolllas' →
    'gilipollas', 'tontooo' → 'tonto'); other words as they are ('perro' stays)."""
    if not _REPEAT.search(word):
        return (word,)
    return (_REPEAT.sub(r"\1\1", word), _REPEAT.sub(r"\1", word))


def words(normalised: str) -> list[str]:
    return _WORD.findall(normalised)


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    words: tuple[str, ...]
    prefix: bool


class _Lexicon:
    """Words and phrases; a word holding '*' (mi*rda) matches any letter there."""

    def __init__(self, entries: list[str]) -> None:
        self._by_first: dict[str, list[_Entry]] = {}
        self._prefix: list[_Entry] = []
        self._prefix_by_head: dict[str, list[tuple[int, _Entry]]] = {}
        for raw in entries:
            prefix = raw.endswith("*")
            ws = tuple(_WORD.findall(fold(raw.rstrip("*"))))
            if not ws:
                continue
            entry = _Entry(raw.rstrip("*"), ws, prefix)
            if prefix and len(ws) == 1:
                self._prefix_by_head.setdefault(ws[0][:2], []).append((len(self._prefix),
                                                                        entry))
                self._prefix.append(entry)
            else:
                self._by_first.setdefault(ws[0], []).append(entry)

    @classmethod
    def _same(cls, token: str, word: str, prefix: bool) -> bool:
        return any(cls._same_one(t, word, prefix) for t in squeeze(token))

    @staticmethod
    def _same_one(token: str, word: str, prefix: bool) -> bool:
        if "*" in token and token.strip("*"):
            if prefix and len(token) > len(word):
                token = token[:len(word)]
            return len(token) == len(word) and all(a in ("*", b) for a, b in zip(token, word,
                                                                                 strict=True))
        return token.startswith(word) if prefix else token == word

    def find(self, tokens: list[str]) -> list[tuple[int, int, str]]:
        """(start, end, entry) of each match."""
        found = []
        for i, token in enumerate(tokens):
            candidates = [e for t in squeeze(token) for e in self._by_first.get(t, ())]
            if "*" in token:
                candidates += [e for lst in self._by_first.values() for e in lst]
            for entry in candidates:
                n = len(entry.words)
                if i + n <= len(tokens) and all(
                        self._same(tokens[i + k], w, entry.prefix and k == n - 1)
                        for k, w in enumerate(entry.words)):
                    found.append((i, i + n, entry.name))
            for entry in self._prefixed(token):
                if self._same(token, entry.words[0], True):
                    found.append((i, i + 1, entry.name))
        return found

    def _prefixed(self, token: str) -> list[_Entry]:
        """The one-word prefix entries that can match ``token``: those beginning as it does
        (all of them when a '*' stands in its first two letters), in the lexicon's order."""
        if "*" in token[:2]:
            return self._prefix
        heads = {form[:n] for form in squeeze(token) for n in (1, 2)}
        return [e for _n, e in sorted(p for h in heads for p in self._prefix_by_head.get(h, ()))]


# ---------------------------------------------------------------------------- detecting
@dataclass(frozen=True, slots=True)
class Flag:
    category: Category
    evidence: tuple[str, ...]  # the words or signals that raised it
    obvious: bool = False  # sure enough that policy may let an operator act directly

    def describe(self) -> str:
        return f"{self.category.value}: {', '.join(self.evidence)}"


@dataclass(frozen=True, slots=True)
class ReplyContext:
    """What the desk knows about a reply besides its text."""

    repeats: int = 0  # other replies with the same text (any author) in the thread window
    default_avatar: bool = False  # the author still has X's default profile image
    new_account: bool = False  # the author's account is days old


@dataclass(frozen=True)
class Assessment:
    flags: tuple[Flag, ...] = ()

    @property
    def flagged(self) -> bool:
        return bool(self.flags)

    @property
    def categories(self) -> tuple[Category, ...]:
        return tuple(f.category for f in self.flags)

    def obvious(self, category: Category) -> bool:
        return any(f.category is category and f.obvious for f in self.flags)

    def describe(self) -> str:
        return "; ".join(f.describe() for f in self.flags)


@dataclass
class Lexicon:
    insult_strong: list[str] = field(default_factory=list)
    insult_directed: list[str] = field(default_factory=list)
    insult_ambiguous: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    determiners: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    scam: list[str] = field(default_factory=list)
    threats: list[str] = field(default_factory=list)
    slurs: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    hate_patterns: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    money: list[str] = field(default_factory=list)
    call_to_action: list[str] = field(default_factory=list)
    advertising: list[str] = field(default_factory=list)
    advertising_strong: list[str] = field(default_factory=list)
    others_data: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            return cls(
                insult_strong=data["insult"]["strong"],
                insult_directed=data["insult"]["directed"],
                insult_ambiguous=data["insult"]["ambiguous"],
                targets=data["insult"]["targets"], determiners=data["insult"]["determiners"],
                after=data["insult"]["after"], scam=data["spam"]["scam"],
                threats=data["threat"]["patterns"],
                slurs=data["hate"]["slurs"], groups=data["hate"]["groups"],
                hate_patterns=data["hate"]["patterns"], links=data["spam"]["links"],
                money=data["spam"]["money"], call_to_action=data["spam"]["call_to_action"],
                advertising=data["advertising"]["terms"],
                advertising_strong=data["advertising"]["strong"],
                others_data=data["personal_data"]["others"])
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise bad_resource(f"The moderation lexicon {path} cannot be read: {err}") \
                from None


_ALONE_LIMIT = 3  # a directed insult with at most this many words around it is aimed


class ModerationDetector:
    def __init__(self, lexicon: Lexicon, privacy: PrivacyScanner | None = None) -> None:
        self._strong = _Lexicon(lexicon.insult_strong)
        self._directed = _Lexicon(lexicon.insult_directed)
        self._ambiguous = _Lexicon(lexicon.insult_ambiguous)
        self._targets = _Lexicon(lexicon.targets)
        self._determiners = _Lexicon(lexicon.determiners)
        self._after = _Lexicon(lexicon.after)
        self._scam = _Lexicon(lexicon.scam)
        self._slurs = _Lexicon(lexicon.slurs)
        self._money = _Lexicon(lexicon.money)
        self._cta = _Lexicon(lexicon.call_to_action)
        self._ads = _Lexicon(lexicon.advertising)
        self._ads_strong = _Lexicon(lexicon.advertising_strong)
        self._threats = [re.compile(p) for p in lexicon.threats]
        group = "(?:" + "|".join(re.escape(g) for g in lexicon.groups) + ")"
        self._hate = [re.compile(p.replace("{group}", group)) for p in lexicon.hate_patterns]
        self._links = [re.compile(p, re.IGNORECASE) for p in lexicon.links]
        self._others = [re.compile(p) for p in lexicon.others_data]
        self._privacy = privacy

    def assess(self, text: str, context: ReplyContext | None = None) -> Assessment:
        context = context or ReplyContext()
        norm = normalise(text)
        tokens = words(norm)
        flags: list[Flag] = []
        insult = self._insults(tokens)
        if insult:
            flags.append(Flag(Category.INSULT, tuple(insult), obvious=True))
        threat = [m.group(0) for p in self._threats if (m := p.search(norm))]
        if threat:
            flags.append(Flag(Category.THREAT, tuple(dict.fromkeys(threat))))
        hate = [name for _s, _e, name in self._slurs.find(tokens)]
        hate += [m.group(0) for p in self._hate if (m := p.search(norm))]
        if hate:
            flags.append(Flag(Category.HATE, tuple(dict.fromkeys(hate))))
        spam = self._spam(text, tokens, context)
        if spam:
            flags.append(spam)
        ads = self._advertising(text, tokens)
        if ads and not spam:
            flags.append(ads)
        others = self._others_data(text, norm)
        if others:
            flags.append(others)
        return Assessment(tuple(flags))

    # ------------------------------------------------------------------ the categories
    def _insults(self, tokens: list[str]) -> list[str]:
        found = [name for _s, _e, name in self._strong.find(tokens)]
        directed = self._directed.find(tokens)
        ambiguous = self._ambiguous.find(tokens)
        if directed or ambiguous:
            targets = {end for _s, end, _n in self._targets.find(tokens)}
            determiners = {end for _s, end, _n in self._determiners.find(tokens)}
            after = {start for start, _e, _n in self._after.find(tokens)}
            alone = len(tokens) <= _ALONE_LIMIT
            for start, end, name in directed:
                near = {start - k for k in (0, 1, 2)}
                if alone or near & targets or start in determiners or {end, end + 1} & after:
                    found.append(name)
            for start, _end, name in ambiguous:
                if {start, start - 1} & targets:
                    found.append(name)
        return list(dict.fromkeys(found))

    def _link_count(self, text: str) -> int:
        return sum(len(p.findall(text)) for p in self._links[:3]) or \
            sum(1 for p in self._links[3:] if p.search(text))

    def _spam(self, text: str, tokens: list[str], context: ReplyContext) -> Flag | None:
        """Signs add up: a link 1 (a link farm 2), a scam phrase 2, each other money word 1
        (at most 2), a call to follow or write 1, the same text from others 2, a link from
        a default avatar or a new account 1. Spam from 3, or 2 with a scam phrase."""
        signals: list[str] = []
        score = 0
        links = self._link_count(text)
        if links:
            signals.append("enlace" if links == 1 else f"{links} enlaces")
            score += 2 if links >= 3 and len(tokens) <= 25 else 1
        scam = list(dict.fromkeys(n for _s, _e, n in self._scam.find(tokens)))
        if scam:
            signals += scam
            score += 2
        money = [m for m in dict.fromkeys(n for _s, _e, n in self._money.find(tokens))
                 if not any(m in s for s in scam)]
        if money:
            signals += money
            score += min(2, len(money))
        cta = list(dict.fromkeys(n for _s, _e, n in self._cta.find(tokens)))
        if cta:
            signals += cta
            score += 1
        if context.repeats >= 2 and (links or scam or money or cta):
            signals.append(f"texto repetido ×{context.repeats + 1}")
            score += 2
        if links and (context.default_avatar or context.new_account):
            signals.append("cuenta nueva con enlace" if context.new_account
                           else "avatar por defecto con enlace")
            score += 1
        if score >= 3 or (scam and score >= 2):
            return Flag(Category.SPAM, tuple(signals), obvious=score >= 4)
        return None

    def _advertising(self, text: str, tokens: list[str]) -> Flag | None:
        strong = list(dict.fromkeys(n for _s, _e, n in self._ads_strong.find(tokens)))
        if not strong:
            return None
        terms = strong + list(dict.fromkeys(n for _s, _e, n in self._ads.find(tokens)))
        if "%" in text:
            terms.append("%")
        links = self._link_count(text)
        if len(terms) >= 2 or links:
            return Flag(Category.ADVERTISING, tuple(terms + (["enlace"] if links else [])))
        return None

    def _others_data(self, text: str, norm: str) -> Flag | None:
        if self._privacy is None:
            return None
        findings = self._privacy.scan(text)
        if not findings:
            return None
        whose = [m.group(0) for p in self._others if (m := p.search(norm))]
        if not whose:
            return None
        kinds = [f"{f.kind.value} {f.masked}" if f.kind is not PersonalData.HEALTH
                 else f"salud: {f.masked}" for f in findings]
        return Flag(Category.PERSONAL_DATA, tuple(dict.fromkeys(kinds + whose)))


def load_detector(lexicon_path: Path, privacy: PrivacyScanner | None = None) \
        -> ModerationDetector:
    return ModerationDetector(Lexicon.load(lexicon_path), privacy)
