"""Condition names for ``resources/health_terms.txt`` from the Spanish ICD-10 (CIE-10).

Source: the PyPI package ``cie`` (MIT, https://github.com/cluster311/cie10), whose
``cie/data/cie-10.zip`` holds the CIE-10 code list in Spanish (descriptions scraped from
icdcode.info's Spanish CIE-10 by @verasativa, plus Chile's DEIS codes). Not a dependency of
the desk: a developer installs it (``pip install cie==0.208``) to refresh the list.

The first word of every description (``Asma …``, ``Fractura de …``, ``Epilepsia …``) is a
candidate; kept when it names a condition, an injury or a treatment (medical endings
-itis, -osis, -oma, -emia, -patia, -plejia, -iasis… or the hand-checked KEEP list) and is not
a word with an everyday meaning in a citizen's message to a town hall (DROP: *gota*,
*peste*, *rabia*, *coma*, *fisura*, *obstrucción*, *desprendimiento*, *retención*…).

    python -m scripts.health_terms_cie10 [--zip PATH] > /tmp/cie10_terms.txt
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import zipfile
from pathlib import Path

from jun_desk.domain.text import fold

ENDINGS = ("itis", "osis", "oma", "omas", "emia", "emias", "patia", "patias", "plejia",
           "iasis", "algia", "penia", "trofia", "rrea", "ismo", "ectomia", "cele")
KEEP = frozenset({
    "tumor", "traumatismo", "sindrome", "fractura", "hemorragia", "herida", "quemadura",
    "carcinoma", "malformacion", "dermatitis", "amputacion", "anemia", "absceso", "fiebre",
    "luxacion", "neumonia", "tuberculosis", "hernia", "quiste", "hepatitis", "meningitis",
    "artritis", "encefalitis", "leucemia", "displasia", "parto", "infarto", "embolia",
    "fistula", "artropatia", "esguinces", "otitis", "sifilis", "fracturas", "melanoma",
    "contusion", "linfoma", "paralisis", "osteoporosis", "tumores", "quemaduras",
    "demencia", "heridas", "atrofia", "bronquitis", "inmunodeficiencia", "septicemia",
    "aneurisma", "embarazo", "edema", "catarata", "hipertension", "ictericia", "diabetes",
    "paludismo", "conjuntivitis", "polineuropatia", "glaucoma", "hipoacusia", "fibrosis",
    "cardiomiopatia", "sinusitis", "hemorroides", "varices", "pericarditis", "ulcera",
    "miocarditis", "urticaria", "hidrocefalo", "linfadenitis", "alopecia", "influenza",
    "celulitis", "sepsis", "peritonitis", "esquizofrenia", "neuropatia", "esclerosis",
    "artrosis", "flebitis", "enfisema", "endometriosis", "pancreatitis", "acne",
    "desnutricion", "tiroiditis", "lepra", "candidiasis", "bocio", "endocarditis",
    "sarampion", "infertilidad", "escoliosis", "tendinitis", "bursitis", "estrabismo",
    "ataxia", "hipotiroidismo", "faringitis", "colitis", "lupus", "trombosis", "herpes",
    "gastritis", "obesidad", "epilepsia", "rinitis", "laringitis", "caries", "psoriasis",
    "poliomielitis", "tifus", "asfixia", "hipotension", "cistitis", "difteria", "isquemia",
    "mesotelioma", "micosis", "ceguera", "parkinsonismo", "migrana", "amigdalitis",
    "apendicitis", "asma", "taquicardia", "cefalea", "colera", "hemiplejia", "miastenia",
    "bronquiolitis", "nefritis", "aborto", "incontinencia", "hipotermia", "intoxicacion",
    "sarcoma", "trasplante", "convalecencia", "mordedura", "tos", "prurito", "inflamacion",
    "desgarro", "necrosis", "tumefaccion", "ahogamiento", "insolacion", "varicela",
    "rubeola", "parotiditis", "tetanos",
})
DROP = frozenset({
    "gota", "peste", "rabia", "coma", "corea", "colera", "tina", "fisura", "obstruccion",
    "perforacion", "desprendimiento", "retencion", "bloqueo", "aspiracion", "agotamiento",
    "abuso", "dificultad", "retardo", "retraso", "torsion", "deformidad", "defecto",
    "ausencia", "perdida", "estrechez", "oclusion", "corrosion", "congelamiento",
    "envenenamiento", "deficiencia", "insuficiencia", "choque", "muerte", "sintomas",
    "afeccion", "afecciones", "alteraciones", "anomalias", "lesion", "lesiones", "dosis",
    "prolapso", "ruptura", "caida", "accidente", "agresion", "dolor", "estado", "nivel",
    "reaccion", "problema", "problemas", "otras", "otros", "otra", "otro", "cambios",
    "exceso", "goma", "cromosoma", "cromosomas", "nerviosismo",
})
# Sexual preferences and gender identity listed by the old ICD-10 (F64-F65) are no health
# detail to warn about; exhibitionism and voyeurism in a message are matters for the police.
NOT_CONDITIONS = frozenset({
    "exhibicionismo", "fetichismo", "sadomasoquismo", "voyeurismo", "transexualismo",
    "transvestismo", "hermafroditismo", "seudohermafroditismo",
})


def candidates(rows: list[dict[str, str]]) -> list[str]:
    seen: dict[str, None] = {}
    for row in rows:
        words = re.findall(r"[a-z]+", fold(row["description"]))
        if not words:
            continue
        word = words[0]
        if len(word) < 4 or word in DROP or word in NOT_CONDITIONS:
            continue
        if word in KEEP or word.endswith(ENDINGS):
            seen.setdefault(word, None)
    return sorted(seen)


def read_rows(path: Path | None) -> list[dict[str, str]]:
    if path is None:
        try:
            import cie  # the package's folder holds the data
        except ImportError:
            raise SystemExit("needs the cie package (pip install cie==0.208) or --zip PATH") \
                from None
        path = Path(cie.__file__).parent / "data" / "cie-10.zip"
    with zipfile.ZipFile(path) as z, z.open("cie-10.csv") as fh:
        return list(csv.DictReader(io.TextIOWrapper(fh, encoding="utf-8")))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--zip", type=Path, help="cie/data/cie-10.zip of the cie package")
    args = ap.parse_args(argv)
    for word in candidates(read_rows(args.zip)):
        print(word)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
