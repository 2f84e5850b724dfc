"""OUT/index.html: one page that shows every figure of a batch, to review 200 figures without opening 200 files.

One card per input, in input order: the figure, its alt text, the parser's warnings, links to every format
and the JSON, and LaTeX and Markdown snippets to copy. Failed inputs are listed with their error line.
Static HTML with its CSS and a few lines of JS inline: no CDN, it opens from the folder (file://).
Rewritten on every run from what OUT holds, so files skipped as up to date have their card too.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from .io import write_atomic

FORMATS = ("png", "svg", "pdf")
NAME = "index.html"


@dataclass
class Card:
    stem: str
    source: str
    formats: list[str] = field(default_factory=list)
    title: str = ""
    alt: str = ""
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


def cards(out: Path, sources: list[Path], errors: dict[str, str]) -> list[Card]:
    """A card per input: its error from this run, or what OUT holds for it (NAME.json and the figures)."""
    found: list[Card] = []
    for source in sources:
        card = Card(source.stem, str(source), error=errors.get(str(source)))
        spec_file = out / f"{source.stem}.json"
        if card.error is None:
            try:
                spec = json.loads(spec_file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                card.error = f"{source}: no {spec_file.name} in {out}"
            else:
                card.title = spec.get("title") or spec.get("caption") or source.stem
                card.alt = spec.get("alt_text") or ""
                card.warnings = list(spec.get("warnings") or []) + list(spec.get("doubts") or [])
                card.formats = [f for f in FORMATS if (out / f"{source.stem}.{f}").is_file()]
        found.append(card)
    return found


def latex(card: Card, column: bool) -> str:
    graphic = f"{card.stem}.pdf" if "pdf" in card.formats else f"{card.stem}.{(card.formats or ['png'])[0]}"
    width = r"\columnwidth" if column else r"\textwidth"
    return ("\\begin{figure}[t]\n  \\centering\n"
            f"  \\includegraphics[width={width}]{{{graphic}}}\n"
            f"  \\caption{{{_tex(card.title)}}}\n  \\label{{fig:{_tex(card.stem)}}}\n\\end{{figure}}")


def markdown(card: Card) -> str:
    shown = next((f for f in ("svg", "png") if f in card.formats), (card.formats or ["png"])[0])
    return f"![{card.alt.replace(']', ')').replace('[', '(')}]({card.stem}.{shown})"


def _tex(text: str) -> str:
    out = []
    for ch in text:
        out.append({"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}.get(
            ch, "\\" + ch if ch in "&%$#_{}" else ch))
    return "".join(out)


def _card_html(card: Card, column: bool) -> str:
    if card.error is not None:
        return ""
    shown = next((f for f in ("png", "svg") if f in card.formats), None)
    picture = (f'<img src="{escape(card.stem)}.{shown}" alt="{escape(card.alt)}" loading="lazy">' if shown
               else '<p class="nofig">no PNG or SVG in this batch; see the links</p>')
    links = " ".join(f'<a href="{escape(card.stem)}.{f}">{f.upper()}</a>' for f in [*card.formats, "json"])
    warnings = "".join(f"<li>{escape(w)}</li>" for w in card.warnings)
    count = f"{len(card.warnings)} warning{'s' if len(card.warnings) != 1 else ''}"
    copy = '<button type="button">copy</button>'
    return f"""
<article class="card" id="{escape(card.stem)}">
  <h2>{escape(card.title)}</h2>
  <p class="source">{escape(card.source)}</p>
  <figure>{picture}</figure>
  <p class="alt"><strong>Alt text.</strong> {escape(card.alt)}</p>
  <details{' open' if card.warnings else ''}><summary>{count}</summary>
    <ul>{warnings}</ul></details>
  <p class="links">{links}</p>
  <div class="snippet"><span>LaTeX</span>{copy}<pre>{escape(latex(card, column))}</pre></div>
  <div class="snippet"><span>Markdown</span>{copy}<pre>{escape(markdown(card))}</pre></div>
</article>"""


STYLE = """
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f;
       background: #f6f6f7; }
header { padding: 1rem 1.5rem; background: #fff; border-bottom: 1px solid #ddd; }
h1 { margin: 0; font-size: 1.3rem; } h1 span { color: #d62728; }
.summary { color: #555; margin: 0.3rem 0 0; }
main { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 1rem; padding: 1rem 1.5rem; }
.card { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 0.8rem 1rem; min-width: 0; }
.card h2 { font-size: 1rem; margin: 0; } .source { color: #777; font-size: 0.8rem; margin: 0.1rem 0 0.5rem; }
figure { margin: 0; text-align: center; } figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
.alt { font-size: 0.85rem; color: #333; } details { font-size: 0.85rem; color: #5b4500; }
.links a { margin-right: 0.6rem; }
.snippet { position: relative; margin-top: 0.5rem; } .snippet span { font-size: 0.75rem; color: #777; }
.snippet button { position: absolute; right: 0; top: 0; font-size: 0.75rem; }
pre { background: #f3f3f5; padding: 0.5rem; overflow-x: auto; font-size: 0.78rem; margin: 0.2rem 0 0; }
.failed { margin: 0 1.5rem 1.5rem; padding: 0.8rem 1rem; background: #fdecec; border: 1px solid #f3b4b4;
          border-radius: 6px; } .failed li { font-family: ui-monospace, monospace; font-size: 0.85rem; }
"""
SCRIPT = """
for (const b of document.querySelectorAll(".snippet button")) {
  b.addEventListener("click", async () => {
    const text = b.parentElement.querySelector("pre").textContent;
    try { await navigator.clipboard.writeText(text); b.textContent = "copied"; }
    catch { const r = document.createRange(); r.selectNodeContents(b.parentElement.querySelector("pre"));
            getSelection().removeAllRanges(); getSelection().addRange(r); b.textContent = "selected"; }
  });
}
"""


def page(found: list[Card], column: bool) -> str:
    drawn = [c for c in found if c.error is None]
    failed = [c for c in found if c.error is not None]
    failures = "".join(f"<li>{escape(str(c.error))}</li>" for c in failed)
    failed_html = (f'<section class="failed"><h2>{len(failed)} failed</h2><ul>{failures}</ul></section>'
                   if failed else "")
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>redraw: {len(drawn)} figures</title>
<style>{STYLE}</style>
</head>
<body>
<header><h1><span>redraw</span> gallery</h1>
<p class="summary">{len(drawn)} figure{'s' if len(drawn) != 1 else ''}{f', {len(failed)} failed' if failed else ''}.
Each card: the figure, its alt text, the parser's warnings, every format, and snippets to paste.</p></header>
{failed_html}
<main>{''.join(_card_html(c, column) for c in drawn)}
</main>
<script>{SCRIPT}</script>
</body>
</html>
"""


def write_gallery(out: Path, sources: list[Path], errors: dict[str, str], column: bool = False) -> Path:
    """Write OUT/index.html (atomically) for these inputs; `errors` maps an input's path to its error line."""
    target = out / NAME
    write_atomic(target, page(cards(out, sources, errors), column).encode("utf-8"))
    return target
