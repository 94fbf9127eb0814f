"""The desk's services, built once over one database (the composition root uses this)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from jun_desk.services.access_log import AccessLogService
from jun_desk.services.announcements import AnnouncementService
from jun_desk.services.audit import AuditService
from jun_desk.services.backups import BackupService
from jun_desk.services.changes import ChangeService
from jun_desk.services.citizens import CitizenService
from jun_desk.services.context import DeskContext, Rules
from jun_desk.services.conversations import ConversationTickets
from jun_desk.services.costs import CostService
from jun_desk.services.export import ExportService
from jun_desk.services.feed import FeedService
from jun_desk.services.ingest import IngestService
from jun_desk.services.leases import LeaseService
from jun_desk.services.media import MediaService
from jun_desk.services.moderation import ModerationService
from jun_desk.services.notices import NoticeService
from jun_desk.services.operators import OperatorService
from jun_desk.services.outbox import OutboxService
from jun_desk.services.people import PeopleService
from jun_desk.services.privacy_report import PrivacyReportService
from jun_desk.services.quarantine import QuarantineService
from jun_desk.services.reports import ReportService
from jun_desk.services.retention import RetentionService
from jun_desk.services.rights import RightsService
from jun_desk.services.search import SearchService
from jun_desk.services.similar import SimilarTickets
from jun_desk.services.streams import StreamsService
from jun_desk.services.tickets import TicketService
from jun_desk.services.triage_models import TriageModelService
from jun_desk.services.triage_routing import TriageRoutingService
from jun_desk.services.undo import UndoService
from jun_desk.services.verification import VerificationService
from jun_desk.store.engine import Database
from jun_desk.store.migrate import ensure_current
from jun_desk.store.models import utcnow


class Desk:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx
        self.tickets = TicketService(ctx)
        self.conversations = ConversationTickets(ctx, self.tickets)
        self.ingest = IngestService(ctx)
        self.search = SearchService(ctx)
        self.reports = ReportService(ctx)
        self.export = ExportService(ctx)
        self.operators = OperatorService(ctx)
        self.citizens = CitizenService(ctx)
        self.verification = VerificationService(ctx)
        self.audit = AuditService(ctx)
        self.outbox = OutboxService(ctx)
        self.feed = FeedService(ctx)
        self.leases = LeaseService(ctx)
        self.changes = ChangeService(ctx)
        self.triage_models = TriageModelService(ctx)
        self.triage_routing = TriageRoutingService(ctx)  # the routing policy (issue 26)
        self.quarantine = QuarantineService(ctx)
        self.costs = CostService(ctx)
        self.moderation = ModerationService(ctx)
        self.undo = UndoService(ctx, self.tickets)
        self.people = PeopleService(ctx)
        self.similar = SimilarTickets(ctx, self.search)
        self.retention = RetentionService(ctx)
        self.rights = RightsService(ctx)
        self.access_log = AccessLogService(ctx)
        self.privacy_report = PrivacyReportService(ctx)
        self.announcements = AnnouncementService(ctx)
        self.notices = NoticeService(ctx)
        self.media = MediaService(ctx)  # its folder and bounds: configured by the start
        self.streams = StreamsService(ctx)  # staff accounts, watched searches
        self.backups = BackupService(ctx)  # configured by the window or the command line

    @property
    def db(self) -> Database:
        return self.ctx.db

    @classmethod
    def open(cls, url: str, *, migrate: bool = True, rules: Rules | None = None,
             clock: Callable[[], datetime] = utcnow) -> Desk:
        """Open the database at ``url``, bring its schema up to date, load the rules."""
        db = Database.open(url)
        try:
            db.check_connection()
            if migrate:
                ensure_current(db)
            rules = rules or Rules.load()
            ctx = DeskContext(db, rules, clock)
            models = TriageModelService(ctx)
            # This desk's own model slot: the database's active version, read lazily.
            ctx.rules = replace(rules, triage=rules.triage.fork(models.loader))
            return cls(ctx)
        except BaseException:
            db.dispose()
            raise

    def close(self) -> None:
        self.ctx.db.dispose()
