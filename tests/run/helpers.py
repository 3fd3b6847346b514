"""Helpers of the corpus-run tests: a small corpus in every input format, CLI subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ingest.helpers import build_pdf  # one hand-written PDF builder for all tests

FULL = ("GENEVA, 5 December 2023 - Ms. Izumi Nakamitsu, Under-Secretary-General and High "
        "Representative for Disarmament Affairs of the United Nations, opened the Conference on "
        "Disarmament Issues in Geneva on 4 December 2023. The Conference was organized by the "
        "United Nations Office for Disarmament Affairs (UNODA).\n")
SHORT = ("VIENNA, 7 March 2024 - Ms. Nakamitsu met with Ambassador Dong-yeol Rhee in Vienna, "
         "Austria on 6 March 2024. Ms. Nakamitsu said the meeting was useful.\n")
MD = ("# Acme opens a plant\n\nBERLIN, 3 May 2024 - Acme Corp named Ann Lee chief executive officer. "
      "Ann Lee will open the new plant in Berlin, Germany on 10 June 2024.\n")
HTML = ("<!DOCTYPE html><html><head><title>Summit in Seoul</title></head><body><nav>Home | News</nav>"
        "<article><h1>Summit in Seoul</h1><p>SEOUL, 9 September 2024 - The Government of the Republic "
        "of Korea hosted the REAIM Summit in Seoul on 9 September 2024.</p></article></body></html>\n")
PDF_LINES = ["TOKYO, 2 February 2024 - Mr. Kenji Sato, Director of the Tokyo Institute,",
             "visited the Japan Science Forum in Tokyo on 1 February 2024."]
JSONL = [
    {"id": "wire-1", "text": "PARIS, 4 April 2024 - Marie Dupont, Mayor of Lyon, opened the Lyon "
                             "Innovation Fair in Lyon, France on 4 April 2024."},
    {"id": "wire-2", "title": "Talks in Nairobi", "date": "2024-05-06",
     "text": "NAIROBI, 6 May 2024 - Grace Wanjiru, Minister of Trade of Kenya, met business leaders "
             "in Nairobi."},
]


def write_corpus(root: Path) -> Path:
    """Every input format, a nested folder, and HTML saved as .txt (format from content)."""
    files = {
        "full.txt": FULL,
        "short.txt": SHORT,
        "news/plant.md": MD,
        "news/deep/summit.html": HTML,
        "disguised.txt": HTML.replace("Summit in Seoul", "Forum in Busan").replace("REAIM Summit", "Busan Forum")
                                  .replace("in Seoul", "in Busan").replace("SEOUL", "BUSAN"),
        "wire.jsonl": "".join(json.dumps(r) + "\n" for r in JSONL),
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "news" / "visit.pdf").write_bytes(build_pdf(PDF_LINES))
    return root


#: The document ids of :func:`write_corpus`.
DOC_IDS = ["disguised", "full", "plant", "short", "summit", "visit", "wire-1", "wire-2"]



def run_cli(*args: str, env: dict | None = None, timeout: float = 120, **popen) -> subprocess.CompletedProcess:
    """Run ``kgextract`` in a fresh Python process."""
    return subprocess.run([sys.executable, "-c", "from kgextract.cli import main; main()", *args],
                          capture_output=True, text=True, timeout=timeout, env={**os.environ, **(env or {})},
                          **popen)


def popen_cli(*args: str, env: dict | None = None) -> subprocess.Popen:
    """Start ``kgextract`` in a new process group (so it can be killed with its workers)."""
    return subprocess.Popen([sys.executable, "-c", "from kgextract.cli import main; main()", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, **(env or {})},
                            start_new_session=True)
