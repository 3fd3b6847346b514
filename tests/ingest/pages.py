"""A release as a newsroom web page, written for the tests: furniture all around the release text.

The page has a cookie banner, a site header with navigation, a breadcrumb,
share buttons, a "Related news" list, a newsletter box, a comment section and a
footer; the release itself has no dated dateline, and the publication date is in
the page's metadata only. Names and facts are invented.
"""

from __future__ import annotations

__all__ = ["RELEASE_PAGE", "RELEASE_PARAGRAPHS", "FURNITURE"]

#: The paragraphs of the release, as they must come out.
RELEASE_PARAGRAPHS = [
    "Harbourline Energy names Priya Raman chief operating officer",
    "Harbourline Energy today announced that its board of directors has appointed Priya Raman as "
    "chief operating officer. Raman will oversee the company's offshore wind projects in the North Sea "
    "and its grid storage business.",
    "Raman joins Harbourline from Calder Grid Systems, where she was vice president of engineering "
    "for eleven years. She succeeds Owen Blackwood, who will remain an adviser to the board until "
    "the end of the year.",
    "\"Priya has built some of the most reliable storage networks in Europe,\" said Lucia Ferrante, "
    "chief executive officer of Harbourline Energy. \"Her experience will help us deliver our "
    "pipeline on time.\"",
    "About Harbourline Energy",
    "Harbourline Energy develops and operates offshore wind farms and battery storage sites. "
    "It is headquartered in Aberdeen, Scotland.",
]

#: Words of the page furniture: none of them may reach the text.
FURNITURE = [
    "cookies", "Accept all", "Investors", "Careers", "Newsroom home", "Share on", "Related news",
    "Harbourline opens Bergen office", "Quarterly results published", "Sign up for our newsletter",
    "Comments", "Gerald Pike", "Terrible news for shareholders", "Privacy policy", "All rights reserved",
]

RELEASE_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harbourline Energy names Priya Raman chief operating officer | Harbourline Newsroom</title>
<meta property="og:title" content="Harbourline Energy names Priya Raman chief operating officer">
<meta property="og:site_name" content="Harbourline Newsroom">
<meta property="article:published_time" content="2025-02-11T08:30:00+00:00">
<link rel="canonical" href="https://news.harbourline.example/releases/coo-appointment">
<script>window.dataLayer = [{"page": "release"}];</script>
</head>
<body>
<div id="cookie-consent" class="cookie-banner">
  <p>We use cookies to improve your experience. <a href="/privacy">Read more</a></p>
  <button>Accept all</button> <button>Reject</button>
</div>
<header class="site-header">
  <a class="logo" href="/">Harbourline Energy</a>
  <nav class="main-nav"><ul>
    <li><a href="/about">About us</a></li><li><a href="/investors">Investors</a></li>
    <li><a href="/careers">Careers</a></li><li><a href="/news">Newsroom home</a></li>
  </ul></nav>
</header>
<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/news">News</a> &gt; Releases</div>
<main>
<article class="release">
  <h1>Harbourline Energy names Priya Raman chief operating officer</h1>
  <div class="share-bar"><a href="#">Share on LinkedIn</a> <a href="#">Share on X</a></div>
  <p>Harbourline Energy today announced that its board of directors has appointed Priya Raman as
     chief operating officer. Raman will oversee the company's offshore wind projects in the North Sea
     and its grid storage business.</p>
  <p>Raman joins Harbourline from Calder Grid Systems, where she was vice president of engineering
     for eleven years. She succeeds Owen Blackwood, who will remain an adviser to the board until
     the end of the year.</p>
  <p>"Priya has built some of the most reliable storage networks in Europe," said Lucia Ferrante,
     chief executive officer of Harbourline Energy. "Her experience will help us deliver our
     pipeline on time."</p>
  <h2>About Harbourline Energy</h2>
  <p>Harbourline Energy develops and operates offshore wind farms and battery storage sites.
     It is headquartered in Aberdeen, Scotland.</p>
</article>
<section class="related-news">
  <h3>Related news</h3>
  <ul>
    <li><a href="/news/bergen">Harbourline opens Bergen office</a></li>
    <li><a href="/news/q3">Quarterly results published</a></li>
  </ul>
</section>
<div class="newsletter-box"><p>Sign up for our newsletter to get every release by email.</p>
  <form><input type="email" name="email"><button>Subscribe</button></form></div>
<section id="comments" class="comments">
  <h3>Comments</h3>
  <div class="comment"><p class="author">Gerald Pike</p>
    <p>Terrible news for shareholders, in my view. Blackwood did a fine job for years.</p></div>
  <div class="comment"><p class="author">Mona Tiller</p>
    <p>Congratulations to the whole team in Aberdeen!</p></div>
</section>
</main>
<footer class="site-footer"><p>Privacy policy | Terms of use</p>
  <p>&copy; 2025 Harbourline Energy. All rights reserved.</p></footer>
</body>
</html>
"""
