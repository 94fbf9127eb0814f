"""The town's triage model: versions in the database, retraining, rollback, corrections.

Every desk uses the active version in the database (the shipped model while there is
none), so a retrained model reaches all desks at their next ingest page. A retrained
model is evaluated on the fixed test split and refused if it does worse than the one in
use; `rollback` returns to the previous version. Every step is audited.

Training data: the corpus's training split, the rules' terms as tiny examples and what
the desk decided: each correction (a department changed by a person, counted
``CORRECTION_WEIGHT`` times) and each confirmation (a ticket created in the department
triage suggested), the latest decision per message. The corpus texts are
not in the repository nor in the packaged desk (they come from public sources under their
own licences). A retraining given the corpus (``--corpus`` or ``$JUN_DESK_TRIAGE_CORPUS``)
keeps its train and test splits in the database as hashed feature vectors with their
departments (``TrainingSet``: no texts, no word order), which is all the trainer and the
refuse-if-worse gate need; from then on every desk, the packaged one too, retrains from
the database. A ``triage_training.bin`` shipped beside the model would serve the same.
"""

from __future__ import annotations

import gzip
import json
import os
from array import array
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from jun_desk.domain.adjudication import RELABELS_FILE, Relabel, read_relabels, settle
from jun_desk.domain.classifier import CONFIDENCE, RULES_WEIGHT, LinearModel
from jun_desk.domain.departments import UNCLASSIFIED
from jun_desk.domain.errors import NotFoundError, ValidationError
from jun_desk.domain.roles import Actor, Permission
from jun_desk.domain.routing import routing_meta
from jun_desk.domain.training import Example, Score, lexicon_examples, score, train
from jun_desk.resources import resource_path
from jun_desk.services.audit import record
from jun_desk.services.context import DeskContext, shipped_model
from jun_desk.services.triage_routing import read_policy
from jun_desk.services.unit_of_work import unit_of_work
from jun_desk.shared_material import TRIAGE_CORPUS
from jun_desk.store.models import Ticket, TicketItem, TriageCorrection, TriageModel

TRAINING_FILE = "triage_training.bin"
CORPUS_ENV = TRIAGE_CORPUS.env
CORRECTION_WEIGHT = 3
TRAINING_FORMAT = "jun-desk-triage-training/1"


def corpus_relabels() -> dict[str, Relabel]:
    """The first labels the settled department boundaries changed (issue 26): applied to
    the corpus wherever it is read. A packaged desk without the file changes none."""
    try:
        return read_relabels(resource_path("triage", RELABELS_FILE))
    except FileNotFoundError:
        return {}


# ---------------------------------------------------------------------- training sets
@dataclass
class TrainingSet:
    """Labelled examples as hashed feature vectors: the corpus without its texts."""

    train: list[Example] = field(default_factory=list)
    test: list[Example] = field(default_factory=list)
    source: str = ""
    train_texts: list[str] = field(default_factory=list)  # only when read from the corpus
    train_urgent: list[bool | None] = field(default_factory=list)  # the same

    @classmethod
    def from_corpus(cls, path: Path, classes: list[str]) -> TrainingSet:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ValidationError.of("triage.corpus_unreadable", path=path,
                                     detail=exc.strerror) from None
        out = cls(source=str(path))
        relabels = corpus_relabels()
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text, dept, split = row["text"], row["department"], row.get("split", "train")
                dept = settle(str(row.get("id", "")), dept, relabels)
            except (json.JSONDecodeError, KeyError, TypeError):
                raise ValidationError.of("triage.corpus_line", path=path, line=number) from None
            if dept not in classes:
                continue
            if split == "train":
                out.train.append(Example.from_text(text, dept))
                out.train_texts.append(text)
                urgent = row.get("urgent")
                out.train_urgent.append(urgent if isinstance(urgent, bool) else None)
            elif split == "test":
                out.test.append(Example.from_text(text, dept))
        return out

    def to_bytes(self) -> bytes:
        def pack(examples: list[Example]) -> dict[str, Any]:
            ids, values, sizes = array("I"), array("f"), array("I")
            for e in examples:
                sizes.append(len(e.features))
                for f, v in sorted(e.features.items()):
                    ids.append(f)
                    values.append(v)
            return {"labels": [e.department for e in examples],
                    "sizes": sizes.tobytes().hex(), "ids": ids.tobytes().hex(),
                    "values": values.tobytes().hex()}

        body = {"format": TRAINING_FORMAT, "train": pack(self.train), "test": pack(self.test)}
        return gzip.compress(json.dumps(body).encode("ascii"), mtime=0)

    @classmethod
    def from_bytes(cls, blob: bytes, source: str = "") -> TrainingSet:
        try:
            body = json.loads(gzip.decompress(blob))
            if body.get("format") != TRAINING_FORMAT:
                raise ValueError("unknown format")

            def unpack(part: dict[str, Any]) -> list[Example]:
                sizes, ids, values = array("I"), array("I"), array("f")
                sizes.frombytes(bytes.fromhex(part["sizes"]))
                ids.frombytes(bytes.fromhex(part["ids"]))
                values.frombytes(bytes.fromhex(part["values"]))
                out, at = [], 0
                for label, size in zip(part["labels"], sizes, strict=True):
                    out.append(Example(dict(zip(ids[at:at + size], values[at:at + size],
                                                strict=True)), label))
                    at += size
                return out

            return cls(unpack(body["train"]), unpack(body["test"]), source)
        except (OSError, EOFError, ValueError, KeyError, TypeError) as exc:
            raise ValidationError.of("triage.unreadable", detail=exc) from None


