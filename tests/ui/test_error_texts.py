"""Errors speak the window's language: every error code has a Spanish and an English
wording with its parameters filled in, and every error the services raise carries a code
(issue 15: "luis works for limpieza, obras, not for 'suministros'" was English in the
Spanish window)."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from jun_desk.domain.error_codes import ERRORS, PARAM_KINDS, english
from jun_desk.domain.errors import ConflictError, JunDeskError, PermissionDeniedError
from jun_desk.domain.roles import Actor, Role
from jun_desk.ui import error_texts, i18n, labels
from jun_desk.ui.context import describe

SOURCE = Path(__file__).resolve().parents[2] / "jun_desk"

# A value for each parameter kind, and how each language must show it.
SAMPLES = {
    "department": ("suministros", "Suministros", "Utilities"),
    "departments": (["obras", "limpieza"], "Obras y mantenimiento", "Public works"),
    "status": ("waiting_citizen", "esperando al vecino", "waiting for resident"),
    "statuses": (["new", "in_progress"], "en curso", "in progress"),
    "priorities": (["low", "high"], "alta", "high"),
    "role": ("operator", "operador/a", "operator"),
    "roles": (["operator", "supervisor"], "supervisor/a", "supervisor"),
    "action": ("ticket.reassign_department", "cambiar de departamento",
               "move to another department"),
    "permission": ("reassign_operator", "asignar tickets a otras personas",
                   "assign tickets to other people"),
    "moderation_action": ("mute", "silenciar", "mute"),
    "moderation_actions": (["hide", "delete"], "borrar", "delete"),
    "moderation_status": ("rejected", "rechazada", "rejected"),
    "moderation_reason": ("insult", "Insulto", "Insult"),
    "moderation_reasons": (["spam", "insult"], "Insulto", "Insult"),
    "x_stream": ("DM", "mensajes directos", "DM"),
}


def _names(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.fixture(params=["es", "en"])
def language(request, qapp, rules):  # type: ignore[no-untyped-def]
    i18n.install(qapp, request.param)
    labels.set_catalogue(rules.catalogue)
    yield request.param
    i18n.install(qapp, "es")


def test_every_error_code_reads_in_both_languages_with_its_parameters(language) -> None:  # type: ignore[no-untyped-def]
    shown = error_texts.templates()
    assert len(ERRORS) >= 120
    assert set(shown) == set(ERRORS), "a code without its wording in ui/error_texts.py"
    for code, english_template in ERRORS.items():
        template = shown[code]
        assert _names(template) == _names(english_template), code
        if language == "en":
            assert template == english_template, f"{code}: run scripts/translations.py"
        params: dict[str, object] = {}
        expected: list[str] = []
        for n, name in enumerate(sorted(_names(english_template))):
            kind = PARAM_KINDS.get(name)
            if kind in SAMPLES:
                value, es, en = SAMPLES[kind]
                params[name] = value
                expected.append(es if language == "es" else en)
            else:
                params[name] = f"P{n}x"
                expected.append(f"P{n}x")
        text = error_texts.render(JunDeskError(english(code, params), code=code,
                                               params=params))
        assert "{" not in text.replace("${", "") and "}" not in text, (code, text)
        for value in expected:
            assert value in text, (code, value, text)
        if language == "es" and code not in ("resource.invalid",):
            assert text != english(code, params), f"{code} is not Spanish: {text}"


def test_a_refusal_reads_in_the_window_language(language) -> None:  # type: ignore[no-untyped-def]
    luis = Actor(3, "luis", Role.OPERATOR, frozenset({"obras", "limpieza"}))
    with pytest.raises(PermissionDeniedError) as refused:
        luis.require_department("suministros")
    refused.value.action = "ticket.create"
    text = describe(refused.value)
    assert str(refused.value) == ("luis works for limpieza, obras, not for 'suministros': "
                                  "ask a supervisor")  # the logs and the command line
    if language == "es":
        assert text == ("No se ha hecho (crear el ticket): luis trabaja para Limpieza y "
                        "residuos, Obras y mantenimiento, no para «Suministros»: pídaselo a "
                        "un supervisor")
    else:
        assert text.startswith("Not done (create the ticket): luis works for ")
        assert "'Utilities (power and water)'" in text and "ask a supervisor" in text


def test_every_permission_refusal_reads_in_the_window_language(language) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.domain.roles import Permission

    nobody = Actor(0, "nadie", Role.OPERATOR, frozenset())
    for permission in Permission:
        if nobody.may(permission):
            continue
        with pytest.raises(PermissionDeniedError) as refused:
            nobody.require(permission)
        text = describe(refused.value)
        if language == "es":
            assert text.startswith("nadie (operador/a) no puede ") and permission.value \
                not in text, text
        else:
            assert text == str(refused.value), text


def test_a_conflict_and_x_and_the_database_read_in_the_window_language(language) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.exc import OperationalError

    from jun_desk.store.engine import database_error
    from jun_desk.x.errors import Failure, XApiError

    conflict = ConflictError("x", code="ticket.conflict_by", params={
        "ticket": 70, "username": "ana", "action": "ticket.assign", "at": "10:42:03",
        "changes": " (assignee: luis → rosa; status: new → assigned)"},
        fields=(("assignee", "luis", "rosa"), ("status", "new", "assigned")))
    locked = database_error(OperationalError("UPDATE", {}, Exception("database is locked")))
    network = XApiError(Failure.NETWORK, detail="connection refused")
    if language == "es":
        assert describe(conflict).startswith(
            "El ticket #70 lo acaba de cambiar ana (asignar, 10:42:03 UTC: asignado: luis → "
            "rosa; estado: nuevo → asignado). No se ha sobrescrito nada")
        assert describe(locked).startswith("Otro programa tiene bloqueada la base de datos")
        assert describe(network) == ("No se puede conectar con X (conexión rechazada); "
                                     "revise la red")
    else:
        assert ("ana did 'assign' at 10:42:03 UTC: assignee: luis → rosa; status: new → "
                "assigned") in describe(conflict)
        assert describe(locked).startswith("The database is locked by another program")
        assert describe(network) == str(network)
    for failure in Failure:  # every way X fails has its code
        err = XApiError(failure, status=503, retry_after=60, detail="connection failed")
        assert err.code in ERRORS and "{" not in describe(err)


def test_a_conflict_kept_in_the_history_words_its_changes(language) -> None:  # type: ignore[no-untyped-def]
    """The history rebuilds a refusal from the code and parameters the audit trail kept
    (a plain JunDeskError): the changes read in the window's language there too."""
    kept = {"ticket": 70, "username": "ana", "action": "ticket.assign", "at": "10:42:03",
            "changes": " (assignee: luis → rosa; status: new → assigned)",
            "fields": [["assignee", "luis", "rosa"], ["status", "new", "assigned"]]}
    text = describe(JunDeskError("x", code="ticket.conflict_by", params=kept))
    if language == "es":
        assert "asignado: luis → rosa; estado: nuevo → asignado" in text
        assert "assignee" not in text and "new" not in text
    else:
        assert "assignee: luis → rosa; status: new → assigned" in text


