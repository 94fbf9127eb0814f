"""Candidate finders used while labelling: they only PROPOSE urgency and personal-data labels
for a person to confirm or reject (the labels file records the decision, not these guesses)."""

from __future__ import annotations

import re

from .common import text_key

_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
_DNI = re.compile(r"\b(\d{8})[ -]?([A-Za-z])\b")
_NIE = re.compile(r"\b([XYZxyz])[ -]?(\d{7})[ -]?([A-Za-z])\b")
_PHONE = re.compile(
    r"(?<!\d)(?:\+34[ .-]?|0034[ .-]?)?"
    r"([6789]\d{2})[ .-]?(\d{2,3})[ .-]?(\d{2,3})[ .-]?(\d{0,2})(?!\d)"
)
_IBAN = re.compile(r"\bES\d{2}[ ]?(?:\d{4}[ ]?){5}\b", re.I)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")

URGENT_WORDS = (
    "peligro",
    "peligros",
    "urgente",
    "urge",
    "riesgo",
    "cable",
    "cables",
    "electrocut",
    "descarga",
    "inund",
    "anegad",
    "fuga",
    "gas",
    "huele a gas",
    "olor a gas",
    "incendio",
    "fuego",
    "humo",
    "ardiendo",
    "herid",
    "sangr",
    "caido",
    "caida",
    "caer",
    "desprend",
    "derrumb",
    "socavon",
    "agujero",
    "accidente",
    "atropell",
    "pelea",
    "agresion",
    "agredi",
    "violencia",
    "amenaz",
    "arma",
    "cuchillo",
    "nino solo",
    "perdid",
    "desaparec",
    "desorientad",
    "ambulancia",
    "inconsciente",
    "infarto",
    "reventad",
    "reventon",
    "tuberia rota",
    "chorro",
    "alcantarilla abierta",
    "sin tapa",
    "tapa",
)
HEALTH_WORDS = (
    "enferm",
    "diabet",
    "cancer",
    "oncolog",
    "quimio",
    "dialisis",
    "discapac",
    "minusval",
    "silla de ruedas",
    "embaraz",
    "operad",
    "operacion",
    "cirug",
    "medicac",
    "tratamiento",
    "alzheimer",
    "demencia",
    "asma",
    "epilep",
    "esclerosis",
    "parkinson",
    "autis",
    "depresion",
    "ansiedad",
    "alergi",
    "vih",
    "covid",
    "baja medica",
    "ictus",
    "cardiac",
    "corazon",
    "tension",
    "movilidad reducida",
    "invidente",
    "ciego",
    "sordo",
    "dependencia",
    "ingresad",
    "hospital",
    "rotura de",
    "fractura",
    "muletas",
    "andador",
)


def valid_dni(number: str, letter: str) -> bool:
    return _DNI_LETTERS[int(number) % 23] == letter.upper()


def valid_nie(prefix: str, number: str, letter: str) -> bool:
    return valid_dni(str("XYZ".index(prefix.upper())) + number, letter)


def identifiers(text: str) -> list[str]:
    kinds: list[str] = []
    if any(valid_dni(n, c) for n, c in _DNI.findall(text)):
        kinds.append("dni")
    if any(valid_nie(p, n, c) for p, n, c in _NIE.findall(text)):
        kinds.append("nie")
    for m in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        digits = digits[-9:] if len(digits) >= 9 else digits
        if len(digits) == 9 and digits[0] in "6789":
            kinds.append("phone")
            break
    if _IBAN.search(text):
        kinds.append("iban")
    if _EMAIL.search(text):
        kinds.append("email")
    return kinds


def health_hint(text: str) -> bool:
    k = text_key(text)
    return any(w in k for w in HEALTH_WORDS)


def urgent_hint(text: str) -> bool:
    k = " " + text_key(text) + " "
    return any(w in k for w in URGENT_WORDS)
