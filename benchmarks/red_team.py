"""The attacks of the red-team pass (issue 16), replayed: does kgextract survive each one?

Each attack builds its input in a temporary folder, runs the real program
(``kgextract serve``, ``query``, ``extract`` in subprocesses; a few disk
states in this process) and checks the promise it tests: the endpoint still
answers an ordinary query within 2 s, a numbered error instead of a crash
or a traceback, the good release placed beside the bad input still in the
output (``lost`` counts those missing). ``reliability.py`` prints the table.

    python benchmarks/red_team.py            # the table alone

>>> [name for name, _ in ATTACKS][:3]
['endpoint: 3,000 nested { }', 'endpoint: 5,000 nested ( )', 'endpoint: 20,000-branch UNION']
"""

from __future__ import annotations

import errno
import importlib.util
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from common import REPO, markdown_table

__all__ = ["Outcome", "ATTACKS", "run_attacks", "render_attacks"]

ESC = "\x1b"
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _load(name: str, path: Path):
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


builders = _load("kgx_reliability_attacks", REPO / "tests" / "reliability" / "attacks.py")


@dataclass
class Outcome:
    survived: bool
    lost: int = 0
    detail: str = ""


def kgextract() -> list[str]:
    script = Path(sys.executable).parent / "kgextract"
    return [str(script)] if script.is_file() else [sys.executable, "-c", "from kgextract.cli import main; main()"]


def env() -> dict[str, str]:
    out = {**os.environ, "COLUMNS": "400", "NO_COLOR": "1"}
    out.pop("KGEXTRACT_CRASH_AT", None)
    return out


def cli(*args, timeout: float = 180, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(kgextract() + [str(a) for a in args], capture_output=True, text=True,
                          env={**env(), **(extra_env or {})}, timeout=timeout, stdin=subprocess.DEVNULL)


# -- the endpoint ----------------------------------------------------------------

class _Endpoint:
    def __init__(self, store: Path, *args: str):
        from kgextract.store.server import free_port

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.store = store
        self.proc = subprocess.Popen(kgextract() + ["serve", "--store", str(store), "--port", str(self.port), *args],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     env=env())
        deadline = time.monotonic() + 60
        while not self.ordinary(timeout=1):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError("kgextract serve did not start")
            time.sleep(0.1)

    def request(self, query: str, timeout: float = 60, headers: dict | None = None, get: bool = False):
        data = None if get else urllib.parse.urlencode({"query": query}).encode()
        url = f"{self.url}/query" + ("?" + urllib.parse.urlencode({"query": query}) if get else "")
        req = urllib.request.Request(url, data=data, headers={"Accept": "application/sparql-results+json",
                                                              **(headers or {})})
        try:
            with DIRECT.open(req, timeout=timeout) as resp:
                return resp.status, resp.read()
        except urllib.error.HTTPError as err:
            return err.code, err.read()

    def ordinary(self, timeout: float = 2) -> bool:
        """The next ordinary query answers within ``timeout`` seconds."""
        try:
            status, body = self.request("ASK { ?s ?p ?o }", timeout=timeout)
            return status == 200 and json.loads(body)["boolean"] is True
        except (OSError, ValueError):
            return False

    def engines(self) -> list[int]:
        found = []
        for entry in Path("/proc").iterdir():
            try:
                cmd = (entry / "cmdline").read_bytes() if entry.name.isdigit() else b""
            except OSError:
                continue
            if b"oxigraph" in cmd and b"--location\0" + str(self.store).encode() + b"\0" in cmd:
                found.append(int(entry.name))
        return found

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


_STORE: dict[str, Path] = {}


def _store() -> Path:
    """The sample release in a store, built once."""
    if "store" not in _STORE:
        from kgextract.graph.examples import sample_results
        from kgextract.store.oxigraph import write_results

        _STORE["store"] = Path(tempfile.mkdtemp(prefix="kgx-red-team-")) / "kg"
        write_results(_STORE["store"], sample_results())
    return _STORE["store"]


@contextmanager
def _endpoint(*args: str):
    server = _Endpoint(_store(), *args)
    try:
        yield server
    finally:
        server.stop()


def _http_attack(query: str, expect: int, get: bool = False, headers: dict | None = None) -> Callable[[], Outcome]:
    def attack() -> Outcome:
        with _endpoint() as server:
            status, body = server.request(query, get=get, headers=headers)
            ok = status == expect and server.proc.poll() is None and server.ordinary()
            return Outcome(ok, detail=f"HTTP {status} {body[:6].decode('utf-8', 'replace')}")
    return attack


def _runaway() -> Outcome:
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?q }"
    with _endpoint("--timeout", "2") as server:
        before = server.engines()
        started = time.monotonic()
        try:
            status, _ = server.request(heavy, timeout=30)
        except OSError:
            status = 0
        took = time.monotonic() - started
        freed = not set(before) & set(server.engines())
        return Outcome(status == 503 and took < 10 and freed and server.ordinary(),
                       detail=f"HTTP {status} after {took:.1f} s; busy engine gone: {freed}")