def test_a_wording_that_does_not_fit_its_error_falls_back_to_english(language) -> None:  # type: ignore[no-untyped-def]
    """Parameters kept by another desk's version (or a translation naming one the error
    lacks) never turn an error message into a crash: the English message is shown."""
    err = JunDeskError("Ticket #7 does not exist", code="ticket.not_found", params={})
    assert describe(err) == "Ticket #7 does not exist"


# ---------------------------------------------------------------- every raise has a code
_AUTO_CODED = {"SignInError", "PasswordRejected", "XApiError", "XRefusedError"}
_NOT_FOR_THE_WINDOW = ("cli.py", "cli_x.py", "cli_moderation.py", "cli_privacy.py",
                       "x/sandbox/", "ui/", "selftest.py")


def _desk_errors() -> set[str]:
    names = {"JunDeskError"}
    grew = True
    trees = [ast.parse(p.read_text(encoding="utf-8")) for p in SOURCE.rglob("*.py")]
    while grew:
        grew = False
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names and any(
                        getattr(b, "id", getattr(b, "attr", None)) in names for b in node.bases):
                    names.add(node.name)
                    grew = True
    return names


def test_every_error_raised_for_a_person_carries_a_code() -> None:
    errors = _desk_errors()
    assert {"ValidationError", "StorageError", "XApiError", "SessionEndedError"} <= errors
    uncoded, unknown, used = [], [], set()
    for path in SOURCE.rglob("*.py"):
        rel = path.relative_to(SOURCE).as_posix()
        text = path.read_text(encoding="utf-8")
        if rel not in ("domain/error_codes.py", "ui/error_texts.py"):
            used |= set(re.findall(r'"([a-z_]+\.[a-z_]+)"', text))
        given = re.findall(r'(?:\bcode=|\.of\(\s*|_require_supervisor\(\w+, )'
                           r'"([a-z_]+\.[a-z_]+)"', text)
        unknown += [f"{rel}: {code}" for code in given if code not in ERRORS]
        if rel.startswith(_NOT_FOR_THE_WINDOW) or rel in _NOT_FOR_THE_WINDOW:
            continue
        for node in ast.walk(ast.parse(text)):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            func = node.exc.func
            name = getattr(func, "id", None) or getattr(func, "attr", None)
            if name in errors and name not in _AUTO_CODED and not any(
                    k.arg == "code" for k in node.exc.keywords):
                uncoded.append(f"{rel}:{node.lineno}")
            if name == "of" and isinstance(node.exc.args[0], ast.Constant) and \
                    node.exc.args[0].value not in ERRORS:
                unknown.append(f"{rel}:{node.lineno}")
    assert uncoded == [], "raise SomeError.of(code, **params) (domain/error_codes.py)"
    assert unknown == []
    dynamic = ("x.", "sign_in.", "password.", "resource.")
    unused = [c for c in ERRORS if c not in used and not c.startswith(dynamic)]
    assert unused == [], "codes nothing raises"


