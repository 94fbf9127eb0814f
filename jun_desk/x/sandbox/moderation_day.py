"""The town's own posts of the day and the replies under them, including what a moderator
meets: insults (some disguised), a threat, hate, spam from brand-new accounts with X's
default avatar (the same text several times), advertising and a neighbour's phone number.
Most replies are ordinary questions and complaints, and one insult also reports a problem
(the desk must still turn it into a ticket).

Everything is invented. Ids use their own sequence bits, so the rest of the day keeps its
ids; the replies mention the town (as X writes a reply's handle in front), so they are
mentions like any other.
"""

from __future__ import annotations

import random
from datetime import timedelta

from jun_desk.x.sandbox.ids import snowflake
from jun_desk.x.sandbox.world import Scenario, Tweet, User

_SEQUENCE = 0x300000  # never one of the day's own ids nor of the extras'

# (minutes after the day starts, the town's post)
POSTS = [
    (90, "⚠️ Aviso: mañana martes, corte de agua en calle Real y calle Ancha de 9:00 a 13:00"
         " por obras en la red. Disculpad las molestias."),
    (300, "🍽️ Menú del comedor escolar de esta semana: lunes lentejas, martes pescado al"
          " horno, miércoles pasta, jueves pollo asado, viernes paella."),
    (540, "🎄 El sábado encendemos las luces de Navidad en la Plaza de la Constitución a las"
          " 19:00. ¡Os esperamos!"),
]
# (kind, text) — kind: ok (an ordinary reply), or what a moderator would see
REPLIES: list[tuple[str, str]] = [
    ("ok", "¿El corte afecta también a calle Granada? Tengo a mi madre mayor en casa"),
    ("ok", "Gracias por avisar con tiempo 👏"),
    ("ok", "Otra vez obras en calle Real, ya van tres este mes. A ver si lo dejáis bien"
           " de una vez"),
    ("ok", "¿Y los bares de la plaza podrán abrir sin agua?"),
    ("insult", "sois unos inútiles, cada semana lo mismo"),
    ("insult", "el alcalde es un g1l1p0ll4s y el concejal de obras otro"),
    ("insult_report", "panda de inútiles, la farola de calle Baja número 8 lleva una semana"
                      " apagada y nadie hace nada"),
    ("threat", "como mañana no haya agua os voy a quemar el ayuntamiento"),
    ("ok", "¿El pescado del martes es sin espinas? Mi hijo es pequeño"),
    ("ok", "Mi hija es celíaca, ¿hay menú sin gluten?"),
    ("hate", "fuera los moros del comedor, que coman en su país"),
    ("advertising", "¿Cansado del menú del cole? 🍕 Pizzería Jun: 2x1 los viernes, pide ya"
                    " en www.pizzeriajun.es"),
    ("personal_data", "el teléfono del vecino del 3º es 654 112 233, llamadle vosotros que"
                      " a mí no me coge"),
    ("ok", "¡Qué ganas! ¿Habrá chocolate con churros?"),
    ("ok", "Las luces del año pasado en calle Nueva no funcionaban, revisadlas por favor"),
    ("insult", "vaya panda de payasos, gastando en luces con las calles como están"),
    ("ok", "Menos luces y más arreglar baches, que la avenida de Andalucía da pena"),
]
SPAM = "💰 GANA 300€ AL DÍA desde casa con cripto 👉 bit.ly/jun-gana entra en mi perfil"
SPAM_POSTS = (0, 1, 2)  # the same text under each post


class DefaultAvatarUser(User):
    @property
    def profile_image_url(self) -> str:
        return "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"


def spam_account(n: int) -> User:
    """A brand-new account with X's default avatar."""
    return DefaultAvatarUser(str(1_390_000_000_000_000_000 + n * 104_729),
                             f"ganar_ya_{n}{n * 7 % 10}", "Gana dinero 💰")


def add_moderation_day(scenario: Scenario, rng: random.Random) -> list[Tweet]:
    """The town's posts and the replies under them, added to ``scenario``; returns the
    replies."""
    desk = scenario.desk
    handle = desk.username
    people = scenario.citizens
    counter = iter(range(_SEQUENCE, _SEQUENCE + 1000))
    made: list[Tweet] = []
    replies: list[Tweet] = []

    def tweet(when: timedelta, author: str, text: str, parent: Tweet | None) -> Tweet:
        at = scenario.start + when
        new = Tweet(snowflake(at, next(counter)), author, text, at, 0)
        if parent is None:
            new.conversation_id = new.id
        else:
            new.conversation_id = parent.conversation_id
            new.in_reply_to_id = parent.id
            new.in_reply_to_user_id = parent.author_id
            replies.append(new)
        made.append(new)
        return new

    posts = [tweet(timedelta(minutes=m), desk.id, text, None) for m, text in POSTS]
    per_post = -(-len(REPLIES) // len(posts))
    for n, (_kind, text) in enumerate(REPLIES):
        post = posts[min(n // per_post, len(posts) - 1)]
        author = rng.choice(people)
        offset = (post.created_at - scenario.start) + timedelta(minutes=5 + 4 * (n % per_post))
        tweet(offset, author.id, f"@{handle} {text}", post)
    for n in SPAM_POSTS:
        bot = spam_account(n)
        scenario.users[bot.id] = bot
        post = posts[n]
        tweet(post.created_at - scenario.start + timedelta(minutes=2), bot.id,
              f"@{handle} {SPAM}", post)
    # The town blocked two accounts long ago (on x.com; API v2 only lists blocks).
    scenario.blocked.extend(u.id for u in rng.sample(people, 2))
    scenario.tweets.extend(made)
    scenario.tweets.sort(key=lambda t: t.created_at)
    scenario.ids.seen(max(t.id for t in made))
    return replies
