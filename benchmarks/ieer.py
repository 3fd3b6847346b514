"""NIST 1999 IE-ER newswire (NLTK "ieer"): kgextract's entity mentions against bare spaCy NER.

Both systems read the same 94 stories in the same run, with the same model.
Each story is its ``<TEXT>`` (the headline is left out); the 1998 fixed-width
line wrapping is undone (a line break inside a paragraph becomes a space, a
new indented paragraph a blank line) so that neither system sees a line break
in the middle of a sentence. ``--keep-line-breaks`` keeps the raw lines.

Types: PERSON, ORGANIZATION, LOCATION, DATE.
- spaCy: ``doc.ents``, PERSON -> PERSON, ORG -> ORGANIZATION, GPE/LOC/FAC -> LOCATION, DATE -> DATE.
- kgextract: the character offsets of ``Entity.mentions``, Person -> PERSON, Organization ->
  ORGANIZATION, Place -> LOCATION. Mentions of the "Government of X" organizations kgextract derives from
  a country name are left out (they repeat a Place mention). kgextract has no DATE entities; for DATE its
  pipeline's own ``doc.ents`` DATE spans are scored (kgextract does not change them; the script checks).

Exact: same type and same character span. Lenient: same type and overlapping spans, one-to-one.
Gold entities marked ``status="opt"`` are optional: finding them is a hit, missing them is no miss.

    python benchmarks/ieer.py [--files APW_19980424 ...] [--limit N] [--json out.json] [--examples 10]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import spacy

from common import Score, default_shared, is_derived_government, markdown_table, max_matching, require_dir, write_json
from kgextract.config import ExtractConfig
from kgextract.ingest import document_from_text
from kgextract.models import DocumentResult
from kgextract.nlp.model import resolve_model_name
from kgextract.pipeline.extractor import Extractor

__all__ = ["TYPES", "SPACY_MAP", "KGX_MAP", "Story", "parse_file", "load_stories", "spacy_spans",
           "kgextract_spans", "score", "run", "render", "main"]

TYPES = ("PERSON", "ORGANIZATION", "LOCATION", "DATE")
SPACY_MAP = {"PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION",
             "DATE": "DATE"}
KGX_MAP = {"Person": "PERSON", "Organization": "ORGANIZATION", "Place": "LOCATION"}
FILES = ("APW_19980314", "APW_19980424", "APW_19980429", "NYT_19980315", "NYT_19980403", "NYT_19980407")

Span = tuple[str, int, int]  # (type, start, end) in characters

_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.S)
_TAG = re.compile(r'<b_(enamex|timex|numex) type="([A-Z]+)"([^>]*)>|<e_(enamex|timex|numex)>')


@dataclass
class Story:
    """One IE-ER story: its text, document date and gold spans (required and optional)."""

    id: str
    date: str | None
    text: str
    gold: list[Span]
    optional: list[Span] = field(default_factory=list)


def _reflow(text: str) -> tuple[str, list[int]]:
    """Undo fixed-width wrapping; return the new text and, for every old offset, the new one."""
    out: list[str] = []
    mapping = [0] * (len(text) + 1)
    pos = 0
    for m in re.finditer(r"\s+|\S+", text):
        piece = m.group()
        if piece.isspace():
            if m.start() == 0 or m.end() == len(text):
                piece = ""
            elif "\n" in piece:
                piece = "\n\n" if re.search(r"\n[ \t]+$", piece) or piece.count("\n") > 1 else " "
        same = piece == m.group()
        for i in range(m.start(), m.end()):
            mapping[i] = pos + (i - m.start() if same else 0)
        out.append(piece)
        pos += len(piece)
    mapping[len(text)] = pos
    return "".join(out), mapping


def parse_file(raw: str, reflow: bool = True) -> list[Story]:
    """The stories of one IE-ER file.

    >>> raw = ('<DOC><DOCNO> X1 </DOCNO><DATE_TIME> 04/29/1998 15:10:00 </DATE_TIME><TEXT>\\n\\t   '
    ...        '<b_enamex type="LOCATION">LOS\\nANGELES<e_enamex> (<b_enamex type="ORGANIZATION">AP<e_enamex>) _ '
    ...        'on\\n<b_timex type="DATE">Friday<e_timex>.\\n</TEXT></DOC>')
    >>> story = parse_file(raw)[0]
    >>> story.id, story.date, story.text
    ('X1', '1998-04-29', 'LOS ANGELES (AP) _ on Friday.')
    >>> [(t, story.text[s:e]) for t, s, e in story.gold]
    [('LOCATION', 'LOS ANGELES'), ('ORGANIZATION', 'AP'), ('DATE', 'Friday')]
    """
    stories = []
    for block in _DOC.findall(raw):
        docno = re.search(r"<DOCNO>\s*(\S+)\s*</DOCNO>", block).group(1)
        when = re.search(r"<DATE_TIME>\s*(\d\d)/(\d\d)/(\d{4})", block)
        date = dt.date(int(when.group(3)), int(when.group(1)), int(when.group(2))).isoformat() if when else None
        body = re.search(r"<TEXT>(.*?)(?:</TEXT>|$)", block, re.S).group(1)
        text, spans, stack, last = [], [], [], 0
        length = 0
        for m in _TAG.finditer(body):
            chunk = body[last:m.start()]
            text.append(chunk)
            length += len(chunk)
            last = m.end()
            if m.group(1):
                stack.append((m.group(2), length, "opt" in m.group(3)))
            elif stack:
                typ, start, opt = stack.pop()
                spans.append((typ, start, length, opt))
        text.append(body[last:])
        plain = "".join(text)
        mapping = list(range(len(plain) + 1))
        if reflow:
            plain, mapping = _reflow(plain)
        gold, optional = [], []
        for typ, start, end, opt in spans:
            if typ not in TYPES:
                continue
            s, e = mapping[start], mapping[end]
            while s < e and plain[s].isspace():
                s += 1
            while e > s and plain[e - 1].isspace():
                e -= 1
            if s < e:
                (optional if opt else gold).append((typ, s, e))
        stories.append(Story(docno, date, plain, sorted(gold, key=lambda x: (x[1], x[2])), optional))
    return stories


def load_stories(folder: Path, files: Iterable[str] = FILES, limit: int | None = None,
                 reflow: bool = True) -> list[Story]:
    """The stories of the named IE-ER files (the first ``limit`` of them)."""
    stories = [s for name in files for s in parse_file((Path(folder) / name).read_text(encoding="latin-1"), reflow)]
    return stories[:limit] if limit else stories


def spacy_spans(doc) -> list[Span]:
    """spaCy's entities mapped to the IE-ER types."""
    return sorted({(SPACY_MAP[e.label_], e.start_char, e.end_char) for e in doc.ents if e.label_ in SPACY_MAP})


