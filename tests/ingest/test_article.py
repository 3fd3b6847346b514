"""HTML through trafilatura: the release without its page furniture, metadata, the own extractor as fallback."""

from __future__ import annotations

import pytest

from kgextract.ingest import article, read_document
from kgextract.ingest.release_cleanup import clean_release

from .pages import FURNITURE, RELEASE_PAGE, RELEASE_PARAGRAPHS


def test_release_page_reads_the_release_and_its_metadata(write):
    doc = read_document(write("coo.html", RELEASE_PAGE))
    assert doc.text.split("\n\n") == RELEASE_PARAGRAPHS
    assert [word for word in FURNITURE if word in doc.text] == []
    assert (doc.format, doc.title, doc.date, doc.url, doc.publisher) == (
        "html", "Harbourline Energy names Priya Raman chief operating officer", "2025-02-11",
        "https://news.harbourline.example/releases/coo-appointment", "Harbourline Newsroom")


def test_the_own_extractor_reads_the_page_when_trafilatura_fails(write, monkeypatch):
    import trafilatura

    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    doc = read_document(write("coo.html", RELEASE_PAGE))
    assert RELEASE_PARAGRAPHS[1] in doc.text.split("\n\n")
    assert "Gerald Pike" not in doc.text  # the fallback drops the comment section too
    assert doc.date == "2025-02-11" and doc.publisher == "Harbourline Newsroom"


def test_the_own_extractor_reads_the_page_when_trafilatura_finds_nothing(write, monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    doc = read_document(write("coo.html", RELEASE_PAGE))
    assert RELEASE_PARAGRAPHS[2] in doc.text.split("\n\n")


def test_markup_metadata_wins_over_trafilatura_guesses():
    page = RELEASE_PAGE.replace('content="Harbourline Newsroom"', 'content="Harbourline Press Office"')
    assert article.page_to_text(page).publisher == "Harbourline Press Office"


def test_no_publication_date_is_guessed_from_the_running_text():
    page = RELEASE_PAGE.replace('<meta property="article:published_time" content="2025-02-11T08:30:00+00:00">', "")
    page = page.replace("<h1>", "<p>Posted 3 March 2019</p><h1>")  # text, not metadata
    assert article.page_to_text(page).date is None


@pytest.mark.parametrize("text, expected", [
    # a cross-link heading takes the headline list under it
    ("Acme named Ann Lee chief executive.\n\nRelated stories\n\nAcme opens Lyon plant\n\nBeta buys Gamma\n\n"
     "Lee starts in May.", "Acme named Ann Lee chief executive.\n\nLee starts in May."),
    ("Acme named Ann Lee chief executive.\n\nYou may also like:\n\nAcme opens Lyon plant",
     "Acme named Ann Lee chief executive."),
    # ... but a sentence after it is release text again
    ("Ann Lee joins.\n\nTags\n\nAcme, appointments\n\nShe starts in May.", "Ann Lee joins.\n\nShe starts in May."),
    # a short paragraph that begins as a cross-link or a call to subscribe, share or follow
    ("Ann Lee joins.\n\nREAD MORE: Acme results beat forecasts\n\nShe starts in May.",
     "Ann Lee joins.\n\nShe starts in May."),
    ("Ann Lee joins.\n\nSign up for our weekly briefing.", "Ann Lee joins."),
    ("Ann Lee joins.\n\nFollow us on social media for updates.", "Ann Lee joins."),
    # a paragraph of links only
    ("Ann Lee joins.\n\nListen: https://pod.example/ep1\nDownload: https://pod.example/ep1.mp3", "Ann Lee joins."),
    # release text that merely starts alike, or a long paragraph, is kept
    ("Related companies in the group include Acme Ltd.", "Related companies in the group include Acme Ltd."),
    ("Click here " + "and the board agreed to the plan of the chief executive " * 5 + ".",
     "Click here " + "and the board agreed to the plan of the chief executive " * 5 + "."),
    ("Visit www.acme.example for the annual report and the board's letter to shareholders.",
     "Visit www.acme.example for the annual report and the board's letter to shareholders."),
])
def test_release_cleanup(text, expected):
    assert clean_release(text) == expected


def test_the_canonical_link_names_the_page():
    page = RELEASE_PAGE.replace(
        '<link rel="canonical"', '<meta property="og:url" content="https://share.example/x">\n<link rel="canonical"')
    assert article.page_to_text(page).url == "https://news.harbourline.example/releases/coo-appointment"
    no_link = RELEASE_PAGE.replace('<link rel="canonical" href="https://news.harbourline.example/releases/coo-appointment">',
                                   '<meta property="og:url" content="https://share.example/x">')
    assert article.page_to_text(no_link).url == "https://share.example/x"
