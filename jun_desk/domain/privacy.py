"""Spot personal data said in public, so the desk can move the matter to a DM."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from jun_desk.domain.matching import TermMatcher
from jun_desk.domain.text import fold

DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"

_SEP = r"[\s.\-]?"
_DNI = re.compile(
    r"(?<![\w])(\d{2}" + _SEP + r"\d{3}" + _SEP + r"\d{3})" + r"[\s\-]?([A-Za-z])(?!\w)"
)
_NIE = re.compile(r"(?<![\w])([XYZxyz])[\s\-]?(\d{7})[\s\-]?([A-Za-z])(?!\w)")
# Spanish numbers: 9 digits starting 6, 7, 8 or 9, optional +34/0034, grouped or not.
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?34[\s.\-]?)?([6789]\d{2}(?:[\s.\-]?\d){6})(?!\d)"
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_IBAN = re.compile(r"(?<!\w)ES\d{2}(?:[\s]?\d{4}){5}(?!\d)", re.IGNORECASE)
# Every identifier above holds a digit (\d: any script's digits, as the patterns) or an '@'.
_MAYBE_IDENTIFIER = re.compile(r"[\d@]")


class PersonalData(StrEnum):
    DNI = "dni"
    NIE = "nie"
    PHONE = "phone"
    EMAIL = "email"
    IBAN = "iban"
    HEALTH = "health"


@dataclass(frozen=True, slots=True)
class PrivacyFinding:
    kind: PersonalData
    masked: str  # what the operator may see in a warning: '****5678Z', 'diabetes'
    checksum_ok: bool = True


def dni_letter(number: int) -> str:
    return DNI_LETTERS[number % 23]


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def _mask(value: str, keep: int = 3) -> str:
    compact = re.sub(r"[\s.\-]", "", value)
    return "•" * max(0, len(compact) - keep) + compact[-keep:]


class PrivacyScanner:
    def __init__(self, health_terms: list[str]) -> None:
        self._health = TermMatcher(dict.fromkeys(health_terms, True))

    def scan(self, text: str) -> list[PrivacyFinding]:
        findings: list[PrivacyFinding] = []
        if _MAYBE_IDENTIFIER.search(text):  # most texts have no digit and no '@'
            self._identifiers(text, findings)
        for _term, _, words in self._health.find(fold(text)):
            findings.append(PrivacyFinding(PersonalData.HEALTH, words))
        return findings

    @staticmethod
    def _identifiers(text: str, findings: list[PrivacyFinding]) -> None:
        for m in _NIE.finditer(text):
            prefix = "XYZ".index(m.group(1).upper())
            number = int(f"{prefix}{m.group(2)}")
            ok = dni_letter(number) == m.group(3).upper()
            findings.append(PrivacyFinding(PersonalData.NIE, _mask(m.group(0)).upper(), ok))
        for m in _DNI.finditer(text):
            number = int(_digits(m.group(1)))
            ok = dni_letter(number) == m.group(2).upper()
            findings.append(PrivacyFinding(PersonalData.DNI, _mask(m.group(0)).upper(), ok))
        for m in _PHONE.finditer(text):
            findings.append(PrivacyFinding(PersonalData.PHONE, _mask(m.group(1))))
        for m in _EMAIL.finditer(text):
            local, _, domain = m.group(0).partition("@")
            findings.append(PrivacyFinding(PersonalData.EMAIL, local[:1] + "•••@" + domain))
        for m in _IBAN.finditer(text):
            findings.append(PrivacyFinding(PersonalData.IBAN, _mask(m.group(0), 4)))


_IDENTIFIERS = (_NIE, _DNI, _IBAN, _EMAIL, _PHONE)


def redact(text: str, scanner: PrivacyScanner | None = None) -> str:
    """Text fit for publication: identifiers masked, and a health detail withheld whole."""
    if scanner is not None and any(f.kind is PersonalData.HEALTH for f in scanner.scan(text)):
        return "[contenido con datos de salud retirado]"
    for pattern in _IDENTIFIERS:
        text = pattern.sub("[dato personal retirado]", text)
    return text
