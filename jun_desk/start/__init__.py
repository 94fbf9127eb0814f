"""The desk's start in plain steps, behind a window already on screen.

    shown → credentials (or the sandbox's database) → connected → database opened
    → sign-in (the sandbox X starting behind it) → built → board painted (ready)

Each step is a small unit of its own module, testable alone; ``driver.DeskStart`` walks
them in order, moved on by one state enum (``stage.Stage``): I/O on one worker thread,
widgets on the GUI thread, what goes wrong said over the window.

- ``window``: ``run_gui`` — the application, the window shown, the event loop.
- ``options``: what the command line asks (``GuiOptions``) and where the desk connects.
- ``credentials``: X's keys from the keyring, the first-run dialog, no keyring at all.
- ``sandbox``: the training X and its database.
- ``database``: the database opened, and who signs in.
- ``build``: the services' side of the window (poller, lease, change stream).
- ``xside``: the X client, sync engine and outbox sender, built by the first poll.
"""