def _engine_killed() -> Outcome:
    with _endpoint() as server:
        for pid in server.engines():
            os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:
            if server.ordinary(timeout=max(0.1, deadline - time.monotonic())):
                return Outcome(True, detail=f"answered {2 - (deadline - time.monotonic()):.2f} s after the kill")
            time.sleep(0.05)
        return Outcome(False, detail="no answer within 2 s")


def _query_cli(*args: str, code: str) -> Callable[[], Outcome]:
    def attack() -> Outcome:
        proc = cli("query", "--store", _store(), *args, timeout=120)
        ok = proc.returncode == 1 and f"[{code}]" in proc.stderr and "Traceback" not in proc.stderr
        said = "said" if f"[{code}]" in proc.stderr else "missing"
        return Outcome(ok, detail=f"exit {proc.returncode}, {code} {said}")
    return attack


# -- extraction ------------------------------------------------------------------

def _with_good(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.txt").write_text(builders.SENTENCE, encoding="utf-8")
    return folder


def _extract_attack(name: str, write: Callable[[Path], None], code: str | None, *more: str,
                    limit: float = 5) -> Callable[[], Outcome]:
    def attack() -> Outcome:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = _with_good(Path(tmp) / "in")
            write(corpus)
            out = Path(tmp) / "out"
            started = time.monotonic()
            proc = cli("extract", corpus, "--output-dir", out, "-f", "nquads", "--time-limit", limit, "-q", *more)
            took = time.monotonic() - started
            lost = 0 if (out / "good.nq").is_file() else 1
            said = code is None or f"[{code}]" in proc.stderr
            clean = "Traceback" not in proc.stderr and ESC not in proc.stderr
            return Outcome(said and clean and proc.returncode in (0, 3), lost,
                           detail=f"exit {proc.returncode} in {took:.0f} s" + (f", {code}" if code and said else ""))
    return attack


def _big_text() -> Outcome:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = _with_good(Path(tmp) / "in")
        (corpus / "long.txt").write_text(builders.long_text(), encoding="utf-8")
        out = Path(tmp) / "out"
        wrapper = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], capture_output=True); "
                   "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(p.returncode)")
        proc = subprocess.run([sys.executable, "-c", wrapper, *kgextract(), "extract", str(corpus), "--output-dir",
                               str(out), "-f", "nquads", "--time-limit", "0", "-q"], capture_output=True, text=True,
                              env=env(), timeout=900)
        peak = int(proc.stdout.split()[-1]) // 1024
        done = (out / "long.nq").is_file()
        return Outcome(proc.returncode == 0 and done and peak < 1024, 0 if (out / "good.nq").is_file() else 1,
                       detail=f"480 KB extracted whole, peak {peak} MB")