def kgextract_spans(result: DocumentResult, doc) -> tuple[list[Span], int]:
    """kgextract's mentions (and its pipeline's DATE entities); also the number of derived-government
    mentions left out."""
    spans, skipped = set(), 0
    for ent in result.entities:
        typ = KGX_MAP.get(ent.type.value)
        if typ is None:
            continue
        if is_derived_government(ent):
            skipped += len(ent.mentions)
            continue
        spans.update((typ, m.start, m.end) for m in ent.mentions)
    spans.update((t, s, e) for t, s, e in spacy_spans(doc) if t == "DATE")
    return sorted(spans), skipped


def _overlap(a: Span, b: Span) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def score(gold: Sequence[Span], optional: Sequence[Span], predicted: Sequence[Span], lenient: bool = False
          ) -> dict[str, Score]:
    """Per-type scores of ``predicted`` against ``gold`` for one document.

    >>> s = score([("PERSON", 0, 5)], [], [("PERSON", 0, 5), ("PERSON", 7, 9)])
    >>> s["PERSON"].tp, s["PERSON"].n_pred, s["PERSON"].n_gold
    (1, 2, 1)
    >>> score([("PERSON", 0, 5)], [], [("PERSON", 0, 3)], lenient=True)["PERSON"].tp
    1
    """
    def hit(g: Span, p: Span) -> bool:
        return _overlap(g, p) if lenient else g == p

    out = {}
    for typ in TYPES:
        g = [x for x in gold if x[0] == typ]
        p = [x for x in predicted if x[0] == typ]
        tp = max_matching([{i for i, y in enumerate(p) if hit(x, y)} for x in g])
        matched_any = {i for i, y in enumerate(p) if any(hit(x, y) for x in g)}
        # predictions that only hit an optional gold entity count neither way
        free = sum(1 for i, y in enumerate(p) if i not in matched_any and any(hit(o, y) for o in optional))
        out[typ] = Score(tp, len(p) - free, len(g))
    return out


