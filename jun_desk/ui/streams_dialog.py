"""Configuración → Personal y búsquedas en X (issue 27): the town's staff accounts (their
mentions go to their department) and the searches the desk watches (their results land in
the feed as "búsqueda"). Supervisors only; the services refuse anyone else and audit both.

Adding one asks X first, on a worker (the handle's user id, the search tried once) and
shows the expected monthly cost; only then can it be added. A handle X does not know or a
search X refuses is said here, and nothing is saved."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.costs import money
from jun_desk.ui import labels
from jun_desk.ui.context import UiContext, describe
from jun_desk.ui.operations import Op, Query

if TYPE_CHECKING:
    from jun_desk.domain.items import XUser
    from jun_desk.domain.streams import Expected, SearchTrial, StaffMember, StreamLookups, Watched

Lists = tuple[list["StaffMember"], list["Watched"], dict[str, int]]


class StreamsDialog(QDialog):
    def __init__(self, ui: UiContext, lookups: Callable[[], object] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self._lookups = lookups
        self._user: XUser | None = None  # the handle X resolved, waiting to be added
        self._trial: SearchTrial | None = None  # the search X took, waiting to be added
        self.setWindowTitle(self.tr("Personal y búsquedas en X"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Las menciones de las cuentas del personal van a su departamento, y sus respuestas "
            "a un vecino se unen a su ticket. Los resultados de las búsquedas vigiladas llegan "
            "a la lista marcados como «búsqueda». X cobra cada lectura: antes de añadir se "
            "muestra el coste previsto al mes."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self._staff_box())
        layout.addWidget(self._search_box())
        self.status = QLabel("", self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if lookups is None:
            for button in (self.check_staff, self.check_search):
                button.setEnabled(False)
                button.setToolTip(self.tr("Sin conexión con X en este puesto"))
        self.refresh()

    # ------------------------------------------------------------------ building
    def _staff_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Cuentas del personal"), self)
        layout = QVBoxLayout(box)
        self.staff_list = QListWidget(box)
        self.staff_list.setAccessibleName(self.tr("Cuentas del personal"))
        layout.addWidget(self.staff_list)
        form = QFormLayout()
        self.handle = QLineEdit(box)
        self.handle.setPlaceholderText("@BarrenderoJun")
        self.handle.textEdited.connect(lambda _t: self._forget_user())
        self.department = QComboBox(box)
        for dept in self.ui.desk.ctx.catalogue:
            if not dept.unclassified:
                self.department.addItem(labels.department_name(dept), dept.code)
        self.department.currentIndexChanged.connect(lambda _i: self._forget_user())
        self.role = QLineEdit(box)
        self.role.setPlaceholderText(self.tr("p. ej. barrendero"))
        form.addRow(self.tr("Cuenta de X:"), self.handle)
        form.addRow(self.tr("Departamento:"), self.department)
        form.addRow(self.tr("Cargo:"), self.role)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.check_staff = QPushButton(self.tr("Comprobar en X"), box)
        self.check_staff.clicked.connect(self.check_handle)
        self.add_staff = QPushButton(self.tr("Añadir"), box)
        self.add_staff.setEnabled(False)
        self.add_staff.clicked.connect(self.save_staff)
        self.remove_staff = QPushButton(self.tr("Quitar la seleccionada"), box)
        self.remove_staff.clicked.connect(self.drop_staff)
        for button in (self.check_staff, self.add_staff, self.remove_staff):
            row.addWidget(button)
        layout.addLayout(row)
        return box

    def _search_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Búsquedas vigiladas"), self)
        layout = QVBoxLayout(box)
        self.search_list = QListWidget(box)
        self.search_list.setAccessibleName(self.tr("Búsquedas vigiladas"))
        layout.addWidget(self.search_list)
        form = QFormLayout()
        self.query = QLineEdit(box)
        self.query.setPlaceholderText("#EndesaMeEstresa")
        self.query.textEdited.connect(lambda _t: self._forget_trial())
        form.addRow(self.tr("Búsqueda:"), self.query)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.check_search = QPushButton(self.tr("Probar en X"), box)
        self.check_search.clicked.connect(self.try_query)
        self.add_search = QPushButton(self.tr("Vigilar"), box)
        self.add_search.setEnabled(False)
        self.add_search.clicked.connect(self.save_search)
        self.remove_search = QPushButton(self.tr("Dejar de vigilar la seleccionada"), box)
        self.remove_search.clicked.connect(self.drop_search)
        for button in (self.check_search, self.add_search, self.remove_search):
            row.addWidget(button)
        layout.addLayout(row)
        return box

    # ------------------------------------------------------------------ reading
    def refresh(self) -> None:
        streams = self.ui.desk.streams
        Query(self.ui, lambda: (streams.staff(), streams.searches(), dict(streams.volumes())),
              failure_text=self.tr("No se pudieron leer el personal y las búsquedas")
              ).success(self._show).run()

    def _show(self, lists: Lists) -> None:
        staff, searches, volumes = lists
        catalogue = self.ui.desk.ctx.catalogue
        self.staff_list.clear()
        for member in staff:
            dept = labels.department_name(catalogue.get(member.department)) \
                if member.department in catalogue else member.department
            seen = volumes.get(member.streams[0].value, 0)
            text = self.tr("@%s · %s · %s · %d menciones en 7 días") % (
                member.handle, dept, member.role or "—", seen)
            item = QListWidgetItem(text, self.staff_list)
            item.setData(Qt.ItemDataRole.UserRole, member.handle)
        self.search_list.clear()
        for watched in searches:
            seen = volumes.get(watched.stream.value, 0)
            text = self.tr("«%s» · %d publicaciones en 7 días") % (watched.query, seen)
            item = QListWidgetItem(text, self.search_list)
            item.setData(Qt.ItemDataRole.UserRole, watched.id)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #c62828;" if error else "")
        self.status.setText(text)

    def _failed(self, err: Exception) -> None:
        self._say(describe(err), error=True)

    def _cost(self, expected: Expected) -> str:
        amount = money(expected.monthly_micro, labels.language())
        if expected.measured:
            return self.tr("coste previsto: %s al mes (unas %d publicaciones al día)") % (
                amount, round(expected.posts_per_day))
        return self.tr("coste previsto: %s al mes (estimación por defecto: %d publicaciones "
                       "al día, aún sin volumen conocido)") % (
            amount, round(expected.posts_per_day))

    def _lookup(self) -> StreamLookups:
        assert self._lookups is not None
        return self._lookups()  # type: ignore[return-value]  # the start hands a StreamLookups

    def _metered(self, lookups: StreamLookups) -> None:
        self.ui.desk.costs.record(self.ui.account, lookups.take_charges())

    # ------------------------------------------------------------------ staff
    def _forget_user(self) -> None:
        self._user = None
        self.add_staff.setEnabled(False)

    def check_handle(self) -> None:
        handle, desk = self.handle.text(), self.ui.desk
        self._forget_user()
        self._say(self.tr("Preguntando a X…"))

        def work() -> tuple[XUser, Expected]:
            lookups = self._lookup()
            try:
                user = lookups.resolve(handle)
            finally:
                self._metered(lookups)
            return user, desk.streams.expected(desk.ctx.price_table)

        def found(result: tuple[XUser, Expected]) -> None:
            user, expected = result
            self._user = user
            self.add_staff.setEnabled(True)
            self._say(self.tr("@%s (%s) existe en X; %s.") % (user.handle, user.name,
                                                             self._cost(expected)))

        Query(self.ui, work).success(found).failure(self._failed).quietly().run()

    def save_staff(self) -> None:
        user, desk, actor = self._user, self.ui.desk, self.ui.actor
        if user is None:
            return
        department, role = self.department.currentData(), self.role.text()
        self.add_staff.setEnabled(False)

        def added(member: StaffMember) -> None:
            self._forget_user()
            self.handle.clear()
            self.role.clear()
            self._say(self.tr("@%s añadida: sus menciones se leen desde el próximo sondeo.")
                      % member.handle)
            self.refresh()

        Op(self.ui, lambda: desk.streams.add_staff(actor, user, department, role)).success(
            added).failure(self._failed).quietly().run(initiator=self)

    def drop_staff(self) -> None:
        item = self.staff_list.currentItem()
        if item is None:
            return
        handle, desk, actor = str(item.data(Qt.ItemDataRole.UserRole)), self.ui.desk, \
            self.ui.actor
        Op(self.ui, lambda: desk.streams.remove_staff(actor, handle)).success(
            lambda _m: self.refresh()).failure(self._failed).quietly().run(initiator=self)

    # ------------------------------------------------------------------ searches
    def _forget_trial(self) -> None:
        self._trial = None
        self.add_search.setEnabled(False)

    def try_query(self) -> None:
        query, desk = self.query.text(), self.ui.desk
        self._forget_trial()
        self._say(self.tr("Probando la búsqueda en X…"))

        def work() -> tuple[SearchTrial, Expected]:
            lookups = self._lookup()
            try:
                trial = lookups.trial(query)
            finally:
                self._metered(lookups)
            posts, days = trial.volume
            return trial, desk.streams.expected(desk.ctx.price_table, posts, days)

        def tried(result: tuple[SearchTrial, Expected]) -> None:
            trial, expected = result
            self._trial = trial
            self.add_search.setEnabled(True)
            self._say(self.tr("X acepta la búsqueda (%d publicaciones encontradas); %s.") % (
                trial.posts, self._cost(expected)))

        Query(self.ui, work).success(tried).failure(self._failed).quietly().run()

    def save_search(self) -> None:
        trial, desk, actor = self._trial, self.ui.desk, self.ui.actor
        if trial is None:
            return
        self.add_search.setEnabled(False)

        def added(watched: Watched) -> None:
            self._forget_trial()
            self.query.clear()
            self._say(self.tr("Búsqueda «%s» vigilada desde el próximo sondeo.")
                      % watched.query)
            self.refresh()

        Op(self.ui, lambda: desk.streams.add_search(actor, trial.query)).success(
            added).failure(self._failed).quietly().run(initiator=self)

    def drop_search(self) -> None:
        item = self.search_list.currentItem()
        if item is None:
            return
        search_id: Any = item.data(Qt.ItemDataRole.UserRole)
        desk, actor = self.ui.desk, self.ui.actor
        Op(self.ui, lambda: desk.streams.remove_search(actor, int(search_id))).success(
            lambda _w: self.refresh()).failure(self._failed).quietly().run(initiator=self)
