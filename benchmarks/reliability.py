"""Reliability: a corpus of bad files plus N good releases through the real ``kgextract extract``.

Builds, in a temporary folder, the bad-file corpus of the reliability tests
(``tests/reliability/badfiles.py``: empty, whitespace only, binary, invalid
UTF-8, UTF-16 with BOM, Latin-1, a 20 MB text, HTML nested 50,000 deep,
script-laden and malformed HTML, a malformed PDF, bad JSON Lines records, a
FIFO, symlink loops) and N good releases from ``corpus/`` and
``../shared/corpus`` (cycled, each copy with its own id and closing
sentence). Then:

1. one clean run (``-o all.nq --output-dir docs``): the problems reported, by
   code; bad files that went unreported; documents lost (a good or
   recoverable document whose graph is missing from the per-document files
   or from the merged graph; must be 0); the exit status (3 expected);
2. if runs are resumable (``--no-cache`` is offered), K kill/re-run cycles:
   a run is killed (SIGKILL) once it has written about i*N/(K+1) files, then
   run again; at the end the files must equal the clean run's byte for byte,
   with no temporary file left.

3. the attacks of the red-team pass (issue 16; ``red_team.py``): hostile
   queries against ``kgextract serve`` and ``kgextract query``, pathological
   inputs under ``--time-limit``, disk states that used to lose documents;
   the table says, per attack, whether kgextract survived and how many
   documents were lost (must be 0).

    python benchmarks/reliability.py [--good 12] [--kills 4] [--no-big] [--json out.json]
    python benchmarks/reliability.py --attacks-only [--attack endpoint]

>>> build_releases([("a", "Acme names Ann Lee CEO.")], 2)[1][0]
'a-0001'
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from common import REPO, default_shared, markdown_table, write_json
from red_team import render_attacks, run_attacks


def _load_badfiles():
    """``tests/reliability/badfiles.py``, loaded from its file (this script is also called reliability)."""
    name = "kgx_reliability_badfiles"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "tests" / "reliability" / "badfiles.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


badfiles = _load_badfiles()
write_bad_corpus, Case = badfiles.write_bad_corpus, badfiles.Case

__all__ = ["build_releases", "problems", "clean_run", "crash_cycles", "main"]

_LINE = re.compile(r"^(error|warning): \[([EW]\d{3})\] (.*)$")
_GRAPH = "https://w3id.org/kgextract/id/graph/"


def kgextract() -> list[str]:
    script = Path(sys.executable).parent / "kgextract"
    return [str(script)] if script.is_file() else [sys.executable, "-c", "from kgextract.cli import main; main()"]


def build_releases(sources: Sequence[tuple[str, str]], n: int) -> list[tuple[str, str]]:
    """``n`` distinct ``(id, text)`` releases cycled from ``sources``."""
    out = []
    for i in range(n):
        sid, text = sources[i % len(sources)]
        out.append((f"{sid}-{i:04d}", f"{text.rstrip()}\n\nReference KGX-{i:04d}: {17 + i * 37 % 983} copies.\n"))
    return out


def source_texts(*folders: Path) -> list[tuple[str, str]]:
    seen, out = set(), []
    for folder in folders:
        for path in sorted(Path(folder).glob("*.txt")) if Path(folder).is_dir() else []:
            text = path.read_text(encoding="utf-8")
            if text not in seen:
                seen.add(text)
                out.append((path.stem, text))
    return out


def problems(stderr: str) -> list[tuple[str, str, str]]:
    """``(level, code, message)`` of each problem line printed by ``kgextract extract``."""
    return [m.groups() for m in map(_LINE.match, stderr.splitlines()) if m]


def env() -> dict[str, str]:
    import os

    out = {**os.environ, "COLUMNS": "400", "NO_COLOR": "1"}
    out.pop("KGEXTRACT_CRASH_AT", None)
    return out


def args(corpus: Path, root: Path, *more) -> list[str]:
    return ["extract", str(corpus), "-o", str(root / "all.nq"), "--output-dir", str(root / "docs"), "-f", "nquads",
            "-q", *map(str, more)]


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".kgx-cache" not in p.as_posix() and "manifest.json" not in p.name}


def temp_files(root: Path) -> int:
    return sum(1 for p in root.rglob("*") if p.name.endswith(".tmp"))


def graphs_in(path: Path) -> set[str]:
    """Document ids of the named graphs of an N-Quads file."""
    found = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.search(r"<" + re.escape(_GRAPH) + r"([^>]*)> \.$", line)
        if m:
            found.add(m.group(1))
    return found


def clean_run(corpus: Path, root: Path, cases, timeout: float) -> dict:
    started = time.monotonic()
    proc = subprocess.run(kgextract() + args(corpus, root), capture_output=True, text=True, env=env(),
                          timeout=timeout, stdin=subprocess.DEVNULL)
    seconds = time.monotonic() - started
    found = problems(proc.stderr)
    by_code = collections.Counter(code for _, code, _ in found)
    unreported = [c.name for c in cases if c.outcome in ("error", "warning")
                  and not any(str(corpus / c.name) in msg and code in c.codes for _, code, msg in found)]
    wanted = {c.doc_id for c in cases if c.doc_id}
    files = {p.stem for p in (root / "docs").glob("*.nq")}
    merged = graphs_in(root / "all.nq") if (root / "all.nq").exists() else set()
    lost = sorted(wanted - (files & merged))
    return {"status": proc.returncode, "seconds": round(seconds, 2), "problems": len(found),
            "by_code": dict(sorted(by_code.items())), "unreported": unreported, "expected": len(wanted),
            "in_output": len(wanted & files & merged), "lost": lost, "tracebacks": proc.stderr.count("Traceback"),
            "temp_files": temp_files(root)}


def _run_and_kill(corpus: Path, root: Path, files: int, timeout: float) -> bool:
    cmd = kgextract() + args(corpus, root, "--batch-size", 1)
    proc = subprocess.Popen(cmd, env=env(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    if files == 0:
        time.sleep(0.3)  # the model is loading: kill now
    while files and proc.poll() is None and time.monotonic() < deadline:
        if files and sum(1 for _ in (root / "docs").glob("*.nq")) >= files:
            break
        time.sleep(0.005)
    killed = proc.poll() is None
    if killed:
        proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    return killed and proc.returncode == -signal.SIGKILL


def crash_cycles(corpus: Path, root: Path, reference: Path, n_docs: int, kills: int, timeout: float) -> dict:
    started = time.monotonic()
    points = [round(i * n_docs / (kills + 1)) for i in range(kills)]  # 0: while the model loads
    hit = [k for k in points if _run_and_kill(corpus, root, k, timeout)]
    final = subprocess.run(kgextract() + args(corpus, root), capture_output=True, text=True, env=env(),
                           timeout=timeout, stdin=subprocess.DEVNULL)
    want, got = tree(reference), tree(root)
    same = sorted(want) == sorted(got) and all(want[k] == got[k] for k in want)
    return {"points": points, "killed": len(hit), "identical": same, "final_status": final.returncode,
            "temp_files": temp_files(root), "seconds": round(time.monotonic() - started, 2)}


def resumable() -> bool:
    out = subprocess.run(kgextract() + ["extract", "--help"], capture_output=True, text=True, env=env())
    return "--no-cache" in out.stdout


def render(inputs: int, n_bad: int, clean: dict, crash: dict | None) -> str:
    errors = {k: v for k, v in clean["by_code"].items() if k.startswith("E")}
    warnings = {k: v for k, v in clean["by_code"].items() if k.startswith("W")}
    rows = [
        ["inputs tried", f"{inputs} ({n_bad} bad-file cases, {inputs - n_bad} good releases)"],
        ["errors reported (by code)", ", ".join(f"{k}×{v}" for k, v in errors.items()) or "none"],
        ["warnings reported (by code)", ", ".join(f"{k}×{v}" for k, v in warnings.items()) or "none"],
        ["bad files not reported", len(clean["unreported"])],
        ["documents expected in the output", clean["expected"]],
        ["documents lost", len(clean["lost"])],
        ["exit status (3 = partial)", clean["status"]],
        ["tracebacks on stderr", clean["tracebacks"]],
        ["temporary files left", clean["temp_files"]],
        ["wall time, clean run (s)", f"{clean['seconds']:.1f}"],
    ]
    if crash is None:
        rows.append(["crash points survived", "not run (--kills 0, or runs are not resumable)"])
    else:
        rows += [
            ["crash points survived (SIGKILL, re-run)",
             f"{crash['killed'] if crash['identical'] else 0}/{len(crash['points'])} (killed after "
             + ", ".join(f"{k} files" if k else "start-up" for k in crash["points"]) + ")"],
            ["output after re-run identical to clean run", "yes" if crash["identical"] else "NO"],
            ["temporary files left after crashes", crash["temp_files"]],
            ["wall time, kill/re-run cycles (s)", f"{crash['seconds']:.1f}"],
        ]
    return markdown_table(["measure", "value"], rows)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--good", type=int, default=12, help="good releases added to the bad files (default 12)")
    ap.add_argument("--kills", type=int, default=4, help="kill/re-run cycles (0: none; default 4)")
    ap.add_argument("--no-big", action="store_true", help="leave out the 20 MB file")
    ap.add_argument("--shared", type=Path, default=default_shared(), help="the folder holding corpus/")
    ap.add_argument("--timeout", type=float, default=600, help="seconds one run may take")
    ap.add_argument("--json", type=Path, help="also write the results as JSON")
    ap.add_argument("--attacks-only", action="store_true", help="only the red-team attacks (issue 16)")
    ap.add_argument("--no-attacks", action="store_true", help="leave the red-team attacks out")
    ap.add_argument("--attack", action="append", help="only attacks whose name contains this (repeatable)")
    opts = ap.parse_args(argv)
    attacks = None if opts.no_attacks else run_attacks(opts.attack)
    if opts.attacks_only:
        print(render_attacks(attacks))
        write_json(opts.json, {"attacks": [{"attack": n, **vars(o)} for n, o in attacks]})
        return 0 if all(o.survived and not o.lost for _, o in attacks) else 1

    sources = source_texts(REPO / "corpus", opts.shared / "corpus")
    if not sources:
        print("no releases found in corpus/ or --shared/corpus", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="kgx-reliability-") as tmp:
        tmp = Path(tmp)
        corpus = tmp / "in"
        cases = write_bad_corpus(corpus, big=not opts.no_big)
        n_bad = sum(1 for c in cases if not c.name.startswith("good-"))
        good = build_releases(sources, opts.good)
        for doc_id, text in good:
            (corpus / "releases").mkdir(exist_ok=True)
            (corpus / "releases" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        cases += [Case(f"releases/{i}.txt", "ok", doc_id=i) for i, _ in good]
        clean = clean_run(corpus, tmp / "clean", cases, opts.timeout)
        crash = None
        if opts.kills and resumable():
            crash = crash_cycles(corpus, tmp / "crash", tmp / "clean", len([c for c in cases if c.doc_id]),
                                 opts.kills, opts.timeout)
    print(render(len(cases), n_bad, clean, crash))
    print()
    print(markdown_table(["code", "count"], sorted(clean["by_code"].items())))
    if clean["lost"] or clean["unreported"]:
        print(f"\nlost: {clean['lost']}\nunreported: {clean['unreported']}")
    if attacks is not None:
        print()
        print(render_attacks(attacks))
    write_json(opts.json, {"clean": clean, "crash": crash, "inputs": len(cases), "bad_cases": n_bad,
                           "attacks": [{"attack": n, **vars(o)} for n, o in attacks or []]})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
