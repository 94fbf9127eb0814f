"""The town's departments: a catalogue loaded from data, never hard-coded."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jun_desk.domain.errors import ValidationError, bad_resource

# The pseudo-department of messages triage could not route: any operator may route them.
UNCLASSIFIED = "sin_clasificar"
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_CODE = re.compile(r"^[a-z][a-z0-9_]{1,31}$")


@dataclass(frozen=True, slots=True)
class Department:
    code: str
    name_es: str
    name_en: str
    colour: str
    handle: str | None = None
    target_response_minutes: int = 240
    definition_es: str = ""
    definition_en: str = ""
    examples_es: tuple[str, ...] = ()
    examples_en: tuple[str, ...] = ()

    @property
    def unclassified(self) -> bool:
        return self.code == UNCLASSIFIED

    def definition(self, language: str = "es") -> str:
        return self.definition_en if language.startswith("en") else self.definition_es


    def name(self, language: str = "es") -> str:
        return self.name_en if language.startswith("en") else self.name_es

    @property
    def text_colour(self) -> str:
        """Black or white, whichever reads better on the department colour (WCAG)."""
        return readable_text_colour(self.colour)


@dataclass(frozen=True, slots=True)
class Boundary:
    """A settled boundary between departments (town policy, issue 26): the rule and an
    example in both languages. Triage's corpus labels and the adjudicated test set follow it."""

    code: str
    departments: tuple[str, ...]
    rule_es: str
    rule_en: str
    example_es: str = ""
    example_en: str = ""

    def text(self, language: str = "es") -> str:
        if language.startswith("en"):
            return self.rule_en + (f" E.g. {self.example_en}" if self.example_en else "")
        return self.rule_es + (f" Ej.: {self.example_es}" if self.example_es else "")


class DepartmentCatalogue:
    def __init__(self, departments: list[Department], default: str,
                 unclassified: str | None = None,
                 boundaries: tuple[Boundary, ...] = ()) -> None:
        if not departments:
            raise bad_resource("The department catalogue is empty")
        self._by_code: dict[str, Department] = {}
        for dept in departments:
            if dept.code in self._by_code:
                raise bad_resource(f"Department '{dept.code}' appears twice in the catalogue")
            self._by_code[dept.code] = dept
        if default not in self._by_code:
            raise bad_resource(f"Default department '{default}' is not in the catalogue")
        self.default_code = default
        if unclassified is not None and unclassified != UNCLASSIFIED:
            raise bad_resource(f"The unclassified pseudo-department must be '{UNCLASSIFIED}'")
        if unclassified is not None and unclassified not in self._by_code:
            raise bad_resource(f"Unclassified department '{unclassified}' is not in the "
                                  "catalogue")
        self.unclassified_code = unclassified
        for boundary in boundaries:
            unknown = [d for d in boundary.departments if d not in self._by_code]
            if unknown:
                raise bad_resource(f"Boundary '{boundary.code}' names unknown departments "
                                   f"{unknown}")
        self.boundaries = boundaries

    def boundaries_for(self, code: str) -> list[Boundary]:
        """The settled boundaries that involve department ``code``."""
        return [b for b in self.boundaries if code in b.departments]

    @property
    def routable(self) -> list[Department]:
        """The real departments (without the unclassified pseudo-department)."""
        return [d for d in self._by_code.values() if d.code != self.unclassified_code]

    def __iter__(self) -> Iterator[Department]:
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    @property
    def codes(self) -> list[str]:
        return list(self._by_code)

    @property
    def default(self) -> Department:
        return self._by_code[self.default_code]

    def get(self, code: str) -> Department:
        """The department with ``code``; a clear error naming the valid codes otherwise."""
        try:
            return self._by_code[code]
        except KeyError:
            raise ValidationError.of("department.unknown", value=code,
                                     departments=list(self._by_code)) from None

    def by_handle(self, handle: str) -> Department | None:
        wanted = handle.lstrip("@").casefold()
        for dept in self._by_code.values():
            if dept.handle and dept.handle.casefold() == wanted:
                return dept
        return None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DepartmentCatalogue:
        try:
            entries = data["departments"]
            default = data["default"]
        except (KeyError, TypeError) as exc:
            raise bad_resource(f"Department catalogue lacks {exc}") from None
        departments = []
        for entry in entries:
            code = str(entry.get("code", ""))
            if not _CODE.match(code):
                raise bad_resource(f"Invalid department code {code!r}")
            colour = str(entry.get("colour", ""))
            if not _COLOUR.match(colour):
                raise bad_resource(f"Department '{code}' has an invalid colour {colour!r}")
            minutes = int(entry.get("target_response_minutes", 240))
            if minutes <= 0:
                raise bad_resource(f"Department '{code}' needs a positive target time")
            departments.append(Department(
                code=code, name_es=entry["name_es"], name_en=entry["name_en"], colour=colour,
                handle=entry.get("handle") or None, target_response_minutes=minutes,
                definition_es=str(entry.get("definition_es", "")),
                definition_en=str(entry.get("definition_en", "")),
                examples_es=tuple(entry.get("examples_es", ())),
                examples_en=tuple(entry.get("examples_en", ())),
            ))
        try:
            boundaries = tuple(
                Boundary(str(b["code"]), tuple(str(d) for d in b["departments"]),
                         str(b["rule_es"]), str(b["rule_en"]), str(b.get("example_es", "")),
                         str(b.get("example_en", "")))
                for b in data.get("boundaries", ()))
        except (KeyError, TypeError) as exc:
            raise bad_resource(f"A department boundary lacks {exc}") from None
        return cls(departments, default, data.get("unclassified"), boundaries)

    @classmethod
    def load(cls, path: Path) -> DepartmentCatalogue:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise bad_resource(f"Cannot read the department catalogue {path}: {exc}") from None
        return cls.from_dict(data)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(a: str, b: str) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@lru_cache(maxsize=256)  # a handful of department colours, asked for each painted card
def readable_text_colour(background: str) -> str:
    white, black = "#ffffff", "#000000"
    if contrast_ratio(background, white) >= contrast_ratio(background, black):
        return white
    return black
