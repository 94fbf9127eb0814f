"""The desk's errors in the window's language: each error code of ``domain.error_codes``
has its Spanish wording here, through Qt's translations (the English comes from the
domain's catalogue: ``scripts/translations.py`` fills it in by code, the disambiguation of
each string). Parameters are worded too: departments by name, statuses, roles, actions.

``str()`` of an error stays English (logs, command line); only what a person reads in the
window goes through ``render``."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from jun_desk.domain.actions import action as catalogue_action
from jun_desk.domain.actions import field_label
from jun_desk.domain.costs import from_dollars
from jun_desk.domain.error_codes import PARAM_KINDS, plain, recognise
from jun_desk.domain.errors import ConflictError, JunDeskError, PermissionDeniedError
from jun_desk.ui import labels

log = logging.getLogger(__name__)

# lupdate finds the strings by this name (``translate(context, text, code)``)
translate = QCoreApplication.translate


def templates() -> dict[str, str]:
    """Every error code's wording in the window's language (``{name}``: a parameter)."""
    return {
        "status.unknown": translate("Errors",
            "Estado desconocido «{value}» (válidos: {statuses})", "status.unknown"),
        "priority.unknown": translate("Errors",
            "Prioridad desconocida «{value}» (válidas: {priorities})", "priority.unknown"),
        "move.same": translate("Errors",
            "El ticket ya está «{status}»", "move.same"),
        "move.refused": translate("Errors",
            "Un ticket no puede pasar de «{status}» a «{target}» (desde «{status}» puede ir a: "
            "{statuses})", "move.refused"),
        "move.needs_assignee": translate("Errors",
            "Un ticket necesita a alguien asignado antes de estar «{target}»",
            "move.needs_assignee"),
        "role.unknown": translate("Errors",
            "Papel desconocido «{value}» (válidos: {roles})", "role.unknown"),
        "permission.denied": translate("Errors",
            "{username} ({role}) no puede {permission}: pídaselo a un supervisor",
            "permission.denied"),
        "permission.department": translate("Errors",
            "{username} trabaja para {departments}, no para «{department}»: pídaselo a un "
            "supervisor", "permission.department"),
        "permission.moderation_direct": translate("Errors",
            "{username} (operador/a) no puede {move} directamente por «{reason}»: propóngalo y un "
            "supervisor lo aprueba", "permission.moderation_direct"),
        "permission.moderation_approve": translate("Errors",
            "{username} ({role}) no puede aprobar moderaciones: pídaselo a un supervisor",
            "permission.moderation_approve"),
        "permission.moderation_reject": translate("Errors",
            "{username} ({role}) no puede rechazar propuestas de moderación: pídaselo a un "
            "supervisor", "permission.moderation_reject"),
        "session.removed": translate("Errors",
            "{username} ya no es operador/a de esta mesa (la cuenta se eliminó, quizá desde otro "
            "puesto): no se ha hecho nada; inicie sesión con otra persona", "session.removed"),
        "session.deactivated": translate("Errors",
            "Un supervisor desactivó la cuenta de {username} (quizá desde otro puesto): no se ha "
            "hecho nada; inicie sesión con otra persona", "session.deactivated"),
        "department.unknown": translate("Errors",
            "Departamento desconocido «{value}» (válidos: {departments})", "department.unknown"),
        "department.same": translate("Errors",
            "El ticket #{ticket} ya está en «{department}»", "department.same"),
        "ticket.not_found": translate("Errors",
            "El ticket #{ticket} no existe", "ticket.not_found"),
        "ticket.title_missing": translate("Errors",
            "Un ticket necesita un título", "ticket.title_missing"),
        "ticket.closed_assign": translate("Errors",
            "El ticket #{ticket} está «{status}»: reábralo antes de asignarlo",
            "ticket.closed_assign"),
        "ticket.assign_same": translate("Errors",
            "El ticket ya está asignado así", "ticket.assign_same"),
        "ticket.assignee_department": translate("Errors",
            "{username} no trabaja para «{department}»", "ticket.assignee_department"),
        "ticket.reopen_open": translate("Errors",
            "El ticket #{ticket} ya está abierto ({status})", "ticket.reopen_open"),
        "ticket.reopen_merged": translate("Errors",
            "El ticket #{ticket} se fusionó con el #{target_ticket}: reabra ese",
            "ticket.reopen_merged"),
        "ticket.merge_self": translate("Errors",
            "Un ticket no se puede fusionar consigo mismo", "ticket.merge_self"),
        "ticket.merge_closed": translate("Errors",
            "El ticket #{ticket} está «{status}»: reábralo primero", "ticket.merge_closed"),
        "ticket.merge_again": translate("Errors",
            "El ticket #{ticket} ya se fusionó", "ticket.merge_again"),
        "ticket.conflict": translate("Errors",
            "Otra persona acaba de cambiar el ticket #{ticket}. No se ha sobrescrito nada: el "
            "ticket se muestra como está ahora; repita la acción si sigue haciendo falta.",
            "ticket.conflict"),
        "ticket.conflict_by": translate("Errors",
            "El ticket #{ticket} lo acaba de cambiar {username} ({action}, {at} UTC{changes}). No "
            "se ha sobrescrito nada: el ticket se muestra como está ahora; repita la acción si "
            "sigue haciendo falta.", "ticket.conflict_by"),
        "note.empty": translate("Errors",
            "Una nota no puede estar vacía", "note.empty"),
        "note.too_long": translate("Errors",
            "Una nota puede tener como máximo {limit} caracteres", "note.too_long"),
        "undo.not_yours": translate("Errors",
            "Nada que deshacer en el ticket #{ticket}: el último cambio no es un movimiento ni una"
            " asignación de {username}", "undo.not_yours"),
        "undo.changed": translate("Errors",
            "El ticket #{ticket} ha cambiado desde entonces: nada que deshacer", "undo.changed"),
        "undo.nothing": translate("Errors",
            "Nada que deshacer en el ticket #{ticket}", "undo.nothing"),
        "message.not_found": translate("Errors",
            "El mensaje {item} no existe", "message.not_found"),
        "message.has_ticket": translate("Errors",
            "Ese mensaje ya pertenece al ticket #{ticket}", "message.has_ticket"),
        "conversation.nothing_new": translate("Errors",
            "Todo lo de esta conversación ya está en un ticket", "conversation.nothing_new"),
        "conversation.not_linked": translate("Errors",
            "Esta conversación no está vinculada al ticket #{ticket}",
            "conversation.not_linked"),
        "conversation.only_messages": translate("Errors",
            "El ticket #{ticket} solo tiene esta conversación: resuélvalo o fusiónelo en vez "
            "de desvincularla", "conversation.only_messages"),
        "citizen.not_found": translate("Errors",
            "El vecino {citizen} no existe", "citizen.not_found"),
        "citizen.handle_unknown": translate("Errors",
            "Ningún vecino @{handle} ha escrito a la mesa", "citizen.handle_unknown"),
        "citizen.unknown": translate("Errors",
            "Ese vecino no ha escrito a la mesa", "citizen.unknown"),
        "verification.transition": translate("Errors",
            "Una verificación «{was}» no puede pasar a «{wanted}»", "verification.transition"),
        "verification.policy": translate("Errors",
            "El ajuste de verificación «{field}» está fuera de rango", "verification.policy"),
        "verification.document_unknown": translate("Errors",
            "Documento de identidad desconocido "
            "«{value}» (válidos: {documents})", "verification.document_unknown"),
        "verification.document_unchecked": translate("Errors",
            "Marca «documento comprobado» cuando hayas comprobado el documento de identidad"
            " del vecino: no se confirmó nada", "verification.document_unchecked"),
        "verification.code_empty": translate("Errors",
            "Escribe el código que enseña el "
            "vecino: no se confirmó nada", "verification.code_empty"),
        "verification.code_malformed": translate("Errors",
            "«{typed}» no es un código: un código tiene {length} letras y cifras, sin 0, 1, "
            "I, L ni O. No cuenta como intento; escríbelo de nuevo",
            "verification.code_malformed"),
        "verification.code_wrong": translate("Errors",
            "Código incorrecto para @{handle}: quedan {left} intento(s) antes de que el "
            "código se anule", "verification.code_wrong"),
        "verification.code_spent": translate("Errors",
            "Código incorrecto para @{handle} {attempts} veces: el código queda anulado y "
            "ya no vale. Envía un código nuevo", "verification.code_spent"),
        "verification.code_expired": translate("Errors",
            "El código enviado a @{handle} caducó el "
            "{at} UTC: envía un código nuevo", "verification.code_expired"),
        "verification.no_code": translate("Errors",
            "@{handle} no tiene ningún código de verificación pendiente: envíale uno "
            "primero", "verification.no_code"),
        "verification.note_required": translate("Errors",
            "Di cómo se verificó a @{handle} por otro "
            "canal (una nota): no se confirmó nada", "verification.note_required"),
        "verification.not_verified": translate("Errors",
            "@{handle} no está verificado: no hay nada que revocar", "verification.not_verified"),
        "verification.citizen_gone": translate("Errors",
            "Los datos de este vecino se "
            "borraron: no se le puede verificar", "verification.citizen_gone"),
        "operator.not_found": translate("Errors",
            "No hay ningún operador llamado «{username}»", "operator.not_found"),
        "operator.not_active": translate("Errors",
            "No hay ningún operador activo llamado «{username}»", "operator.not_active"),
        "operator.id_not_active": translate("Errors",
            "El operador {operator} no está activo", "operator.id_not_active"),
        "operator.inactive": translate("Errors",
            "El operador {operator} ya no está activo", "operator.inactive"),
        "operator.exists": translate("Errors",
            "Ya hay un operador llamado «{username}»", "operator.exists"),
        "operator.bad_name": translate("Errors",
            "Nombre de usuario no válido «{username}»: de 2 a 64 letras, cifras, «.», «-» o «_»",
            "operator.bad_name"),
        "operator.bad_system_user": translate("Errors",
            "Usuario del sistema no válido «{system_user}»", "operator.bad_system_user"),
        "operator.system_user_taken": translate("Errors",
            "El usuario del sistema {system_user} ya está asociado a {username}",
            "operator.system_user_taken"),
        "sign_in.empty": translate("Errors",
            "Escriba su nombre de usuario y su contraseña.", "sign_in.empty"),
        "sign_in.no_password": translate("Errors",
            "{username} aún no tiene contraseña: escriba el código de primer acceso que le "
            "dio un supervisor.", "sign_in.no_password"),
        "sign_in.choose_password": translate("Errors",
            "El código de primer acceso de {username} es correcto: elija ahora su "
            "contraseña.", "sign_in.choose_password"),
        "sign_in.no_code": translate("Errors",
            "{username} no tiene contraseña ni código de primer acceso: pida uno a un "
            "supervisor.", "sign_in.no_code"),
        "sign_in.code_expired": translate("Errors",
            "El código de primer acceso de {username} ha caducado: pida uno nuevo a un "
            "supervisor.", "sign_in.code_expired"),
        "operator.code_hours": translate("Errors",
            "Un código de primer acceso vale más de 0 y como máximo {limit} horas.",
            "operator.code_hours"),
        "sign_in.has_password": translate("Errors",
            "{username} ya tiene contraseña: escríbala", "sign_in.has_password"),
        "sign_in.wrong": translate("Errors",
            "Usuario o contraseña incorrectos.", "sign_in.wrong"),
        "sign_in.wait": translate("Errors",
            "Demasiados intentos fallidos: espere {seconds} s", "sign_in.wait"),
        "sign_in.too_long": translate("Errors",
            "La contraseña es demasiado larga (como máximo {limit} caracteres)",
            "sign_in.too_long"),
        "sign_in.no_system": translate("Errors",
            "Ningún operador está asociado a este usuario del sistema.", "sign_in.no_system"),
        "password.wrong_current": translate("Errors",
            "La contraseña actual no es correcta: no se ha cambiado nada.",
            "password.wrong_current"),
        "password.empty": translate("Errors",
            "La contraseña está vacía.", "password.empty"),
        "password.too_long": translate("Errors",
            "La contraseña es demasiado larga (como máximo {limit} caracteres)",
            "password.too_long"),
        "password.control": translate("Errors",
            "La contraseña contiene caracteres de control.", "password.control"),
        "password.pin": translate("Errors",
            "El PIN debe tener al menos {limit} cifras, solo cifras.", "password.pin"),
        "password.short": translate("Errors",
            "La contraseña debe tener al menos {limit} caracteres.", "password.short"),
        "privacy.retention_days": translate("Errors",
            "El plazo de conservación es un número de días entre 1 y {limit}, no {days}: no "
            "se ha cambiado nada", "privacy.retention_days"),
        "privacy.erase_open": translate("Errors",
            "@{handle} aún tiene tickets abiertos ({tickets}): resuélvalos o ciérrelos antes "
            "de borrar; no se ha cambiado nada", "privacy.erase_open"),
        "privacy.erase_outbox": translate("Errors",
            "Una respuesta o DM a @{handle} espera aún en la bandeja de salida: deje que se "
            "envíe o falle antes de borrar; no se ha cambiado nada", "privacy.erase_outbox"),
        "privacy.not_confirmed": translate("Errors",
            "No se confirmó el borrado de @{handle}: no se ha cambiado nada",
            "privacy.not_confirmed"),
        "privacy.hold_same": translate("Errors",
            "El ticket #{ticket} ya está en retención legal", "privacy.hold_same"),
        "privacy.hold_none": translate("Errors",
            "El ticket #{ticket} no está en retención legal", "privacy.hold_none"),
        "privacy.hold_reason": translate("Errors",
            "Una retención legal necesita un motivo (la norma o el caso que obliga a "
            "conservar el ticket)", "privacy.hold_reason"),
        "privacy.hold_anonymised": translate("Errors",
            "El ticket #{ticket} ya se anonimizó: no queda nada que retener",
            "privacy.hold_anonymised"),
        "privacy.out_exists": translate("Errors",
            "{path} ya existe: elija otro archivo (no se ha escrito nada)",
            "privacy.out_exists"),
        "privacy.write_failed": translate("Errors",
            "No se pudo escribir la exportación en {path}: {detail}", "privacy.write_failed"),
        "outbox.kind": translate("Errors",
            "Tipo de envío desconocido «{value}» (respuesta o DM)", "outbox.kind"),
        "outbox.empty": translate("Errors",
            "El mensaje está vacío", "outbox.empty"),
        "outbox.reply_too_long": translate("Errors",
            "La respuesta tiene {length} caracteres tal como los cuenta X (como máximo {limit}): "
            "acórtela o envíe un DM", "outbox.reply_too_long"),
        "outbox.dm_too_long": translate("Errors",
            "Un DM puede tener como máximo {limit} caracteres", "outbox.dm_too_long"),
        "outbox.no_mention": translate("Errors",
            "El ticket #{ticket} no tiene ninguna mención a la que responder: envíe un DM",
            "outbox.no_mention"),
        "outbox.no_citizen": translate("Errors",
            "El ticket #{ticket} no tiene ningún vecino al que escribir", "outbox.no_citizen"),
        "outbox.no_incoming": translate("Errors",
            "La conversación {conversation} no tiene ningún mensaje de un vecino al que contestar",
            "outbox.no_incoming"),
        "outbox.not_found": translate("Errors",
            "El envío {outbox} no existe", "outbox.not_found"),
        "announcement.empty": translate("Errors",
            "El anuncio no tiene texto", "announcement.empty"),
        "announcement.post_too_long": translate("Errors",
            "La publicación {post} tiene {length} caracteres según cuenta X (como máximo "
            "{limit}): acórtela o divida el texto", "announcement.post_too_long"),
        "announcement.word_too_long": translate("Errors",
            "«{word}» es más largo de lo que cabe en una publicación ({limit}) y no se puede "
            "partir dentro de una palabra", "announcement.word_too_long"),
        "announcement.too_many_posts": translate("Errors",
            "El hilo tendría {count} publicaciones (como máximo {limit})",
            "announcement.too_many_posts"),
        "announcement.not_found": translate("Errors",
            "El anuncio {number} no existe", "announcement.not_found"),
        "announcement.state": translate("Errors",
            "El anuncio {number} está «{ann_state}»: ahora no se puede {ann_step} (solo "
            "cuando está {ann_states})", "announcement.state"),
        "announcement.slot_format": translate("Errors",
            "La hora de publicación «{value}» no es una fecha y hora (AAAA-MM-DD HH:MM, hora "
            "de Jun)", "announcement.slot_format"),
        "announcement.slot_nonexistent": translate("Errors",
            "La hora de publicación {slot} no existe en Jun (esa noche se adelantan los "
            "relojes): elija otra hora", "announcement.slot_nonexistent"),
        "announcement.slot_past": translate("Errors",
            "La hora de publicación {slot} ya ha pasado (en Jun son las {now}): elija una "
            "hora posterior", "announcement.slot_past"),
        "announcement.over_budget": translate("Errors",
            "Publicarlo cuesta {cost} y el mes lleva gastados {spent} de un presupuesto de "
            "{budget}: debe confirmarlo un supervisor", "announcement.over_budget"),
        "announcement.return_comment": translate("Errors",
            "Para devolver un anuncio hay que escribir un comentario con lo que debe "
            "cambiar", "announcement.return_comment"),
        "announcement.image_missing": translate("Errors",
            "No se puede leer la imagen {path}: {detail}", "announcement.image_missing"),
        "announcement.image_refused": translate("Errors",
            "X rechazó la imagen {path}: {detail}", "announcement.image_refused"),
        "announcement.image_type": translate("Errors",
            "La imagen {path} no es una imagen JPEG, PNG o WEBP", "announcement.image_type"),
        "announcement.not_stuck": translate("Errors",
            "El anuncio {number} no está detenido: X no ha rechazado ninguna de sus "
            "publicaciones", "announcement.not_stuck"),
        "dm.not_linked": translate("Errors",
            "Esta conversación (con @{handle}) no está vinculada al ticket #{ticket}: no se ha "
            "enviado nada. Vincúlela primero.", "dm.not_linked"),
        "dm.other_citizen": translate("Errors",
            "El ticket #{ticket} es de {owner}, no de @{handle}, con quien es esta conversación: "
            "no se ha enviado nada. Confirme que el DM debe ir a @{handle}.", "dm.other_citizen"),
        "dm.other_nobody": translate("Errors",
            "El ticket #{ticket} es de otra persona, no de @{handle}, con quien es esta "
            "conversación: no se ha enviado nada. Confirme que el DM debe ir a @{handle}.",
            "dm.other_nobody"),
        "quarantine.none_chosen": translate("Errors",
            "Elija al menos un elemento de la lista", "quarantine.none_chosen"),
        "quarantine.not_found": translate("Errors",
            "No está el elemento {items} en la lista de los que no se pudieron leer",
            "quarantine.not_found"),
        "moderation.not_found": translate("Errors",
            "No existe la moderación {number}", "moderation.not_found"),
        "moderation.nothing_in_force": translate("Errors",
            "Nada que deshacer: no hay ninguna acción de {move} vigente sobre {target_id}",
            "moderation.nothing_in_force"),
        "moderation.duplicate": translate("Errors",
            "Ya hay una propuesta de {move} esperando (#{number})", "moderation.duplicate"),
        "moderation.decided": translate("Errors",
            "La moderación #{number} está {state}, no espera una decisión", "moderation.decided"),
        "moderation.undo_delete": translate("Errors",
            "X no puede recuperar una publicación borrada; su texto se conserva en el archivo "
            "(moderación #{number})", "moderation.undo_delete"),
        "moderation.not_applied": translate("Errors",
            "La moderación #{number} está {state}: no hay nada que deshacer",
            "moderation.not_applied"),
        "moderation.bad_target": translate("Errors",
            "«{value}» no es un identificador de X", "moderation.bad_target"),
        "moderation.no_reply": translate("Errors",
            "No hay ninguna respuesta guardada con el identificador de X {target_id}: sincronice "
            "primero", "moderation.no_reply"),
        "moderation.unknown_action": translate("Errors",
            "Acción de moderación desconocida «{value}» (válidas: {moves})",
            "moderation.unknown_action"),
        "moderation.unknown_reason": translate("Errors",
            "«{value}» no es un motivo de las normas de moderación (válidos: {reasons})",
            "moderation.unknown_reason"),
        "moderation.reason_not_for": translate("Errors",
            "Las normas no permiten {move} por el motivo «{value}» (motivos para {move}: "
            "{reasons})", "moderation.reason_not_for"),
        "moderation.x_refused": translate("Errors",
            "X lo rechazó: {detail}", "moderation.x_refused"),
        "budget.not_amount": translate("Errors",
            "El presupuesto debe ser una cantidad en dólares, no «{monthly}» / «{daily}»",
            "budget.not_amount"),
        "budget.alert_above": translate("Errors",
            "El aviso diario no puede superar el presupuesto mensual", "budget.alert_above"),
        "staff.bad_handle": translate("Errors",
            "«{handle}» no es un nombre de usuario de X (letras, cifras y _, hasta 15)",
            "staff.bad_handle"),
        "staff.unknown_handle": translate("Errors",
            "X no conoce la cuenta @{handle}: no se ha guardado nada", "staff.unknown_handle"),
        "staff.not_found": translate("Errors",
            "No hay ninguna cuenta del personal @{handle}", "staff.not_found"),
        "staff.town_account": translate("Errors",
            "@{handle} es la cuenta del propio ayuntamiento: sus menciones ya se leen",
            "staff.town_account"),
        "search.bad_query": translate("Errors",
            "Una búsqueda debe tener entre 1 y {limit} caracteres (esta tiene {length})",
            "search.bad_query"),
        "search.rejected": translate("Errors",
            "X ha rechazado la búsqueda «{query}»{detail}: no se ha guardado nada",
            "search.rejected"),
        "search.not_found": translate("Errors",
            "No hay ninguna búsqueda vigilada n.º {search}", "search.not_found"),
        "streams.unknown": translate("Errors",
            "Flujo desconocido «{value}» (válidos: {streams})", "streams.unknown"),
        "triage.no_training_data": translate("Errors",
            "Aún no hay datos de entrenamiento: reentrene una vez con el corpus (jun-desk triage "
            "retrain --corpus corpus.jsonl, o ${variable}); sus vectores se guardan luego en la "
            "base de datos para todos los puestos", "triage.no_training_data"),
        "triage.no_test_split": translate("Errors",
            "Los datos de entrenamiento no tienen una parte de prueba con la que comprobar un "
            "modelo nuevo", "triage.no_test_split"),
        "triage.nothing_to_roll_back": translate("Errors",
            "La mesa ya usa el modelo de clasificación de serie: no hay nada que deshacer",
            "triage.nothing_to_roll_back"),
        "triage.unreadable": translate("Errors",
            "No se pueden leer los datos de entrenamiento: {detail}", "triage.unreadable"),
        "triage.corpus_unreadable": translate("Errors",
            "No se puede leer el corpus {path}: {detail}", "triage.corpus_unreadable"),
        "triage.corpus_line": translate("Errors",
            "{path}:{line}: no es un elemento del corpus", "triage.corpus_line"),
        "lease.lost": translate("Errors",
            "Ahora sondea @{account} otro puesto: este perdió su turno y no ha guardado nada de la"
            " última página", "lease.lost"),
        "lease.too_short": translate("Errors",
            "El turno de sondeo debe durar algo", "lease.too_short"),
        "db.url_empty": translate("Errors",
            "La dirección de la base de datos está vacía", "db.url_empty"),
        "db.url_invalid": translate("Errors",
            "Dirección de base de datos no válida: se espera p. ej. sqlite:///ruta/mesa.db o "
            "postgresql+psycopg://usuario@servidor/base", "db.url_invalid"),
        "db.unsupported": translate("Errors",
            "Tipo de base de datos no admitido «{value}»: use sqlite o postgresql+psycopg",
            "db.unsupported"),
        "db.driver_missing": translate("Errors",
            "El controlador de base de datos «{value}» no está instalado (para PostgreSQL: pip "
            "install 'jun-desk[postgres]')", "db.driver_missing"),
        "db.settings_invalid": translate("Errors",
            "Configuración de la base de datos no válida: {detail}", "db.settings_invalid"),
        "db.folder": translate("Errors",
            "No se puede crear la carpeta de la base de datos {path}: {detail}", "db.folder"),
        "db.locked": translate("Errors",
            "Otro programa tiene bloqueada la base de datos{where}; cierre el otro Jun Desk o "
            "vuelva a intentarlo en un momento", "db.locked"),
        "db.damaged": translate("Errors",
            "El archivo de la base de datos está dañado o no es de Jun Desk{where}", "db.damaged"),
        "db.read_only": translate("Errors",
            "La base de datos es de solo lectura{where}: revise los permisos del archivo",
            "db.read_only"),
        "db.cannot_open": translate("Errors",
            "No se puede abrir el archivo de la base de datos{where}: revise la ruta y los "
            "permisos", "db.cannot_open"),
        "db.disk_full": translate("Errors",
            "El disco está lleno{where}: libere espacio; no se ha guardado nada", "db.disk_full"),
        "db.login_refused": translate("Errors",
            "No se puede abrir la base de datos{where}: el servidor rechazó el usuario o la "
            "contraseña", "db.login_refused"),
        "db.no_such_database": translate("Errors",
            "No se puede abrir la base de datos{where}: esa base de datos no existe",
            "db.no_such_database"),
        "db.unreachable": translate("Errors",
            "No se puede abrir la base de datos{where}: no se llega al servidor", "db.unreachable"),
        "db.error": translate("Errors",
            "Error de la base de datos{where}: {detail}", "db.error"),
        "db.newer": translate("Errors",
            "La base de datos está en la revisión {revision}, más nueva de lo que conoce este Jun "
            "Desk: instale el Jun Desk más nuevo que la creó", "db.newer"),
        "db.no_live": translate("Errors",
            "La actualización en directo no está disponible con bases de datos «{value}»",
            "db.no_live"),
        "db.password_only_server": translate("Errors",
            "Solo una base de datos de servidor (PostgreSQL) tiene contraseña",
            "db.password_only_server"),
        "backup.not_configured": translate("Errors",
            "Las copias de seguridad no están configuradas en este puesto",
            "backup.not_configured"),
        "backup.keep_invalid": translate("Errors",
            "El número de copias que se conservan debe ser al menos 1, no «{value}»",
            "backup.keep_invalid"),
        "backup.folder": translate("Errors",
            "No se puede crear ni usar la carpeta de copias {path}: {detail}", "backup.folder"),
        "backup.busy": translate("Errors",
            "Ya hay otra copia o restauración en marcha en {path}: inténtelo cuando termine",
            "backup.busy"),
        "backup.write_failed": translate("Errors",
            "No se pudo escribir la copia en {path}: {detail}. Las copias anteriores siguen "
            "intactas", "backup.write_failed"),
        "backup.unsupported": translate("Errors",
            "No se pueden hacer copias de bases de datos «{value}»", "backup.unsupported"),
        "backup.no_pg_dump": translate("Errors",
            "pg_dump no está instalado en este PC, así que el puesto no puede copiar la base de"
            " datos PostgreSQL: instale el cliente de PostgreSQL de la versión del servidor, o "
            "confíe en las copias del propio servidor de base de datos", "backup.no_pg_dump"),
        "backup.no_psql": translate("Errors",
            "psql no está instalado en este PC, así que el puesto no puede restaurar la base de"
            " datos PostgreSQL: instale el cliente de PostgreSQL de la versión del servidor",
            "backup.no_psql"),
        "backup.pg_dump_failed": translate("Errors",
            "pg_dump falló: {detail}", "backup.pg_dump_failed"),
        "backup.restore_failed": translate("Errors",
            "La restauración falló y la base de datos quedó como estaba: {detail}",
            "backup.restore_failed"),
        "backup.verify_failed": translate("Errors",
            "La copia no pasó la comprobación y no se ha conservado: {detail}",
            "backup.verify_failed"),
        "backup.key_missing": translate("Errors",
            "El llavero de este PC no tiene clave de copias: ponga la clave con la que se "
            "hicieron (jun-desk db backup-key --set)", "backup.key_missing"),
        "backup.key_invalid": translate("Errors",
            "Esa no es una clave de copias de Jun Desk (44 caracteres, como la muestra jun-desk"
            " db backup-key)", "backup.key_invalid"),
        "backup.not_a_backup": translate("Errors",
            "{path} no es una copia de seguridad de Jun Desk", "backup.not_a_backup"),
        "backup.unreadable": translate("Errors",
            "No se puede leer la copia {path}: {detail}", "backup.unreadable"),
        "backup.wrong_key": translate("Errors",
            "La copia {path} se cifró con otra clave (clave {backup_key}; la de este PC es "
            "{desk_key}): ponga la correcta con jun-desk db backup-key --set. No se ha cambiado"
            " nada", "backup.wrong_key"),
        "backup.damaged": translate("Errors",
            "La copia {path} está dañada o incompleta y no se puede restaurar. No se ha "
            "cambiado nada", "backup.damaged"),
        "backup.other_kind": translate("Errors",
            "Esa copia es de una base de datos {backup}; la de este puesto es {database}. No se"
            " ha cambiado nada", "backup.other_kind"),
        "backup.desks_open": translate("Errors",
            "Un puesto sigue consultando X en esta base de datos ({holder}): cierre todos los "
            "puestos antes de restaurar. No se ha cambiado nada", "backup.desks_open"),
        "backup.newer": translate("Errors",
            "La copia está en la revisión de esquema {revision} (Jun Desk {version}), más nueva"
            " de lo que este Jun Desk conoce: instale esa versión para restaurarla. No se ha "
            "cambiado nada", "backup.newer"),
        "keyring.missing": translate("Errors",
            "No hay ningún llavero donde guardar las credenciales de X. En Linux instale e inicie "
            "un Secret Service (p. ej. `sudo apt-get install gnome-keyring`) y desbloquéelo, o use"
            " Jun Desk con el simulador: `jun-desk --sandbox`.", "keyring.missing"),
        "keyring.refused_read": translate("Errors",
            "El llavero se negó a dar las credenciales: {detail}", "keyring.refused_read"),
        "keyring.refused_store": translate("Errors",
            "El llavero se negó a guardar las credenciales: {detail}", "keyring.refused_store"),
        "keyring.refused_db_password": translate("Errors",
            "El llavero se negó a guardar la contraseña de la base de datos: {detail}",
            "keyring.refused_db_password"),
        "credentials.missing": translate("Errors",
            "No hay credenciales de X para @{account} en el llavero (faltan: {names}): ejecute "
            "`jun-desk credentials set`", "credentials.missing"),
        "credentials.empty": translate("Errors",
            "Credenciales vacías: {names}; no se ha guardado nada", "credentials.empty"),
        "media.not_x_host": translate("Errors",
            "No está en los servidores de imágenes de X", "media.not_x_host"),
        "media.not_image": translate("Errors",
            "No es una imagen ({content_type})", "media.not_image"),
        "media.too_large": translate("Errors",
            "Ocupa más de {megabytes} MB", "media.too_large"),
        "media.too_many_pixels": translate("Errors",
            "Demasiado grande para mostrarla sin riesgo ({width} x {height} píxeles)",
            "media.too_many_pixels"),
        "media.unknown_format": translate("Errors",
            "No es una imagen que la mesa pueda mostrar (PNG, JPEG, GIF o WebP)",
            "media.unknown_format"),
        "media.broken": translate("Errors",
            "Un archivo {format} dañado", "media.broken"),
        "media.cut_short": translate("Errors",
            "Un archivo {format} incompleto", "media.cut_short"),
        "media.http": translate("Errors",
            "X respondió {answer} a la descarga", "media.http"),
        "media.network": translate("Errors",
            "La descarga falló ({detail})", "media.network"),
        "media.no_image": translate("Errors",
            "X no dio ninguna imagen de este adjunto", "media.no_image"),
        "media.cache_write": translate("Errors",
            "No se puede guardar la foto en la caché ({detail})", "media.cache_write"),
        "x.auth": translate("Errors",
            "X rechazó las credenciales (401): revise las claves en la configuración", "x.auth"),
        "x.forbidden": translate("Errors",
            "X denegó la petición (403){detail}", "x.forbidden"),
        "x.not_found": translate("Errors",
            "X no encuentra ese elemento o usuario (404){detail}", "x.not_found"),
        "x.bad_request": translate("Errors",
            "X rechazó la petición por no válida (400){detail}", "x.bad_request"),
        "x.rate_limited": translate("Errors",
            "Límite de peticiones de X alcanzado: se espera {wait}", "x.rate_limited"),
        "x.rate_limited_now": translate("Errors",
            "Límite de peticiones de X alcanzado: se reintentará cuando X lo permita",
            "x.rate_limited_now"),
        "x.daily_cap": translate("Errors",
            "Se alcanzó el límite de publicaciones de X en 24 horas: se podrá publicar de nuevo a "
            "las {when}", "x.daily_cap"),
        "x.server": translate("Errors",
            "X tiene problemas ({status}); se reintentará en breve", "x.server"),
        "x.timeout": translate("Errors",
            "X no respondió a tiempo; se reintentará en breve", "x.timeout"),
        "x.network": translate("Errors",
            "No se puede conectar con X ({network}); revise la red", "x.network"),
        "x.malformed": translate("Errors",
            "X envió una respuesta ilegible; se reintentará en breve", "x.malformed"),
        "x.credits": translate("Errors",
            "X rechaza las peticiones: se agotaron los créditos de la API de la cuenta ({status})."
            " Alguien debe añadir créditos en la Developer Console de X; Jun Desk vuelve a "
            "comprobarlo cada hora", "x.credits"),
        "x.walk_repeated": translate("Errors",
            "Se ha detenido la lectura de {stream} en la página {page}: X ha vuelto a dar una "
            "marca de página que ya había dado. Lo leído se conserva; el próximo sondeo lee "
            "de nuevo desde el último punto guardado", "x.walk_repeated"),
        "x.walk_no_progress": translate("Errors",
            "Se ha detenido la lectura de {stream} en la página {page}: las páginas de X no "
            "traen nada nuevo. Lo leído se conserva; el próximo sondeo lee de nuevo desde el "
            "último punto guardado", "x.walk_no_progress"),
        "x.walk_limit": translate("Errors",
            "Se ha detenido la lectura de {stream} en la página {page}: X ha enviado más de lo "
            "que guarda ({limit}). Lo leído se conserva", "x.walk_limit"),
        "x.lookup_unasked": translate("Errors",
            "X respondió a una consulta de {stream} con elementos que no se le pidieron (una "
            "respuesta repetida): no se usa; se pregunta de nuevo en el próximo sondeo",
            "x.lookup_unasked"),
        "menu.empty": translate("Errors",
            "El archivo del menú está vacío: necesita una línea de cabecera y una línea por "
            "día", "menu.empty"),
        "menu.unreadable": translate("Errors",
            "La línea {line} del menú no se puede leer como CSV (¿unas comillas sin cerrar?)",
            "menu.unreadable"),
        "menu.column_missing": translate("Errors",
            "Línea {line}: el menú no tiene la columna «{column}» (columnas encontradas: "
            "{columns})", "menu.column_missing"),
        "menu.bad_date": translate("Errors",
            "Línea {line}, columna «{column}»: «{value}» no es una fecha (escríbala como "
            "dd/mm/aaaa o aaaa-mm-dd)", "menu.bad_date"),
        "menu.weekday_mismatch": translate("Errors",
            "Línea {line}, columna «{column}»: el día de la semana de «{value}» no es el de "
            "esa fecha", "menu.weekday_mismatch"),
        "menu.day_twice": translate("Errors",
            "Línea {line}, columna «{column}»: {value} ya está en la línea {first_line}",
            "menu.day_twice"),
        "menu.allergen_unknown": translate("Errors",
            "Línea {line}, columna «{column}»: alérgeno desconocido «{value}» (escriba los "
            "números 1-14 de la UE o sus nombres)", "menu.allergen_unknown"),
        "menu.dishes_missing": translate("Errors",
            "Línea {line}, columna «{column}»: el día no tiene platos", "menu.dishes_missing"),
        "menu.day_too_long": translate("Errors",
            "Línea {line}: los platos del día son demasiado largos para una publicación "
            "({length} de {limit} caracteres)", "menu.day_too_long"),
        "menu.file_unreadable": translate("Errors",
            "No se puede leer el archivo del menú {path}: {detail}", "menu.file_unreadable"),
        "menu.file_too_large": translate("Errors",
            "El archivo del menú {path} es demasiado grande para un menú (más de {limit} "
            "bytes)", "menu.file_too_large"),
        "menu.language_unknown": translate("Errors",
            "Idioma del menú desconocido «{value}» (válidos: {languages})",
            "menu.language_unknown"),
        "notice.not_found": translate("Errors",
            "El aviso #{notice} no existe", "notice.not_found"),
        "notice.kind_unknown": translate("Errors",
            "Tipo de aviso desconocido «{value}» (válidos: {kinds})", "notice.kind_unknown"),
        "notice.street_missing": translate("Errors",
            "El aviso necesita una calle", "notice.street_missing"),
        "notice.street_too_long": translate("Errors",
            "La calle es demasiado larga (como mucho {limit} caracteres)",
            "notice.street_too_long"),
        "notice.ends_before": translate("Errors",
            "El «hasta» del aviso debe ser posterior a su «desde»", "notice.ends_before"),
        "notice.too_long": translate("Errors",
            "El texto del aviso es demasiado largo para una publicación ({length} de {limit} "
            "caracteres): acorte la calle", "notice.too_long"),
        "notice.ticket_closed": translate("Errors",
            "El ticket #{ticket} está «{status}»: solo se vinculan a un aviso tickets "
            "abiertos", "notice.ticket_closed"),
        "notice.ticket_department": translate("Errors",
            "El ticket #{ticket} es de «{department}», no del departamento del aviso",
            "notice.ticket_department"),
        "notice.publish_supervisor": translate("Errors",
            "{username} ({role}) no puede publicar un aviso: pídaselo a un supervisor",
            "notice.publish_supervisor"),
        "notice.published": translate("Errors",
            "El aviso #{notice} ya está publicado", "notice.published"),
        "resource.invalid": translate("Errors",
            "Un archivo de Jun Desk no se puede usar (reinstale o revise la configuración): "
            "{detail}", "resource.invalid"),
    }

# ------------------------------------------------------------------ parameters
def _permission_names() -> dict[str, str]:
    return {
        "create_ticket": translate("Errors", "crear tickets"),
        "work_ticket": translate("Errors", "trabajar tickets"),
        "assign_self": translate("Errors", "tomar tickets"),
        "merge": translate("Errors", "fusionar tickets"),
        "reassign_department": translate("Errors", "pasar tickets a otro departamento"),
        "reassign_operator": translate("Errors", "asignar tickets a otras personas"),
        "verify_citizen": translate("Errors", "verificar vecinos como residentes"),
        "edit_triage_rules": translate("Errors", "cambiar las reglas de clasificación"),
        "manage_operators": translate("Errors", "gestionar operadores"),
        "set_x_budget": translate("Errors", "fijar el presupuesto de X"),
        "manage_privacy": translate("Errors",
            "gestionar los datos personales de los vecinos (conservación, retención legal, "
            "acceso y borrado)"),
        "manage_streams": translate("Errors",
            "gestionar las cuentas del personal y las búsquedas vigiladas"),
        "draft_announcement": translate("Errors", "redactar anuncios del ayuntamiento"),
        "publish_announcement": translate("Errors",
            "aprobar, programar o publicar anuncios del ayuntamiento"),
    }


def _moderation_actions() -> dict[str, str]:
    return {"hide": translate("Errors", "ocultar"), "mute": translate("Errors", "silenciar"),
            "delete": translate("Errors", "borrar")}


def _moderation_states() -> dict[str, str]:
    return {"proposed": translate("Errors", "propuesta"),
            "applied": translate("Errors", "aplicada"),
            "rejected": translate("Errors", "rechazada"),
            "undone": translate("Errors", "deshecha")}


def _dollars(value: object) -> str:
    """"$0.015" (an exact amount as the domain words it) as the window writes money, with
    every decimal it has: "0,015 $" in Spanish."""
    micro = from_dollars(plain(value))
    if micro is None:
        return plain(value)
    language = labels.language()
    text = plain(value).removeprefix("$")
    if language.startswith("es"):
        whole, _dot, cents = text.partition(".")
        return f"{whole.replace(',', '.')},{cents} $"
    return f"${text}"


def announcement_states() -> dict[str, str]:
    """An announcement's states as the window names them (``domain.announcements.State``)."""
    return {"draft": translate("Errors", "borrador"),
            "pending": translate("Errors", "pendiente de aprobación"),
            "approved": translate("Errors", "aprobado"),
            "scheduled": translate("Errors", "programado"),
            "publishing": translate("Errors", "publicándose"),
            "published": translate("Errors", "publicado"),
            "partial": translate("Errors", "publicado en parte"),
            "returned": translate("Errors", "devuelto"),
            "cancelled": translate("Errors", "cancelado")}


