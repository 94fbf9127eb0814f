"""Jun Desk: the town hall help desk's console for citizens who write over X."""

__version__ = "0.1.0"
