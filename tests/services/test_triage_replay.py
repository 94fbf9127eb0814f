"""Replay: the desk's own corrections make the town's model better.

Starting from the shipped model, messages of the corpus's `replay` split (never trained
on) arrive through ingest and become tickets; where triage got the department wrong an
operator moves the ticket to the right one (the change-department action), until 200
corrections or the split runs out; elsewhere the suggestion is kept (a confirmation).
Retraining on the corpus plus those decisions must raise the accuracy on the fixed test
split. The corpus texts are not in the repository (they come from public sources fetched
outside it): the test reads ../shared/triage-corpus/corpus.jsonl, or JUN_DESK_TRIAGE_CORPUS
(jun_desk.shared_material); it skips without it, and fails in CI.
"""

from __future__ import annotations

import json
from pathlib import Path

from jun_desk.domain.adjudication import settle
from jun_desk.domain.items import Stream
from jun_desk.services.context import Rules, shipped_model
from jun_desk.services.desk import Desk
from jun_desk.services.triage_models import TrainingSet, corpus_relabels
from jun_desk.shared_material import TRIAGE_CORPUS
from tests.factories import MARIA, mention
from tests.material import need

CORRECTIONS = 200


def test_replayed_corrections_raise_test_accuracy(tmp_path: Path, rules: Rules) -> None:
    corpus = need(TRIAGE_CORPUS)
    assert shipped_model() is not None
    relabels = corpus_relabels()  # the settled department boundaries (issue 26)
    rows = [{**row, "department": settle(row["id"], row["department"], relabels)}
            for row in map(json.loads, filter(str.strip,
                                              corpus.read_text(encoding="utf-8").splitlines()))]
    codes = {d.code for d in rules.catalogue.routable}
    replay = [r for r in rows if r["split"] == "replay" and r["department"] in codes]
    desk = Desk.open(f"sqlite:///{tmp_path / 'replay.db'}", rules=rules)
    try:
        desk.operators.add("ana", "supervisor")
        desk.operators.add("rosa", "operator")
        ana, rosa = desk.operators.actor("ana"), desk.operators.actor("rosa")
        corrections = seen = 0
        for start in range(0, len(replay), 100):
            if corrections >= CORRECTIONS:
                break
            page = replay[start:start + 100]
            items = [mention(r["text"], minutes=start + n) for n, r in enumerate(page)]
            desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, items, [MARIA],
                                    items[-1].x_id)
            ids = {i.x_id: i.id for i in desk.search.feed(limit=10_000)}
            for row, item in zip(page, items, strict=True):
                if corrections >= CORRECTIONS:
                    break
                seen += 1
                ticket = desk.tickets.create_from_item(rosa, ids[item.x_id])
                if ticket.department != row["department"]:
                    # Unclassified: any operator routes it; elsewhere a supervisor moves it.
                    who = rosa if ticket.department == "sin_clasificar" else ana
                    desk.tickets.reassign_department(who, ticket.id, row["department"],
                                                     ticket.version)
                    corrections += 1
        assert len(desk.triage_models.corrections()) == corrections > 0
        data = TrainingSet.from_corpus(corpus, [d.code for d in rules.catalogue.routable])
        result = desk.triage_models.retrain(ana, data=data)
        kept = len(desk.triage_models.corrections(confirmations=True)) - corrections
        print(f"\nreplay: {seen} messages replayed, {corrections} corrected through the "
              f"desk, {kept} suggestions kept; test split ({result.new.total} items), "
              f"model alone: accuracy {result.old.accuracy:.1%} → {result.new.accuracy:.1%}, "
              f"unclassified {result.old.unclassified} → {result.new.unclassified}")
        assert result.accepted
        assert result.new.correct > result.old.correct
    finally:
        desk.close()
