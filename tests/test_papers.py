"""Figures for papers, reports and notebooks: venue sizes and fonts, --width, the Okabe-Ito palette, alt text
in every format and in NAME.json, the batch gallery (OUT/index.html) and display in Jupyter."""
from __future__ import annotations

import json
import re
import struct
import zlib
from pathlib import Path
from xml.etree import ElementTree

import pytest
from matplotlib.colors import to_hex

from redraw.cli import main
from redraw.parse import parse
from redraw.render import figure_bytes, render
from redraw.render.style import VENUES
from tests.conftest import EXAMPLES

SEED = next(p for p in EXAMPLES if p.name.startswith("001_"))     # groups, a red star, log x
LINES = next(p for p in EXAMPLES if p.name.startswith("003_"))    # a trend line and two reference lines
GROUPS = """Scatter plot. X-axis: Size (B). Y-axis: Score.
Legend: blue circles = Open, dark blue squares = Closed, gray circles = Old.

- **A** (blue): (1, 50)
- **B** (dark blue): (2, 55)
- **C** (gray): (3, 52)
- **Ours**: (4, 70), red star
"""


def spec_of(path: Path):
    return parse(path.read_text(encoding="utf-8"), path.name)


def png_chunks(data: bytes) -> dict[bytes, list[bytes]]:
    """The PNG's chunks by type, read with the standard library (CRCs checked)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks: dict[bytes, list[bytes]] = {}
    at = 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        kind, body = data[at + 4:at + 8], data[at + 8:at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length:at + 12 + length])
        assert crc == zlib.crc32(kind + body), kind
        chunks.setdefault(kind, []).append(body)
        at += 12 + length
    return chunks


def png_size(data: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", png_chunks(data)[b"IHDR"][0][:8])
    return width, height


def pdf_string(data: bytes, key: str) -> str:
    """A literal string entry of the PDF's info dictionary, unescaped."""
    start = data.index(f"/{key} (".encode()) + len(key) + 3
    out, depth, at = bytearray(), 0, start
    while True:
        ch = data[at:at + 1]
        if ch == b"\\":
            out += data[at + 1:at + 2]
            at += 2
            continue
        if ch == b"(":
            depth += 1
        elif ch == b")":
            if depth == 0:
                return out.decode("latin-1")
            depth -= 1
        out += ch
        at += 1


# --- sizes and fonts ---

@pytest.mark.parametrize("venue", sorted(VENUES))
@pytest.mark.parametrize("size", ["column", "page"])
def test_each_venue_gives_its_width_in_png_and_pdf(venue, size):
    fig = render(spec_of(LINES), size, venue=venue)
    width = VENUES[venue].column if size == "column" else VENUES[venue].full
    assert png_size(figure_bytes(fig, "png", 200))[0] == round(width * 200)
    box = re.search(rb"/MediaBox \[ 0 0 ([\d.]+) ([\d.]+) \]", figure_bytes(fig, "pdf"))
    assert box is not None and float(box.group(1)) == pytest.approx(width * 72)


@pytest.mark.parametrize("venue", sorted(VENUES))
def test_each_venue_draws_its_font_sizes_in_a_serif(venue):
    fig = render(spec_of(LINES), "column", venue=venue)
    fig.canvas.draw()
    ax = fig.axes[0]
    v = VENUES[venue]
    assert ax.xaxis.label.get_fontsize() == v.font
    assert ax.yaxis.label.get_fontsize() == v.font
    ticks = [t for t in ax.get_xticklabels() + ax.get_yticklabels() if t.get_text()]
    assert ticks and {t.get_fontsize() for t in ticks} == {v.small}
    labels = [t for t in ax.texts if t.get_text()]
    assert labels and {t.get_fontsize() for t in labels} == {v.small}
    assert {t.get_fontname() for t in [ax.xaxis.label, *ticks, *labels]} == {"STIXGeneral"}


def test_venue_pdf_embeds_its_fonts():
    data = figure_bytes(render(spec_of(SEED), "column", venue="icml"), "pdf")
    assert b"/FontFile2" in data and b"STIXGeneral" in data


