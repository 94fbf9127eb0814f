"""Which language a citizen wrote in: enough to tell Spanish or English from anything else.

The desk only needs to know whether its Spanish/English model can judge a message, and to
name the language when it cannot. A general identifier (CLD2 bindings 14 MB, lingua
hundreds of MB, langid/py3langid needing numpy) would more than double what triage adds to
the packaged desk for that one question, so this is a small detector of our own: the
writing system first (Arabic, Cyrillic, Greek, Hebrew, Chinese, Japanese, Korean,
Devanagari, Thai, Armenian, Georgian), then, for Latin script, the function words and
letters typical of the languages people in a Spanish town may write in. A message with no
such evidence (a short 'farola apagada', an emoji) counts as Spanish: the model judges it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jun_desk.domain.text import fold

NAMES = {
    "es": ("español", "Spanish"), "en": ("inglés", "English"), "ro": ("rumano", "Romanian"),
    "fr": ("francés", "French"), "pt": ("portugués", "Portuguese"),
    "it": ("italiano", "Italian"), "de": ("alemán", "German"), "ca": ("catalán", "Catalan"),
    "nl": ("neerlandés", "Dutch"), "ar": ("árabe", "Arabic"), "ru": ("ruso", "Russian"),
    "uk": ("ucraniano", "Ukrainian"), "bg": ("búlgaro", "Bulgarian"),
    "el": ("griego", "Greek"), "he": ("hebreo", "Hebrew"), "zh": ("chino", "Chinese"),
    "ja": ("japonés", "Japanese"), "ko": ("coreano", "Korean"), "hi": ("hindi", "Hindi"),
    "th": ("tailandés", "Thai"), "hy": ("armenio", "Armenian"),
    "ka": ("georgiano", "Georgian"), "und": ("sin determinar", "undetermined"),
}

# Unicode ranges → language (the script decides: a message in Arabic script is not one
# the Spanish model can judge, whatever its exact language).
_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("ar", "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"),
    ("ru", "\u0400-\u04ff"), ("el", "\u0370-\u03ff"), ("he", "\u0590-\u05ff"),
    ("ja", "\u3040-\u30ff"), ("ko", "\uac00-\ud7af\u1100-\u11ff"), ("zh", "\u4e00-\u9fff"),
    ("hi", "\u0900-\u097f"), ("th", "\u0e00-\u0e7f"), ("hy", "\u0530-\u058f"),
    ("ka", "\u10a0-\u10ff"),
)
_SCRIPT_RES = tuple((code, re.compile(f"[{ranges}]")) for code, ranges in _SCRIPTS)
_NON_ASCII_LETTER = re.compile(r"[^\x00-\x7f]")
_WORD = re.compile(r"[^\W\d_]+")

_STOPWORDS = {
    "es": "el la los las de del que y en un una por con para no se es al lo como mas pero "
          "sus le ya muy sin sobre esta este hay todo tambien hace desde donde cuando porque "
          "nos estan esto mi me su fue ser ha han hoy calle favor gracias buenas buenos dias "
          "queja ayuntamiento vecinos nadie siempre otra vez",
    "en": "the and of to in is it that for on with this are be at was have not you from "
          "by we they there my our please can will would hello hi thanks thank street "
          "town hall since been has any what when where who how",
    "ro": "si sa nu este sunt pe cu la care ce mai din pentru sau dar fost acest aceasta "
          "ale unei unui lui lor va vom am ati au buna ziua multumesc strada primaria "
          "noastre nostru foarte acum dupa",
    "fr": "le les des du et est une dans pour pas qui sur au avec ce cette sont il elle "
          "nous vous ils mais ou bonjour merci rue mairie tres depuis",
    "pt": "o os as da do das dos e em um uma para com nao que se por mais mas foi sao "
          "esta isso ola obrigado rua camara muito voce",
    "it": "il lo gli della dei delle che e un una per con non sono del alla nella questo "
          "questa ciao grazie via comune molto anche",
    "de": "der die das und ist nicht ein eine zu den mit von auf fur sich dem es ich sie "
          "wir bitte danke strasse gemeinde sehr auch",
    "ca": "els les amb per que una no es hi ha al del dels aquest aquesta molt carrer "
          "ajuntament gracies bon dia",
    "nl": "de het een en van is niet dat op te met voor zijn maar ik wij bedankt straat "
          "gemeente",
}
_INDEX: dict[str, tuple[str, ...]] = {}
for _code, _words in _STOPWORDS.items():
    for _w in _words.split():
        _INDEX[_w] = (*_INDEX.get(_w, ()), _code)
# Letters that give a Latin-script language away (after nothing is folded).
_LETTERS = {"ro": "ăâîșşțţ", "es": "ñ¿¡", "pt": "ãõ", "fr": "œëêè", "de": "ßäöü",
            "ca": "·ŀ", "it": ""}


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    evidence: int  # how many signs backed the answer (0: assumed)

    @property
    def judged(self) -> bool:
        """Whether triage's Spanish/English model can judge the message."""
        return self.code in ("es", "en", "und")

    def name(self, language: str = "es") -> str:
        es, en = NAMES.get(self.code, (self.code, self.code))
        return en if language.startswith("en") else es


_ANY_SCRIPT = re.compile("[" + "".join(ranges for _c, ranges in _SCRIPTS) + "]")
_MARK_OF = {mark: code for code, marks in _LETTERS.items() for mark in marks}
_MARKS = re.compile("[" + re.escape("".join(_MARK_OF)) + "]")


def detect(text: str, folded: str | None = None, words: list[str] | None = None) -> Language:
    """The language of ``text``; Spanish when nothing says otherwise. ``folded``: the
    text already folded (``jun_desk.domain.text.fold``), ``words``: its words
    (``jun_desk.domain.matching.words``), when the caller has them."""
    sample = text[:2000]
    if not _WORD.search(sample):
        return Language("und", 0)
    scores = dict.fromkeys(_STOPWORDS, 0)
    if not sample.isascii():
        if _ANY_SCRIPT.search(sample):
            letters = sum(1 for c in sample if c.isalpha())
            for code, pattern in _SCRIPT_RES:
                found = len(pattern.findall(sample))
                if found and found * 2 >= letters:
                    return Language(code, found)
        for mark in _MARKS.findall(sample.lower()):
            scores[_MARK_OF[mark]] += 2
    index = _INDEX
    if words is None:
        words = _WORD.findall(fold(sample) if folded is None else folded[:2000])
    for word in words[:300]:
        hits = index.get(word)  # (``found`` above is the mark count)
        if hits:
            for code in hits:
                scores[code] += 1
    es, en = scores["es"], scores["en"]
    best, top = ("es", es) if es >= en else ("en", en)
    for code, value in scores.items():
        if value > top:
            best, top = code, value
    if top == 0:
        return Language("es", 0)
    if best in ("es", "en"):
        return Language(best, top)
    # Another language only on clear evidence: more than Spanish and English together
    # scored, and at least two signs (Spanish shares many short words with its neighbours).
    if top >= 2 and top > scores["es"] + scores["en"]:
        return Language(best, top)
    return Language("es" if scores["es"] >= scores["en"] else "en",
                    max(scores["es"], scores["en"]))
