"""The desk window's shell: the parts ``MainWindow`` composes around the board.

Where things go:

- a new **dock** (a panel beside or under the board): built in a step of ``build.py``
  with ``DockLayout.add`` (``docks.py`` places, saves and restores it), ticked in
  ``view_menu.py``;
- a new **banner** or status-bar figure: ``status.py`` (``StatusArea``);
- a new **action or shortcut**: on a ticket or a feed item, ``ui/actions_menu.py`` (the
  Feed and Ticket menus) and ``ui/shortcuts.py`` (keys inside the board, the sheet);
  on the desk itself, the menu it belongs to: ``view_menu.py`` (Ver), ``session.py``
  (Sesión), ``settings_menu.py`` (Configuración, with ``triage.py``);
- a new **notification**: ``notifications.py``.

The actions and the screen-reader names get ``views.DeskViews`` (the panels and docks,
typed), never the window.
"""