def _announcement_steps() -> dict[str, str]:
    return {"submit": translate("Errors", "enviar a aprobar"),
            "approve": translate("Errors", "aprobar"),
            "return": translate("Errors", "devolver"),
            "schedule": translate("Errors", "programar"),
            "publish": translate("Errors", "publicar"),
            "edit": translate("Errors", "editar"),
            "cancel": translate("Errors", "cancelar"),
            "retry": translate("Errors", "reintentar"),
            "stop": translate("Errors", "detener el hilo")}


def _network_details() -> dict[str, str]:
    return {"connection refused": translate("Errors", "conexión rechazada"),
            "connection dropped": translate("Errors", "conexión cortada"),
            "unknown host": translate("Errors", "servidor desconocido"),
            "connection failed": translate("Errors", "conexión fallida")}


def _x_streams() -> dict[str, str]:
    """The walks through X's pages (``domain.walks.STREAM_WORDS``' values)."""
    return {"mentions": translate("Errors", "menciones"),
            "DM": translate("Errors", "mensajes directos"),
            "users": translate("Errors", "usuarios"),
            "tweets": translate("Errors", "tweets")}


def _department(code: object) -> str:
    catalogue = labels.catalogue()
    if catalogue is not None and str(code) in catalogue:
        return labels.department_name(catalogue.get(str(code)))
    return plain(code)


