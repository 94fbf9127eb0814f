"""Words the desk shows for the domain's codes (Spanish UI)."""

from jun_desk.domain.workflow import Status

STATUS_NAMES = {
    Status.NEW: "Nuevos", Status.ASSIGNED: "Asignados", Status.IN_PROGRESS: "En curso",
    Status.WAITING_CITIZEN: "Esperando al vecino", Status.RESOLVED: "Resueltos",
    Status.CLOSED: "Cerrados",
}
STATUS_SINGULAR = {
    Status.NEW: "nuevo", Status.ASSIGNED: "asignado", Status.IN_PROGRESS: "en curso",
    Status.WAITING_CITIZEN: "esperando al vecino", Status.RESOLVED: "resuelto",
    Status.CLOSED: "cerrado",
}
