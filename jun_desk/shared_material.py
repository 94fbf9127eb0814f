"""Third-party material the project measures itself against but does not keep.

X's OpenAPI documents, twitter-text's conformance suite and the labelled triage corpus are
others' work (house rule: fetched material is not committed). A source checkout finds them
read-only beside the repository, in ``<repo>/../shared/`` (so does CI), unless an
environment variable names a copy elsewhere. One place says where each one is.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@dataclass(frozen=True, slots=True)
class Material:
    what: str  # for messages: what it is and where it comes from
    relative: tuple[str, ...]  # its files under ../shared/
    env: str  # a variable naming other copies (several joined by the path separator)
    in_shared: bool = True  # False: not provided in ../shared (its absence is no failure)

    def candidates(self) -> list[Path]:
        """Where it should be: the paths the variable names, else its places in ../shared/."""
        named = os.environ.get(self.env)
        if named:
            return [Path(p) for p in named.split(os.pathsep) if p]
        return [SHARED.joinpath(*r.split("/")) for r in self.relative]

    def path(self) -> Path | None:
        """The first of :meth:`candidates` that exists, or None."""
        return next((p for p in self.candidates() if p.exists()), None)

    def where(self) -> str:
        return (f"{self.what}: set {self.env} or put it at "
                + ", ".join(str(SHARED.joinpath(*r.split("/"))) for r in self.relative))


X_OPENAPI = Material(
    "X's OpenAPI documents (xdevplatform/xdk: latest-openapi.json v2.159 as openapi.json, "
    "specs/openapi.json v2.167 as openapi-2.167.json)",
    ("x-api/openapi.json", "x-api/openapi-2.167.json"), "JUN_DESK_X_OPENAPI")
TWITTER_TEXT = Material(
    "twitter-text's conformance suite (twitter/twitter-text: conformance/validate.yml)",
    ("twitter-text/conformance/validate.yml",), "JUN_DESK_TWITTER_TEXT_CONFORMANCE")
TRIAGE_CORPUS = Material(
    "the labelled triage corpus (corpus.jsonl, built by scripts/triage_corpus/build.py)",
    ("triage-corpus/corpus.jsonl",), "JUN_DESK_TRIAGE_CORPUS")
MODERATION_CORPUS = Material(
    "the labelled moderation corpus (its folder, built by scripts/moderation_corpus/build.py)",
    ("moderation-corpus",), "JUN_DESK_MODERATION_CORPUS", in_shared=False)
TRIAGE_SECOND_READER = Material(
    "the second reader's blind reading of part of the triage test split "
    "(second_annotator.jsonl, see ../shared/triage-corpus/SOURCE.md)",
    ("triage-corpus/second_annotator.jsonl",), "JUN_DESK_TRIAGE_SECOND_READER")
TRIAGE_SOURCES = Material(
    "the triage corpus's source snapshots (one owner+name folder per repository, see "
    "resources/triage/SOURCES.md; the fetch tool puts them in /work/.mirror)",
    ("triage-corpus/sources",), "TRIAGE_CORPUS_SOURCES", in_shared=False)
