"""Custom attributes kgextract keeps on spaCy objects.

Components write mentions into ``doc.spans[MENTIONS]`` (labels are the guide's
entity types) and acronym definitions into ``doc._.kgx_acronyms``.
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["MENTIONS", "register_extensions"]

#: The span group holding every entity mention, labelled Person/Organization/...
MENTIONS = "kgx_mentions"


def register_extensions() -> None:
    """Register the Doc extensions once (idempotent)."""
    if not Doc.has_extension("kgx_acronyms"):
        # acronym text -> (start, end) token offsets of its long form
        Doc.set_extension("kgx_acronyms", default=None)
    if not Doc.has_extension("kgx_dateline"):
        Doc.set_extension("kgx_dateline", default=None)
    if not Doc.has_extension("kgx_source_lines"):
        # (place start, place end, source start, source end) token offsets of digest source lines
        Doc.set_extension("kgx_source_lines", default=None)
    if not Doc.has_extension("kgx_doc_date"):
        Doc.set_extension("kgx_doc_date", default=None)


register_extensions()
