"""Learning from the desk: corrections, retraining with its gate, versions, rollback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from jun_desk.domain.departments import UNCLASSIFIED
from jun_desk.domain.errors import NotFoundError, PermissionDeniedError
from jun_desk.domain.items import Stream
from jun_desk.domain.training import Example
from jun_desk.services.desk import Desk
from jun_desk.services.triage_models import TrainingSet
from jun_desk.store.models import AuditEvent, TriageCorrection
from tests.factories import MARIA, mention

WRITTEN = Path(__file__).resolve().parents[1] / "data" / "triage_labelled.jsonl"


def _ingest(desk: Desk, *texts: str) -> list[int]:
    items = [mention(t, minutes=n) for n, t in enumerate(texts)]
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, items, [MARIA], items[-1].x_id)
    by_x = {i.x_id: i.id for i in desk.search.feed(limit=1000)}
    return [by_x[i.x_id] for i in items]


def _corrections(desk: Desk, *, confirmations: bool = False) -> list[TriageCorrection]:
    with desk.db.session(readonly=True) as session:
        rows = session.scalars(select(TriageCorrection).order_by(TriageCorrection.id)).all()
        session.expunge_all()
        return [r for r in rows
                if confirmations or r.from_department != r.to_department]


def _written_set() -> TrainingSet:
    """Our own written set as training data and its odd rows as the test split: texts we may
    keep. The test rows are trained on too, so a model from it beats the shipped one on
    them: these tests check the machinery (gate, versions, audit), not the quality."""
    rows = [json.loads(line) for line in WRITTEN.read_text(encoding="utf-8").splitlines()]
    examples = [Example.from_text(r["text"], r["department"]) for r in rows]
    return TrainingSet(examples * 3, examples[1::2], "written set")


def test_changing_the_department_records_a_correction(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    (item_id,) = _ingest(desk, "@AytoJun el contenedor de la plaza está roto")
    ticket = desk.tickets.create_from_item(people["ana"], item_id)
    desk.tickets.reassign_department(people["ana"], ticket.id, "obras")
    (fix,) = _corrections(desk)
    assert (fix.from_department, fix.to_department) == (ticket.department, "obras")
    assert fix.text == "@AytoJun el contenedor de la plaza está roto"
    assert fix.operator_id == people["ana"].operator_id and fix.item_id == item_id


def test_choosing_another_department_at_creation_is_a_correction(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    item_a, item_b = _ingest(desk, "@AytoJun la farola está apagada",
                             "@AytoJun otra farola apagada")
    desk.tickets.create_from_item(people["ana"], item_a, department="alcaldia")
    kept = desk.tickets.create_from_item(people["ana"], item_b)  # the suggestion kept
    (fix,) = _corrections(desk)
    assert fix.to_department == "alcaldia" and fix.item_id == item_a
    confirmed = [c for c in _corrections(desk, confirmations=True) if c.item_id == item_b]
    assert [(c.from_department, c.to_department) for c in confirmed] == \
        [(kept.department, kept.department)]
    # What retraining learns from: the latest decision per message.
    assert desk.triage_models.corrections() == [("@AytoJun la farola está apagada",
                                                 "alcaldia")]
    assert len(desk.triage_models.corrections(confirmations=True)) == 2


def test_a_manual_ticket_teaches_nothing(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    ticket = desk.tickets.create_manual(people["ana"], department="obras", title="Bache")
    desk.tickets.reassign_department(people["ana"], ticket.id, "limpieza")
    assert _corrections(desk) == []


def test_any_operator_routes_an_unclassified_ticket(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    (item_id,) = _ingest(desk, "Bună ziua, strada noastră nu are lumină de o săptămână")
    luis = people["luis"]  # an operator of obras and limpieza only
    ticket = desk.tickets.create_from_item(luis, item_id)
    assert ticket.department == UNCLASSIFIED
    routed = desk.tickets.reassign_department(luis, ticket.id, "obras")
    assert routed.department == "obras"
    with pytest.raises(PermissionDeniedError):  # moving it on is a supervisor's
        desk.tickets.reassign_department(luis, ticket.id, "policia")
    assert [c.to_department for c in _corrections(desk)] == ["obras"]


def test_retrain_rollback_and_every_desk_follows(desk: Desk, people, db_url: str,  # type: ignore[no-untyped-def]
                                                 rules) -> None:
    ana = people["ana"]
    data = _written_set()
    first = desk.triage_models.retrain(ana, data=data)
    assert first.accepted and first.version is not None
    assert first.new.best_correct >= first.old.best_correct
    other = Desk.open(db_url, rules=rules)
    try:
        _ingest(other, "@AytoJun la farola de la calle Real está apagada")
        assert other.ctx.rules.triage.model_version == ("db", first.version)
        versions = desk.triage_models.versions()
        assert [v.id for v in versions][:1] == [first.version] and versions[0].active
        assert versions[-1].id is None and not versions[-1].active  # the shipped one
        assert desk.triage_models.rollback(ana) is None
        _ingest(other, "@AytoJun otra farola apagada")
        assert other.ctx.rules.triage.model_version == ("db", None)
        with pytest.raises(NotFoundError, match="shipped"):
            desk.triage_models.rollback(ana)
    finally:
        other.close()
    with desk.db.session(readonly=True) as session:
        actions = [(e.action, e.outcome) for e in session.scalars(
            select(AuditEvent).where(AuditEvent.action.like("triage.%")).order_by(AuditEvent.id))]
    assert actions == [("triage.retrain", "ok"), ("triage.rollback", "ok"),
                       ("triage.rollback", "refused")]


def test_a_worse_model_is_refused_and_the_current_one_stays(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    data = _written_set()
    # Every message labelled with the next department: it learns a consistently wrong map.
    codes = [d.code for d in desk.ctx.catalogue.routable]
    garbage = [Example(e.features, codes[(codes.index(e.department) + 1) % len(codes)])
               for e in data.train] * 3  # outweighs the rules' lexicon
    result = desk.triage_models.retrain(people["ana"], data=TrainingSet(garbage, data.test))
    assert not result.accepted and result.version is None
    assert result.new.best_correct < result.old.best_correct
    assert [v.id for v in desk.triage_models.versions()] == [None]
    with desk.db.session(readonly=True) as session:
        event = session.scalars(select(AuditEvent)
                                .where(AuditEvent.action == "triage.retrain")).one()
    assert event.outcome == "refused" and "worse" in (event.message or "")


def test_only_supervisors_retrain_or_roll_back(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDeniedError):
        desk.triage_models.retrain(people["rosa"], data=_written_set())
    with pytest.raises(PermissionDeniedError):
        desk.triage_models.rollback(people["rosa"])
    with desk.db.session(readonly=True) as session:
        outcomes = session.scalars(select(AuditEvent.outcome)
                                   .where(AuditEvent.action.like("triage.%"))).all()
    assert outcomes == ["refused", "refused"]


def test_corrections_count_in_the_next_training(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    ana = people["ana"]
    (item_id,) = _ingest(desk, "@AytoJun la caseta del perro del parque está rota")
    ticket = desk.tickets.create_from_item(ana, item_id)
    target = "obras" if ticket.department != "obras" else "limpieza"
    desk.tickets.reassign_department(ana, ticket.id, target)
    result = desk.triage_models.retrain(ana, data=_written_set())
    assert result.corrections == 1


def test_training_set_vectors_round_trip() -> None:
    data = _written_set()
    again = TrainingSet.from_bytes(data.to_bytes())
    assert len(again.train) == len(data.train) and len(again.test) == len(data.test)
    assert again.train[0].department == data.train[0].department
    assert set(again.train[0].features) == set(data.train[0].features)


def test_vectors_of_a_corpus_are_kept_for_desks_without_it(desk: Desk, people,  # type: ignore[no-untyped-def]
                                                           tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JUN_DESK_TRIAGE_CORPUS", raising=False)
    ana = people["ana"]
    with pytest.raises(Exception, match="retrain once with the corpus"):
        desk.triage_models.retrain(ana)
    rows = [json.loads(line) for line in WRITTEN.read_text(encoding="utf-8").splitlines()]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps({"text": r["text"], "department": r["department"],
                                            "split": "train" if n % 2 else "test"})
                                for n, r in enumerate(rows)), encoding="utf-8")
    first = desk.triage_models.retrain(ana, corpus)
    assert first.accepted
    corpus.unlink()  # the texts are gone; their vectors stay in the database
    second = desk.triage_models.retrain(ana)
    assert second.new.total == first.new.total and second.examples == first.examples


def test_a_retrained_model_keeps_the_calibrated_offsets(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    _version, current = desk.triage_models.load_active()
    assert current is not None
    offsets = current.meta.get("offsets")
    assert isinstance(offsets, list) and len(offsets) == len(current.classes)
    result = desk.triage_models.retrain(people["ana"], data=_written_set())
    assert result.accepted
    version, new = desk.triage_models.load_active()
    assert version == result.version and new is not None
    assert new.meta.get("offsets") == offsets
    assert new.threshold == current.threshold