def _status(value: object) -> str:
    from jun_desk.domain.workflow import Status

    try:
        return labels.status_singular()[Status(plain(value))]
    except ValueError:
        return plain(value)


def _priority(value: object) -> str:
    from jun_desk.ui.readable import priority_names

    return priority_names().get(plain(value), plain(value))


def _moderation_reason(code: object) -> str:
    """A reason of the moderation policy by its title ("Insulto…"), else its code."""
    from jun_desk.services.moderation import shipped_policy

    reason = shipped_policy().reasons.get(plain(code))
    return reason.title(labels.language()) if reason is not None else plain(code)


def _each(word: Callable[[object], str]) -> Callable[[object], str]:
    def words(value: object) -> str:
        items = value if isinstance(value, (list, tuple)) else [value]
        return ", ".join(word(v) for v in items)
    return words


def _worders() -> dict[str, Callable[[object], str]]:
    roles, permissions = labels.role_names(), _permission_names()
    moves, states = _moderation_actions(), _moderation_states()

    def lookup(table: Mapping[str, str]) -> Callable[[object], str]:
        return lambda value: table.get(plain(value), plain(value))

    return {
        "department": _department, "departments": _each(_department),
        "status": _status, "statuses": _each(_status), "priorities": _each(_priority),
        "role": lookup(roles), "roles": _each(lookup(roles)),
        "action": lambda value: catalogue_action(plain(value)).label(labels.language()),
        "permission": lookup(permissions),
        "moderation_action": lookup(moves), "moderation_actions": _each(lookup(moves)),
        "moderation_status": lookup(states),
        "moderation_reason": _moderation_reason,
        "moderation_reasons": _each(_moderation_reason),
        "x_stream": lookup(_x_streams()),
        "announcement_state": lookup(announcement_states()),
        "announcement_states": _each(lookup(announcement_states())),
        "announcement_step": lookup(_announcement_steps()),
        "dollars": _dollars,
    }


