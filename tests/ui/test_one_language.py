"""One language at a time (issue 15): every window and dialog of the desk is opened in
Spanish and in English, every text a person reads is collected (titles, labels, buttons,
menus and actions, tooltips, placeholders, accessible names, list and table texts and
headers, the status bar, message boxes), and a word of the other language fails the test.

The words: the translation catalogue itself (each Spanish source string and its English),
the action catalogue, the departments, canned replies' titles and the moderation policy,
which say each thing in both languages. A word counts as Spanish when only the Spanish
side uses it, English when only the English side does; words both sides use ("ticket",
"DM", "X") count as neither. What the desk shows as data — the citizens' messages, names
and handles, the canned replies' texts (in the citizen's language) — is taken out of both.

So that no dialog is forgotten, every ``QDialog`` subclass of ``jun_desk.ui`` must have
been opened here, and every message box or input box the window code builds must be one
this test opens (``_BOXES``)."""

from __future__ import annotations

import ast
import html
import importlib
import math
import pkgutil
import re
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pytest
import shiboken6
from PySide6 import QtGui
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QStatusBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

import jun_desk.ui
from jun_desk.domain.actions import ACTIONS
from jun_desk.domain.canned import load_canned
from jun_desk.domain.errors import PermissionDeniedError
from jun_desk.domain.items import Stream
from jun_desk.resources import resource_path
from jun_desk.services.desk import Desk
from jun_desk.ui import error_texts, i18n
from jun_desk.ui.context import UiContext
from jun_desk.ui.main_window import MainWindow
from jun_desk.ui.operations import Op
from jun_desk.x.client import XClient
from jun_desk.x.sandbox.server import Sandbox
from jun_desk.x.sync import SyncEngine
from tests.factories import MARIA, PEPE, dm, mention
from tests.x.conftest import scenario_mention_ids

UI = Path(jun_desk.ui.__file__).resolve().parent

# Message and input boxes built in the window code (module, function): each one is opened
# below. A new one fails test_no_dialog_or_box_is_forgotten until it is walked here.
_BOXES = {
    ("about.py", "about_box"),
    ("crash_dialog.py", "_show"),
    ("credentials_dialog.py", "_keyring_failed"),
    ("credentials_dialog.py", "keyring_missing_box"),
    ("credentials_dialog.py", "cancelled_box"),
    ("sign_in.py", "sign_in"),
    ("moderation/panel.py", "show_policy"),
    ("feed/panel.py", "attach_to_ticket"),
    ("main_window.py", "start_failed"),
    ("detail/hold.py", "ask_reason"),
    ("privacy_dialog.py", "ask_path"),
    ("announcements/editor.py", "return_it"),
    ("announcements/editor.py", "choose_image"),
    ("announcements/editor.py", "confirm_over_budget"),
    ("notice_dialog.py", "answer_box"),
    ("menu_csv_dialog.py", "ask_path"),
    ("media/viewer.py", "ask_target"),
}
# placeholders, markup, accelerators, addresses and paths: none of them is a word
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sd]|%[sdif]|%\d|<[^>]+>|&(?=\w)"
                          r"|\b[a-z][a-z0-9+.-]*://\S*|(?<![\w/])/[\w./-]+")
_WORD = re.compile(r"[^\W\d_]{2,}")
CITIZENS = [MARIA, PEPE]
TEXTS = ["Farola apagada en la calle Real desde ayer, todo oscuro",
         "Contenedor lleno en la plaza, huele fatal",
         "The street light on calle Baja is broken, thank you",
         "Hola, ¿a qué hora abre el consultorio?", "Avisado el electricista",
         "Cita del consultorio", "Sin agua", "Hola, ya está arreglado.",
         "Sigue igual de lleno"]


def words(text: str | None) -> set[str]:
    if not text:
        return set()
    return {w.lower() for w in _WORD.findall(_PLACEHOLDER.sub(" ", html.unescape(text)))}