def run(stories: Sequence[Story], model: str = "auto", batch_size: int = 32) -> dict:
    """Run bare spaCy and kgextract over ``stories``; return the per-type scores and the examples."""
    name = resolve_model_name(model)
    nlp = spacy.load(name)
    extractor = Extractor(ExtractConfig(model=name, batch_size=batch_size))
    systems = {"spacy": {}, "kgextract": {}}
    for key in systems:
        systems[key] = {"exact": {t: Score() for t in TYPES}, "lenient": {t: Score() for t in TYPES}}
    differences = {"kgextract_only_misses": Counter(), "kgextract_only_spurious": Counter()}
    date_mismatch, skipped, bad_offsets = 0, 0, 0
    pairs = ((s.text, document_from_text(s.text, s.id, date=s.date)) for s in stories)
    for story, sdoc, (kdoc, document) in zip(stories, nlp.pipe((s.text for s in stories), batch_size=batch_size),
                                              extractor.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size),
                                              strict=True):
        result = extractor.result(kdoc, document)
        bad_offsets += sum(1 for e in result.entities for m in e.mentions if story.text[m.start:m.end] != m.text)
        base = spacy_spans(sdoc)
        ours, n_skipped = kgextract_spans(result, kdoc)
        skipped += n_skipped
        date_mismatch += len({x for x in base if x[0] == "DATE"} ^ {x for x in ours if x[0] == "DATE"})
        for key, spans in (("spacy", base), ("kgextract", ours)):
            for variant in ("exact", "lenient"):
                for typ, sc in score(story.gold, story.optional, spans, variant == "lenient").items():
                    systems[key][variant][typ].add(sc)
        gold, b, o = set(story.gold), set(base), set(ours)
        for typ, s, e in (gold & b) - o:
            differences["kgextract_only_misses"][(typ, story.text[s:e])] += 1
        for typ, s, e in (o - b) - gold - set(story.optional):
            differences["kgextract_only_spurious"][(typ, story.text[s:e])] += 1
    return {
        "model": f"{name} {nlp.meta.get('version', '')}".strip(),
        "stories": len(stories),
        "gold": dict(Counter(t for s in stories for t, _, _ in s.gold)),
        "systems": {k: {v: {t: sc.as_dict() for t, sc in d.items()} | {"micro": _micro(d).as_dict()}
                        for v, d in variants.items()} for k, variants in systems.items()},
        "date_spans_differing": date_mismatch,
        "derived_government_mentions_skipped": skipped,
        "mention_offset_mismatches": bad_offsets,
        "differences": {k: [{"type": t, "text": x, "count": n} for (t, x), n in c.most_common()]
                        for k, c in differences.items()},
    }


def _micro(scores: dict[str, Score]) -> Score:
    total = Score()
    for sc in scores.values():
        total.add(sc)
    return total


def render(report: dict, examples: int = 0) -> str:
    """The report as markdown."""
    out = [f"## NIST IE-ER newswire: {report['stories']} stories, model {report['model']}", ""]
    for variant, title in (("exact", "exact span"), ("lenient", "lenient (overlapping span, same type)")):
        rows, worse = [], []
        for typ in (*TYPES, "micro"):
            sp, kg = report["systems"]["spacy"][variant][typ], report["systems"]["kgextract"][variant][typ]
            delta = kg["f1"] - sp["f1"]
            flag = "**worse**" if delta < -0.0005 else ""
            if flag and typ != "micro":
                worse.append(typ)
            rows.append([typ if typ != "micro" else "**micro (4 types)**", sp["n_gold"],
                         sp["n_pred"], sp["precision"], sp["recall"], sp["f1"],
                         kg["n_pred"], kg["precision"], kg["recall"], kg["f1"], f"{delta:+.3f}", flag])
        out += [f"### {title}", "",
                markdown_table(["type", "gold", "spaCy pred", "spaCy P", "spaCy R", "spaCy F1",
                                "kgx pred", "kgx P", "kgx R", "kgx F1", "ΔF1", ""], rows), "",
                f"kgextract worse than bare spaCy on: {', '.join(worse) if worse else 'none'}.", ""]
    out += ["DATE: kgextract has no DATE entities; its row scores the DATE spans of kgextract's own pipeline "
            f"(`doc.ents`), which it does not change: spans differing from bare spaCy's = "
            f"{report['date_spans_differing']}.",
            f"Mentions of derived \"Government of X\" organizations left out: "
            f"{report['derived_government_mentions_skipped']}. Mentions whose offsets do not match their text: "
            f"{report['mention_offset_mismatches']}."]
    if examples:
        for key, title in (("kgextract_only_misses", "exact gold spans spaCy finds and kgextract loses"),
                           ("kgextract_only_spurious", "spurious spans kgextract adds (not in spaCy, not gold)")):
            items = report["differences"][key][:examples]
            out += ["", f"#### Top {len(items)} {title}", ""]
            out += [f"- {d['type']} \"{d['text']}\" x{d['count']}" for d in items]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=default_shared(),
                        help="the shared data folder (default ../shared)")
    parser.add_argument("--files", nargs="+", default=list(FILES), choices=FILES, metavar="FILE",
                        help=f"IE-ER files to read (default: all of {', '.join(FILES)})")
    parser.add_argument("--limit", type=int, default=None, help="only the first N stories")
    parser.add_argument("--model", default="auto")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--keep-line-breaks", action="store_true", help="do not undo the fixed-width line wrapping")
    parser.add_argument("--examples", type=int, default=0, help="list the N most frequent differences from spaCy")
    parser.add_argument("--json", type=Path, default=None, help="also write the report here")
    args = parser.parse_args(argv)
    folder = require_dir(args.shared / "benchmarks" / "nist_ieer", "NIST IE-ER data")
    stories = load_stories(folder, args.files, args.limit, reflow=not args.keep_line_breaks)
    report = run(stories, args.model, args.batch_size)
    report["line_breaks"] = "kept" if args.keep_line_breaks else "reflowed"
    print(render(report, args.examples))
    write_json(args.json, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