def _conflict_changes(err: JunDeskError) -> str:
    """": asignado: luis → rosa; estado: …" in the window's language (or nothing): from
    the error itself, or from its parameters as the audit trail kept them."""
    fields: list[tuple[str, str, str]]
    if isinstance(err, ConflictError):
        fields = list(err.fields)
    else:
        kept = err.params.get("fields")
        fields = [(str(f[0]), str(f[1]), str(f[2])) for f in kept
                  if isinstance(f, (list, tuple)) and len(f) == 3] \
            if isinstance(kept, list) else []
    if not fields:
        return ""
    language = labels.language()
    word = {"status": _status, "department": _department, "priority": _priority}

    def shown(field: str, value: str) -> str:
        return word[field](value) if field in word and value != "-" else value

    return ": " + "; ".join(f"{field_label(f, language)}: {shown(f, b)} → {shown(f, a)}"
                            for f, b, a in fields)


def params_shown(err: JunDeskError) -> dict[str, str]:
    """The error's parameters worded in the window's language."""
    worders = _worders()
    shown = {}
    for name, value in err.params.items():
        kind = PARAM_KINDS.get(name)
        if kind is not None and kind.endswith("s") and isinstance(value, str):
            value = value.split(", ")  # a list, as a stored English message spelt it
        shown[name] = worders[kind](value) if kind in worders else plain(value)
    if err.code == "x.network":
        shown["network"] = _network_details().get(plain(err.params.get("network")),
                                                  plain(err.params.get("network")))
    if err.code == "ticket.conflict_by" and (isinstance(err, ConflictError)
                                             or "fields" in err.params):
        shown["changes"] = _conflict_changes(err)
    return shown


