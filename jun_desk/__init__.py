"""Jun Desk: the town hall help desk's console for citizens who write over X."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("jun-desk")
except PackageNotFoundError:  # running from a bare source tree
    __version__ = "0.0.0+source"