@cache
def vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    """(words only the Spanish side uses, words only the English side uses)."""
    es: set[str] = set()
    en: set[str] = set()
    for message in ET.parse(resource_path("translations", "jun_desk_en.ts")).iter("message"):
        es |= words(message.find("source").text)
        en |= words(message.find("translation").text)
    for act in ACTIONS.values():
        es |= words(f"{act.es} {act.done_es}")
        en |= words(f"{act.en} {act.done_en}")
    from jun_desk.services.context import Rules

    for dept in Rules.load().catalogue:
        es |= words(dept.name_es)
        en |= words(dept.name_en)
    for reply in load_canned(resource_path("canned_replies.json")):
        es |= words(reply.title_es)
        en |= words(reply.title_en)
    from jun_desk.services.moderation import shipped_policy

    policy = shipped_policy()
    es |= words(policy.published.get("es"))
    en |= words(policy.published.get("en"))
    for reason in policy.reasons.values():
        es |= words(f"{reason.title('es')} {reason.text('es')}")
        en |= words(f"{reason.title('en')} {reason.text('en')}")
    shared = es & en
    return frozenset(es - shared), frozenset(en - shared)


def data_words(desk: Desk) -> set[str]:
    """What the desk shows as it is, in whatever language it was written: what citizens
    wrote (the sandbox's day and the test's own), their names, the tickets' titles and
    notes, what X sent unreadable, the canned replies' texts (in the citizen's language)."""

    from sqlalchemy import select

    from jun_desk.store.models import (
        Citizen,
        ModerationAction,
        OutboxItem,
        QuarantinedItem,
        Ticket,
        TicketItem,
        TicketNote,
    )

    found: set[str] = set()
    for text in TEXTS:
        found |= words(text)
    with desk.db.session(readonly=True) as session:
        for column in (TicketItem.text, Ticket.title, TicketNote.text, OutboxItem.text,
                       ModerationAction.text, Citizen.handle, Citizen.name):
            for value in session.scalars(select(column)):
                found |= words(value)
        for raw in session.scalars(select(QuarantinedItem.raw)):
            found |= words(" ".join(_json_values(raw)))  # its values; its keys are X's
    for citizen in CITIZENS:
        found |= words(f"{citizen.handle} {citizen.name}")
    for person in desk.operators.list():
        found |= words(f"{person.username} {person.display_name}")
    for reply in load_canned(resource_path("canned_replies.json")):
        found |= words(f"{reply.text_es} {reply.text_en}")
    from jun_desk.ui.about import LICENCES

    for name, _version, licence in LICENCES:  # what the desk bundles, by name
        found |= words(f"{name} {licence}")
    # Triage's reason quotes the message's words as its model reads them, unaccented
    # ("modelo: comedor, menu" for "menú"): those are data too.
    found |= {_unaccented(w) for w in found}
    return found | {"jun", "desk", "aytojun"}  # the desk's and the town's names


def _unaccented(word: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", word)
                   if not unicodedata.combining(c))


def _json_values(value: object) -> list[str]:
    if isinstance(value, dict):
        return [v for item in value.values() for v in _json_values(item)]
    if isinstance(value, list):
        return [v for item in value for v in _json_values(item)]
    return [str(value)] if value is not None else []


# ---------------------------------------------------------------- collecting what is read
def _plain(text: str) -> str:
    rich = QtGui.Qt.mightBeRichText(text)  # type: ignore[attr-defined]
    return QTextDocumentFragment.fromHtml(text).toPlainText() if rich else text