def training_set(classes: list[str], corpus: Path | None = None,
                 stored: bytes | None = None) -> TrainingSet:
    """The corpus given, else ``$JUN_DESK_TRIAGE_CORPUS``, else the vectors kept in the
    database (``stored``), else vectors shipped beside the model."""
    if corpus is None and os.environ.get(CORPUS_ENV):
        corpus = Path(os.environ[CORPUS_ENV])
    if corpus is not None:
        return TrainingSet.from_corpus(corpus, classes)
    if stored is not None:
        return TrainingSet.from_bytes(stored, "database")
    path = resource_path(TRAINING_FILE)
    if not path.is_file():
        raise ValidationError.of("triage.no_training_data", variable=CORPUS_ENV)
    return TrainingSet.from_bytes(path.read_bytes(), str(path))


def better_or_equal(new: Score, old: Score) -> bool:
    """The gate: how often the model's choice is right on the test split may not drop.
    The choice, not only what is routed automatically: the routing threshold is read on a
    confidence learned for the model in use (issue 26), so a retrained model is judged by
    its choices, and the operator sees them as the two offered departments."""
    return new.best_correct >= old.best_correct


# ---------------------------------------------------------------------- the service
@dataclass(frozen=True, slots=True)
class ModelVersion:
    id: int | None  # None: the shipped model
    active: bool
    corrections: int
    metrics: dict[str, Any]
    created_at: datetime | None = None
    created_by: str | None = None


@dataclass(frozen=True, slots=True)
class RetrainResult:
    accepted: bool
    version: int | None
    new: Score
    old: Score
    corrections: int
    examples: int


def record_correction(session: Session, actor: Actor, ticket: Ticket, before: str | None,
                      after: str, now: datetime, item: TicketItem | None = None,
                      *, confirmation: bool = False) -> None:
    """A department chosen by a person over triage's (or, with ``confirmation``, triage's
    suggestion a person kept: from = to): kept as a labelled example."""
    if after == UNCLASSIFIED or (before == after and not confirmation):
        return
    if item is None:
        with session.no_autoflush:  # the ticket's change is flushed once, with its version
            item = session.scalars(
                select(TicketItem).where(TicketItem.ticket_id == ticket.id,
                                         TicketItem.kind.in_(("mention", "dm_in")))
                .order_by(TicketItem.created_at, TicketItem.id).limit(1)
            ).first()
    if item is None or not item.text.strip():
        return  # a ticket typed at the counter: no citizen's words to learn from
    session.add(TriageCorrection(ticket_id=ticket.id, item_id=item.id, text=item.text,
                                 from_department=before, to_department=after,
                                 operator_id=actor.operator_id,
                                 created_at=now))


