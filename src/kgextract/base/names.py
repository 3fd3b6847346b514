"""Name normalisation and deterministic entity keys.

>>> clean_name("the Government of Japan’s")
'Government of Japan'
>>> strip_honorifics("His Excellency Mr. Dong-yeol Rhee")
'Dong-yeol Rhee'
>>> entity_key("Person", "Ms. Izumi Nakamitsu")
'person/izumi-nakamitsu'
>>> is_acronym_of("UNODC", "United Nations Office on Drugs and Crime")
True
>>> is_acronym_of("ECLA", "United Nations Economic Commission for Latin America")
True
>>> is_acronym_of("MoTRA", "Ministry of Trade and Rural Affairs")
True
"""

from __future__ import annotations

import functools
import re
import unicodedata

from kgextract.base.chars import dash_table
from kgextract.base.gazetteers import load_list

__all__ = [
    "HONORIFICS",
    "honorific_parts",
    "honorific_words",
    "clean_name",
    "strip_honorifics",
    "normalize",
    "forget_names",
    "slug",
    "entity_key",
    "key_prefix",
    "is_acronym_of",
]

#: The gazetteer of honorifics and styles of address; every honorific set below is read from it.
HONORIFICS = "honorifics.v1"
#: Titles that are also a way of calling someone, dropped from canonical names with the honorifics.
_TITLES_AS_HONORIFICS = ("professor",)


@functools.lru_cache(maxsize=1)
def honorific_words() -> frozenset[str]:
    """The honorifics that are one word, without their full stop ("mr", "h.e", "excellency").

    >>> {"mr", "dr", "h.e", "excellency", "madame"} <= honorific_words(), "his" in honorific_words()
    (True, False)
    """
    return frozenset(e.rstrip(".") for e in load_list(HONORIFICS) if " " not in e)


@functools.lru_cache(maxsize=1)
def honorific_parts() -> frozenset[str]:
    """Every word of an honorific or style, without its full stop, but "the": what a token walk
    over "His Royal Highness" or "the Right Honourable" skips.

    >>> {"his", "royal", "highness", "right", "honourable", "mr"} <= honorific_parts(), "the" in honorific_parts()
    (True, False)
    """
    return frozenset(w.rstrip(".") for e in load_list(HONORIFICS) for w in e.split()) - {"the"}


def _honorific_re() -> re.Pattern[str]:
    phrases = {e.rstrip(".") for e in load_list(HONORIFICS)} | set(_TITLES_AS_HONORIFICS)
    # longest first, so "his royal highness" is tried before "his"
    alternatives = sorted(phrases, key=lambda p: (-len(p), p))
    pattern = "|".join(re.escape(h) for h in alternatives)
    return re.compile(rf"^(?:(?:{pattern})\.?\s+)+", re.IGNORECASE)


_HONORIFIC_RE = _honorific_re()
_DASHES = dash_table("-")
_QUOTES = dict.fromkeys(map(ord, "’‘`´"), "'")
_STOP = {"of", "and", "the", "for", "on", "in", "at", "to", "&", "a", "an", "de", "des", "du", "la", "le"}


@functools.cache
def clean_name(text: str) -> str:
    """Trim a span's text to a name: no leading "the", no possessive, no edge punctuation."""
    text = " ".join(text.split())
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    text = re.sub(r"(?:['’]s|s['’]|['’])$", lambda m: "s" if m.group(0)[0] == "s" else "", text)
    return text.strip(" ,;:-–—\"“”'’(/")  # "/PRNewswire/" is one token: the wire's name within slashes


def strip_honorifics(text: str) -> str:
    """Drop leading honorifics (Mr., Ms., Dr., His Excellency, ...)."""
    return _HONORIFIC_RE.sub("", text).strip()


@functools.cache
def normalize(text: str) -> str:
    """The comparison form of a name: NFKC, lower case, unified dashes, no honorifics."""
    text = unicodedata.normalize("NFKC", text).translate(_DASHES).translate(_QUOTES)
    text = strip_honorifics(clean_name(text)).lower()
    text = re.sub(r"\s*-\s*", "-", text)
    return " ".join(text.split()).strip(".,;:")


def forget_names() -> None:
    """Empty the memo of ``clean_name`` and ``normalize``.

    Resolving one document compares its names pairwise, so both are memoized;
    the resolver calls this before each document, so the memo holds one
    document's names and memory stays flat over a long run.
    """
    clean_name.cache_clear()
    normalize.cache_clear()


def slug(text: str) -> str:
    """The slug of a name in its entity key, and so in its IRI: the one slug function.

    The name's :func:`normalize` form, every run of characters that are not
    word characters made one ``-``. A name with no word character at all
    (punctuation or symbols only) is spelled with the Unicode names of its
    characters: it keeps a key of its own, stable and readable, rather than
    sharing one with every other such name.

    >>> slug("Café Crème / Bar")
    'café-crème-bar'
    >>> slug("★"), slug("!?")
    ('black-star', 'exclamation-mark-question-mark')
    """
    norm = normalize(text)
    out = re.sub(r"[^\w]+", "-", norm, flags=re.UNICODE).strip("-_")
    return out or _spelled(norm or text) or "x"


def _spelled(text: str) -> str:
    """``text`` spelled with its characters' Unicode names (``uXXXX`` for an unnamed one)."""
    names = (unicodedata.name(ch, f"u{ord(ch):04x}") for ch in text if not ch.isspace())
    return re.sub(r"[^a-z0-9]+", "-", "-".join(names).lower()).strip("-")


def key_prefix(type_name: str) -> str:
    """The start of every entity key of one type.

    >>> key_prefix("Organization")
    'organization/'
    """
    return f"{type_name.lower()}/"


def entity_key(type_name: str, name: str) -> str:
    """The deterministic identity of an entity: type + slug of its name."""
    return f"{key_prefix(type_name)}{slug(name)}"


def is_acronym_of(short: str, long: str) -> bool:
    """True when ``short`` is made of the initials of ``long``'s significant words."""
    letters = re.sub(r"[^A-Za-z]", "", short)
    if len(letters) < 2 or not short.replace(".", "").replace("&", "").isupper() and not (
        sum(c.isupper() for c in short) >= 2
    ):
        return False
    words = [w for w in re.split(r"[\s\-/]+", long) if w]
    if short in words:
        return False  # "ILO News" holds "ILO"; it does not spell it
    initials_all = "".join(w[0] for w in words if w[0].isalnum()).upper()
    initials_sig = "".join(w[0] for w in words if w.lower() not in _STOP and w[0].isalnum()).upper()
    target = letters.upper()
    if target in (initials_all, initials_sig):
        return True
    capitals = "".join(c for c in letters if c.isupper())
    if capitals != letters and len(capitals) >= 2 and capitals in (initials_all, initials_sig):
        return True  # "MoTRA": the lower-case letters stand for small words ("of")
    sig = [w for w in words if w.lower() not in _STOP and w[0].isalnum()]
    if len(target) >= 3 and any("".join(w[0] for w in sig[k:]).upper() == target for k in (1, 2)):
        return True  # "United Nations Economic and Social Commission for Asia and the Pacific (ESCAP)"
    # letters taken in order from the words' capitals (e.g. CoDA-like blends)
    caps = "".join(c for c in long if c.isupper())
    return len(target) >= 3 and _subsequence(target, caps) and target[0] == caps[:1]


def _subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(c in it for c in needle)