def _model_texts(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return

    def columns(parent: QModelIndex) -> int:
        try:
            return int(model.columnCount(parent))
        except TypeError:  # a list model: one column (columnCount is private there)
            return 1

    for orientation, count in ((Qt.Orientation.Horizontal, columns(QModelIndex())),
                               (Qt.Orientation.Vertical, 0)):
        for section in range(min(count, 50)):
            yield "header", str(model.headerData(section, orientation) or "")

    def rows(parent: QModelIndex, depth: int) -> Iterator[tuple[str, str]]:
        for row in range(min(model.rowCount(parent), 200)):
            for column in range(min(columns(parent), 20)):
                index = model.index(row, column, parent)
                for role, name in ((Qt.ItemDataRole.DisplayRole, "item"),
                                   (Qt.ItemDataRole.ToolTipRole, "item tooltip")):
                    value = index.data(role)
                    if isinstance(value, str):
                        yield name, value
                if depth < 2 and column == 0:
                    yield from rows(index, depth + 1)

    yield from rows(QModelIndex(), 0)


def _actions(widget: QWidget) -> Iterator[tuple[str, str]]:
    for action in widget.actions():
        yield "action", action.text()
        yield "action tooltip", action.toolTip()
        yield "action status tip", action.statusTip()
        if action.menu() is not None:
            yield "menu", action.menu().title()


# Labels that show data, not words: a one-time code is random letters ("Q74BE-GSXBW" read
# as English "be" one run in a dozen).
DATA_LABELS = frozenset({"first-code"})


def read(root: QWidget) -> list[tuple[str, str]]:
    """Every text a person can read in ``root`` and its children: (where, text)."""
    found: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not shiboken6.isValid(widget):
            continue
        where = f"{type(widget).__name__}{'#' + widget.objectName() if widget.objectName() else ''}"
        texts: list[tuple[str, str]] = [
            ("tooltip", widget.toolTip()), ("status tip", widget.statusTip()),
            ("what's this", widget.whatsThis()), ("accessible name", widget.accessibleName()),
            ("accessible description", widget.accessibleDescription())]
        if widget.isWindow() or isinstance(widget, QDockWidget):
            texts.append(("title", widget.windowTitle()))
        if isinstance(widget, QLabel) and widget.objectName() not in DATA_LABELS:
            texts.append(("label", _plain(widget.text())))
        if isinstance(widget, QAbstractButton):
            texts.append(("button", widget.text()))
        if isinstance(widget, QLineEdit):
            texts.append(("placeholder", widget.placeholderText()))
        if isinstance(widget, (QTextEdit, QPlainTextEdit)):
            texts.append(("placeholder", widget.placeholderText()))
            if widget.isReadOnly():
                texts.append(("text", widget.toPlainText()))
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                texts.append(("choice", widget.itemText(i)))
                tip = widget.itemData(i, Qt.ItemDataRole.ToolTipRole)
                texts.append(("choice tooltip", tip if isinstance(tip, str) else ""))
        if isinstance(widget, QGroupBox):
            texts.append(("group", widget.title()))
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                texts += [("tab", widget.tabText(i)), ("tab tooltip", widget.tabToolTip(i))]
        if isinstance(widget, QMenu):
            texts.append(("menu", widget.title()))
        if isinstance(widget, QMessageBox):
            texts += [("message", widget.text()), ("message", widget.informativeText())]
        if isinstance(widget, QStatusBar):
            texts.append(("status bar", widget.currentMessage()))
        if isinstance(widget, QAbstractItemView) and not isinstance(widget.parent(), QComboBox):
            texts += list(_model_texts(widget))
        texts += list(_actions(widget))
        found += [(f"{where} {kind}", text) for kind, text in texts if text and text.strip()]
    return found


def leaks(texts: list[tuple[str, str]], language: str, data: set[str]) -> list[str]:
    spanish, english = vocabulary()
    other = (english if language == "es" else spanish) - data
    out = []
    for where, text in texts:
        wrong = sorted(words(text) & other)
        if wrong:
            out.append(f"{where}: {text[:160]!r} ({', '.join(wrong)})")
    return sorted(set(out))


# ---------------------------------------------------------------- opening everything
def _seed(desk: Desk, people) -> dict[str, int]:  # type: ignore[no-untyped-def]
    items = [mention(TEXTS[0], author=MARIA), mention(TEXTS[1], author=PEPE, minutes=1),
             mention(TEXTS[2], author=PEPE, minutes=2)]
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, items, CITIZENS, items[-1].x_id)
    messages = [dm(TEXTS[3], author=MARIA, conversation="c-1")]
    desk.ingest.ingest_page("AytoJun", Stream.DMS, messages, CITIZENS, None)
    feed = {i.x_id: i for i in desk.search.feed(limit=10_000)}
    ana, luis = people["ana"], people["luis"]
    lamp = desk.tickets.create_from_item(ana, feed[items[0].x_id].id, department="obras")
    desk.tickets.assign(ana, lamp.id, luis.operator_id)
    desk.tickets.move(luis, lamp.id, "in_progress")
    desk.tickets.add_note(luis, lamp.id, TEXTS[4])
    with pytest.raises(PermissionDeniedError):  # a refusal: the history tells it, translated
        desk.tickets.reassign_department(luis, lamp.id, "policia")
    desk.tickets.create_manual(ana, department="salud", title=TEXTS[5])
    # An unassigned ticket its citizen wrote to again (issue 24: "sistema añadió un mensaje
    # — The citizen wrote again" in Spanish, "new · sin asignar" in English).
    bin_ = desk.tickets.create_from_item(ana, feed[items[1].x_id].id, department="limpieza")
    again = mention(TEXTS[8], author=PEPE, minutes=3, in_reply_to=items[1].x_id)
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [again], CITIZENS, again.x_id)
    return {"lamp": lamp.id, "bin": bin_.id}


