"""Entry point of the frozen application (PyInstaller)."""

from jun_desk.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
