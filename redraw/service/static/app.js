// The preview page: the description (or the edited spec) is sent to the API as you type, debounced;
// the newest answer wins, older ones still in flight are ignored.
"use strict";

const $ = (id) => document.getElementById(id);
const TEXT = "text/plain; charset=utf-8";
const JSON_TYPE = "application/json";
const DEBOUNCE_MS = 350;

let generation = 0;          // bumped by every edit; an answer for an older generation is dropped
let source = null;           // what the figure was last drawn from: {body, type}
let figureUrl = null;

function debounce(fn) {
  let timer = null;
  return () => { clearTimeout(timer); timer = setTimeout(fn, DEBOUNCE_MS); };
}

function setStatus(text) { $("status").textContent = text; }

function showError(problem) {
  const where = problem.line ? `line ${problem.line}: ` : "";
  $("error").textContent = `${problem.title || "Error"}\n${where}${problem.detail || ""}`;
  $("error").hidden = false;
  $("figure").hidden = true;
  $("empty").hidden = true;
  setStatus(`error ${problem.status || ""}`.trim());
  enableDownloads(false);
}

async function problemOf(response) {
  try { return await response.json(); } catch { return { status: response.status, title: response.statusText }; }
}

// The line of the description a warning speaks of: its own "line N:", else where the first quoted name it
// mentions occurs in the text.
function lineOf(warning, text) {
  const own = /^line (\d+)/.exec(warning);
  if (own) return Number(own[1]);
  for (const m of warning.matchAll(/'([^']{2,})'|"([^"]{2,})"/g)) {
    const at = text.indexOf(m[1] || m[2]);
    if (at >= 0) return text.slice(0, at).split("\n").length;
  }
  return null;
}

function showWarnings(warnings, text) {
  const list = $("warnings");
  list.replaceChildren();
  for (const w of warnings) {
    const item = document.createElement("li");
    const line = text === null ? null : lineOf(w, text);
    if (line !== null) {
      const tag = document.createElement("span");
      tag.className = "line";
      tag.textContent = `line ${line}`;
      item.append(tag);
    }
    item.append(w.replace(/^line \d+: /, ""));
    list.append(item);
  }
  $("warning-count").textContent = warnings.length ? `(${warnings.length})` : "(none)";
}

function enableDownloads(on) {
  for (const b of document.querySelectorAll(".downloads button")) b.disabled = !on;
}

function previewFormat() {
  return $("format").value === "svg" ? "svg" : "png";   // a PDF cannot be shown in an <img>; it is downloaded
}

function renderUrl(format) {
  return `/v1/render?format=${format}&size=${$("size").value}`;
}

async function draw(body, type, mine) {
  setStatus("drawing…");
  const response = await fetch(renderUrl(previewFormat()), { method: "POST", headers: { "Content-Type": type }, body });
  if (mine !== generation) return;
  if (!response.ok) { showError(await problemOf(response)); return; }
  const blob = await response.blob();
  if (mine !== generation) return;
  if (figureUrl) URL.revokeObjectURL(figureUrl);
  figureUrl = URL.createObjectURL(blob);
  const img = $("figure");
  img.src = figureUrl;
  img.alt = "the figure redrawn from the description";
  img.dataset.etag = response.headers.get("ETag") || "";
  img.hidden = false;
  $("error").hidden = true;
  $("empty").hidden = true;
  source = { body, type };
  enableDownloads(true);
  const warnings = response.headers.get("X-Redraw-Warnings");
  setStatus(`drawn · ${warnings} warning${warnings === "1" ? "" : "s"}`);
}

async function fromDescription() {
  const text = $("description").value;
  const mine = ++generation;
  if (!text.trim()) {
    $("figure").hidden = true; $("error").hidden = true; $("empty").hidden = false;
    $("spec").value = ""; showWarnings([], null); setStatus(""); enableDownloads(false);
    return;
  }
  setStatus("reading…");
  const response = await fetch("/v1/parse", { method: "POST", headers: { "Content-Type": TEXT }, body: text });
  if (mine !== generation) return;
  if (!response.ok) { showError(await problemOf(response)); showWarnings([], null); return; }
  const spec = await response.json();
  if (mine !== generation) return;
  $("spec").value = JSON.stringify(spec, null, 2);
  showWarnings(spec.warnings || [], text);
  await draw(text, TEXT, mine);
}

async function fromSpec() {
  const mine = ++generation;
  let spec;
  try {
    spec = JSON.parse($("spec").value);
  } catch (err) {
    showError({ title: "The ChartSpec is not valid JSON", detail: err.message });
    return;
  }
  showWarnings(spec.warnings || [], $("description").value);
  await draw(JSON.stringify(spec), JSON_TYPE, mine);
}

function redrawCurrent() {
  if (source === null) return;
  if (source.type === JSON_TYPE) fromSpec(); else fromDescription();
}

async function download(format) {
  let blob;
  if (format === "json") {
    blob = new Blob([$("spec").value], { type: JSON_TYPE });
  } else {
    if (source === null) return;
    const response = await fetch(renderUrl(format), { method: "POST", headers: { "Content-Type": source.type },
                                                     body: source.body });
    if (!response.ok) { showError(await problemOf(response)); return; }
    blob = await response.blob();
  }
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `figure.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

$("description").addEventListener("input", debounce(fromDescription));
$("spec").addEventListener("input", debounce(fromSpec));
$("size").addEventListener("change", redrawCurrent);
$("format").addEventListener("change", redrawCurrent);
for (const b of document.querySelectorAll(".downloads button")) {
  b.addEventListener("click", () => download(b.dataset.format));
}
