"""Spanish by default, English through the built Qt translations."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import QApplication

from jun_desk.domain.error_codes import ERRORS
from jun_desk.resources import resource_path
from jun_desk.services.desk import Desk
from jun_desk.ui import i18n, labels
from jun_desk.ui.board.panel import BoardPanel
from jun_desk.ui.context import UiContext
from jun_desk.ui.feed.panel import FeedPanel


@pytest.fixture
def english(qapp):  # type: ignore[no-untyped-def]
    i18n.install(qapp, "en")
    yield
    i18n.install(qapp, "es")


def test_every_ui_string_has_an_english_translation() -> None:
    tree = ET.parse(resource_path("translations", "jun_desk_en.ts"))
    english = json.loads(resource_path("translations", "en.json").read_text(encoding="utf-8"))
    sources = [m.find("source").text for m in tree.iter("message")
               if getattr(m.find("comment"), "text", None) not in ERRORS]
    assert len(sources) > 100
    assert [s for s in sources if s not in english] == []  # errors: see test_error_texts
    assert resource_path("translations", "jun_desk_en.qm").stat().st_size > 1000


def test_the_desk_speaks_english_when_asked(qtbot, english, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    assert labels.language() == "en"
    ui = UiContext(desk, people["luis"])
    feed = FeedPanel(ui)
    board = BoardPanel(ui)
    qtbot.addWidget(feed)
    qtbot.addWidget(board)
    assert feed.unhandled.text() == "Unhandled only"
    assert feed.department.itemText(1) == "Local Police"
    assert board.columns[next(iter(board.columns))].header.text() == "New"
    assert QApplication.translate("Labels", "Esperando al vecino") == "Waiting for resident"


def test_spanish_is_the_default_source(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    feed = FeedPanel(UiContext(desk, people["luis"]))
    qtbot.addWidget(feed)
    assert feed.unhandled.text() == "Solo sin atender"
