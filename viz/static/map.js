/* beleidsgraaf network map: search, filters, legend, side panel and tooltips.
 *
 * Safety rule: text from documents (labels, aliases, sentences, titles) is only ever put on
 * screen with textContent or as a form value, never as HTML; vis-network gets no `title`
 * strings (it would render them as HTML), our own tooltip element is used instead.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("bg-data").textContent);
  var details = data.details;
  var links = data.links;
  var legend = data.legend;
  var TYPE_ORDER = Object.keys(legend.types);
  var LONG_SENTENCE = 420;  // longer evidence (tables, lists) folds open on request

  var state = {
    types: new Set(TYPE_ORDER),
    landsdeel: "",
    programme: "",
    minDegree: 0,
    cooccurrence: data.settings.coOccurrence,
    colourBy: data.settings.colorBy,
    stable: false,
    visible: new Set(),
    highlighted: null,
  };

  // ---- small DOM helpers (textContent only) ----------------------------------------------
  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function normalise(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }
  function predicateLabel(p) {
    var style = legend.predicates[p];
    return style ? style.label : p === "addresses" ? "richt zich op" : p;
  }
  function typeLabel(t) { return legend.types[t] ? legend.types[t].label : t; }
  function nodeLabel(id) { return details[id] ? details[id].label : id; }

  // ---- adjacency (for panel, programme filter) ---------------------------------------------
  var linksOf = {};
  Object.keys(links).forEach(function (key) {
    var link = links[key];
    (linksOf[link.from] = linksOf[link.from] || []).push(key);
    if (link.to !== link.from) (linksOf[link.to] = linksOf[link.to] || []).push(key);
  });
  var conceptLinksOf = {};
  data.conceptLinks.forEach(function (link) {
    (conceptLinksOf[link.from] = conceptLinksOf[link.from] || []).push(link);
  });

  // ---- network -----------------------------------------------------------------------------
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return state.visible.has(n.id); } });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) {
      if (!state.cooccurrence && e.predicate === "coOccursWith") return false;
      return state.visible.has(e.from) && state.visible.has(e.to);
    },
  });
  computeVisible();
  var container = $("network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);

  function markStable() {
    // Keep the settled positions in the DataSet: nodes a filter hides and shows again, or
    // whose colour changes, come back where they were instead of at a fresh random spot.
    network.storePositions();
    state.stable = true;
    document.body.setAttribute("data-stable", "true");
  }
  if (data.settings.physics && data.nodes.length > 0) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.fit();
      markStable();
    });
  } else {
    markStable();
  }

  // ---- filters -----------------------------------------------------------------------------
  function programmeMembers(id) {
    var members = new Set([id]);
    (linksOf[id] || []).forEach(function (key) {
      members.add(links[key].from);
      members.add(links[key].to);
    });
    return members;
  }
  function neighbours(id) {
    var found = new Set([id]);
    (linksOf[id] || []).forEach(function (key) {
      var link = links[key];
      if (!state.cooccurrence && link.predicate === "coOccursWith") return;
      found.add(link.from);
      found.add(link.to);
    });
    return found;
  }

  // ---- highlight: the selected node and its neighbours stay in colour, the rest fades ----
  var FADED = "#e4e6e8";
  var baseLabels = Object.assign({}, data.options.nodes.scaling.label);
  var EGO_LABELS = { enabled: true, min: 13, max: 22, drawThreshold: 3 };
  var MIN_FOCUS_ZOOM = 0.75;
  var edgeColours = {};
  data.edges.forEach(function (e) { edgeColours[e.id] = e.color; });
  function highlight(id) {
    var near = id === null ? null : neighbours(id);
    state.highlighted = id;
    var positions = network.getPositions();
    nodes.update(Object.keys(details).map(function (n) {
      var on = near === null || near.has(n);
      var item = {
        id: n,
        color: on ? details[n].colours[state.colourBy] : FADED,
        font: { color: on ? "#1b1f23" : "#c4c7ca" },
        // the highlighted neighbourhood keeps its names readable at any zoom
        scaling: { label: near !== null && on ? EGO_LABELS : baseLabels },
      };
      if (positions[n]) { item.x = positions[n].x; item.y = positions[n].y; }
      return item;
    }));
    edges.update(data.edges.map(function (e) {
      var on = id === null || e.from === id || e.to === id;
      return { id: e.id, color: on ? edgeColours[e.id] : { color: FADED, opacity: 0.6 } };
    }));
  }

  function computeVisible() {
    var members = state.programme ? programmeMembers(state.programme) : null;
    state.visible = new Set();
    Object.keys(details).forEach(function (id) {
      var d = details[id];
      if (!state.types.has(d.type)) return;
      if (state.landsdeel && d.landsdelen.indexOf(state.landsdeel) < 0) return;
      if (d.degree < state.minDegree) return;
      if (members && !members.has(id)) return;
      state.visible.add(id);
    });
  }
  function applyFilters() {
    computeVisible();
    nodeView.refresh();
    edgeView.refresh();
    updateCounts();
  }
  function updateCounts() {
    $("counts").textContent = state.visible.size + " van " + data.nodes.length +
      " knopen zichtbaar" + (data.settings.view ? " · weergave: " + data.settings.view : "") +
      (data.settings.total !== data.nodes.length ? " · " + data.settings.total + " in de graaf" : "");
  }

  function buildFilters() {
    var typeBox = $("type-filter");
    var counts = {};
    Object.keys(details).forEach(function (id) {
      counts[details[id].type] = (counts[details[id].type] || 0) + 1;
    });
    TYPE_ORDER.forEach(function (t) {
      var label = el("label");
      var box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = t;
      box.setAttribute("data-type", t);
      box.addEventListener("change", function () {
        if (box.checked) state.types.add(t); else state.types.delete(t);
        applyFilters();
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(typeLabel(t) + " (" + (counts[t] || 0) + ")"));
      typeBox.appendChild(label);
    });

    var landsdelen = new Set();
    var maxDegree = 0;
    var programmes = [];
    Object.keys(details).forEach(function (id) {
      var d = details[id];
      d.landsdelen.forEach(function (ld) { landsdelen.add(ld); });
      maxDegree = Math.max(maxDegree, d.degree);
      if (d.type === "Programme") programmes.push(id);
    });
    var ldSelect = $("landsdeel-filter");
    Array.from(landsdelen).sort().forEach(function (ld) {
      var option = el("option", ld);
      option.value = ld;
      ldSelect.appendChild(option);
    });
    ldSelect.addEventListener("change", function () { state.landsdeel = ldSelect.value; applyFilters(); });

    var progSelect = $("programme-filter");
    programmes.sort(function (a, b) { return nodeLabel(a).localeCompare(nodeLabel(b)); });
    programmes.forEach(function (id) {
      var option = el("option", nodeLabel(id));
      option.value = id;
      progSelect.appendChild(option);
    });
    progSelect.addEventListener("change", function () { state.programme = progSelect.value; applyFilters(); });

    var degree = $("degree-filter");
    degree.max = String(Math.max(1, Math.min(maxDegree, 50)));
    degree.addEventListener("input", function () {
      state.minDegree = Number(degree.value);
      $("degree-value").textContent = degree.value;
      applyFilters();
    });
    var cooc = $("cooccurrence-filter");
    cooc.checked = state.cooccurrence;
    cooc.addEventListener("change", function () { state.cooccurrence = cooc.checked; applyFilters(); });

    var colour = $("colour-by");
    colour.value = state.colourBy;
    colour.addEventListener("change", function () { recolour(colour.value); });
    $("reset").addEventListener("click", resetFilters);
  }
  function resetFilters() {
    state.types = new Set(TYPE_ORDER);
    state.landsdeel = "";
    state.programme = "";
    state.minDegree = 0;
    document.querySelectorAll("#type-filter input").forEach(function (b) { b.checked = true; });
    $("landsdeel-filter").value = "";
    $("programme-filter").value = "";
    $("degree-filter").value = "0";
    $("degree-value").textContent = "0";
    applyFilters();
  }

  // ---- colours and legend --------------------------------------------------------------
  function recolour(scheme) {
    state.colourBy = scheme;
    highlight(state.highlighted);
    buildLegend();
  }
  function typeEntries(list, neutral) {
    TYPE_ORDER.forEach(function (t) {
      var style = legend.types[t];
      var colour = neutral ? "#8a8f94" : style.colour;
      var item = el("li");
      var swatch = el("span", null, "swatch " + style.shape);
      swatch.style.background = colour;
      swatch.style.borderBottomColor = colour;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(style.label));
      list.appendChild(item);
    });
  }
  function buildLegend() {
    var nodeList = $("node-legend");
    nodeList.replaceChildren();
    if (state.colourBy === "type") {
      typeEntries(nodeList, false);
    } else {
      legend.schemes[state.colourBy].forEach(function (entry) {
        var item = el("li");
        var swatch = el("span", null, "swatch dot");
        swatch.style.background = entry.colour;
        item.appendChild(swatch);
        item.appendChild(document.createTextNode(entry.label));
        nodeList.appendChild(item);
      });
      nodeList.appendChild(el("li", "Vorm naar type:", "legend-note"));
      typeEntries(nodeList, true);
    }
    var edgeList = $("edge-legend");
    edgeList.replaceChildren();
    Object.keys(legend.predicates).forEach(function (p) {
      var style = legend.predicates[p];
      var item = el("li");
      var line = el("span", null, "line " + (style.dashes.length ? "dashed" : "solid"));
      line.style.borderTopColor = style.colour;
      item.appendChild(line);
      item.appendChild(document.createTextNode(style.label));
      edgeList.appendChild(item);
    });
  }

  // ---- search --------------------------------------------------------------------------
  var nameIndex = [];
  Object.keys(details).forEach(function (id) {
    details[id].names.forEach(function (name) { nameIndex.push([normalise(name), id]); });
  });
  function find(query) {
    var q = normalise(query);
    if (!q) return null;
    var best = null;
    var bestRank = Infinity;
    nameIndex.forEach(function (entry) {
      var name = entry[0];
      var rank = name === q ? 0 : name.indexOf(q) === 0 ? 1 : name.indexOf(q) > 0 ? 2 : -1;
      if (rank < 0) return;
      var score = rank * 1e6 - details[entry[1]].degree;
      if (score < bestRank) { bestRank = score; best = entry[1]; }
    });
    return best;
  }
  function focusNode(id) {
    if (!details[id]) return false;
    if (!state.visible.has(id)) resetFilters();
    if (!state.visible.has(id)) return false;
    showNode(id);
    network.setSize("100%", "100%");  // the panel took width: measure again before centring
    network.selectNodes([id]);
    var ego = Array.from(neighbours(id)).filter(function (n) { return state.visible.has(n); });
    // Show the whole neighbourhood, unless that needs so small a zoom that names become
    // unreadable: then centre the node itself at a readable zoom.
    network.fit({ nodes: ego, maxZoomLevel: 1.5, animation: false });
    if (network.getScale() < MIN_FOCUS_ZOOM) {
      network.focus(id, { scale: MIN_FOCUS_ZOOM, animation: false });
    }
    return true;
  }
  function buildSearch() {
    var list = $("names");
    var seen = new Set();
    nameIndex.slice(0, 5000).forEach(function (entry) {
      var id = entry[1];
      details[id].names.forEach(function (name) {
        if (seen.has(name)) return;
        seen.add(name);
        var option = el("option");
        option.value = name;
        list.appendChild(option);
      });
    });
    $("search-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var query = $("search").value;
      var id = find(query);
      $("search-status").textContent = id ? "" : "niet gevonden: " + query;
      if (id) focusNode(id);
    });
  }

  // ---- side panel ----------------------------------------------------------------------
  function sourceLine(ev) {
    var doc = data.documents[ev.document];
    var parts = [doc ? doc.title : ev.document || "onbekend document"];
    if (doc && doc.file && doc.file !== doc.title) parts.push(doc.file);
    if (ev.page !== null && ev.page !== undefined) parts.push("p. " + ev.page);
    if (ev.section) parts.push(ev.section);
    return parts.join(" · ");
  }
  function evidenceBlock(link, parent) {
    if (!link.evidence.length) {
      parent.appendChild(el("span", "(geen bewijszin opgeslagen)", "source"));
      return;
    }
    link.evidence.forEach(function (ev) {
      var quote = el("blockquote");
      var text = el("span", null, "sentence");
      quote.appendChild(text);
      if (ev.sentence.length > LONG_SENTENCE) {
        text.textContent = ev.sentence.slice(0, LONG_SENTENCE - 20) + "… ";
        var more = el("button", "toon alles", "more");
        more.type = "button";
        more.addEventListener("click", function () {
          text.textContent = ev.sentence;
          more.remove();
        });
        quote.appendChild(more);
      } else {
        text.textContent = ev.sentence;
      }
      quote.appendChild(el("span", sourceLine(ev), "source"));
      parent.appendChild(quote);
    });
  }
  function linkTo(id) {
    var a = el("a", nodeLabel(id));
    a.tabIndex = 0;
    a.addEventListener("click", function () { focusNode(id); });
    return a;
  }
  function openPanel() {
    $("panel").hidden = false;
    var body = $("panel-body");
    body.replaceChildren();
    return body;
  }
  function showNode(id) {
    var d = details[id];
    highlight(id);
    var body = openPanel();
    body.setAttribute("data-node", id);
    body.appendChild(el("h2", d.label, "label"));
    var badge = el("span", typeLabel(d.type), "type");
    badge.style.background = legend.types[d.type] ? legend.types[d.type].colour : "#777";
    body.appendChild(badge);
    var aliases = d.names.filter(function (n) { return n !== d.label; });
    function section(title, items, cls) {
      if (!items.length) return;
      body.appendChild(el("h3", title));
      var list = el("ul", null, cls);
      items.forEach(function (item) { list.appendChild(el("li", item)); });
      body.appendChild(list);
    }
    section("Ook bekend als", aliases, "aliases");
    section("Soort", d.kinds, "kinds");
    section("Landsdeel", d.landsdelen, "landsdelen");
    // Registry pages: plain links (nothing is requested until the reader follows one);
    // candidates are matches an analyst has not confirmed (curator file, 'link' section).
    if ((d.registry || []).length) {
      body.appendChild(el("h3", "Registers"));
      var reg = el("ul", null, "registry");
      d.registry.forEach(function (r) {
        if (!/^https:\/\//.test(r.url)) return;
        var item = el("li", null, r.candidate ? "candidate" : "link");
        if (r.candidate) item.appendChild(document.createTextNode("kandidaat: "));
        var a = el("a", r.label);
        a.href = r.url;
        a.target = "_blank";
        a.rel = "noopener noreferrer external";
        item.appendChild(a);
        if (r.note) item.appendChild(document.createTextNode(" (" + r.note + ")"));
        reg.appendChild(item);
      });
      body.appendChild(reg);
    }
    section("Genoemd in", d.documents.map(function (doc) {
      var info = data.documents[doc];
      return info ? info.title + (info.file && info.file !== info.title ? " (" + info.file + ")" : "") : doc;
    }), "documents");

    var keys = (linksOf[id] || []).slice().sort(function (a, b) {
      var la = links[a], lb = links[b];
      var pa = la.predicate === "coOccursWith" ? 1 : 0, pb = lb.predicate === "coOccursWith" ? 1 : 0;
      return pa - pb || nodeLabel(la.from === id ? la.to : la.from).localeCompare(nodeLabel(lb.from === id ? lb.to : lb.from));
    });
    var concepts = conceptLinksOf[id] || [];
    body.appendChild(el("h3", "Relaties (" + (keys.length + concepts.length) + ")"));
    var relations = el("div", null, "relations");
    keys.forEach(function (key) {
      var link = links[key];
      var box = el("div", null, "relation");
      var head = el("div", null, "head");
      if (link.from === id) {
        head.appendChild(document.createTextNode(predicateLabel(link.predicate) + " → "));
        head.appendChild(linkTo(link.to));
      } else {
        head.appendChild(linkTo(link.from));
        head.appendChild(document.createTextNode(" " + predicateLabel(link.predicate) + " → "));
        head.appendChild(el("span", d.label, "self"));
      }
      box.appendChild(head);
      evidenceBlock(link, box);
      relations.appendChild(box);
    });
    concepts.forEach(function (link) {
      var box = el("div", null, "relation");
      box.appendChild(el("div", predicateLabel(link.predicate) + " → " + link.toLabel, "head"));
      evidenceBlock(link, box);
      relations.appendChild(box);
    });
    body.appendChild(relations);
    body.appendChild(el("h3", "Verbindingen in de graaf: " + d.degree));
  }
  function showEdge(key) {
    var link = links[key];
    if (!link) return;
    var body = openPanel();
    body.setAttribute("data-edge", key);
    var head = el("h2", null, "label");
    head.appendChild(linkTo(link.from));
    head.appendChild(document.createTextNode(" " + predicateLabel(link.predicate) + " "));
    head.appendChild(linkTo(link.to));
    body.appendChild(head);
    body.appendChild(el("h3", "Bewijs (" + link.evidence.length + ")"));
    evidenceBlock(link, body);
  }
  function closePanel() {
    $("panel").hidden = true;
    network.unselectAll();
    if (state.highlighted !== null) highlight(null);
  }
  $("panel-close").addEventListener("click", closePanel);

  // ---- tooltips (own element, textContent only) ------------------------------------------
  var tooltip = $("tooltip");
  var pointer = { x: 0, y: 0 };
  container.addEventListener("mousemove", function (event) {
    pointer.x = event.clientX;
    pointer.y = event.clientY;
    if (!tooltip.hidden) placeTooltip();
  });
  function placeTooltip() {
    var x = Math.min(pointer.x + 14, window.innerWidth - tooltip.offsetWidth - 8);
    var y = Math.min(pointer.y + 14, window.innerHeight - tooltip.offsetHeight - 8);
    tooltip.style.left = Math.max(4, x) + "px";
    tooltip.style.top = Math.max(4, y) + "px";
  }
  function showTooltip(parts) {
    tooltip.replaceChildren();
    parts.forEach(function (part, i) { tooltip.appendChild(el(i === 0 ? "strong" : "div", part)); });
    tooltip.hidden = false;
    placeTooltip();
  }
  function hideTooltip() { tooltip.hidden = true; }
  network.on("hoverEdge", function (params) {
    var link = links[String(params.edge)];
    if (!link) return;
    var parts = [nodeLabel(link.from) + " " + predicateLabel(link.predicate) + " " + nodeLabel(link.to)];
    if (link.evidence.length) {
      var sentence = link.evidence[0].sentence;
      parts.push("“" + (sentence.length > 320 ? sentence.slice(0, 317) + "…" : sentence) + "”");
      parts.push(sourceLine(link.evidence[0]) + (link.evidence.length > 1 ? " (+" + (link.evidence.length - 1) + " meer)" : ""));
    }
    showTooltip(parts);
  });
  network.on("hoverNode", function (params) {
    var d = details[params.node];
    if (d) showTooltip([d.label, typeLabel(d.type) + " · " + d.degree + " verbindingen"]);
  });
  network.on("blurEdge", hideTooltip);
  network.on("blurNode", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("dragEnd", function (params) {
    if (params.nodes.length) network.storePositions(params.nodes);
  });

  network.on("click", function (params) {
    hideTooltip();
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(String(params.edges[0]));
    else closePanel();
  });

  buildFilters();
  buildLegend();
  buildSearch();
  updateCounts();

  window.bgMap = {
    network: network,
    nodes: nodes,
    edges: edges,
    find: find,
    focusNode: focusNode,
    isStable: function () { return state.stable; },
    visibleNodeIds: function () { return nodeView.getIds(); },
    visibleEdgeIds: function () { return edgeView.getIds(); },
  };
})();
