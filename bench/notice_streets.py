"""How well a notice's street finds the messages that name it, on real citizens' texts.

Reads the triage corpus (public Madrid open data: Avisos Madrid notices, Decide Madrid
proposals and comments; ``/work/shared/triage-corpus`` or ``JUN_DESK_TRIAGE_CORPUS``), takes
every text that names a street as "calle X", "c/ X", "avenida X", "avda. X", "plaza X"
(X: the capitalised words after it), and asks ``domain.notices.names_street`` whether the
text names that street when the notice writes it in each of the usual forms. Prints:

* recall per written form (the same street written as the citizen did, as "Calle X",
  "C/ X", or the bare name);
* how many of the corpus's texts a notice for each street matches (a crude measure of
  over-matching: a notice on "Calle Mayor" should find the few texts about it, not
  hundreds), median and worst.

    .venv/bin/python bench/notice_streets.py [--corpus PATH]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jun_desk.domain.notices import names_street
from jun_desk.shared_material import TRIAGE_CORPUS

# The kind in any case; the name's words capitalised, linked by "de", "del", "la"...
_STREET = re.compile(
    r"\b((?i:calle|c/|avenida|avda\.?|plaza|paseo))\s*((?:(?:de|del|la|las|los|el)\s+)*"
    r"[A-ZÁÉÍÓÚÑ][\wáéíóúñü]+(?:\s+(?:(?:de|del|la|las|los|el)\s+)*[A-ZÁÉÍÓÚÑ][\wáéíóúñü]+)*)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=TRIAGE_CORPUS.path())
    args = parser.parse_args()
    if args.corpus is None:
        sys.exit(f"not found: {TRIAGE_CORPUS.where()}")
    texts = [json.loads(line)["text"] for line in args.corpus.read_text("utf-8").splitlines()
             if line.strip()]
    pairs = []
    for text in texts:
        for found in _STREET.finditer(text):
            name = found.group(2)
            if not name.isupper():  # a proper name, not a text written in capitals
                pairs.append((text, found.group(1), name))
    print(f"corpus: {len(texts)} texts; {len(pairs)} street mentions found by the pattern "
          f"in {len({t for t, _, _ in pairs})} texts")
    forms = {"as the citizen wrote it": lambda kind, name: f"{kind} {name}",
             "Calle X": lambda kind, name: f"Calle {name}",
             "C/ X": lambda kind, name: f"C/ {name}",
             "the bare name": lambda kind, name: name}
    for label, form in forms.items():
        hits = sum(names_street(text, form(kind, name)) for text, kind, name in pairs)
        print(f"recall, notice written {label}: {hits}/{len(pairs)} = "
              f"{100 * hits / len(pairs):.1f} %")
    streets = sorted({name for _, _, name in pairs})
    started = time.perf_counter()
    counts = [sum(names_street(text, f"Calle {name}") for text in texts) for name in streets]
    took = time.perf_counter() - started
    worst = sorted(zip(counts, streets, strict=True), reverse=True)[:5]
    print(f"texts matched by a notice, over {len(streets)} streets: median "
          f"{statistics.median(counts):.0f}, mean {statistics.mean(counts):.1f}, worst "
          + ", ".join(f"{name!r} {count}" for count, name in worst))
    print(f"matching: {1e6 * took / (len(streets) * len(texts)):.1f} µs per text and street")


if __name__ == "__main__":
    main()
