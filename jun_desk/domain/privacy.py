"""Spot personal data said in public, so the desk can move the matter to a DM.

Patterns find candidates; well-kept libraries judge them: ``python-stdnum`` checks DNI and
NIE letters and IBAN check digits (any country), ``phonenumbers`` (its ``lite`` build)
decides whether a number is a valid Spanish phone. Health details come from a maintained
list of conditions, treatments and medicines (``resources/health_terms.txt``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from jun_desk.domain.errors import bad_resource
from jun_desk.domain.matching import TermMatcher
from jun_desk.domain.matching import words as split_words
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
# Any country's IBAN: two letters, two check digits, then 11-30 letters or digits, written
# in groups of four or not; stdnum checks it.
_IBAN = re.compile(r"(?<![\w])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]{4}){2,7}"
                   r"(?:[ ]?[A-Za-z0-9]{1,4})?(?!\w)")
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


def load_health_terms(path: Path) -> list[str]:
    """The maintained list: one term a line, '#' starts a comment."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise bad_resource(f"Cannot read the health terms {path}: {exc.strerror}") from None
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _valid_dni(number: str) -> bool:
    from stdnum.es import dni

    return bool(dni.is_valid(number))


def _valid_nie(number: str) -> bool:
    from stdnum.es import nie

    return bool(nie.is_valid(number))


def _valid_iban(number: str) -> bool:
    from stdnum import iban

    return bool(iban.is_valid(number))


def _valid_phone(number: str) -> bool:
    """A valid Spanish number (phonenumbers' metadata: mobile 6/7, fixed 8/9 by area)."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse(number, "ES")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number_for_region(parsed, "ES")


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def _mask(value: str, keep: int = 3) -> str:
    compact = re.sub(r"[\s.\-]", "", value)
    return "•" * max(0, len(compact) - keep) + compact[-keep:]


# 'plaza de minusválidos', 'aparcamiento para personas con movilidad reducida': a place
# named after a condition is nobody's health detail.
_PLACES = frozenset({
    "plaza", "plazas", "aparcamiento", "aparcamientos", "reserva", "reservas", "parking",
    "prkn", "senal", "senales", "pavimento", "rampa", "rampas", "acceso", "accesos", "aseo",
    "aseos", "bano", "banos", "ascensor", "ascensores", "zona", "zonas", "paso", "pasos",
    "espacio", "espacios",
})


def _about_a_place(tokens: list[str], matched: str) -> bool:
    found = matched.split()
    n = len(found)
    for i in range(len(tokens) - n + 1):
        if tokens[i:i + n] == found:
            before = tokens[max(0, i - 4):i]
            return not _PLACES.isdisjoint(before)
    return False


class PrivacyScanner:
    def __init__(self, health_terms: list[str]) -> None:
        self._health = TermMatcher(dict.fromkeys(health_terms, True))
        self.health_terms = len(health_terms)

    def scan(self, text: str) -> list[PrivacyFinding]:
        findings: list[PrivacyFinding] = []
        if _MAYBE_IDENTIFIER.search(text):  # most texts have no digit and no '@'
            self._identifiers(text, findings)
        tokens = split_words(fold(text))
        for _term, _, words in self._health.find_in_words(tokens):
            if not _about_a_place(tokens, words):
                findings.append(PrivacyFinding(PersonalData.HEALTH, words))
        return findings

    @staticmethod
    def _identifiers(text: str, findings: list[PrivacyFinding]) -> None:
        # A DNI or NIE with a wrong letter is still someone's number: flagged, marked.
        for m in _NIE.finditer(text):
            ok = _valid_nie(m.group(1) + m.group(2) + m.group(3))
            findings.append(PrivacyFinding(PersonalData.NIE, _mask(m.group(0)).upper(), ok))
        for m in _DNI.finditer(text):
            ok = _valid_dni(_digits(m.group(1)) + m.group(2))
            findings.append(PrivacyFinding(PersonalData.DNI, _mask(m.group(0)).upper(), ok))
        for m in _PHONE.finditer(text):
            if _valid_phone(m.group(0)):
                findings.append(PrivacyFinding(PersonalData.PHONE, _mask(m.group(1))))
        for m in _EMAIL.finditer(text):
            local, _, domain = m.group(0).partition("@")
            findings.append(PrivacyFinding(PersonalData.EMAIL, local[:1] + "•••@" + domain))
        for m in _IBAN.finditer(text):
            ok = _valid_iban(m.group(0))
            if ok or m.group(0)[:2].upper() == "ES":  # a Spanish account with a typo too
                findings.append(PrivacyFinding(PersonalData.IBAN, _mask(m.group(0), 4), ok))


_IDENTIFIERS = (_NIE, _DNI, _IBAN, _EMAIL, _PHONE)


def redact(text: str, scanner: PrivacyScanner | None = None) -> str:
    """Text fit for publication: identifiers masked, and a health detail withheld whole."""
    if scanner is not None and any(f.kind is PersonalData.HEALTH for f in scanner.scan(text)):
        return "[contenido con datos de salud retirado]"
    for pattern in _IDENTIFIERS:
        text = pattern.sub("[dato personal retirado]", text)
    return text