@pytest.mark.parametrize("width", [2.5, 4.2, 12.0])
def test_any_width(width):
    fig = render(spec_of(SEED), width=width)
    assert png_size(figure_bytes(fig, "png", 100))[0] == round(width * 100)


def test_width_with_a_venue_keeps_the_venue_fonts():
    fig = render(spec_of(LINES), venue="acl", width=4.0)
    assert fig.get_size_inches()[0] == pytest.approx(4.0)
    assert fig.axes[0].xaxis.label.get_fontsize() == VENUES["acl"].font


def test_the_names_the_cli_offers_are_the_ones_the_renderer_draws():
    import importlib

    from redraw.render.palette import PALETTES

    names = importlib.import_module("redraw.render")   # `redraw.render` is also the function
    assert tuple(VENUES) == names.VENUES
    assert PALETTES == names.PALETTES


def test_the_house_sizes_are_unchanged():
    fig = render(spec_of(SEED), "page")
    assert tuple(fig.get_size_inches()) == (7.0, 5.0)
    assert fig.axes[0].xaxis.label.get_fontname() == "DejaVu Sans"


@pytest.mark.parametrize("options", [{"venue": "neurips"}, {"palette": "okabe-ito"}, {"width": 5.0}])
@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_new_options_give_the_same_bytes_every_time(options, fmt):
    a = figure_bytes(render(spec_of(SEED), "column", **options), fmt)
    b = figure_bytes(render(spec_of(SEED), "column", **options), fmt)
    assert a == b


# --- palette ---

def _drawn_colours(fig) -> set[str]:
    return {to_hex(c) for coll in fig.axes[0].collections for c in coll.get_facecolors()}


def test_okabe_ito_keeps_each_hue():
    fig = render(parse(GROUPS), palette="okabe-ito")
    drawn = _drawn_colours(fig)
    assert "#d55e00" in drawn          # the red star: Okabe-Ito's vermillion
    assert "#0072b2" in drawn          # blue: Okabe-Ito's blue
    assert "#7f7f7f" in drawn          # gray has no hue: kept
    assert "#d62728" not in drawn and "#1f77b4" not in drawn


def test_two_colours_of_one_hue_stay_apart():
    fig = render(parse(GROUPS), palette="okabe-ito")
    legend = {t.get_text(): to_hex(h.get_color()) for t, h in
              zip(fig.axes[0].get_legend().get_texts(), fig.axes[0].get_legend().legend_handles, strict=True)}
    assert legend["Open"] != legend["Closed"]
    assert legend["Open"] == "#0072b2"


def test_unknown_palette_is_an_error():
    with pytest.raises(ValueError, match="okabe-ito"):
        render(parse(GROUPS), palette="rainbow")


# --- alt text ---

def test_alt_text_states_what_the_figure_shows():
    spec = spec_of(SEED)
    alt = spec.alt_text
    assert alt is not None
    assert "AIME 2025 Performance vs. Total Parameters" in alt
    assert "14 points in 3 series" in alt and "log scale" in alt
    assert "Highlighted: DASD-4B-Thinking (Ours) at x 4, y 84" in alt
    lines = spec_of(LINES).alt_text or ""
    assert "trend line" in lines and "horizontal reference line at y = 51" in lines
    assert "x, 2 to 7.2" in lines   # the axis grows to the point beyond the stated range, as drawn


def test_alt_text_follows_an_edited_spec():
    spec = json.loads(spec_of(SEED).to_json())
    spec["points"] = spec["points"][:3]
    again = parse(json.dumps(spec))
    assert again.alt_text is not None and again.alt_text.count("3 points") == 1
    assert again.alt_text != spec["alt_text"]


def test_alt_text_is_in_every_format():
    spec = spec_of(SEED)
    fig = render(spec)
    text = png_chunks(figure_bytes(fig, "png"))[b"iTXt"]
    assert text == [b"Description\0\0\0\0\0" + (spec.alt_text or "").encode("utf-8")]
    root = ElementTree.fromstring(figure_bytes(fig, "svg"))
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img"
    assert [c.tag for c in root[:2]] == [f"{ns}title", f"{ns}desc"]
    assert root[0].text == spec.title and root[1].text == spec.alt_text
    assert root.get("aria-labelledby") == f"{root[0].get('id')} {root[1].get('id')}"
    pdf = figure_bytes(fig, "pdf")
    assert pdf_string(pdf, "Title") == spec.title
    assert pdf_string(pdf, "Subject") == spec.alt_text