class Walk:
    def __init__(self, qtbot, language: str) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.language = language
        self.texts: list[tuple[str, str]] = []
        self.opened: set[type] = set()
        self.boxes: set[tuple[str, str]] = set()

    def read(self, widget: QWidget, what: str = "") -> None:
        self.opened.add(type(widget))
        self.texts += [(f"{what or type(widget).__name__} › {where}", text)
                       for where, text in read(widget)]

    def dialog(self, dialog: QDialog, what: str = "") -> None:
        self.qtbot.addWidget(dialog)
        dialog.show()
        self.qtbot.waitExposed(dialog)
        self.read(dialog, what)
        dialog.reject()

    def modal(self, box: tuple[str, str], trigger: Callable[[], object]) -> None:
        """Open what ``trigger`` opens modally (a message or input box), read it, close it."""
        seen: list[QWidget] = []
        # 30 s at least: a box that never opens must not keep looking into later tests, and
        # one opened after a worker's read (the privacy dialog checks the handle first) may
        # take seconds on a busy machine.
        tries = [3000]

        def look() -> None:
            widget = QApplication.activeModalWidget()
            if widget is None:
                tries[0] -= 1
                if tries[0] > 0:
                    QTimer.singleShot(10, look)
                return
            seen.append(widget)
            self.read(widget, f"{box[1]}()")
            widget.close()

        QTimer.singleShot(0, look)
        trigger()  # blocks until closed (exec), or not (open): either way it is seen
        self.qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
        self.boxes.add(box)

    def box(self, box: tuple[str, str], widget: QMessageBox) -> None:
        self.qtbot.addWidget(widget)
        widget.show()
        self.read(widget, f"{box[1]}()")
        widget.done(0)  # not close(): a box without an escape button refuses it
        self.boxes.add(box)


