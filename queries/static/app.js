// The query page: pick a library question (parameters bound by the server) or write SPARQL.
"use strict";
const $ = (id) => document.getElementById(id);
let library = [];

function show(text, isError) {
  $("status").textContent = text;
  $("status").className = isError ? "error" : "";
}

function render(data) {
  const table = $("results");
  table.replaceChildren();
  if (data.boolean !== undefined) { show(String(data.boolean)); return; }
  const vars = data.head.vars;
  const head = table.createTHead().insertRow();
  for (const v of vars) { const th = document.createElement("th"); th.textContent = v; head.appendChild(th); }
  const body = table.createTBody();
  for (const binding of data.results.bindings) {
    const row = body.insertRow();
    for (const v of vars) { row.insertCell().textContent = binding[v] ? binding[v].value : ""; }
  }
  show(data.results.bindings.length + " rijen / rows");
}

async function run() {
  const name = $("named").value;
  show("…");
  let response;
  if (name && $("query").dataset.from === name) {
    const params = new URLSearchParams();
    for (const input of $("params").querySelectorAll("input")) params.set(input.name, input.value);
    response = await fetch("/api/queries/" + encodeURIComponent(name) + "?" + params,
      { headers: { Accept: "application/sparql-results+json" } });
  } else {
    response = await fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" },
      body: $("query").value,
    });
  }
  const text = await response.text();
  if (!response.ok) { $("results").replaceChildren(); show(text, true); return; }
  try { render(JSON.parse(text)); } catch (e) { $("results").replaceChildren(); show(text); }
}

function choose() {
  const query = library.find((q) => q.name === $("named").value);
  $("params").replaceChildren();
  $("description").textContent = query ? query.title_nl + " — " + query.description : "";
  if (!query) { delete $("query").dataset.from; return; }
  $("query").value = query.text;
  $("query").dataset.from = query.name;
  for (const p of query.params) {
    const label = document.createElement("label");
    label.textContent = p.name + " (" + p.description + ")";
    const input = document.createElement("input");
    input.name = p.name; input.value = p.example;
    label.appendChild(input);
    $("params").appendChild(label);
  }
}

async function init() {
  library = await (await fetch("/api/queries")).json();
  for (const q of library) {
    const option = document.createElement("option");
    option.value = q.name; option.textContent = q.title_nl + " / " + q.title_en;
    $("named").appendChild(option);
  }
  $("named").addEventListener("change", choose);
  $("query").addEventListener("input", () => { delete $("query").dataset.from; });
  $("run").addEventListener("click", run);
}
init();