def test_alt_text_keeps_non_ascii():
    spec = parse("Scatter plot. X-axis: Größe (µm). Y-axis: Score.\n\n- **Café–1**: (1, 2)\n- **B**: (2, 3)\n")
    body = png_chunks(figure_bytes(render(spec), "png"))[b"iTXt"][0]
    assert body.decode("utf-8").endswith(spec.alt_text or "")
    assert "Größe (µm)" in (spec.alt_text or "")


# --- the gallery ---

def run(*args: object) -> int:
    return main([str(a) for a in args])


def test_cli_bar_venue_sizes_alt_text_and_gallery(tmp_path):
    out = tmp_path / "out"
    assert run(SEED, LINES, out, "--venue", "icml", "--size", "column", "--format", "png,svg,pdf",
               "--dpi", "200", "-q", "-j", "1") == 0
    for src in (SEED, LINES):
        png = (out / f"{src.stem}.png").read_bytes()
        assert png_size(png)[0] == 650
        assert b"/MediaBox [ 0 0 234 " in (out / f"{src.stem}.pdf").read_bytes()
        alt = json.loads((out / f"{src.stem}.json").read_text())["alt_text"]
        assert png_chunks(png)[b"iTXt"][0].endswith(alt.encode("utf-8"))
        assert b'role="img"' in (out / f"{src.stem}.svg").read_bytes()
    page = (out / "index.html").read_text()
    assert page.count('<article class="card"') == 2
    assert f'<img src="{SEED.stem}.png"' in page
    assert r"\includegraphics[width=\columnwidth]{" + SEED.stem + ".pdf}" in page


def test_gallery_lists_failures_and_survives_reruns(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.md").write_bytes(SEED.read_bytes())
    (src / "bar.md").write_text("Bar chart of revenue by quarter.\n\nQ1: 10\nQ2: 12\n")
    out = tmp_path / "out"
    assert run(src, out, "-q", "-j", "1") == 1
    page = (out / "index.html").read_text()
    assert '<section class="failed">' in page and "bar.md:1: this describes a bar chart" in page
    assert page.count('<article class="card"') == 1
    assert r"\includegraphics[width=\textwidth]{good.png}" in page   # page size, no PDF in this batch
    (out / "index.html").unlink()
    assert run(src, out, "-q", "-j", "1") == 1     # good.md is up to date: its card comes back all the same
    assert (out / "index.html").read_text() == page


def test_no_gallery(tmp_path):
    assert run(SEED, tmp_path, "-q", "--no-gallery") == 0
    assert not (tmp_path / "index.html").exists()


def test_gallery_snippets_escape_latex_and_markdown():
    from redraw.gallery import Card, latex, markdown

    card = Card("fig_1", "fig_1.md", ["pdf", "png"], title="Cost & 50% of {x}_1", alt="a [b] c")
    assert r"\caption{Cost \& 50\% of \{x\}\_1}" in latex(card, column=True)
    assert r"\label{fig:fig\_1}" in latex(card, column=True)
    assert markdown(card) == "![a (b) c](fig_1.png)"


# --- notebooks ---

def test_show_displays_a_description():
    import redraw

    shown = redraw.show(SEED.read_text(encoding="utf-8"), "column", venue="icml")
    assert shown.spec.title == "AIME 2025 Performance vs. Total Parameters"
    svg = shown._repr_svg_()
    assert svg.startswith("<?xml") and 'role="img"' in svg
    assert png_size(shown._repr_png_())[0] == 325   # 3.25 in at the notebook's 100 dpi


def test_a_chartspec_displays_as_its_figure_in_ipython():
    interactiveshell = pytest.importorskip("IPython.core.interactiveshell")
    from redraw.notebook import register

    shell = interactiveshell.InteractiveShell.instance()
    assert register(shell)
    data, _ = shell.display_formatter.format(spec_of(SEED))
    assert data["image/svg+xml"].lstrip().startswith("<?xml")
    assert png_size(data["image/png"])[0] == 700
