"""The town's staff on X and what is said about Jun without its handle (issue 27), added to
a day after everything else, so the rest of the day (and what tests count in it) stays as
it was: none of it names the town's handle, and every id is made apart (high sequence
bits), never one of the day's own.

- staff accounts: @BarrenderoJun (limpieza) and a few more, in ``STAFF``;
- citizens mentioning them through the day; the employee answers about half of them (a
  reply to the citizen's tweet, without the town's handle), and posts a few things of
  their own (and one retweet of the town) that are never a ticket;
- a few posts an hour about Jun that a watched search finds, and the #EndesaMeEstresa
  spike at 19:00 told without the town's handle (``SEARCH_SPIKE`` posts in an hour).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from jun_desk.x.sandbox.ids import snowflake
from jun_desk.x.sandbox.world import Scenario, Tweet, User

_SEQUENCE = 0x300000  # above extras' (0x200000) and never one of the day's own ids


@dataclass(frozen=True)
class StaffAccount:
    id: str
    handle: str
    name: str
    department: str
    role: str
    mentions: int  # mentions of the account in the day


STAFF = (
    StaffAccount("1300000000000000001", "BarrenderoJun", "Paco, barrendero de Jun", "limpieza",
                 "barrendero", 24),
    StaffAccount("1300000000000000002", "AgenteRuizJun", "Agente Ruiz (Policía Local)",
                 "policia", "agente de la Policía Local", 8),
    StaffAccount("1300000000000000003", "TecnicaObrasJun", "Lucía, técnica de obras",
                 "obras", "técnica de obras", 8),
)
UNKNOWN_HANDLE = "NadieEnJun"  # no such account: the desk's "handle X does not know" case
SEARCH_QUERIES = ("#EndesaMeEstresa", "Jun -is:retweet")
SEARCH_SPIKE = 40  # #EndesaMeEstresa posts without the town's handle, 19:00-20:00
ABOUT_JUN_PER_HOUR = 3

_ASKS = {
    "limpieza": ["@{h} hay cristales rotos en {calle}, cuidado con los perros",
                 "@{h} el contenedor de {calle} lleva dos días lleno",
                 "@{h} ¿podéis pasar por {calle}? Hay hojas por todas partes",
                 "@{h} alguien ha tirado un colchón en {calle}"],
    "policia": ["@{h} hay un coche en doble fila en {calle} desde hace una hora",
                "@{h} ruido de obras a las 7 de la mañana en {calle}"],
    "obras": ["@{h} el bache de {calle} sigue sin tapar",
              "@{h} la acera de {calle} está levantada, casi me caigo"],
}
_ANSWERS = {
    "limpieza": ["@{c} Hecho, ya está limpio ✅", "@{c} Pasamos ahora mismo, gracias por avisar"],
    "policia": ["@{c} Enviamos una patrulla, gracias"],
    "obras": ["@{c} Apuntado, lo revisamos esta semana"],
}
_OWN = ["Buenos días, Jun. Hoy barremos {calle} 🧹", "Terminado el turno. ¡Hasta mañana!",
        "Recordad: los muebles viejos, al punto limpio 🙏"]
_ABOUT_JUN = ["Qué bonito está Jun esta mañana", "Hoy hay mercadillo en Jun, ¿alguien va?",
              "En Jun no hay quien aparque en {calle}", "Atasco en la entrada de Jun",
              "Las fiestas de Jun este año, ¿cuándo son?"]
_SPIKE = ["Sin luz otra vez en {calle}, Jun #EndesaMeEstresa",
          "Tres cortes esta semana en Jun #EndesaMeEstresa",
          "¿Alguien más sin luz en {calle}? #EndesaMeEstresa",
          "La nevera otra vez apagada #EndesaMeEstresa 😡"]
_STREETS = ["calle Real", "calle Ancha", "calle Granada", "la Plaza", "calle del Río"]


def add_staff_day(scenario: Scenario, rng: random.Random) -> None:
    start, end = scenario.start, scenario.start + scenario.length
    people = scenario.citizens
    counter = iter(range(_SEQUENCE, _SEQUENCE + 10_000))
    made: list[Tweet] = []

    def tweet(minutes: float, author: str, text: str, **kw: Any) -> Tweet:
        when = min(start + timedelta(minutes=minutes), end - timedelta(seconds=1))
        new = Tweet(snowflake(when, next(counter)), author, text, when, 0, **kw)
        new.conversation_id = new.id
        made.append(new)
        return new

    def street() -> str:
        return rng.choice(_STREETS)

    for staff in STAFF:
        scenario.users[staff.id] = User(staff.id, staff.handle, staff.name)
        for n in range(staff.mentions):
            citizen = rng.choice(people)
            minutes = rng.uniform(10, scenario.length.total_seconds() / 60 - 60)
            ask = tweet(minutes, citizen.id, rng.choice(_ASKS[staff.department]).format(
                h=staff.handle, calle=street()))
            if n % 2 == 0:
                answer = tweet(minutes + rng.uniform(5, 40), staff.id,
                               rng.choice(_ANSWERS[staff.department]).format(c=citizen.username),
                               in_reply_to_id=ask.id, in_reply_to_user_id=citizen.id)
                answer.conversation_id = ask.conversation_id
        if staff.department == "limpieza":
            for n, text in enumerate(_OWN):
                tweet(30 + n * 300, staff.id, text.format(calle=street()))
            own = [t for t in scenario.tweets if t.author_id == scenario.desk.id]
            if own:
                tweet(200, staff.id, f"RT @{scenario.desk.username}: {own[0].text}"[:280],
                      references=[("retweeted", own[0].id)])
    for hour in range(int(scenario.length.total_seconds() // 3600)):
        for _ in range(ABOUT_JUN_PER_HOUR):
            tweet(hour * 60 + rng.uniform(0, 60), rng.choice(people).id,
                  rng.choice(_ABOUT_JUN).format(calle=street()))
    outsiders = [User(str(1400000000000000000 + n), f"vecina_luz_{n}", f"Vecina {n}")
                 for n in range(25)]
    for user in outsiders:
        scenario.users[user.id] = user
    for _ in range(SEARCH_SPIKE):
        tweet(720 + rng.uniform(0, 60), rng.choice(outsiders + people[:20]).id,
              rng.choice(_SPIKE).format(calle=street()))
    scenario.tweets.extend(made)
    scenario.tweets.sort(key=lambda t: t.created_at)
    scenario.ids.seen(max(t.id for t in made))
