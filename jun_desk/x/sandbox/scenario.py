"""A day in Jun, scripted: who writes to the town hall, when, and what they say.

Deterministic for a seed. Times are UTC on the scenario's day; the server releases each
item when the sandbox clock reaches it. Everything a citizen says is invented.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from jun_desk.x.sandbox.extras import add_extras
from jun_desk.x.sandbox.ids import IdMaker
from jun_desk.x.sandbox.moderation_day import add_moderation_day
from jun_desk.x.sandbox.staff_day import add_staff_day
from jun_desk.x.sandbox.world import (
    DAY,
    DAY_LENGTH,
    DESK_HANDLE,
    DESK_ID,
    DmEvent,
    Scenario,
    Tweet,
    User,
)

STREETS = ["calle Real", "calle Ancha", "la Plaza de la Constitución", "calle Granada",
           "el Camino de la Fuente", "calle del Pilar", "calle Baja", "la avenida de Andalucía",
           "el barrio alto", "calle Nueva", "calle Estrecha", "la urbanización Los Almendros",
           "calle de las Eras", "la cuesta de la Iglesia", "el paseo del Río"]
FIRST = ["María", "José", "Antonio", "Carmen", "Francisco", "Ana", "Manuel", "Isabel", "Juan",
         "Dolores", "Rafael", "Pilar", "Miguel", "Rosario", "Javier", "Encarni", "Pepe", "Lucía",
         "Alejandro", "Marta", "Paco", "Inma", "Sergio", "Nuria", "Álvaro", "Remedios", "Luis",
         "Elena", "Jesús", "Mari Ángeles", "David", "Sonia", "Fernando", "Cristina", "Rocío"]
LAST = ["García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz",
        "Jiménez", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso", "Navarro", "Torres",
        "Domínguez", "Vázquez", "Ramos", "Gil", "Serrano", "Molina", "Castillo", "Ortega"]
EMOJI = ["", "", "", " 🙏", " 😡", " 😤", " 🤦‍♀️", " 👏", " 😅", " ⚠️", " 🙂"]

# (department, template) — {calle}, {n}, {hora}, {emoji} are filled in.
MENTIONS: list[tuple[str, str]] = [
    ("obras", "@AytoJun la farola de {calle} número {n} lleva tres noches apagada{emoji}"),
    ("obras", "@AytoJun @ObrasJun hay un bache enorme en {calle}, esta mañana casi me caigo"
              " con la moto{emoji}"),
    ("obras", "Se ha soltado una baldosa de la acera en {calle} y hay un agujero. Cuidado con"
              " los mayores @AytoJun"),
    ("obras", "@AytoJun el columpio del parque infantil de {calle} está roto desde el domingo"),
    ("obras", "@AytoJun la tapa de la alcantarilla de {calle} se mueve y hace un ruido tremendo"
              " cuando pasan los coches"),
    ("obras", "@AytoJun el semáforo de la travesía parpadea en ámbar desde las {hora}"),
    ("obras", "@AytoJun se ha caído una rama grande en {calle} y no se puede pasar{emoji}"),
    ("limpieza", "@AytoJun los contenedores de {calle} llevan cuatro días sin vaciarse, huele"
                 " fatal{emoji}"),
    ("limpieza", "@AytoJun alguien ha dejado un colchón y muebles viejos junto al contenedor de"
                 " {calle}"),
    ("limpieza", "@AytoJun ¿qué día pasa la recogida de enseres por {calle}? Tengo un sofá que"
                 " tirar"),
    ("limpieza", "@AytoJun han hecho pintadas en la fachada de la biblioteca esta noche"),
    ("limpieza", "@AytoJun la papelera de la parada del autobús de {calle} está desbordada"),
    ("limpieza", "@AytoJun hay excrementos de perro por toda {calle}, a ver si pasa la"
                 " limpieza{emoji}"),
    ("policia", "@AytoJun @PoliciaJun hay una furgoneta blanca sin matrícula dando vueltas por"
                " {calle} desde hace una hora, muy sospechosa"),
    ("policia", "@AytoJun hay un coche mal aparcado tapando mi vado en {calle} y no puedo salir"
                " a trabajar{emoji}"),
    ("policia", "@PoliciaJun @AytoJun otra vez música a todo volumen en {calle} a las {hora}"),
    ("policia", "@AytoJun me han robado la bicicleta del portal en {calle}, ¿dónde pongo la"
                " denuncia?"),
    ("policia", "@AytoJun accidente en la rotonda de la entrada, dos coches, parece que no hay"
                " heridos pero está cortado el tráfico"),
    ("salud", "@AytoJun ¿a qué hora pasa consulta el médico los jueves en el consultorio?"),
    ("salud", "@AytoJun @ConsultorioJun ¿cuándo es la vacunación de la gripe para mayores de"
              " 65?"),
    ("salud", "@AytoJun ¿el pediatra viene mañana? Mi niña tiene fiebre desde ayer"),
    ("salud", "@AytoJun necesito que me renueven la receta de mi padre, ¿tengo que ir en"
              " persona al consultorio?"),
    ("educacion", "@AytoJun ¿cuál es el menú del comedor de esta semana?{emoji}"),
    ("educacion", "@AytoJun @ColegioJun ¿qué hay hoy de comer en el comedor del colegio?"),
    ("educacion", "@AytoJun ¿cuándo se abre la matrícula de infantil de 3 años?"),
    ("educacion", "@AytoJun la calefacción del colegio no funciona y los niños están con el"
                  " abrigo puesto en clase"),
    ("educacion", "@AytoJun ¿a qué hora sale mañana el autobús escolar para el instituto?"),
    ("suministros", "@AytoJun no sale agua del grifo en {calle} desde las {hora}, ¿hay corte"
                    " programado?"),
    ("suministros", "@AytoJun hay una fuga de agua en {calle}, sale agua del suelo desde hace"
                    " horas"),
    ("suministros", "@AytoJun la luz va y viene en {calle} desde las {hora}, ¿sabéis algo?"),
    ("atencion", "@AytoJun ¿cómo me empadrono? Me acabo de mudar a {calle}"),
    ("atencion", "@AytoJun necesito un certificado de empadronamiento para el banco, ¿se puede"
                 " pedir por internet?"),
    ("atencion", "@AytoJun ¿cuándo vence el plazo para pagar el IBI este año?"),
    ("atencion", "@AytoJun ¿cuál es el horario del ayuntamiento por las tardes?"),
    ("atencion", "Hola @AytoJun, quiero verificar mi cuenta para hacer trámites por aquí"),
    ("atencion", "@AytoJun ¿la sede electrónica no funciona? Me da error al firmar"),
    ("atencion", "@AytoJun ¿cuándo abren las inscripciones de la piscina municipal?"),
    ("alcaldia", "@AytoJun @AlcaldeJun ¿cuándo nos va a recibir a los vecinos de {calle}?"),
    ("alcaldia", "@AytoJun ¿cuándo es el próximo pleno? Quiero asistir"),
    ("alcaldia", "@AytoJun señor alcalde, el pueblo necesita una residencia de mayores"),
]
THANKS = ["@AytoJun ¡muchas gracias! Ya está arreglado 👏", "Gracias @AytoJun, qué rápido",
          "@AytoJun da gusto cómo os ocupáis de todo ❤️", "Buenos días Jun ☀️ @AytoJun",
          "@AytoJun enhorabuena al pueblo por el premio de transparencia 🎉"]
SPAM = ["@AytoJun GANA DINERO DESDE CASA 💰💰 entra en mi perfil 👉 bit.ly/xxxx",
        "@AytoJun sigue a @ofertas_top para ganar un iPhone 📱📱📱",
        "@AytoJun <script>alert('hola')</script> <b>mira esto</b> javascript:void(0)"]
EMOJI_ONLY = ["@AytoJun 😡😡😡", "@AytoJun 🙏🙏", "@AytoJun 🚮🚮🚮 🤢", "@AytoJun 💡❌"]
CAMPAIGN = ["@AytoJun otra vez sin luz en {calle} #EndesaMeEstresa",
            "@AytoJun llevamos {n} horas sin luz, se nos estropea todo lo del congelador"
            " #EndesaMeEstresa",
            "Apagón en todo Jun, ¿sabéis cuándo vuelve? @AytoJun #SinLuz #EndesaMeEstresa",
            "#EndesaMeEstresa tercer corte de luz esta semana y nadie da explicaciones @AytoJun",
            "@AytoJun @Endesa sin luz en {calle} con los niños haciendo deberes a oscuras"
            " #EndesaMeEstresa",
            "#EndesaMeEstresa 😤😤 @AytoJun", "@AytoJun ¿alguien sabe algo? {calle} a oscuras"
            " #EndesaMeEstresa"]
SPECIAL = [
    # a doctor's appointment asked in public, with a DNI and a phone number
    ("salud", "@AytoJun necesito cita con el médico para mañana, soy {nombre}, DNI {dni},"
              " mi teléfono 654 321 987. Tengo fiebre desde el lunes"),
    ("policia", "@AytoJun @PoliciaJun URGENTE: una furgoneta gris ha parado en la puerta del"
                " colegio y dos hombres preguntan por los niños. Matrícula tapada"),
    ("educacion", "@AytoJun @ColegioJun el menú del comedor de hoy pone pescado pero a mi hijo"
                  " le han dado huevo y es alérgico, por favor revisadlo"),
    ("obras", "@AytoJun ‏مرحبا، مصباح الشارع في {calle} لا يعمل منذ أيام. شكرا"),
]
PHOTO_LINE = "Os paso foto del bache de {calle}"  # a DM that says it sends a photo has one
DM_OPENERS: list[tuple[str, list[str]]] = [
    ("salud", ["Hola, os escribo por aquí para la cita del médico. Mi DNI es {dni}",
               "Sería para el jueves por la mañana si puede ser", "Muchas gracias"]),
    ("atencion", ["Buenas, ¿me podéis mandar el certificado de empadronamiento a mi correo?",
                  "Es pepa.ruiz@correo.es", "Gracias!"]),
    ("policia", ["Prefiero no ponerlo en público: mi vecino deja al perro atado en la terraza"
                 " todo el día sin agua", "Es en {calle}, el número {n}"]),
    ("obras", [PHOTO_LINE, "Está justo delante del número {n}"]),
    ("limpieza", ["¿Podéis recoger unos muebles en {calle}? Son un armario y dos sillas"]),
    ("suministros", ["Me ha llegado una factura del agua de 300 euros, ¿me podéis ayudar?",
                     "El contador es el de la casa de mi madre, en {calle}"]),
    ("educacion", ["Mi hijo tiene alergia al huevo, ¿cómo lo comunico al comedor?",
                   "Gracias por responder tan rápido"]),
    ("atencion", ["Quiero verificar mi cuenta con el ayuntamiento, ¿qué tengo que hacer?",
                  "Vale, mañana paso por la oficina con el DNI"]),
]


def _people(rng: random.Random, count: int) -> list[User]:
    users: list[User] = []
    seen: set[str] = set()
    while len(users) < count:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        base = (first.split()[0] + "_" + last).lower()
        base = base.translate(str.maketrans("áéíóúñü", "aeiounu"))
        handle = f"{base}{rng.randint(1, 99)}"[:15]
        if handle in seen:
            continue
        seen.add(handle)
        user_id = str(1_300_000_000_000_000_000 + len(users) * 7919 + rng.randint(0, 7000))
        users.append(User(user_id, handle, f"{first} {last}", verified=rng.random() < 0.08))
    return users


def _dni(rng: random.Random) -> str:
    number = rng.randint(10_000_000, 79_999_999)
    return f"{number}{'TRWAGMYFPDXBNJZSQVHLCKE'[number % 23]}"


def _fill(template: str, rng: random.Random, user: User) -> str:
    return template.format(calle=rng.choice(STREETS), n=rng.randint(1, 60),
                           hora=f"{rng.randint(7, 23)}:{rng.choice(['00', '15', '30', '45'])}",
                           emoji=rng.choice(EMOJI), nombre=user.name, dni=_dni(rng))


def build_scenario(seed: int = 2026, *, citizens: int = 90, scale: int = 1,
                   start: datetime = DAY, extras: bool = True, spike: int = 1,
                   moderation: bool = True, staff: bool = True) -> Scenario:
    """The day: ≥300 mentions, ≥60 DM conversations, a campaign spike, threads; then, in
    its last minutes, what real X also sends (``extras``: edited tweets, quotes, retweets,
    videos and GIFs, a reply to a deleted tweet).

    ``moderation``: the town's own posts with replies under them, some abusive or spam
    (see moderation_day).

    ``staff``: the town's staff accounts, their mentions and replies, and what is said
    about Jun without its handle (see staff_day; issue 27).

    ``scale`` multiplies the ordinary traffic (benchmarks use bigger days); ``start`` is
    when the day begins (the sandbox lays it on the wall clock); ``spike`` multiplies the
    #EndesaMeEstresa hour (and brings that many more people from outside the town's usual
    writers, as a trending hashtag does).
    """
    rng = random.Random(seed)
    desk = User(DESK_ID, DESK_HANDLE, "Ayuntamiento de Jun", verified=True)
    people = _people(rng, citizens * max(1, scale) + 60 * (max(1, spike) - 1))
    ids = IdMaker()
    length = DAY_LENGTH
    pending: list[tuple[datetime, str, str, int | None]] = []  # when, author, text, reply-to

    def at(minutes: float) -> datetime:
        return start + timedelta(minutes=minutes)

    for _ in range(190 * scale):
        user = rng.choice(people)
        _dept, template = rng.choice(MENTIONS)
        pending.append((at(rng.uniform(0, length.total_seconds() / 60)), user.id,
                        _fill(template, rng, user), None))
    for texts, n in ((THANKS, 10), (SPAM, 6), (EMOJI_ONLY, 4)):
        for _ in range(n * scale):
            pending.append((at(rng.uniform(0, 890)), rng.choice(people).id, rng.choice(texts),
                            None))
    for _dept, template in SPECIAL:
        user = rng.choice(people)
        pending.append((at(rng.uniform(60, 600)), user.id, _fill(template, rng, user), None))
    long_text = ("@AytoJun Os escribo porque ya no sé a quién acudir. " + " ".join(
        f"El día {d} volvió a pasar lo mismo en {rng.choice(STREETS)}: la farola apagada, el"
        f" contenedor lleno y el bache sin tapar." for d in range(1, 13)))
    for _ in range(3):
        pending.append((at(rng.uniform(100, 800)), rng.choice(people).id, long_text, None))
    # #EndesaMeEstresa: a power cut at 19:00 and 110 mentions in the hour that follows.
    campaigners = rng.sample(people, min(len(people), 70 * max(1, spike)))
    for _ in range(110 * scale * max(1, spike)):
        user = rng.choice(campaigners)
        pending.append((at(720 + rng.uniform(0, 60)), user.id,
                        _fill(rng.choice(CAMPAIGN), rng, user), None))

    tweets = [Tweet(0, author, text, when, 0) for when, author, text, _reply in pending]
    # Threads: some citizens add to their own earlier message later in the day.
    followups = ["@AytoJun sigue igual, ¿alguien lo ha visto?", "@AytoJun ¿alguna novedad?",
                 "@AytoJun ya van dos días así", "@AytoJun adjunto foto 📷"]
    parents: dict[int, Tweet] = {}  # id(reply) → the tweet it answers
    for parent in rng.sample(tweets[:200], 25):
        when = parent.created_at + timedelta(minutes=rng.uniform(20, 180))
        if when < start + length:
            reply = Tweet(0, parent.author_id, rng.choice(followups), when, 0,
                          in_reply_to_user_id=parent.author_id,
                          media_keys=["3_media"] if rng.random() < 0.5 else [])
            parents[id(reply)] = parent
            tweets.append(reply)
    tweets.sort(key=lambda t: t.created_at)
    for tweet in tweets:  # ids in time order, as X's snowflakes are
        tweet.id = ids.next(tweet.created_at)
        tweet.conversation_id = tweet.id
    for tweet in tweets:
        answered = parents.get(id(tweet))
        if answered is not None:
            tweet.in_reply_to_id = answered.id
            tweet.conversation_id = answered.conversation_id
            tweet.media_keys = [f"3_{tweet.id}"] if tweet.media_keys else []

    dms: list[DmEvent] = []
    dm_people = rng.sample(people, min(len(people), 62 * max(1, scale)))
    for n, user in enumerate(dm_people):
        _dept, lines = DM_OPENERS[n % len(DM_OPENERS)]
        when = at(rng.uniform(0, 840))
        conversation = f"{min(int(user.id), int(DESK_ID))}-{max(int(user.id), int(DESK_ID))}"
        for line in lines[: rng.randint(1, len(lines))]:
            dms.append(DmEvent(0, user.id, DESK_ID, _fill(line, rng, user), when, conversation,
                               media_keys=["3_photo"] if line == PHOTO_LINE else []))
            when += timedelta(minutes=rng.uniform(1, 30))
    dms.sort(key=lambda d: d.created_at)
    for event in dms:
        event.id = ids.next(event.created_at)
        event.media_keys = [f"3_{event.id}"] if event.media_keys else []
    if dms:  # the day's first DM brings a photo (served only with OAuth, as X's are)
        dms[0].media_keys = [f"3_{dms[0].id}"]

    users = {u.id: u for u in [desk, *people]}
    scenario = Scenario(desk, users, tweets, dms, ids, start, length)
    if extras:
        add_extras(scenario, random.Random(seed + 1))
    if moderation:
        add_moderation_day(scenario, random.Random(seed + 2))
    if staff:
        add_staff_day(scenario, random.Random(seed + 3))
    return scenario
