"""The Feed and Ticket menus: every action with its shortcut, enabled only when the
signed-in person may do it on what is selected (the same rules the services enforce),
every action confirmed in the status bar, and the last move, assignment or "handled" mark
undoable (Ctrl+Z or the status bar's Deshacer) through the services, with its audit event.

The Ticket menu acts on the ticket open in the ticket pane, which follows the board's
focused card; the Feed menu on the message selected in the feed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QLineEdit,
    QMenu,
    QMenuBar,
    QToolButton,
    QWidget,
)

from jun_desk.domain.actions import Changes
from jun_desk.domain.offers import ticket_offers
from jun_desk.domain.roles import Permission
from jun_desk.domain.tickets import ItemView, TicketView
from jun_desk.domain.workflow import Status
from jun_desk.ui.detail.hold import LegalHold
from jun_desk.ui.labels import department_name, status_names, status_singular
from jun_desk.ui.operations import Op
from jun_desk.ui.shortcuts import BoardKeys, ShortcutsSheet, tab_leaves

if TYPE_CHECKING:
    from jun_desk.ui.context import UiContext
    from jun_desk.ui.shell.views import DeskViews

WINDOW = Qt.ShortcutContext.WindowShortcut
PANEL = Qt.ShortcutContext.WidgetWithChildrenShortcut


class DeskActions(QObject):
    def __init__(self, views: DeskViews, ui: UiContext) -> None:
        window = views.window
        super().__init__(window)
        self.views, self.window, self.ui = views, window, ui
        self.board, self.detail, self.feed, self.dms = (views.board, views.detail,
                                                        views.feed, views.dms)
        self._undo: tuple[str, object, object] | None = None
        self.board_keys = BoardKeys(self.board)
        tab_leaves(self.detail.composer, self.dms.composer)
        # The window's Ticket menu owns these keys now (one action per key, no ambiguity).
        self.board.hand_keys_to_menu()

        bar = window.menuBar()
        first = bar.actions()[0]  # Ver: the Feed and Ticket menus go before it
        self.feed_menu = QMenu(self.tr("&Feed"), window)
        self.feed_menu.setObjectName("feed-menu")
        self.ticket_menu = QMenu(self.tr("&Ticket"), window)
        self.ticket_menu.setObjectName("ticket-menu")
        bar.insertMenu(first, self.feed_menu)
        bar.insertMenu(first, self.ticket_menu)
        self._fill_feed_menu(views)
        self._fill_ticket_menu(views)
        self._add_help(views)
        self._add_feedback(views)
        ui.acted.connect(self._acted)
        ui.ticket_chosen.connect(lambda _id: self.update())
        self._latest: dict[int, TicketView] = {}
        ui.changes_applied.connect(self._changes_applied)
        ui.actor_changed.connect(lambda _a: self._forget())
        self.detail.loaded.connect(lambda _s: self.update())
        self.update()

    def _fill_feed_menu(self, views: DeskViews) -> None:
        f = self.feed_menu
        self.go_feed = self._action(f, self.tr("Ir al feed"), "Ctrl+1", self.focus_feed)
        self.search_feed = self._action(f, self.tr("Buscar en el feed"), "Ctrl+Shift+F",
                                        lambda: self._focus(views.feed_dock, self.feed.search))
        f.addSeparator()
        for action in self.feed.item_actions.values():  # the feed's own, scoped to the feed
            f.addAction(action)
        f.addSeparator()
        self.go_dms = self._action(f, self.tr("Ir a mensajes directos"), "Ctrl+4",
                                   lambda: self._focus(views.dms_dock, self.dms.list))
        self.send_dm_here = self._action(f, self.tr("Enviar el DM de la conversación"),
                                         ["Ctrl+Return", "Ctrl+Enter"], self.dms.send,
                                         owner=self.dms, context=PANEL)

    def _fill_ticket_menu(self, views: DeskViews) -> None:
        t = self.ticket_menu
        self.go_board = self._action(t, self.tr("Ir al tablero"), "Ctrl+2", self.focus_board)
        self.search_board = self._action(t, self.tr("Buscar en tickets"), "Ctrl+F",
                                         lambda: self._focus(None, self.board.search))
        self.go_ticket = self._action(t, self.tr("Ir al ticket (redactar)"), "Ctrl+3",
                                      lambda: self._focus(views.detail_dock,
                                                          self.detail.composer))
        self.go_citizen = self._action(t, self.tr("Ir al vecino"), "Ctrl+5",
                                       lambda: self._focus(views.citizen_dock,
                                                           views.citizen.tickets))
        t.addSeparator()
        self.take = self._action(t, self.tr("Asignármelo"), "Ctrl+Shift+A",
                                 self._on_ticket(self.board.take))
        self.assign = self._action(t, self.tr("Asignar a…"), "Ctrl+Shift+R",
                                   self._on_ticket(self.board.assign_to))
        self.department = self._action(t, self.tr("Cambiar de departamento…"), "Ctrl+Shift+D",
                                       self._on_ticket(self.board.redepartment))
        self.move_menu = t.addMenu(self.tr("Mover a"))
        self.move_menu.setObjectName("move-menu")
        self.move_menu.aboutToShow.connect(self._fill_moves)
        self._return_to: QWidget | None = None
        # After the menu is gone (aboutToHide comes before it is hidden).
        self.move_menu.aboutToHide.connect(
            lambda: QTimer.singleShot(0, self._menu_closed))
        self.move_popup = self._action(t, self.tr("Mover a…"), "Ctrl+Shift+M", self.pop_moves)
        t.addSeparator()
        self.reply = self._action(t, self.tr("Responder en público"),
                                  ["Ctrl+Return", "Ctrl+Enter"],
                                  lambda: self._send(self.detail.reply_button,
                                                     lambda: self.detail.send("reply")),
                                  owner=self.detail, context=PANEL)
        self.dm = self._action(t, self.tr("Enviar DM al vecino"),
                               ["Ctrl+Shift+Return", "Ctrl+Shift+Enter"],
                               lambda: self._send(self.detail.dm_button,
                                                  lambda: self.detail.send("dm")),
                               owner=self.detail, context=PANEL)
        self.note = self._action(t, self.tr("Añadir nota interna"), "Ctrl+Shift+N",
                                 lambda: self._send(self.detail.note_button,
                                                    self.detail.add_note),
                                 owner=self.detail, context=PANEL)
        self.canned = self._action(t, self.tr("Respuesta preparada…"), "Ctrl+Shift+P",
                                   self.pick_canned)
        t.addSeparator()
        self.resolve = self._action(t, self.tr("Resolver…"), "Ctrl+Shift+E",
                                    self.detail.resolve)
        self.reopen = self._action(t, self.tr("Reabrir"), "Ctrl+Shift+O", self.detail.reopen)
        t.addSeparator()
        # A water or power cut, or works: link the tickets it covers, answer them all once.
        self.notice = self._action(t, self.tr("Aviso de corte u obra…"), [], self.open_notice)
        # Supervisors: kept whole past retention and erasure (ui/detail/hold.py).
        self.legal_hold = LegalHold(self.ui, self.window)
        self.place_hold = self._action(t, self.tr("Retener por obligación legal…"), [],
                                       self._on_ticket(self.legal_hold.place))
        self.release_hold = self._action(t, self.tr("Levantar la retención legal"), [],
                                         self._on_ticket(self.legal_hold.release))
        # The citizen shown beside the ticket: export or erase their data (also on the
        # citizen panel's context menu).
        self.citizen_data = self._action(t, self.tr("Datos del vecino (privacidad)…"), [],
                                         self.open_citizen_data)
        views.citizen.addAction(self.citizen_data)
        views.citizen.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        t.addSeparator()
        self.undo_action = self._action(t, self.tr("Deshacer"), "Ctrl+Z", self.undo)
        self.undo_action.setObjectName("undo-action")

    def _add_help(self, views: DeskViews) -> None:
        """F1: the shortcuts sheet, also in Ayuda before "Acerca de"."""
        window, bar = views.window, views.window.menuBar()
        self.sheet_action = QAction(self.tr("Atajos de teclado"), window)
        self.sheet_action.setShortcut(QKeySequence("F1"))
        self.sheet_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.sheet_action.triggered.connect(self.show_sheet)
        window.addAction(self.sheet_action)
        self.help_menu = next((m for m in _menus(bar)
                               if views.about_action in m.actions()), None)
        if self.help_menu is not None:
            self.help_menu.insertAction(views.about_action, self.sheet_action)
        self.sheet: ShortcutsSheet | None = None

    def _add_feedback(self, views: DeskViews) -> None:
        """The status bar's Deshacer, shown with the confirmation of the last action."""
        window = views.window
        self.undo_button = QToolButton(window)
        self.undo_button.setObjectName("undo-button")
        self.undo_button.setAutoRaise(True)
        self.undo_button.setDefaultAction(self.undo_action)
        self.undo_button.setToolTip(self.tr("Deshacer (Ctrl+Z)"))
        self.undo_button.setStyleSheet("font-weight: 600; text-decoration: underline;")
        self.undo_button.hide()
        window.statusBar().insertPermanentWidget(0, self.undo_button)
        window.statusBar().messageChanged.connect(self._message_changed)
        self._offer_text = ""

    # ------------------------------------------------------------------ building
    def _action(self, menu: QMenu, text: str, keys: str | list[str],
                slot: Callable[[], object], *, owner: QWidget | None = None,
                context: Qt.ShortcutContext = WINDOW) -> QAction:
        # Owned by the desk page: behind the sign-in (locked) its keys do nothing.
        owner = owner or self.views.desk_page
        action = QAction(text, owner)
        action.setShortcuts([QKeySequence(k) for k in ([keys] if isinstance(keys, str)
                                                       else keys)])
        action.setShortcutContext(context)
        action.triggered.connect(lambda _checked=False: slot())
        owner.addAction(action)
        menu.addAction(action)
        return action

    # ------------------------------------------------------------------ what is selected
    def ticket(self) -> TicketView | None:
        """The ticket open in the ticket pane (None while another one is loading)."""
        snap = self.detail.snapshot
        if snap is None or snap.ticket.id != self.detail.current_id:
            return None
        # An action of this desk may be newer than the pane's last read (quick keys).
        newer = self._latest.get(snap.ticket.id)
        return newer if newer is not None and newer.version > snap.ticket.version \
            else snap.ticket

    def update(self) -> None:
        """Enable what the signed-in person may do on the open ticket; hide what their
        role never allows."""
        actor, ticket = self.ui.actor, self.ticket()
        offers = ticket_offers(actor, ticket)
        self.take.setEnabled(offers.take)
        self.assign.setEnabled(offers.assign)
        self.assign.setVisible(actor.may(Permission.REASSIGN_OPERATOR))
        self.department.setEnabled(offers.department)
        self.department.setVisible(actor.may(Permission.REASSIGN_DEPARTMENT)
                                   or offers.department)
        self.move_menu.setEnabled(bool(offers.moves))
        self.move_popup.setEnabled(bool(offers.moves))
        for action in (self.reply, self.dm, self.note, self.canned):
            action.setEnabled(offers.work)
        self.resolve.setEnabled(offers.resolve)
        self.notice.setEnabled(actor.may(Permission.WORK_TICKET))
        self.reopen.setEnabled(offers.reopen)
        privacy = actor.may(Permission.MANAGE_PRIVACY)
        for action in (self.place_hold, self.release_hold):
            action.setVisible(privacy)
        self.citizen_data.setVisible(privacy)
        self.citizen_data.setEnabled(privacy)
        self.place_hold.setEnabled(privacy and ticket is not None and not ticket.legal_hold)
        self.release_hold.setEnabled(privacy and ticket is not None and ticket.legal_hold)
        self.undo_action.setEnabled(self._undo is not None)

    def _changes_applied(self, changes: Changes, _initiator: object = None) -> None:
        """An operation of this desk left the open ticket newer than the pane's last read:
        the keys act on that version."""
        ticket = changes.ticket_now(self.detail.current_id)
        if ticket is None:
            return
        self._latest = {ticket.id: ticket}
        self.update()

    def _on_ticket(self, action: Callable[[TicketView], None]) -> Callable[[], None]:
        def run() -> None:
            ticket = self.ticket()
            if ticket is not None:
                action(ticket)
        return run

    def open_notice(self) -> None:
        """The notice dialog, its department and kind taken from the open ticket."""
        from jun_desk.ui.notice_dialog import NoticeDialog

        if not self.ui.actor.may(Permission.WORK_TICKET):
            return
        NoticeDialog(self.ui, self.window, ticket=self.ticket()).exec()

    def open_citizen_data(self) -> None:
        """The citizen's data dialog for the citizen the citizen panel shows (if any)."""
        from jun_desk.ui.privacy_dialog import CitizenDataDialog

        if not self.ui.actor.may(Permission.MANAGE_PRIVACY):
            return
        profile = self.views.citizen.profile
        handle = f"@{profile.citizen.handle}" if profile is not None else ""
        CitizenDataDialog(self.ui, self.window, handle).exec()

    def _fill_moves(self) -> None:
        self.move_menu.clear()
        ticket = self.ticket()
        offers = ticket_offers(self.ui.actor, ticket)
        names = status_names()
        for number, status in enumerate(offers.moves, start=1):
            action = self.move_menu.addAction(f"&{number} {names[status]}")
            action.setData(status.value)
            action.triggered.connect(lambda _c=False, s=status: self.move_to(s))
        if not offers.moves:
            empty = self.move_menu.addAction(self.tr("Ningún cambio permitido"))
            empty.setEnabled(False)

    def move_to(self, status: Status) -> None:
        ticket = self.ticket()
        if ticket is None or status not in ticket_offers(self.ui.actor, ticket).moves:
            return
        desk, actor = self.ui.desk, self.ui.actor
        self.board._change(ticket, lambda v: desk.tickets.move(actor, ticket.id, status.value,
                                                               v), "move")

    def pop_moves(self) -> None:
        """The allowed moves as a menu at the focus: arrows or the number, then Enter."""
        focus = QApplication.focusWidget() or self.window
        self._return_to = focus
        self.move_menu.popup(focus.mapToGlobal(QPoint(focus.width() // 3,
                                                      focus.height() // 3)))

    def _menu_closed(self) -> None:
        """Back to where the keyboard was (some platforms leave the popup active)."""
        widget, self._return_to = self._return_to, None
        if widget is not None and widget.isVisible():
            widget.window().activateWindow()
            widget.setFocus(Qt.FocusReason.PopupFocusReason)

    def pick_canned(self) -> None:
        self._focus(self.views.detail_dock, self.detail.templates)
        self.detail.templates.showPopup()

    def _send(self, button: QAbstractButton, send: Callable[[], None]) -> None:
        if button.isEnabled():
            send()
            return
        if self.ticket() is None:
            text = self.tr("Abre antes un ticket (tablero o feed)")
        elif not self.detail.composer.toPlainText().strip():
            text = self.tr("Escribe antes el texto en el panel del ticket (Ctrl+3)")
        elif button is self.detail.reply_button:
            text = self.tr("Este ticket no tiene mención pública a la que responder: "
                           "Ctrl+Mayús+Intro lo envía por DM")
        else:
            text = self.tr("No se puede enviar así: %s") % button.text()
        self.window.statusBar().showMessage(text, 10_000)

    # ------------------------------------------------------------------ focus
    def _focus(self, dock: QDockWidget | None, widget: QWidget) -> None:
        if dock is not None:
            dock.show()
            dock.raise_()
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def focus_feed(self) -> None:
        self._focus(self.views.feed_dock, self.feed.view)
        if not self.feed.view.currentIndex().isValid() and self.feed.model.rowCount():
            self.feed.select_row(0)

    def focus_board(self) -> None:
        self.board_keys.focus_board()

    def show_sheet(self) -> None:
        menus = [self.feed_menu, self.ticket_menu]
        menus += [m for m in _menus(self.window.menuBar()) if m not in menus]
        for menu in menus:  # the move entries as they are for the open ticket
            if menu is self.ticket_menu:
                self._fill_moves()
        self.sheet = ShortcutsSheet(menus, self.window)
        self.sheet.show()
        self.sheet.raise_()

    # ------------------------------------------------------------------ feedback and undo
    def _acted(self, kind: str, before: object, after: object) -> None:
        text = self.describe(kind, before, after)
        self._undo = (kind, before, after)
        self._offer_text = text
        self.window.statusBar().showMessage(text, 30_000)
        self.undo_button.show()
        self.update()

    def describe(self, kind: str, before: object, after: object) -> str:
        if kind == "handled" and isinstance(after, ItemView):
            who = f"@{after.author_handle}" if after.author_handle else self.tr("el vecino")
            return (self.tr("Mensaje de %s marcado como atendido") if after.handled
                    else self.tr("Mensaje de %s vuelve a sin atender")) % who
        assert isinstance(after, TicketView) and isinstance(before, TicketView)
        status = status_singular()[after.status]
        if kind == "take":
            return self.tr("Ticket #%d asignado a ti") % after.id
        if kind == "assign":
            if after.assignee_name:
                return self.tr("Ticket #%d asignado a %s") % (after.id, after.assignee_name)
            return self.tr("Ticket #%d devuelto a la cola del departamento") % after.id
        if kind == "department":
            dept = self.ui.desk.ctx.catalogue.get(after.department)
            return self.tr("Ticket #%d pasado a %s") % (after.id, department_name(dept))
        if kind == "resolve":
            return self.tr("Ticket #%d resuelto") % after.id
        if kind == "reopen":
            return self.tr("Ticket #%d reabierto (%s)") % (after.id, status)
        return self.tr("Ticket #%d movido a %s") % (after.id, status)

    def _message_changed(self, text: str) -> None:
        if text != self._offer_text:
            self.undo_button.hide()

    def _forget(self) -> None:
        """Another person signed in: the last action is not theirs to undo."""
        self._undo = None
        self.undo_button.hide()
        self.update()

    def undo(self) -> None:
        if self._undo is None:
            self.window.statusBar().showMessage(self.tr("Nada que deshacer"), 5_000)
            return
        kind, before, after = self._undo
        self._undo = None
        self.undo_button.hide()
        self.update()
        desk, actor = self.ui.desk, self.ui.actor
        if kind == "handled":
            item = cast(ItemView, before)  # "handled" is undone on a message

            def item_done(_updated: ItemView) -> None:
                # Back in (or out of) the unhandled list: the feed follows the changes.
                self.window.statusBar().showMessage(
                    self.tr("Deshecho: el mensaje vuelve a estar %s")
                    % (self.tr("atendido") if item.handled else self.tr("sin atender")),
                    15_000)

            Op(self.ui, lambda: desk.feed.mark_handled(actor, item.id, item.handled),
               failure_text=self.tr("No se pudo deshacer")).success(item_done).run()
            return
        done_view = cast(TicketView, after)  # every other undo is of a ticket

        def ticket_done(view: TicketView) -> None:
            who = view.assignee_name or self.tr("sin asignar")
            self.window.statusBar().showMessage(
                self.tr("Deshecho: el ticket #%d vuelve a %s · %s · %s") % (
                    view.id, status_singular()[view.status],
                    department_name(desk.ctx.catalogue.get(view.department)), who), 15_000)

        Op(self.ui, lambda: desk.undo.undo_last(actor, done_view.id, done_view.version),
           failure_text=self.tr("No se pudo deshacer")).success(ticket_done).run()


def _menus(bar: QMenuBar) -> list[QMenu]:
    return [m for m in (a.menu() for a in bar.actions()) if isinstance(m, QMenu)]


def install(views: DeskViews, ui: UiContext) -> DeskActions:
    return DeskActions(views, ui)
