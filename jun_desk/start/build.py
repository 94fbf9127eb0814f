"""The last step: the services' side of the window (the X side, the poller, the poller
lease and its keeper, the change stream, the context the views work through), then the
window's views built on it (``MainWindow.attach``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jun_desk.start.credentials import connection_check
from jun_desk.start.options import Connection, GuiOptions
from jun_desk.start.xside import XSide

if TYPE_CHECKING:
    from jun_desk.domain.roles import Actor
    from jun_desk.services.desk import Desk
    from jun_desk.ui.backup_keeper import BackupKeeper
    from jun_desk.ui.context import UiContext
    from jun_desk.ui.lease_keeper import LeaseKeeper
    from jun_desk.ui.live import ChangeListener
    from jun_desk.ui.main_window import MainWindow
    from jun_desk.ui.poller import Poller


@dataclass
class Services:
    """What the window's views are built on; nothing runs yet."""

    ui: UiContext
    x: XSide
    poller: Poller
    keeper: LeaseKeeper
    live: ChangeListener
    open_credentials: Callable[[], None]
    backups: BackupKeeper  # the daily backup, taken by the desk that polls X


def build_services(desk: Desk, connection: Connection, options: GuiOptions, actor: Actor,
                   window: MainWindow) -> Services:
    """On the GUI thread (Qt objects): several desks may share the database, so one
    polls X under a lease and the others stand by."""
    from jun_desk.config import media_settings
    from jun_desk.services.leases import PollerLease, lease_timing
    from jun_desk.ui.backup_keeper import BackupKeeper
    from jun_desk.ui.context import UiContext
    from jun_desk.ui.lease_keeper import LeaseKeeper
    from jun_desk.ui.live import ChangeListener
    from jun_desk.ui.poller import Poller

    desk.media.configure(media_settings())  # settings.ini [media]: the photos' cache
    ttl, heartbeat = lease_timing(options.interval)
    x = XSide(desk, connection, PollerLease.for_this_desk(actor.username, ttl))
    poller = Poller(x.poll, lambda: x.next_delay(options.interval))
    ui = UiContext(desk, actor, account=connection.account)

    def open_credentials() -> None:
        """Configuración → Credenciales de X…: new keys between two polls."""
        from jun_desk import secrets
        from jun_desk.ui.credentials_dialog import CredentialsDialog

        dialog = CredentialsDialog(connection.account,
                                   check=connection_check(connection.api_base), parent=window)
        if dialog.exec() != dialog.DialogCode.Accepted or connection.training:
            return
        poller.stop()
        account = dialog.handle()
        x.use_credentials(secrets.load_credentials(account), account)
        ui.account = account
        poller.start()

    keeper = LeaseKeeper(ui, x.lease, x.account, heartbeat)
    live = ChangeListener(desk.changes.stream())
    # The daily backup, by the desk that polls X; it lives and dies with the window.
    backups = BackupKeeper(ui, lambda: keeper.held, parent=window)
    if not connection.training:  # the sandbox's training database is not backed up
        configure_backups(desk, x.lease.label)
    backups.failed.connect(ui.message)
    return Services(ui, x, poller, keeper, live, open_credentials, backups)


def configure_backups(desk: Desk, who: str) -> None:
    """Daily backups where settings.ini's [backup] says, with the keyring's key (made on
    the first backup if this PC has none)."""
    import logging

    from jun_desk import secrets
    from jun_desk.config import backup_settings
    from jun_desk.domain.errors import JunDeskError

    try:
        desk.backups.configure(backup_settings(),
                               lambda: secrets.backup_key(create=True)[0], host=who)
    except JunDeskError as err:
        logging.getLogger(__name__).warning("Daily backups are off: %s", err)


def import_views() -> None:
    """The modules the window's views are built from, in a turn of the event loop of
    their own before the one that builds them."""
    from jun_desk.ui.main_window import import_views

    import_views()


def view_modules() -> tuple[str, ...]:
    """What ``import_views`` imports, to be imported one by one ahead (the sign-in)."""
    from jun_desk.ui.main_window import VIEW_MODULES

    return VIEW_MODULES


def import_x_side() -> None:
    """On a worker: the X adapter (tweepy, requests) that the first poll builds from."""
    from jun_desk.x import client, outbox_sender, sync  # noqa: F401


def attach(window: MainWindow, services: Services) -> None:
    """The desk's views built into the window on ``services`` (nothing of them started:
    the caller starts the change stream and the lease keeper, and the poller once the
    board is painted)."""
    x = services.x
    window.attach(services.ui, poller=services.poller,
                  open_credentials=services.open_credentials, budget=x.budget,
                  live=services.live, lease_keeper=services.keeper, stalled=x.stalled,
                  moderation_x=x.moderation_client, stream_lookups=x.stream_lookups)