def _unreadable_folder() -> Outcome:
    from kgextract.ingest import walk as walk_module
    from kgextract.run import run_corpus

    with tempfile.TemporaryDirectory() as tmp:
        corpus = _with_good(Path(tmp) / "in")
        (corpus / "sub").mkdir()
        (corpus / "sub" / "inner.txt").write_text(builders.SENTENCE.replace("OSLO", "BERGEN"), encoding="utf-8")
        out, merged = Path(tmp) / "out", Path(tmp) / "all.nq"
        run_corpus([corpus], output=merged, output_dir=out, fmt="nquads")
        real = os.scandir

        def refuse(path="."):  # as the kernel does for a folder of mode 000 (root would read it)
            if Path(path) == corpus / "sub":
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real(path)

        walk_module.os.scandir = refuse
        try:
            report = run_corpus([corpus], output=merged, output_dir=out, fmt="nquads")
        finally:
            walk_module.os.scandir = real
        lost = 2 - sum((out / f"{n}.nq").is_file() for n in ("good", "inner"))
        lost += 0 if "/graph/inner>" in merged.read_text(encoding="utf-8") else 1
        codes = [p.code for p in report.problems]
        return Outcome(codes == ["E014"] and report.removed == 0 and lost == 0, lost,
                       detail=f"E014 reported, {report.kept} kept, {report.removed} removed")


def _long_stem() -> Outcome:
    def write(corpus: Path) -> None:
        (corpus / f"{builders.long_stem()}.txt").write_text(builders.SENTENCE, encoding="utf-8")
    return _extract_attack("long stem", write, "E145")()


def _collision() -> Outcome:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = _with_good(Path(tmp) / "in")
        (corpus / "g.txt").write_text(builders.SENTENCE, encoding="utf-8")
        out = Path(tmp) / "out"
        proc = cli("extract", corpus, "-o", out / "g.nq", "--output-dir", out, "-f", "nquads", "-q")
        return Outcome(proc.returncode == 1 and "[E144]" in proc.stderr and not out.exists(),
                       detail="refused before writing" if not out.exists() else "wrote files")


def _orphan() -> Outcome:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = _with_good(Path(tmp) / "in")
        out, merged = Path(tmp) / "out", Path(tmp) / "all.nq"
        base = ("extract", corpus, "-o", merged, "--output-dir", out, "-f", "nquads", "-q")
        cli(*base)
        (corpus / "new.txt").write_text(builders.SENTENCE.replace("OSLO", "TROMSO"), encoding="utf-8")
        cli(*base, extra_env={"KGEXTRACT_CRASH_AT": "output"})
        (corpus / "new.txt").unlink()
        proc = cli(*base)
        left = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
        return Outcome(proc.returncode == 0 and left == ["good.nq"], 0 if "good.nq" in left else 1,
                       detail=f"files after re-run: {', '.join(left)}")


def _escape_name(corpus: Path) -> None:
    (corpus / f"evil{ESC}[2J.txt").write_text("  \n", encoding="utf-8")


def _charset(corpus: Path) -> None:
    (corpus / "page.html").write_text('<meta charset="unicode_escape"><p>Acme \\x1b[2J names Ann Lee.</p>',
                                      encoding="ascii")


def _disk_full() -> Outcome:
    from kgextract.errors import KgextractError
    from kgextract.run import runner

    with tempfile.TemporaryDirectory() as tmp:
        corpus = _with_good(Path(tmp) / "in")
        real = runner.write_nquads

        def full(*args, **kwargs):
            raise OSError(errno.ENOSPC, "No space left on device", str(Path(tmp) / "all.nq"))

        runner.write_nquads = full
        try:
            runner.run_corpus([corpus], output=Path(tmp) / "all.nq", fmt="nquads")
        except KgextractError as err:
            return Outcome("[E070]" in str(err), detail="E070")
        except OSError as err:
            return Outcome(False, detail=f"raw {type(err).__name__}")
        finally:
            runner.write_nquads = real
        return Outcome(False, detail="no error")


def _manifest_folder() -> Outcome:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = _with_good(Path(tmp) / "in")
        (Path(tmp) / "out" / ".kgextract-manifest.json").mkdir(parents=True)
        proc = cli("extract", corpus, "--output-dir", Path(tmp) / "out", "-q")
        return Outcome(proc.returncode == 1 and "[E147]" in proc.stderr and "Traceback" not in proc.stderr,
                       detail=f"exit {proc.returncode}")