def render_stored(message: str | None) -> str:
    """An English message the desk stored as text (an outbox item's last failure, an older
    audit event's reason) in the window's language, when it is one of the catalogue's;
    else as it is."""
    if not message or labels.language() == "en":
        return message or ""
    found = recognise(message)
    if found is None:
        return message
    code, params = found
    return render(JunDeskError(message, code=code, params=params))


def render(err: BaseException) -> str:
    """The line a person reads for ``err``, in the window's language. An error without a
    code (a bug, or a message the window itself translated) is shown as before."""
    from jun_desk.domain.errors import describe

    if not isinstance(err, JunDeskError) or err.code is None:
        return describe(err)
    template = templates().get(err.code)
    if template is None:  # a newer desk's code: English beats nothing
        return str(err)
    try:
        text = template.format(**params_shown(err))
        if isinstance(err, PermissionDeniedError) and err.action is not None:
            named = catalogue_action(err.action).label(labels.language())
            text = translate("Errors", "No se ha hecho (%s): %s") % (named, text)
    except (KeyError, IndexError, ValueError, TypeError):
        # a translation that names a parameter the error lacks, or parameters kept by
        # another desk's version: the English message, never a crash inside an error
        log.warning("Error %s could not be worded in %s; shown in English", err.code,
                    labels.language(), exc_info=True)
        return str(err)
    return text