def test_a_stored_english_message_reads_in_the_window_language(language) -> None:  # type: ignore[no-untyped-def]
    """What the desk keeps as English text (an outbox item's last failure, an older audit
    event's reason) is recognised by its code and worded in the window's language."""
    from jun_desk.domain.error_codes import recognise
    from jun_desk.ui.error_texts import render_stored

    for code, template in ERRORS.items():
        if code == "resource.invalid":
            continue
        params = {name: f"v{n}x" for n, name in enumerate(sorted(_names(template)))}
        found = recognise(english(code, params))
        assert found is not None and ERRORS[found[0]] == template and found[1] == params, code
    stored = "luis works for limpieza, obras, not for 'suministros': ask a supervisor"
    shown = render_stored(stored)
    if language == "es":
        assert shown == ("luis trabaja para Limpieza y residuos, Obras y mantenimiento, no "
                         "para «Suministros»: pídaselo a un supervisor")
    else:
        assert shown == stored
    assert render_stored("something X said that the desk does not know") == \
        "something X said that the desk does not know"
    # every way X fails, as an outbox item keeps it (a 429 without a wait included)
    from jun_desk.x.errors import Failure, XApiError

    for failure in Failure:
        for wait in (None, 60.0):
            err = XApiError(failure, status=503, retry_after=wait, detail="timed out")
            found = recognise(str(err))
            assert found is not None and found[0] == err.code, str(err)
            assert found[1] == {k: str(v) for k, v in err.params.items()}, str(err)
            if language == "es":
                assert render_stored(str(err)) != str(err), str(err)