def _typed_paths() -> Outcome:
    with tempfile.TemporaryDirectory() as tmp:
        _with_good(Path(tmp) / "corpus")
        (Path(tmp) / "x").mkdir()
        outs = []
        for i, typed in enumerate(["corpus/", "./corpus", "x/../corpus/./"]):
            subprocess.run(kgextract() + ["extract", typed, "-o", f"g{i}.nq", "-f", "nquads", "--no-cache", "-q"],
                           cwd=tmp, env=env(), capture_output=True, timeout=180)
            outs.append((Path(tmp) / f"g{i}.nq").read_bytes())
        return Outcome(len(set(outs)) == 1, detail="identical bytes" if len(set(outs)) == 1 else "bytes differ")


STACK = {
    "braces": "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000,
    "parens": "SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }",
    "union": "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * 20000) + " }",
}
SERVICE = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"

#: (name, attack) in the order of the issue.
ATTACKS: list[tuple[str, Callable[[], Outcome]]] = [
    ("endpoint: 3,000 nested { }", _http_attack(STACK["braces"], 400)),
    ("endpoint: 5,000 nested ( )", _http_attack(STACK["parens"], 400)),
    ("endpoint: 20,000-branch UNION", _http_attack(STACK["union"], 400)),
    ("endpoint: SERVICE in a GET", _http_attack(SERVICE, 400, get=True)),
    ("endpoint: rebound Host header", _http_attack("ASK {}", 403, headers={"Host": "rebind.attacker.example"})),
    ("endpoint: 5-way cross join COUNT", _runaway),
    ("endpoint: engine killed", _engine_killed),
    ("query: 3,000 nested { }", _query_cli("--text", STACK["braces"], code="E109")),
    ("query: 5-way cross join, --timeout 2",
     _query_cli("--timeout", "2", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
                code="E111")),
    ("query: 300-byte one-line query", lambda: Outcome(
        cli("query", "--store", _store(), "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1 #" + " x" * 150).returncode == 0,
        detail="run as SPARQL")),
    ("extract: PDF repeating a heavy page 40×",
     _extract_attack("pdf", lambda c: (c / "heavy.pdf").write_bytes(builders.heavy_pdf()), "E019")),
    ("extract: 145 KB nested unclosed HTML", _extract_attack(
        "html", lambda c: (c / "nested.html").write_text(builders.nested_unclosed_html(), encoding="utf-8"), None)),
    ("extract: 480 KB text (memory)", _big_text),
    ("extract: 240-byte file stem", _long_stem),
    ("extract: unreadable subfolder", _unreadable_folder),
    ("extract: -o colliding with --output-dir", _collision),
    ("extract: killed run, document removed", _orphan),
    ("extract: escape codes in a file name", _extract_attack("escape", _escape_name, "E010")),
    ("extract: <meta charset=unicode_escape>", _extract_attack("charset", _charset, None)),
    ("extract: disk full during the merge", _disk_full),
    ("extract: manifest path is a folder", _manifest_folder),
    ("extract: corpus/ vs ./corpus vs x/../corpus/./", _typed_paths),
]


def run_attacks(names: list[str] | None = None) -> list[tuple[str, Outcome]]:
    """Run the attacks (those whose name contains one of ``names``); an attack that raises did not survive."""
    results = []
    for name, attack in ATTACKS:
        if names and not any(n in name for n in names):
            continue
        try:
            outcome = attack()
        except Exception as err:  # noqa: BLE001 - a crash of the attack is a failure to report
            outcome = Outcome(False, detail=f"{type(err).__name__}: {err}"[:120])
        results.append((name, outcome))
        print(f"{name}: {'survived' if outcome.survived else 'FAILED'} ({outcome.detail})", file=sys.stderr)
    return results


def render_attacks(results: list[tuple[str, Outcome]]) -> str:
    """The attack table and its totals."""
    rows = [[name, "yes" if o.survived else "NO", o.lost, o.detail] for name, o in results]
    table = markdown_table(["attack", "survived", "documents lost", "what happened"], rows)
    survived = sum(o.survived for _, o in results)
    lost = sum(o.lost for _, o in results)
    totals = markdown_table(["attacks tried", "survived", "documents lost"], [[len(results), survived, lost]])
    return f"{totals}\n\n{table}"


if __name__ == "__main__":
    print(render_attacks(run_attacks(sys.argv[1:] or None)))
