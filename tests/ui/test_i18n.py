"""Spanish by default, English through the built Qt translations."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

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


@pytest.mark.parametrize("name, expected", [
    ("es_ES", "es"), ("ca_ES", "es"), ("gl_ES", "es"), ("eu_ES", "es"), ("es_MX", "es"),
    ("C", "es"), ("POSIX", "es"), ("C.UTF-8", "es"), ("", "es"),
    ("en_US", "en"), ("en_GB", "en"), ("fr_FR", "en"), ("de_DE", "en"), ("pt_PT", "en"),
])
def test_the_default_language_follows_the_locale_as_the_readme_says(name: str,
                                                                      expected: str) -> None:
    assert labels.language_for_locale(name) == expected
    readme = " ".join((Path(__file__).resolve().parents[2] / "README.md").read_text(
        encoding="utf-8").split())
    assert ("Spanish when the system's locale is Spanish, Catalan, Galician or Basque, "
            "or says nothing — `C`/`POSIX`, also `C.UTF-8`") in readme
    assert labels.SPANISH_LOCALES == ("es", "ca", "gl", "eu")  # the four the README names


@pytest.mark.parametrize("environment, expected", [
    ({"LANG": "C.UTF-8"}, "es"),  # issue 15: the README said English here once
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "fr_FR.UTF-8"}, "en"),
    ({"LANG": "ca_ES.UTF-8"}, "es"),
    ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "es_ES.UTF-8"}, "es"),
    ({"LANG": "es_ES.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),
])
def test_a_desk_started_under_a_locale_speaks_its_language(environment: dict[str, str],
                                                           expected: str) -> None:
    """The system locale as a started desk reads it (a process of its own: Qt reads the
    locale once)."""
    import os
    import subprocess
    import sys

    env = {"PATH": os.environ.get("PATH", ""), "QT_QPA_PLATFORM": "offscreen", **environment}
    out = subprocess.run([sys.executable, "-c", "from jun_desk.ui.labels import "
                          "default_language; print(default_language())"],
                         env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == expected


def test_every_string_the_code_translates_is_in_the_catalogue() -> None:
    """lupdate does not read inside f-strings, nor calls through another name: a string
    given to tr()/translate() there is never translated (issue 15: "Nota interna" in the
    English thread). ``self.tr`` looks the string up in its class's context: the same words
    under another class do not translate it (issue 24: "new · sin asignar" in the English
    ticket header, a tr() inside an f-string)."""
    import ast

    tree = ET.parse(resource_path("translations", "jun_desk_en.ts"))
    known = {(c.findtext("name"), m.find("source").text)
             for c in tree.iter("context") for m in c.iter("message")}
    sources = {text for _context, text in known}
    missing = []

    def visit(node: ast.AST, path: Path, context: str | None) -> None:
        if isinstance(node, ast.ClassDef):
            context = node.name
        if isinstance(node, ast.Call):
            name = ast.unparse(node.func)
            given = node.args[:1] if name.endswith(".tr") or name == "tr" else \
                node.args[1:2] if name.endswith("translate") else []
            if given and isinstance(given[0], ast.Constant):
                text = given[0].value
                wanted = (context, text) in known if name == "self.tr" and context \
                    else text in sources
                if not wanted:
                    missing.append(f"{path.name}:{node.lineno} {context} {text!r}")
        for child in ast.iter_child_nodes(node):
            visit(child, path, context)

    for path in (Path(__file__).resolve().parents[2] / "jun_desk" / "ui").rglob("*.py"):
        visit(ast.parse(path.read_text(encoding="utf-8")), path, None)
    assert missing == []
