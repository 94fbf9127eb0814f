"""Where the desk's files live: its data, settings and log folders (platformdirs, or one
folder for everything under $JUN_DESK_HOME), private to the user running it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from jun_desk.store.files import private_folder, tighten_tree

APP_NAME = "jun-desk"
APP_AUTHOR = "Ayuntamiento de Jun"


@dataclass(frozen=True)
class Paths:
    data: Path
    config: Path
    logs: Path

    @classmethod
    def default(cls) -> Paths:
        home = os.environ.get("JUN_DESK_HOME")
        if home:  # one folder for everything: tests, portable installs, the sandbox
            base = Path(home)
            return cls(base / "data", base / "config", base / "logs")
        # (Imported here: the desk's window is shown before anything needs its folders.)
        from platformdirs import user_config_dir, user_data_dir, user_log_dir

        return cls(Path(user_data_dir(APP_NAME, APP_AUTHOR)),
                   Path(user_config_dir(APP_NAME, APP_AUTHOR)),
                   Path(user_log_dir(APP_NAME, APP_AUTHOR)))

    @property
    def default_database(self) -> Path:
        return self.data / "jun-desk.db"

    def make_private(self) -> list[str]:
        """Create the data, settings and log folders for this user only (0700) and tighten
        what an older Jun Desk left readable by others: the folders to 0700, the files
        the desk writes there to 0600. Returns one line per change, for the log."""
        changes: list[str] = []
        home = os.environ.get("JUN_DESK_HOME")
        if home:
            changes += private_folder(Path(home))
        for folder in (self.data, self.config, self.logs):
            changes += private_folder(folder)
            changes += tighten_tree(folder)
        return changes
