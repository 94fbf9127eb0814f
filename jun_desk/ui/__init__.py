"""Qt user interface. Only this package imports PySide6; it talks to jun_desk.services."""