class TriageModelService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    @property
    def classes(self) -> list[str]:
        return [d.code for d in self.ctx.catalogue.routable]

    # ------------------------------------------------------------------ which model
    def load_active(self, session: Session | None = None) -> tuple[int | None, LinearModel | None]:
        if session is None:
            with self.ctx.db.session(readonly=True) as own:
                return self.load_active(own)
        row = session.execute(
            select(TriageModel.id, TriageModel.blob).where(TriageModel.active.is_(True))
            .order_by(TriageModel.id.desc()).limit(1)
        ).first()
        if row is None:
            return None, shipped_model()
        return row.id, LinearModel.from_bytes(row.blob)

    def refresh(self, session: Session) -> None:
        """Use the active version if another desk (or this one) changed it, and the town's
        routing policy as it is now (``services.triage_routing``)."""
        triage = self.ctx.rules.triage
        triage.use_policy(read_policy(session))
        current = session.scalar(select(TriageModel.id).where(TriageModel.active.is_(True))
                                 .order_by(TriageModel.id.desc()).limit(1))
        if triage.model_version == ("db", current) and triage.model_loaded:
            return
        version, model = self.load_active(session)
        triage.use_model(model, ("db", version))

    def loader(self) -> tuple[LinearModel | None, object]:
        """For the desk's Triage: the active version and the routing policy, read when
        first needed."""
        with self.ctx.db.session(readonly=True) as session:
            version, model = self.load_active(session)
            self.ctx.rules.triage.use_policy(read_policy(session))
        return model, ("db", version)

    def versions(self) -> list[ModelVersion]:
        with self.ctx.db.session(readonly=True) as session:
            rows = session.scalars(select(TriageModel).order_by(TriageModel.id.desc())).all()
            active_any = any(r.active for r in rows)
            out = [ModelVersion(r.id, r.active, r.corrections, r.metrics or {}, r.created_at,
                                None) for r in rows]
        shipped = shipped_model()
        if shipped is not None:
            out.append(ModelVersion(None, not active_any, 0, shipped.meta.get("metrics", {})))
        return out

    def corrections(self, *, confirmations: bool = False) -> list[tuple[str, str]]:
        """(text, department) the desk decided, the latest per message: corrections only,
        or with ``confirmations`` also the suggestions people kept."""
        with self.ctx.db.session(readonly=True) as session:
            rows = session.execute(
                select(TriageCorrection.item_id, TriageCorrection.text,
                       TriageCorrection.from_department, TriageCorrection.to_department)
                .order_by(TriageCorrection.id)).all()
        latest: dict[object, tuple[str, str, bool]] = {}
        for n, (item_id, text, before, after) in enumerate(rows):
            latest[item_id if item_id is not None else f"row{n}"] = (text, after,
                                                                     before != after)
        return [(t, d) for t, d, corrected in latest.values() if corrected or confirmations]

    # ------------------------------------------------------------------ retrain, rollback
    def retrain(self, actor: Actor, corpus: Path | None = None, *,
                data: TrainingSet | None = None) -> RetrainResult:
        """Train on the corpus's training split plus the desk's corrections; keep the new
        model only if it does at least as well on the test split as the one in use."""
        with unit_of_work(self.ctx, actor, "triage.retrain") as (_session, fresh):
            assert fresh is not None
            fresh.require(Permission.EDIT_TRIAGE_RULES)  # before minutes of training
        classes = self.classes
        from_corpus = data is None and (corpus is not None or bool(os.environ.get(CORPUS_ENV)))
        data = data or training_set(classes, corpus, self._stored_training())
        if not data.test:
            raise ValidationError.of("triage.no_test_split")
        corrections = [c for c in self.corrections() if c[1] in classes]
        confirmed = [c for c in self.corrections(confirmations=True) if c[1] in classes]
        examples = list(data.train) + lexicon_examples(self.ctx.rules.triage.rules.terms)
        fixed = set(corrections)
        for text, dept in confirmed:  # a correction weighs more than a kept suggestion
            weight = CORRECTION_WEIGHT if (text, dept) in fixed else 1
            examples.extend([Example.from_text(text, dept)] * weight)
        _version, current = self.load_active()
        threshold = current.threshold if current is not None else 0.5
        c = float(current.meta.get("c", 4.0)) if current is not None else 4.0
        rules_weight = current.rules_weight if current is not None else RULES_WEIGHT
        # The offsets and threshold calibrated for the model in use carry over.
        # By department, not by position: a desk whose departments changed keeps each
        # department's offset, and a new department starts at none.
        offsets = None
        kept = current.meta.get("offsets") if current is not None else None
        if current is not None and isinstance(kept, list) \
                and len(kept) == len(current.classes):
            by_department = dict(zip(current.classes, kept, strict=True))
            offsets = [float(by_department.get(c, 0.0)) for c in classes]
        # So does the learned routing confidence the threshold is read on (issue 26).
        kept_meta: dict[str, object] = {}
        if current is not None and isinstance(current.meta.get(CONFIDENCE), dict):
            kept_meta[CONFIDENCE] = current.meta[CONFIDENCE]
        # And the two thresholds read on it, so the town's routing policy routes the same
        # share, as right, with the new version (``domain.routing``).
        routing = routing_meta(current) if current is not None else {}
        if routing:
            kept_meta["calibration"] = {"routing": dict(routing)}
        new = train(examples, classes, c=c, threshold=threshold, offsets=offsets,
                    meta={"corrections": len(corrections), "rules_weight": rules_weight,
                          **kept_meta})
        # The urgency head learns from the corpus's urgency labels, not from corrections:
        # the new version keeps the one in use.
        new = new.with_urgency(current.urgency_head() if current is not None else None)
        new_score = score(new, data.test)
        old_score = score(current, data.test) if current is not None else Score()
        metrics = {"accuracy": round(new_score.accuracy, 4),
                   "best_accuracy": round(new_score.best_accuracy, 4),
                   "unclassified": new_score.unclassified, "test": new_score.total,
                   "previous_accuracy": round(old_score.accuracy, 4),
                   "train": len(data.train), "data": data.source,
                   "confirmations": len(confirmed) - len(corrections)}
        accepted = better_or_equal(new_score, old_score)
        with unit_of_work(self.ctx, actor, "triage.retrain") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.EDIT_TRIAGE_RULES)
            version = None
            if accepted:
                version = self._store(session, fresh, new, len(corrections), metrics,
                                      data.to_bytes() if from_corpus else None)
            record(session, self.ctx, fresh, "triage.retrain",
                   subject=f"triage_model:{version}" if version else None,
                   outcome="ok" if accepted else "refused", after=metrics,
                   message=None if accepted else
                   f"New model scored {new_score.accuracy:.1%} on the test split, "
                   f"worse than the current {old_score.accuracy:.1%}: kept the current one")
            if accepted:
                self.refresh(session)
        return RetrainResult(accepted, version, new_score, old_score, len(corrections),
                             len(examples))

    def _stored_training(self) -> bytes | None:
        with self.ctx.db.session(readonly=True) as session:
            return session.scalar(select(TriageModel.training)
                                  .where(TriageModel.training.is_not(None))
                                  .order_by(TriageModel.id.desc()).limit(1))

    def _store(self, session: Session, actor: Actor, model: LinearModel, corrections: int,
               metrics: dict[str, Any], training: bytes | None = None) -> int:
        parent = session.scalar(select(TriageModel.id).where(TriageModel.active.is_(True)))
        session.execute(update(TriageModel).where(TriageModel.active.is_(True))
                        .values(active=False))
        row = TriageModel(blob=model.to_bytes(), active=True, parent_id=parent,
                          corrections=corrections, metrics=metrics, training=training,
                          created_by_id=actor.operator_id, created_at=self.ctx.clock())
        session.add(row)
        session.flush()
        return row.id

    def rollback(self, actor: Actor) -> int | None:
        """Back to the version before the active one (the shipped model after the first).
        Returns the version now in use (None: the shipped model)."""
        with unit_of_work(self.ctx, actor, "triage.rollback") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.EDIT_TRIAGE_RULES)
            active = session.scalars(select(TriageModel).where(TriageModel.active.is_(True))
                                     .order_by(TriageModel.id.desc())).first()
            if active is None:
                message = "The desk already uses the shipped triage model: nothing to roll back"
                record(session, self.ctx, fresh, "triage.rollback", outcome="refused",
                       message=message)
                session.commit()
                raise NotFoundError.of("triage.nothing_to_roll_back")
            active.active = False
            if active.parent_id is not None:
                session.execute(update(TriageModel).where(TriageModel.id == active.parent_id)
                                .values(active=True))
            record(session, self.ctx, fresh, "triage.rollback",
                   subject=f"triage_model:{active.id}",
                   before={"version": active.id}, after={"version": active.parent_id})
            session.flush()
            self.refresh(session)
            return active.parent_id
