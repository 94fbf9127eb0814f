"""The desk window: the board in the middle, live feed and ticket detail in docks the
operator can rearrange (each operator's layout and filters are saved), a status bar that
says how the desk is doing. Ctrl+L, idle time or "Cambiar de operador" put the sign-in in
front of everything; whoever signs in gets their own role, layout and filters at once.

The window is a frame (title, menus, a placeholder while the desk opens, the first
sign-in); the desk inside it, ``window.desk``, is composed of named parts in ``ui/shell/``
(see its ``__init__``): ``window.desk.feed``, ``window.desk.docks.feed_dock``,
``window.desk.session_control.lock``…"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from jun_desk import __version__
from jun_desk.ui.screen_fit import available_geometry, clamp_to, first_size
from jun_desk.ui.shell.options import SessionOptions

if TYPE_CHECKING:  # the desk's views load behind the shown window (see attach)
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QCloseEvent, QResizeEvent, QShowEvent
    from PySide6.QtWidgets import QMenu, QMessageBox

    from jun_desk.services.desk import Desk
    from jun_desk.ui.context import UiContext
    from jun_desk.ui.lease_keeper import LeaseKeeper
    from jun_desk.ui.live import ChangeListener
    from jun_desk.ui.poller import Poller
    from jun_desk.ui.shell.desk import DeskShell
    from jun_desk.ui.sign_in import SignInPanel

__all__ = ["MainWindow", "SessionOptions", "layout_settings"]

# What ``MainWindow.attach`` builds the desk from; ``app.py`` imports them in a step of
# their own on the GUI thread, before the step that builds. (The panels beside the board
# are imported by the desk's later steps, once the board is reading its first page.)
VIEW_MODULES = ("jun_desk.ui.shell.desk", "jun_desk.ui.sign_in")


def import_views() -> None:
    import importlib

    for name in VIEW_MODULES:
        importlib.import_module(name)


def layout_settings() -> QSettings:
    from jun_desk.ui.shell.docks import layout_settings as settings

    return settings()


class MainWindow(QMainWindow):
    """``MainWindow(ui, …)`` builds the whole desk at once (what the tests do).
    ``MainWindow(source=…, session=…)`` is the same window with its title, menus and a
    light placeholder, shown at once by ``app.py`` while the data layer opens behind it;
    ``attach(ui, …)`` then builds the desk inside it, the board first."""

    ui: UiContext
    sign_in: SignInPanel

    def __init__(self, ui: UiContext | None = None, *, poller: Poller | None = None,
                 source: str = "",
                 open_credentials: Callable[[], None] | None = None,
                 budget: Callable[[], dict[str, tuple[int, int]]] | None = None,
                 live: ChangeListener | None = None,
                 lease_keeper: LeaseKeeper | None = None,
                 session: SessionOptions | None = None,
                 stalled: Callable[[], list[Any]] | None = None,
                 moderation_x: Callable[[], object] | None = None,
                 stream_lookups: Callable[[], object] | None = None) -> None:
        super().__init__()
        self.session = session or SessionOptions()
        self.attached = False
        self.desk: DeskShell | None = None
        self._source = source
        self.close_hooks: list[Callable[[], None]] = []
        self._set_title()
        self.resize(first_size(available_geometry(self)))
        # Until the desk is built: a line saying it opens, in the window's body.
        # (Centred by stretches: no Qt enum is touched before the window is shown.)
        self.placeholder_page = QWidget(self)
        self.placeholder = QLabel(self.tr("Abriendo la mesa…"), self.placeholder_page)
        self.placeholder.setObjectName("desk-placeholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setMaximumWidth(640)
        self.placeholder.setStyleSheet("font-size: 18px;")
        column = QVBoxLayout(self.placeholder_page)
        column.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.placeholder)
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(2)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.placeholder_page)
        self.setCentralWidget(self.pages)
        menu = self.menuBar()
        self._view_menu = menu.addMenu(self.tr("&Ver"))
        self._session_menu = menu.addMenu(self.tr("&Sesión"))
        self._settings_menu = menu.addMenu(self.tr("&Configuración"))
        self._announcements_menu = menu.addMenu(self.tr("&Anuncios"))
        for waiting in (self._view_menu, self._session_menu, self._settings_menu,
                        self._announcements_menu):
            waiting.setEnabled(False)  # until the desk is open
        help_menu = menu.addMenu(self.tr("A&yuda"))
        self.about_action = help_menu.addAction(self.tr("Acerca de Jun Desk"))
        self.about_action.triggered.connect(self._about)
        if ui is not None:
            self.attach(ui, poller=poller, open_credentials=open_credentials, budget=budget,
                        live=live, lease_keeper=lease_keeper, stalled=stalled,
                        moderation_x=moderation_x, stream_lookups=stream_lookups)
            self.finish()

    @property
    def locked(self) -> bool:
        return self.desk is not None and self.desk.locked()

    def _about(self) -> None:
        from jun_desk.ui.about import show_about

        show_about(self)

    # ------------------------------------------------------------------ the start
    def set_source(self, source: str, *, training: bool) -> None:
        """Where the desk connects (the title bar), once the start knows it."""
        self._source = source
        self.session.training = training
        self._set_title()

    def show_placeholder(self, text: str) -> None:
        """What the window says while the desk opens (or why it cannot)."""
        self.placeholder.setText(text)
        self.pages.setCurrentWidget(self.placeholder_page)

    def opening(self) -> None:
        self.show_placeholder(self.tr("Abriendo la mesa…"))

    def start_failed(self, reason: str) -> QMessageBox:
        """The desk could not be opened: why, in the window's body and in a message over
        it (window-modal, not blocking: the caller hears ``finished``)."""
        from PySide6.QtWidgets import QMessageBox

        self.show_placeholder(self.tr("No se pudo abrir la mesa: %s") % reason)
        box = QMessageBox(QMessageBox.Icon.Critical, "Jun Desk",
                          self.tr("No se pudo abrir la mesa.") + "\n\n" + reason,
                          QMessageBox.StandardButton.Close, self)
        box.setObjectName("start-failed")
        box.open()
        return box

    def unexpected_text(self, error: str, report: object) -> str:
        return self.tr("Error inesperado (%s); los detalles están en %s") % (error, report)

    def offer_sandbox(self, err: BaseException) -> bool:
        """No keyring to keep X's keys in: the sandbox offered in plain words (in the
        window's language), or quit."""
        from jun_desk.ui.credentials_dialog import keyring_missing_box

        box, use_sandbox = keyring_missing_box(err)
        box.setParent(self, box.windowFlags())
        box.exec()
        return box.clickedButton() is use_sandbox

    def first_sign_in(self, desk: Desk | None, os_user: str | None) -> SignInPanel:
        """The sign-in in the window's body, before the desk is built behind it; the
        same panel then locks and unlocks the desk. ``desk`` None: still opening (the
        panel's ``attach_desk``)."""
        from jun_desk.ui.sign_in import SignInPanel

        self.sign_in = SignInPanel(desk, self, training=self.session.training,
                                   os_user=os_user)
        self.pages.addWidget(self.sign_in)
        self.pages.setCurrentWidget(self.sign_in)
        self.sign_in.prepare()
        return self.sign_in

    def attach(self, ui: UiContext, *, poller: Poller | None = None,
               open_credentials: Callable[[], None] | None = None,
               budget: Callable[[], dict[str, tuple[int, int]]] | None = None,
               live: ChangeListener | None = None,
               lease_keeper: LeaseKeeper | None = None,
               stalled: Callable[[], list[Any]] | None = None,
               moderation_x: Callable[[], object] | None = None,
               stream_lookups: Callable[[], object] | None = None) -> None:
        """Build the desk for ``ui`` (its services and who signed in) inside the window:
        the board now, reading its first page; the rest in the next event-loop turns."""
        from jun_desk.ui.shell.desk import DeskShell, Frame, Services
        from jun_desk.ui.sign_in import SignInPanel

        self.ui = ui
        self.poller, self.live, self.lease_keeper = poller, live, lease_keeper
        if "sign_in" not in self.__dict__:  # else the panel the first sign-in was typed in
            self.sign_in = SignInPanel(ui.desk, self, training=self.session.training,
                                       os_user=self.session.os_user)
            self.pages.addWidget(self.sign_in)
        frame = Frame(self, self.pages, self.sign_in, self.session,
                      (self._view_menu, self._session_menu, self._settings_menu,
                       self._announcements_menu),
                      self.about_action, self._set_title, self._built)
        self.desk = DeskShell(frame, ui, Services(poller, open_credentials, budget, live,
                                                  lease_keeper, stalled, moderation_x,
                                                  stream_lookups))
        self.attached = True
        self.desk.go_on()

    def finish(self) -> None:
        """The desk built whole now (its remaining steps at once)."""
        if self.desk is not None:
            self.desk.finish()

    def _built(self) -> None:
        if self.isVisible() and self.desk is not None:  # built in a window on screen (app.py)
            self.desk.docks.place()

    def _set_title(self) -> None:
        title = f"Jun Desk {__version__}" + (f" — {self._source}" if self._source else "")
        if self.session.training:
            title += " — " + self.tr("MODO FORMACIÓN: sin contraseñas")
        if self.locked:
            title += " — " + self.tr("bloqueado")
        self.setWindowTitle(title)

    # ------------------------------------------------------------------ Qt's events
    def createPopupMenu(self) -> QMenu | None:
        """The docks' right-click menu: nothing while locked, no supervision dock for an
        operator."""
        desk = self.desk
        if self.locked or desk is None or desk.building():
            return None
        desk.docks.note_behind()
        return desk.docks.popup_menu(super().createPopupMenu())

    def save_layout(self) -> None:
        if self.desk is not None:
            self.desk.save_layout()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if getattr(self, "_shown", False):
            return
        self._shown = True
        # The first time on screen: inside the screen whatever was saved, and the docks'
        # default shares of the width for someone with no layout of their own. A window
        # that would fill the screen anyway opens maximised: the window manager fits it
        # with its title bar, which nobody knows the height of before it is shown.
        area = available_geometry(self)
        own_geometry = self.desk is not None and self.desk.docks.own_geometry
        if not own_geometry and first_size(area) == area.size():
            self.showMaximized()  # (no Qt enum touched before the window is on screen)
        clamp_to(self, area)
        QTimer.singleShot(500, self._clamp_to_screen)  # again once the frame is known
        if self.desk is not None and not self.desk.building():
            self.desk.docks.place()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A window that grew past the screen (a panel's content asking for more room)
        is brought back inside it as soon as the layout settles."""
        super().resizeEvent(event)
        if self.isVisible() and not self.isMaximized():
            area = available_geometry(self)
            if self.width() > area.width() or self.height() > area.height():
                QTimer.singleShot(0, self._clamp_to_screen)

    def _clamp_to_screen(self) -> None:
        clamp_to(self, available_geometry(self))

    def closeEvent(self, event: QCloseEvent) -> None:
        for hook in self.close_hooks:  # the start stops building a desk into this window
            hook()
        self.finish()  # closed while the desk was being built: what it started is stopped
        if not self.attached:  # closed while the desk was opening or at the first sign-in
            if "sign_in" in self.__dict__:
                self.sign_in.wait()
            super().closeEvent(event)
            return
        self.save_layout()
        if self.desk is not None:
            self.desk.session_control.idle.stop()
        self.sign_in.wait()
        if self.poller is not None:
            self.poller.stop()
        if self.live is not None:
            self.live.stop()
        if self.lease_keeper is not None:
            self.lease_keeper.release()
        self.ui.wait()
        super().closeEvent(event)
