import pytest

from jun_desk.domain.privacy import PersonalData, PrivacyScanner, dni_letter, redact
from jun_desk.services.context import Rules


@pytest.fixture
def scanner(rules: Rules) -> PrivacyScanner:
    return rules.privacy


def kinds(scanner: PrivacyScanner, text: str) -> list[str]:
    return sorted(f.kind.value for f in scanner.scan(text))


@pytest.mark.parametrize("text", [
    "mi DNI es 12345678Z", "DNI: 12.345.678-Z", "dni 12345678 z", "12345678-z por favor",
])
def test_dni_forms(scanner: PrivacyScanner, text: str) -> None:
    (finding,) = scanner.scan(text)
    assert finding.kind is PersonalData.DNI
    assert finding.checksum_ok
    assert "1234" not in finding.masked and finding.masked.endswith("78Z")


def test_dni_with_wrong_letter_is_still_flagged_but_marked(scanner: PrivacyScanner) -> None:
    (finding,) = scanner.scan("DNI 12345678A")
    assert finding.kind is PersonalData.DNI and not finding.checksum_ok


def test_dni_letter_table() -> None:
    assert dni_letter(12345678) == "Z"
    assert dni_letter(0) == "T"


def test_nie(scanner: PrivacyScanner) -> None:
    (finding,) = scanner.scan("NIE X1234567L")
    assert finding.kind is PersonalData.NIE and finding.checksum_ok


@pytest.mark.parametrize("text", [
    "llamadme al 612345678", "tlf 612 34 56 78", "+34 612 345 678", "0034612345678",
    "958.123.456",
])
def test_spanish_phone_numbers(scanner: PrivacyScanner, text: str) -> None:
    assert kinds(scanner, text) == ["phone"]


@pytest.mark.parametrize("text", [
    "llamad al 112", "el 092 no contesta", "somos 3500 vecinos", "año 2026",
    "ref 12345", "@AytoJun hola", "mi cp es 18XXX",
])
def test_no_false_alarm_on_ordinary_numbers(scanner: PrivacyScanner, text: str) -> None:
    assert scanner.scan(text) == []


def test_email_iban_and_health(scanner: PrivacyScanner) -> None:
    assert kinds(scanner, "escribidme a maria.lopez@gmail.com") == ["email"]
    assert kinds(scanner, "cuenta ES91 2100 0418 4502 0005 1332") == ["iban"]
    assert kinds(scanner, "Soy diabética y estoy embarazada") == ["health", "health"]


def test_redact_for_publication(scanner: PrivacyScanner) -> None:
    text = "Soy Ana, DNI 12345678Z, tel 612345678, ana@x.es: farola rota"
    out = redact(text, scanner)
    assert "12345678" not in out and "612345678" not in out and "ana@x.es" not in out
    assert "farola rota" in out
    withheld = "[contenido con datos de salud retirado]"
    assert redact("tengo cáncer y necesito cita", scanner) == withheld
