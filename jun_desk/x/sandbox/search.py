"""The sandbox's recent search (GET /2/tweets/search/recent): X's query language, the part
a town's watched searches use.

Terms match words of the text without regard to case or accents' case (``Jun``, ``#Endesa``,
``@BarrenderoJun``); ``"a phrase"`` matches as written; ``-term`` excludes; ``OR`` between
terms or groups; ``( … )`` groups; ``from:``, ``to:``, ``is:retweet``, ``is:reply``,
``has:media``, ``lang:``. Terms next to each other must all match. What X would refuse —
an empty query, unbalanced quotes or parentheses, an unknown operator, a lone ``-`` or
``OR`` — is refused the same way: a 400 naming the query, nothing served.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from jun_desk.x.sandbox.world import Tweet

MAX_QUERY = 512  # X's self-serve recent search
OPERATORS = {"from", "to", "is", "has", "lang", "conversation_id", "url"}
IS_VALUES = {"retweet", "reply", "quote", "verified"}
HAS_VALUES = {"media", "links", "mentions", "hashtags", "images", "videos"}
_WORD = re.compile(r"[#@]?[\w']+", re.UNICODE)


class QueryError(ValueError):
    """X's words for a query it cannot take."""


@dataclass(frozen=True)
class Context:
    """What a matcher may ask of a tweet besides its text."""

    handle_of: Callable[[str], str]  # author id → username
    is_retweet: Callable[[Tweet], bool]


Matcher = Callable[[Tweet, Context], bool]


def _tokens(query: str) -> list[str]:
    out: list[str] = []
    at = 0
    while at < len(query):
        ch = query[at]
        if ch.isspace():
            at += 1
        elif ch in "()":
            out.append(ch)
            at += 1
        elif ch == '"' or (ch == "-" and query[at + 1:at + 2] == '"'):
            start = at + (1 if ch == "-" else 0)
            end = query.find('"', start + 1)
            if end < 0:
                raise QueryError("There were errors processing your request: Unterminated "
                                 f"quoted phrase (at position {start + 1})")
            out.append(query[at:end + 1])
            at = end + 1
        else:
            end = at
            while end < len(query) and not query[end].isspace() and query[end] not in '()"':
                end += 1
            out.append(query[at:end])
            at = end
    return out


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def _term(token: str) -> Matcher:
    negate = token.startswith("-")
    body = token[1:] if negate else token
    if not body:
        raise QueryError("There were errors processing your request: A lone '-' is not a "
                         "valid term")
    matcher: Matcher
    if body.startswith('"'):
        phrase = body.strip('"').casefold()
        if not phrase.strip():
            raise QueryError("There were errors processing your request: Empty quoted phrase")
        matcher = lambda t, c: phrase in t.text.casefold()  # noqa: E731
    elif ":" in body and not body.startswith(("http", "#", "@")):
        name, _, value = body.partition(":")
        if name not in OPERATORS:
            raise QueryError("There were errors processing your request: Reference to invalid "
                             f"operator '{name}'. Operator is not available in current "
                             "product or product packaging.")
        if not value:
            raise QueryError(f"There were errors processing your request: '{name}:' needs a "
                             "value")
        matcher = _operator(name, value.casefold())
    else:
        word = body.casefold()
        matcher = lambda t, c: word in _words(t.text)  # noqa: E731
    return (lambda t, c: not matcher(t, c)) if negate else matcher


def _operator(name: str, value: str) -> Matcher:
    if name == "from":
        return lambda t, c: c.handle_of(t.author_id).casefold() == value.lstrip("@")
    if name == "to":
        return lambda t, c: t.text.casefold().lstrip().startswith("@" + value.lstrip("@"))
    if name == "is":
        if value not in IS_VALUES:
            raise QueryError(f"There were errors processing your request: 'is:{value}' is not "
                             "a valid operator value")
        if value == "retweet":
            return lambda t, c: c.is_retweet(t)
        if value == "reply":
            return lambda t, c: t.in_reply_to_id is not None
        return lambda t, c: False
    if name == "has":
        if value not in HAS_VALUES:
            raise QueryError(f"There were errors processing your request: 'has:{value}' is "
                             "not a valid operator value")
        if value in ("media", "images", "videos"):
            return lambda t, c: bool(t.media_keys)
        if value == "hashtags":
            return lambda t, c: "#" in t.text
        if value == "mentions":
            return lambda t, c: "@" in t.text
        return lambda t, c: "http" in t.text
    if name == "lang":
        return lambda t, c: value == "es"  # the town writes in Spanish
    return lambda t, c: str(t.conversation_id) == value if name == "conversation_id" \
        else value in t.text.casefold()


def compile_query(query: str) -> Matcher:
    """The query as a matcher, or :class:`QueryError` with X's words."""
    if not query.strip():
        raise QueryError("There were errors processing your request: Query must not be empty")
    if len(query) > MAX_QUERY:
        raise QueryError(f"There were errors processing your request: Query length "
                         f"{len(query)} exceeds the maximum of {MAX_QUERY}")
    tokens = _tokens(query)
    pos = 0

    def expression() -> Matcher:
        nonlocal pos
        options = [sequence()]
        while pos < len(tokens) and tokens[pos] == "OR":
            pos += 1
            options.append(sequence())
        if len(options) == 1:
            return options[0]
        return lambda t, c: any(m(t, c) for m in options)

    def sequence() -> Matcher:
        nonlocal pos
        parts: list[Matcher] = []
        while pos < len(tokens) and tokens[pos] not in ("OR", ")"):
            token = tokens[pos]
            pos += 1
            if token in ("(", "-("):
                inner = expression()
                if pos >= len(tokens) or tokens[pos] != ")":
                    raise QueryError("There were errors processing your request: Missing "
                                     "closing parenthesis")
                pos += 1
                parts.append(inner)
            else:
                parts.append(_term(token))
        if not parts:
            raise QueryError("There were errors processing your request: 'OR' must stand "
                             "between two terms")
        return lambda t, c: all(m(t, c) for m in parts)

    matcher = expression()
    if pos < len(tokens):
        raise QueryError("There were errors processing your request: Unbalanced "
                         "parentheses")
    return matcher
