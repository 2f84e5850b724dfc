"""The batch gallery (OUT/index.html) opened from the folder in headless chromium: every image loads, every
link resolves, the copy buttons copy."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from redraw.cli import main
from tests.conftest import EXAMPLES


def test_the_gallery_of_the_examples_shows_every_figure(browser, tmp_path):
    out = tmp_path / "out"
    assert main([str(p) for p in EXAMPLES] + [str(out), "--format", "png,svg,pdf", "-q", "-j", "1"]) == 0
    context = browser.new_context(viewport={"width": 1300, "height": 950})
    page = context.new_page()
    page.goto((out / "index.html").as_uri())
    cards = page.locator("article.card")
    assert cards.count() == len(EXAMPLES)
    for i in range(cards.count()):   # images load lazily: bring each into view
        cards.nth(i).scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0",
                               arg=cards.nth(i).locator("img").element_handle(), timeout=10000)
    widths = page.evaluate("[...document.images].map(i => i.naturalWidth)")
    assert len(widths) == len(EXAMPLES) and min(widths) == 1400
    hrefs = page.evaluate("[...document.links].map(a => a.href)")
    assert len(hrefs) == 4 * len(EXAMPLES)
    for href in hrefs:
        assert Path(unquote(urlparse(href).path)).is_file(), href
    alts = page.evaluate("[...document.images].map(i => i.alt)")
    assert all(a.startswith("Scatter plot") for a in alts)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(tmp_path / "gallery.png"))
    context.close()


def test_a_copy_button_selects_or_copies_its_snippet(browser, tmp_path):
    out = tmp_path / "out"
    assert main([str(EXAMPLES[0]), str(out), "-q"]) == 0
    page = browser.new_page()
    page.goto((out / "index.html").as_uri())
    page.click(".snippet button")
    page.wait_for_function("document.querySelector('.snippet button').textContent !== 'copy'")
    assert page.inner_text(".snippet button") in ("copied", "selected")
    page.close()