def _walk_everything(qtbot, desk: Desk, people, language: str) -> Walk:  # type: ignore[no-untyped-def]
    from jun_desk.domain.errors import StorageError, ValidationError
    from jun_desk.secrets import KeyringUnavailableError
    from jun_desk.services.feed import Conversation
    from jun_desk.ui import about, sign_in
    from jun_desk.ui.announcements.editor import AnnouncementsDialog
    from jun_desk.ui.budget_dialog import BudgetDialog
    from jun_desk.ui.crash_dialog import CrashReporter
    from jun_desk.ui.credentials_dialog import (
        CredentialsDialog,
        cancelled_box,
        keyring_missing_box,
    )
    from jun_desk.ui.database_dialog import DatabaseDialog
    from jun_desk.ui.dms.ticket_picker import TicketPicker
    from jun_desk.ui.first_code_dialog import FirstCodeDialog
    from jun_desk.ui.menu_csv_dialog import MenuCsvDialog
    from jun_desk.ui.notice_dialog import NoticeDialog
    from jun_desk.ui.password_dialog import PasswordDialog
    from jun_desk.ui.pickers import (
        AssigneePicker,
        DepartmentPicker,
        NewTicketDepartmentPicker,
        SimilarDialog,
    )
    from jun_desk.ui.privacy_dialog import CitizenDataDialog, EraseConfirm
    from jun_desk.ui.resolve_dialog import ResolveDialog
    from jun_desk.ui.shortcuts import ShortcutsSheet
    from jun_desk.ui.streams_dialog import StreamsDialog
    from jun_desk.ui.verification import CounterDialog, NoteDialog

    # the sandbox's day in Jun (two mentions X sends incomplete: "could not be read"), then
    # the test's own messages and tickets
    with Sandbox(speed=math.inf) as sandbox:
        broken = sorted(scenario_mention_ids(sandbox), key=int)[-40::20]
        sandbox.item_faults.strip = {i: ("author_id",) for i in broken}
        sandbox.item_faults.strip_in_lookup = True
        SyncEngine(desk, XClient(sandbox.credentials, api_base=sandbox.base_url)).sync_once()
    seeded = _seed(desk, people)
    walk = Walk(qtbot, language)
    ui = UiContext(desk, people["ana"], account="AytoJun")
    window = MainWindow(ui, source="sandbox")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.desk.feed.model.rowCount() >= 2, timeout=10_000)
    ui.ticket_chosen.emit(seeded["lamp"])
    qtbot.waitUntil(lambda: window.desk.detail.snapshot is not None
                    and window.desk.detail.snapshot.ticket.id == seeded["lamp"], timeout=10_000)
    window.desk.feed.select_row(0)
    window.desk.citizen.show_item(window.desk.feed.current())
    window.desk.view_menu.show_moderation()
    window.desk.view_menu.show_quarantine()
    window.desk.dms.reload()
    qtbot.waitUntil(lambda: window.desk.dms.list.model().rowCount() > 0, timeout=10_000)
    window.desk.dms.list.setCurrentIndex(window.desk.dms.list.model().index(0, 0))
    # an error in the status bar, as the window words it
    luis_ui = UiContext(desk, people["luis"])
    said: list[str] = []
    luis_ui.message.connect(window.statusBar().showMessage)
    luis_ui.message.connect(said.append)
    Op(luis_ui, lambda: desk.tickets.create_manual(people["luis"], department="suministros",
                                                   title="Sin agua")).run()
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)  # the refusal itself
    walk.texts.append(("refusal in the status bar", said[-1]))
    # what arrived: urgent police messages raise the banner and a notification
    window.desk.feed.arrived.emit(desk.search.feed(limit=10_000))
    assert window.desk.notifier.notifications and window.desk.status.urgent_banner.isVisible()
    walk.texts += [("notification", f"{title}: {text}")
                   for title, text in window.desk.notifier.notifications]
    for dock in window.findChildren(QDockWidget):
        dock.show()
        dock.raise_()
        qtbot.wait(10)
        walk.read(dock, f"dock {dock.objectName()}")
    walk.read(window, "main window")
    ui.ticket_chosen.emit(seeded["bin"])  # unassigned, and its citizen wrote again
    qtbot.waitUntil(lambda: window.desk.detail.snapshot is not None
                    and window.desk.detail.snapshot.ticket.id == seeded["bin"], timeout=10_000)
    assert "The citizen wrote again" in "".join(
        e.message or "" for e in window.desk.detail.snapshot.history)
    window.desk.detail.tabs.setCurrentWidget(window.desk.detail.history)
    walk.read(window.desk.docks.detail_dock, "dock detail, an unassigned ticket written to again")
    # an operator's window: what their role shows
    operator = MainWindow(UiContext(desk, people["luis"], account="AytoJun"), source="sandbox")
    qtbot.addWidget(operator)
    operator.show()
    qtbot.waitExposed(operator)
    qtbot.waitUntil(lambda: operator.desk.feed.model.rowCount() >= 2, timeout=10_000)
    walk.read(operator, "operator's window")
    operator.close()
    # F1: the shortcuts sheet, as the window opens it
    window.desk.desk_actions.show_sheet()
    sheet = window.desk.desk_actions.sheet
    assert isinstance(sheet, ShortcutsSheet)
    walk.dialog(sheet, "shortcuts sheet (F1)")

    ticket = desk.tickets.get(seeded["lamp"])
    catalogue = desk.ctx.catalogue
    walk.dialog(AssigneePicker(ticket, desk.people.workload(), catalogue, window))
    walk.dialog(DepartmentPicker(ticket, catalogue, window))
    walk.dialog(NewTicketDepartmentPicker("suministros", ["obras", "limpieza"], catalogue,
                                          window))
    walk.dialog(SimilarDialog(TEXTS[0], [ticket], catalogue, window))
    conversation = window.desk.dms.current
    assert isinstance(conversation, Conversation)
    picker = TicketPicker(ui, conversation, window)
    qtbot.wait(50)  # its first search
    ui.wait()
    walk.dialog(picker)
    walk.dialog(ResolveDialog(ticket, "Hola, ya está arreglado.", "es", can_reply=True,
                              can_dm=True, parent=window))
    walk.dialog(PasswordDialog(ui, reset=False, parent=window), "change password")
    walk.dialog(PasswordDialog(ui, reset=True, parent=window), "reset password")
    code_dialog = FirstCodeDialog(ui, window)  # a supervisor's: the code issued and shown
    qtbot.addWidget(code_dialog)
    code_dialog.show()
    qtbot.waitUntil(code_dialog.issue_button.isEnabled, timeout=10_000)
    code_dialog.issue()
    qtbot.waitUntil(code_dialog.code.isVisible, timeout=10_000)
    walk.dialog(code_dialog, "first-access code")
    walk.dialog(BudgetDialog(ui, desk.costs.budget("AytoJun"), window))
    # the announcements: a thread waiting for the supervisor, its preview and counters
    waiting = desk.announcements.draft(people["ana"], account="AytoJun", submit=True, text=(
        "Corte de agua el lunes en la calle Real de 9:00 a 14:00. " * 6).strip())
    announcements = AnnouncementsDialog(ui, window)
    qtbot.addWidget(announcements)
    announcements.show()
    qtbot.waitUntil(lambda: announcements.listing.count() == 1, timeout=10_000)
    announcements.listing.setCurrentRow(0)
    assert announcements.current is not None and announcements.current.id == waiting.id
    walk.dialog(announcements, "announcements")
    announcements.show()
    walk.modal(("announcements/editor.py", "return_it"), announcements.return_it)
    announcements.start_folder = Path(tempfile.mkdtemp(prefix="images-"))  # nothing in it
    walk.modal(("announcements/editor.py", "choose_image"), announcements.choose_image)
    walk.modal(("announcements/editor.py", "confirm_over_budget"),
               lambda: announcements.confirm_over_budget(ValidationError.of(
                   "announcement.over_budget", cost="$0.015", spent="$29.99",
                   budget="$30.00")))
    announcements.reject()
    notice = NoticeDialog(ui, window, ticket=ticket)
    walk.box(("notice_dialog.py", "answer_box"), notice.answer_box(2))
    walk.dialog(notice, "outage or works notice")
    menu = MenuCsvDialog(ui, window, start_folder=Path(tempfile.mkdtemp(prefix="menu-")))
    walk.dialog(menu, "school menu from CSV")
    walk.modal(("menu_csv_dialog.py", "ask_path"), menu.ask_path)
    walk.texts = [(where, text) for where, text in walk.texts
                  if not (where.startswith("ask_path() ›") and " item" in where)]
    walk.dialog(StreamsDialog(ui, None, window))
    walk.dialog(DatabaseDialog(desk.db.display_url, window))
    walk.dialog(CitizenDataDialog(ui, window, f"@{MARIA.handle}"), "a citizen's data")
    walk.dialog(EraseConfirm(MARIA.handle, window))
    counter = CounterDialog(MARIA.handle, lambda *_a: None, window)  # issue 27
    counter.refused(ValidationError.of("verification.code_wrong", handle=MARIA.handle, left=2))
    walk.dialog(counter, "verification at the counter")
    walk.dialog(NoteDialog.other_channel(MARIA.handle, lambda _n: None, window),
                "verification by another channel")
    walk.dialog(NoteDialog.revoke(MARIA.handle, lambda _n: None, window), "revocation")
    walk.modal(("detail/hold.py", "ask_reason"),
               lambda: window.desk.desk_actions.legal_hold.ask_reason(ticket))
    data_dialog = CitizenDataDialog(ui, window)
    qtbot.addWidget(data_dialog)
    data_dialog.start_folder = Path(tempfile.mkdtemp(prefix="export-"))  # nothing in it
    walk.modal(("privacy_dialog.py", "ask_path"), lambda: data_dialog.ask_path(MARIA.handle))
    walk_the_viewer(walk, window)  # its save box lists the home folder
    # The files and folders it lists are the disk's (their names, and the type "Folder" Qt's
    # own Spanish lacks): data, not the desk's words. Its labels and buttons are read.
    walk.texts = [(where, text) for where, text in walk.texts
                  if not (where.startswith(("ask_path() ›", "ask_target() ›", "choose_image() ›"))
                          and " item" in where)]
    credentials = CredentialsDialog("AytoJun", parent=window)
    walk.dialog(credentials)
    walk.modal(("credentials_dialog.py", "_keyring_failed"),
               lambda: credentials._keyring_failed(KeyringUnavailableError.of(
                   "keyring.missing")))
    dialog = sign_in.SignInDialog(desk, window)
    walk.dialog(dialog)
    # the lock screen
    window.desk.session_control.lock(audit=False)
    walk.read(window, "lock screen")
    window.desk.session_control.lock(switch=True, audit=False)
    walk.read(window.sign_in, "switch operator")
    # message and input boxes
    box, _sandbox = keyring_missing_box(KeyringUnavailableError.of("keyring.missing"))
    walk.box(("credentials_dialog.py", "keyring_missing_box"), box)
    walk.box(("credentials_dialog.py", "cancelled_box"), cancelled_box()[0])
    walk.box(("about.py", "about_box"), about.about_box(window))
    opening = MainWindow()  # the window as it opens: the desk could not be opened
    qtbot.addWidget(opening)
    walk.box(("main_window.py", "start_failed"), opening.start_failed(
        error_texts.render(StorageError.of("db.damaged", where=" (desk.db)"))))
    walk.read(opening, "window that could not open the desk")
    reporter = CrashReporter(window, lambda err, context="": Path("/tmp/jun-desk-crash.txt"))
    reporter.report(ValidationError("boom"))
    qtbot.waitUntil(lambda: reporter.dialog is not None, timeout=30_000)
    walk.box(("crash_dialog.py", "_show"), reporter.dialog)
    empty = Desk.__new__(Desk)
    empty.operators = type("NoOne", (), {"list": staticmethod(lambda: [])})()  # type: ignore[attr-defined]
    walk.modal(("sign_in.py", "sign_in"), lambda: sign_in.sign_in(empty, window))
    walk.modal(("moderation/panel.py", "show_policy"), window.desk.moderation.show_policy)
    window.desk.session_control.unlocked(people["ana"])
    window.desk.feed.select_row(1)
    walk.modal(("feed/panel.py", "attach_to_ticket"), window.desk.feed.attach_to_ticket)
    ui.wait()
    luis_ui.wait()
    return walk


