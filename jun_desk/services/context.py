"""What every service shares: the database, the rules, the clock and the town's calendar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from functools import cache

from jun_desk.domain.classifier import LinearModel
from jun_desk.domain.costs import PriceTable
from jun_desk.domain.departments import DepartmentCatalogue
from jun_desk.domain.media_settings import MediaSettings
from jun_desk.domain.privacy import PrivacyScanner, load_health_terms
from jun_desk.domain.town_time import town_zone
from jun_desk.domain.triage import Triage, TriageRules
from jun_desk.domain.urgency import UrgencyLexicon
from jun_desk.resources import resource_path
from jun_desk.store.engine import Database
from jun_desk.store.models import utcnow

MODEL_FILE = "triage_model.bin"


@cache
def shipped_model() -> LinearModel | None:
    """The triage model that ships with this version of the desk (None if it has none).
    Read on first use, not at start."""
    path = resource_path(MODEL_FILE)
    if not path.is_file():
        return None
    return LinearModel.from_bytes(path.read_bytes())


@dataclass(frozen=True)
class Rules:
    catalogue: DepartmentCatalogue
    triage: Triage
    privacy: PrivacyScanner

    @classmethod
    def load(cls) -> Rules:
        catalogue = DepartmentCatalogue.load(resource_path("departments.json"))
        rules = TriageRules.load(resource_path("triage_rules.toml"), catalogue)
        health = load_health_terms(resource_path("health_terms.txt")) + rules.health_terms
        urgency = UrgencyLexicon.load(resource_path("urgency.toml"))
        return cls(catalogue, Triage(rules, shipped_model, urgency),
                   PrivacyScanner(list(dict.fromkeys(health))))


@dataclass
class DeskContext:
    db: Database
    rules: Rules
    clock: Callable[[], datetime] = field(default=utcnow)
    prices: PriceTable | None = None  # X's prices (None: the dated defaults in resources/)
    # the town's days and months (reports, the dashboard's "today"); X bills in UTC days
    zone: tzinfo = field(default_factory=town_zone)
    media: MediaSettings = field(default_factory=MediaSettings)  # the photos' cache (issue 29)

    @property
    def price_table(self) -> PriceTable:
        if self.prices is None:
            self.prices = PriceTable.load(resource_path("x_prices.toml"))
        return self.prices

    @property
    def catalogue(self) -> DepartmentCatalogue:
        return self.rules.catalogue