@pytest.fixture(params=["es", "en"])
def language(request, qapp):  # type: ignore[no-untyped-def]
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "es")


@pytest.mark.both_backends  # the database dialog shows a shared board's address
def test_every_window_and_dialog_speaks_one_language(qtbot, desk: Desk, people,  # type: ignore[no-untyped-def]
                                                     language) -> None:
    walk = _walk_everything(qtbot, desk, people, language)
    assert len(walk.texts) > 300  # the walk itself reads the desk
    data = data_words(desk)
    found = leaks(walk.texts, language, data)
    assert found == [], f"{len(found)} texts of the other language in the {language} desk:\n" \
        + "\n".join(found)
    # the leaks issue 15 reported are still caught with this desk's own data words (the
    # citizens' texts must not hide the other language's words). Known limit: a word
    # citizens write too ("ayer" in "ayer 10:42") is data, so its leak would not be seen.
    known = {"es": [("board", "luis works for limpieza, obras, not for 'suministros': ask "
                              "a supervisor"), ("outbox", "#3 reply sent (1 attempts)")],
             "en": [("sign-in", "¿Quién atiende la mesa?"),
                    ("history", "ana cambió el estado: asignado → resuelto")]}[language]
    assert len(leaks(known, language, data)) == len(known)
    # and the walk did see what it should, in the right language
    seen = " ".join(text for _, text in walk.texts)
    if language == "es":
        assert "Solo sin atender" in seen and "pídaselo a un supervisor" in seen
        assert "Nombre del archivo:" in seen  # the export's file dialog, in the desk's words
    else:
        assert "Unhandled only" in seen and "ask a supervisor" in seen
        assert "File name:" in seen
    test_no_dialog_or_box_is_forgotten(walk)


def walk_the_viewer(walk: Walk, window: QWidget) -> None:
    """The photo viewer on a video (its preview not downloaded yet) with the photo's place,
    and its save box."""
    from jun_desk.domain.media import MediaKind, MediaRef, MediaState, MediaView
    from jun_desk.ui.media.viewer import MediaViewer

    ref = MediaRef("13_v", MediaKind.VIDEO, preview_image_url="https://pbs.twimg.com/v.jpg")
    video = MediaView(ref, MediaState.PENDING, x_link="https://x.com/i/web/status/13",
                      location=(42.1, -3.7))
    walk.dialog(MediaViewer([video, video], 0, window), "photo viewer")
    viewer = MediaViewer([video], 0, window)
    walk.qtbot.addWidget(viewer)
    walk.modal(("media/viewer.py", "ask_target"), lambda: viewer.ask_target(video))
    viewer.close()


def test_no_dialog_or_box_is_forgotten(walk: Walk | None = None) -> None:
    """Every QDialog subclass of the window code, and every message or input box it
    builds, is opened by the walk above."""
    dialogs = set()
    for info in pkgutil.walk_packages(jun_desk.ui.__path__, "jun_desk.ui."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (isinstance(value, type) and issubclass(value, QDialog)
                    and value.__module__ == module.__name__ and not value.__name__.startswith("_")):
                dialogs.add(value)
    assert len(dialogs) >= 10
    boxes = set()
    for path in UI.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(func):
                if isinstance(node, ast.Call):
                    name = ast.unparse(node.func)
                    if re.fullmatch(r"(QMessageBox|QInputDialog|QFileDialog|QColorDialog|"
                                    r"QFontDialog|QProgressDialog)(\.\w+)?|ask_file", name):
                        boxes.add((path.relative_to(UI).as_posix(), func.name))
    # the desk's file dialog is opened through each place that asks for a file (ask_file)
    boxes.remove(("file_dialogs.py", "ask_file"))
    assert boxes == _BOXES, "a message box the walk does not open: add it to the walk"
    if walk is not None:
        assert walk.boxes == _BOXES
        missing = sorted(d.__name__ for d in dialogs if d not in walk.opened)
        assert missing == [], f"dialogs the walk never opened: {missing}"


def test_the_word_lists_catch_the_leaks_issue_15_found() -> None:
    """What the operator saw in the wrong language (issue 15) is caught; words both
    languages use, names, addresses and data are not."""
    spanish, english = vocabulary()
    assert len(spanish) > 500 and len(english) > 500
    data = {"farola", "calle"}
    found = leaks([
        ("board", "luis works for limpieza, obras, not for 'suministros': ask a supervisor"),
        ("outbox", "#3 reply enviado (1 intentos)"),  # English "reply" in Spanish
        ("fine", "Ticket #70 · DM · X · 10:42 · @PoliciaJun · https://x.com/settings/all"),
        ("data", "Farola calle"),
    ], "es", data)
    assert [line.split(":")[0] for line in found] == ["board", "outbox"]
    found = leaks([
        ("sign-in", "¿Quién atiende la mesa?"), ("age", "ayer 10:42"),
        ("fine", "Ticket #70 · DM · X · Jun Desk"), ("data", "Farola apagada en la calle"),
    ], "en", data | {"apagada", "en", "la"})
    assert [line.split(":")[0] for line in found] == ["age", "sign-in"]
