/* beleidsgraaf network map: views, filters, labels, legend, side panel, shared state, export.
 *
 * Safety rule: text from documents (labels, aliases, sentences, titles) is only ever put on
 * screen with textContent, as a form value, drawn on the canvas with fillText, or written into
 * an exported SVG through the DOM (XMLSerializer escapes it) -- never as HTML. vis-network gets
 * no labels and no `title` strings (it would render titles as HTML); our own tooltip element is
 * used instead, and the page script draws the names itself.
 *
 * The whole view state lives in the URL fragment (see viz/viewstate.py for the keys), so a link
 * to the file reopens the same view; the fragment is rewritten in place (no navigation, no
 * request) whenever the view changes.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("bg-data").textContent);
  var details = data.details;
  var links = data.links;
  var legend = data.legend;
  var settings = data.settings;
  var documents = data.documents;
  var TYPE_ORDER = Object.keys(legend.types);
  var YEARS = settings.years;
  var LONG_SENTENCE = 420;  // longer evidence (tables, lists) folds open on request
  var FADED = "#e4e6e8";
  var LABEL_FONT = "12px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
  var LABEL_HEIGHT = 15;
  var LABEL_MAX_CHARS = 34;
  var LABEL_AREA = 11000;  // one label per this many square pixels of canvas, at most
  var LABEL_PAD = 2;
  var RING_SPACING = 52;  // canvas units between neighbours on a ring of a radial view
  var RING_STEP = 170;
  var WIDE = 1.35;  // radial views are stretched sideways: screens are wider than high
  var VIEWS = ["overzicht", "landsdeel", "programma", "netwerk", "gemeenschap"];
  var COLOUR_NAMES = { type: "type", gemeenschap: "community", landsdeel: "landsdeel" };
  var STORE_KEY = "beleidsgraaf-kaart-weergaven:" + location.pathname;
  // Names matter most for actors and programmes: a region or intervention needs twice the
  // links to be named before them.
  var NAMED_FIRST = { Organisation: 1, Programme: 1, Person: 1, Intervention: 0.5, Region: 0.5 };

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
  function decimal(x) { return String(Math.round(x * 100) / 100).replace(".", ","); }
  function predicateLabel(p) {
    var style = legend.predicates[p];
    return style ? style.label : p === "addresses" ? "richt zich op" : p;
  }
  function typeLabel(t) { return legend.types[t] ? legend.types[t].label : t; }
  function nodeLabel(id) { return details[id] ? details[id].label : id; }
  function shortId(id) {
    return id.indexOf(settings.idBase) === 0 ? id.slice(settings.idBase.length) : id;
  }
  /* The node a state names: its short id, its IRI, or (typed by hand) any of its names. */
  function longId(text) {
    if (!text) return null;
    if (details[settings.idBase + text]) return settings.idBase + text;
    return details[text] ? text : find(text);
  }
  function docYear(doc) {
    var info = documents[doc];
    return info && info.year !== null && info.year !== undefined ? info.year : null;
  }

  // ---- the graph as the page reads it ------------------------------------------------------
  var home = {};  // overview positions (precomputed in Python)
  var sizeOf = {};
  var shapeOf = {};
  data.nodes.forEach(function (n) {
    home[n.id] = { x: n.x, y: n.y };
    sizeOf[n.id] = n.size;
    shapeOf[n.id] = n.shape;
  });
  var edgeStyle = {};
  data.edges.forEach(function (e) { edgeStyle[String(e.id)] = e; });
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
  var landsdelen = [];
  var programmes = [];
  Object.keys(details).forEach(function (id) {
    details[id].landsdelen.forEach(function (ld) {
      if (landsdelen.indexOf(ld) < 0) landsdelen.push(ld);
    });
    if (details[id].type === "Programme") programmes.push(id);
  });
  landsdelen.sort();
  programmes.sort(function (a, b) { return nodeLabel(a).localeCompare(nodeLabel(b)); });
  var communityIds = data.communities.map(function (c) { return String(c.id); });
  var nameIndex = [];  // for search, and for names typed into a link
  Object.keys(details).forEach(function (id) {
    details[id].names.forEach(function (name) { nameIndex.push([normalise(name), id]); });
  });
  var undated = Object.keys(documents).some(function (d) { return docYear(d) === null; });

  // ---- view state ----------------------------------------------------------------------------
  function defaults() {
    return {
      view: "overzicht", landsdeel: "", programme: "", ego: "", depth: 1, community: "",
      types: new Set(TYPE_ORDER), minDegree: 0, cooccurrence: false, isolates: false,
      year: null, confidence: 0, colourBy: settings.colorBy, selected: null, camera: null,
    };
  }
  var state = defaults();
  var derived = { visible: new Set(), edgesOn: new Set(), isolates: 0, hidden: 0, centre: null,
    adj: {}, ranked: [], near: null };
  var stable = false;

  function degreeOf(id) {
    return state.cooccurrence ? details[id].degreeAll : details[id].degree;
  }
  function importance(a, b) {
    return sizeOf[b] - sizeOf[a] || degreeOf(b) - degreeOf(a) ||
      nodeLabel(a).localeCompare(nodeLabel(b));
  }
  /* One statement behind a link, as [year of its document or null, confidence or null]: is
   * it in the year and sure enough? */
  function supportOn(s) {
    if (state.year !== null && (s[0] === null || s[0] > state.year)) return false;
    return s[1] === null || s[1] >= state.confidence;
  }
  function linkOn(key) {
    var link = links[key];
    if (!state.cooccurrence && link.predicate === "coOccursWith") return false;
    if (state.year === null && state.confidence <= 0) return true;
    return link.support.some(supportOn);
  }
  function nodeInYear(id) {
    if (state.year === null) return true;
    return details[id].documents.some(function (doc) {
      var year = docYear(doc);
      return year !== null && year <= state.year;
    });
  }

  /* Which nodes and links the current state shows: filters first, then the view, then nodes
   * left without any shown link are hidden behind a count (unless asked for). */
  function computeView() {
    var base = new Set();
    Object.keys(details).forEach(function (id) {
      var d = details[id];
      if (!state.types.has(d.type) || !nodeInYear(id)) return;
      if (degreeOf(id) < state.minDegree && id !== state.selected) return;
      base.add(id);
    });
    var adj = {};
    var on = [];
    Object.keys(links).forEach(function (key) {
      var link = links[key];
      if (!base.has(link.from) || !base.has(link.to) || !linkOn(key)) return;
      on.push(key);
      if (link.from === link.to) return;
      (adj[link.from] = adj[link.from] || []).push(link.to);
      (adj[link.to] = adj[link.to] || []).push(link.from);
    });
    var chosen = new Set();
    var centre = null;
    if (state.view === "landsdeel") {
      base.forEach(function (id) {
        if (details[id].landsdelen.indexOf(state.landsdeel) >= 0) chosen.add(id);
      });
      chosen.forEach(function (id) { if (details[id].label === state.landsdeel) centre = id; });
    } else if (state.view === "programma" || state.view === "netwerk") {
      centre = state.view === "programma" ? state.programme : state.ego;
      if (base.has(centre)) {
        reach(adj, centre, state.view === "programma" ? 1 : state.depth)
          .forEach(function (id) { chosen.add(id); });
      }
    } else if (state.view === "gemeenschap") {
      base.forEach(function (id) {
        var c = details[id].community;
        if (c !== null && (!state.community || String(c) === state.community)) chosen.add(id);
      });
    } else {
      chosen = base;
    }
    var keys = on.filter(function (k) { return chosen.has(links[k].from) && chosen.has(links[k].to); });
    var linked = new Set();
    keys.forEach(function (k) {
      if (links[k].from !== links[k].to) { linked.add(links[k].from); linked.add(links[k].to); }
    });
    var visible = new Set();
    var isolates = 0;
    chosen.forEach(function (id) {
      var lone = !linked.has(id);
      if (lone) isolates += 1;
      if (!lone || state.isolates || id === state.selected || id === centre) visible.add(id);
    });
    if (centre === null && state.view !== "overzicht" && visible.size) {
      centre = Array.from(visible).sort(importance)[0];
    }
    derived.visible = visible;
    derived.edgesOn = new Set(keys.filter(function (k) {
      return visible.has(links[k].from) && visible.has(links[k].to);
    }));
    derived.isolates = isolates;
    derived.hidden = chosen.size - visible.size;
    derived.centre = visible.has(centre) ? centre : null;
    derived.adj = adj;
    updateNear();
  }
  /* The selection and its neighbours stay in colour, the rest fades; not when the selection is
   * the centre of the view (an actor's own ego network), which already is its neighbourhood. */
  function updateNear() {
    var id = state.selected;
    var own = id === derived.centre && state.view !== "overzicht";
    derived.near = id && derived.visible.has(id) && !own ? neighbours(id) : null;
    rankLabels();
  }
  function reach(adj, start, depth) {
    var seen = new Map([[start, 0]]);
    var queue = [start];
    while (queue.length) {
      var v = queue.shift();
      if (seen.get(v) >= depth) continue;
      (adj[v] || []).forEach(function (n) {
        if (!seen.has(n)) { seen.set(n, seen.get(v) + 1); queue.push(n); }
      });
    }
    return Array.from(seen.keys());
  }
  function neighbours(id) {
    var found = new Set([id]);
    (linksOf[id] || []).forEach(function (key) {
      if (!derived.edgesOn.has(key)) return;
      found.add(links[key].from);
      found.add(links[key].to);
    });
    return found;
  }

  // ---- layouts: the overview is precomputed; other views are radial around their centre ---
  function radialLayout(ids, centre) {
    var inView = new Set(ids);
    var order = ids.slice().sort(importance);
    if (!inView.has(centre)) centre = order[0];
    var pos = {};
    var depthOf = {};
    var children = {};
    var rank = {};
    order.forEach(function (id, i) { rank[id] = i; });
    function grow(root) {
      depthOf[root] = 0;
      var queue = [root];
      var all = [root];
      while (queue.length) {
        var v = queue.shift();
        var next = (derived.adj[v] || []).filter(function (n) {
          return inView.has(n) && !(n in depthOf);
        });
        next = Array.from(new Set(next)).sort(function (a, b) { return rank[a] - rank[b]; });
        children[v] = next;
        next.forEach(function (n) { depthOf[n] = depthOf[v] + 1; queue.push(n); all.push(n); });
      }
      return all;
    }
    var tree = grow(centre);
    // A subtree's wedge grows with the square root of its leaves: a hub with many members gets
    // more room than a single neighbour, but does not push all the others into a corner.
    var weight = {};
    tree.slice().reverse().forEach(function (v) {
      weight[v] = Math.max(1, children[v].reduce(function (s, c) { return s + weight[c]; }, 0));
    });
    var angle = {};
    var span = {};
    function split(v, from, to) {
      angle[v] = (from + to) / 2;
      span[v] = to - from;
      var shares = children[v].map(function (c) { return Math.sqrt(weight[c]); });
      var total = shares.reduce(function (s, x) { return s + x; }, 0) || 1;
      var a = from;
      children[v].forEach(function (c, i) {
        var part = (to - from) * shares[i] / total;
        split(c, a, a + part);
        a += part;
      });
    }
    split(centre, -Math.PI / 2, 1.5 * Math.PI);
    // Each ring is far enough out to hold its nodes RING_SPACING apart, and at least RING_STEP
    // beyond the one inside. On the ring, nodes keep the order of their wedges but are pushed
    // apart where a wedge is too narrow for its nodes (into the room an empty wedge leaves).
    var rings = [];
    tree.forEach(function (v) { (rings[depthOf[v]] = rings[depthOf[v]] || []).push(v); });
    var radius = 0;
    rings.forEach(function (ring, k) {
      if (k === 0) { pos[ring[0]] = { x: 0, y: 0 }; return; }
      radius = Math.max(radius + RING_STEP, ring.length * RING_SPACING / (2 * Math.PI));
      ring.sort(function (a, b) { return angle[a] - angle[b]; });
      var spread = spreadAngles(ring.map(function (v) { return angle[v]; }), RING_SPACING / radius);
      ring.forEach(function (v, i) {
        pos[v] = { x: Math.cos(spread[i]) * radius * WIDE, y: Math.sin(spread[i]) * radius };
      });
    });
    // What the centre cannot reach (other parts of a landsdeel, lone nodes) goes in rows below.
    var rest = order.filter(function (id) { return !(id in pos); });
    var outer = radius || RING_STEP / 2;
    var columns = Math.max(4, Math.floor((2 * outer * WIDE) / 150) + 1);
    rest.forEach(function (id, i) {
      var row = Math.floor(i / columns);
      var col = i % columns;
      pos[id] = { x: -outer * WIDE + col * 150, y: outer + RING_STEP * 0.8 + row * 60 };
    });
    return pos;
  }
  /* Angles (sorted) moved apart to at least `gap`, staying as close to where they were as a few
   * push-and-recentre passes get them. */
  function spreadAngles(wanted, gap) {
    var n = wanted.length;
    if (n < 2) return wanted.slice();
    gap = Math.min(gap, (2 * Math.PI) / n);
    var a = wanted.slice();
    for (var pass = 0; pass < 12; pass++) {
      for (var i = 1; i < n; i++) a[i] = Math.max(a[i], a[i - 1] + gap);
      for (var j = n - 2; j >= 0; j--) a[j] = Math.min(a[j], a[j + 1] - gap);
      var shift = 0;
      for (var k = 0; k < n; k++) shift += a[k] - wanted[k];
      shift /= n;
      for (var m = 0; m < n; m++) a[m] -= shift;
    }
    for (var f = 1; f < n; f++) a[f] = Math.max(a[f], a[f - 1] + gap);
    return a;
  }
  function overviewLike() {
    return state.view === "overzicht" || (state.view === "gemeenschap" && !state.community);
  }
  var drawnAt = {};  // where each node was last put (vis is told only about changes)
  function applyLayout() {
    var ids = Array.from(derived.visible);
    var pos = overviewLike() ? home : radialLayout(ids, derived.centre);
    var moves = [];
    ids.forEach(function (id) {
      var at = drawnAt[id];
      if (at && at.x === pos[id].x && at.y === pos[id].y) return;
      drawnAt[id] = { x: pos[id].x, y: pos[id].y };
      moves.push({ id: id, x: pos[id].x, y: pos[id].y });
    });
    if (moves.length) nodes.update(moves);
  }

  // ---- network -----------------------------------------------------------------------------
  // The state of the link is worked out before vis sees a node, so vis gets the nodes of the
  // opened view, in their place and colour, in one batch (adding them one view refresh later
  // costs vis a second or more at 2,000 nodes).
  var drawnColour = {};
  var edgeFaded = {};
  state = decodeState(location.hash.replace(/^#/, ""));
  computeView();
  var first = overviewLike() ? home : radialLayout(Array.from(derived.visible), derived.centre);
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var at = first[n.id] || home[n.id];
    drawnAt[n.id] = { x: at.x, y: at.y };
    drawnColour[n.id] = colourOf(n.id);
    return { id: n.id, shape: n.shape, color: drawnColour[n.id], size: n.size, x: at.x, y: at.y };
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    edgeFaded[e.id] = edgeFadedNow(e);
    return edgeFaded[e.id] ? Object.assign({}, e, { color: edgeColour(e, true) }) : e;
  }));
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return derived.visible.has(n.id); } });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) { return derived.edgesOn.has(String(e.id)); },
  });
  var container = $("network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);

  // ---- labels: drawn by us, most important first, only where they overlap nothing -----------
  /* Greedy label placement: nodes are taken in order (the selection, the view's centre, the
   * selection's neighbours, then by size); each gets its name below, above, right or left of it
   * or at a corner, in the first spot that overlaps no name already placed and lies inside the canvas, or none.
   * The KEY_LABELS first (and the selection's neighbourhood) are set in a heavier font and may
   * cover other nodes; all others must also keep clear of nodes. A budget per canvas area keeps
   * the overview calm; zooming in brings more names, since fewer nodes are on screen. */
  var KEY_LABELS = 20;
  var KEY_FONT = "600 13px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
  var measure = document.createElement("canvas").getContext("2d");
  var labelCache = {};
  var placed = [];
  function labelOf(id, key) {
    var slot = (key ? "k" : "n") + id;
    var cached = labelCache[slot];
    if (!cached) {
      var text = nodeLabel(id);
      if (text.length > LABEL_MAX_CHARS) text = text.slice(0, LABEL_MAX_CHARS - 1).trim() + "…";
      measure.font = key ? KEY_FONT : LABEL_FONT;
      cached = labelCache[slot] = { text: text, width: Math.ceil(measure.measureText(text).width) };
    }
    return cached;
  }
  function labelClass(id) {
    if (id === state.selected) return 0;
    if (id === derived.centre) return 1;
    if (derived.near && derived.near.has(id)) return 2;
    return 3;
  }
  function labelWeight(id) {
    return (NAMED_FIRST[details[id].type] || 0.5) * (sizeOf[id] * 100 + degreeOf(id));
  }
  function rankLabels() {
    derived.ranked = Array.from(derived.visible).sort(function (a, b) {
      return labelClass(a) - labelClass(b) || labelWeight(b) - labelWeight(a) || importance(a, b);
    });
  }
  function placeLabels(width, height) {
    var scale = network.getScale();
    var origin = network.canvasToDOM({ x: 0, y: 0 });
    var positions = network.getPositions(derived.ranked);
    var budget = Math.max(6, Math.floor((width * height) / LABEL_AREA));
    var grid = new Map();
    var CELL = 64;
    function cells(box, visit) {
      for (var cx = Math.floor(box.x / CELL); cx <= Math.floor((box.x + box.w) / CELL); cx++) {
        for (var cy = Math.floor(box.y / CELL); cy <= Math.floor((box.y + box.h) / CELL); cy++) {
          if (visit(cx + ":" + cy) === false) return false;
        }
      }
      return true;
    }
    function free(box, owner, overNodes) {
      if (box.x < 0 || box.y < 0 || box.x + box.w > width || box.y + box.h > height) return false;
      return cells(box, function (key) {
        var list = grid.get(key) || [];
        for (var i = 0; i < list.length; i++) {
          var o = list[i];
          if (o.node === owner || (overNodes && o.node)) continue;
          if (box.x < o.x + o.w + LABEL_PAD && o.x < box.x + box.w + LABEL_PAD &&
              box.y < o.y + o.h + LABEL_PAD && o.y < box.y + box.h + LABEL_PAD) return false;
        }
        return true;
      });
    }
    function add(box) {
      cells(box, function (key) {
        if (!grid.has(key)) grid.set(key, []);
        grid.get(key).push(box);
      });
    }
    var screen = {};
    derived.ranked.forEach(function (id) {
      var p = positions[id];
      if (!p) return;
      var sx = origin.x + p.x * scale;
      var sy = origin.y + p.y * scale;
      if (sx < 0 || sy < 0 || sx > width || sy > height) return;
      var r = Math.max(2, sizeOf[id] * scale);
      screen[id] = { x: sx, y: sy, r: r };
      add({ x: sx - r, y: sy - r, w: 2 * r, h: 2 * r, node: id });
    });
    var out = [];
    var rank = 0;
    for (var i = 0; i < derived.ranked.length && out.length < budget; i++) {
      var id = derived.ranked[i];
      if (!screen[id]) continue;
      var key = rank < KEY_LABELS || labelClass(id) < 3;
      rank += 1;
      var sx = screen[id].x;
      var sy = screen[id].y;
      var label = labelOf(id, key);
      var r = screen[id].r;
      var w = label.width;
      var h = LABEL_HEIGHT;
      var spots = labelSpots(sx, sy, r, w, h, key ? LEADER_STEPS : [0]);
      for (var s = 0; s < spots.length; s++) {
        var box = { x: spots[s][0], y: spots[s][1], w: w, h: h };
        if (!free(box, id, key)) continue;
        add(box);
        out.push({ id: id, text: label.text, x: box.x, y: box.y, w: w, h: h, key: key,
          faded: derived.near !== null && !derived.near.has(id),
          leader: spots[s][2] ? { x: sx, y: sy, r: r } : null });
        break;
      }
    }
    return out;
  }
  /* Where a name may go: below, above, right, left of its node, then at the corners; key names
   * may also go further out (LEADER_STEPS pixels more), with a thin line to their node. */
  var LEADER_STEPS = [0, 16, 34];
  function labelSpots(sx, sy, r, w, h, steps) {
    var out = [];
    steps.forEach(function (extra) {
      var e = r + 2 + extra;
      var d = r * 0.7 + 2 + extra * 0.7;
      [[sx - w / 2, sy + e], [sx - w / 2, sy - e - h], [sx + e + 2, sy - h / 2],
        [sx - e - 2 - w, sy - h / 2], [sx + d, sy + d], [sx + d, sy - d - h],
        [sx - d - w, sy + d], [sx - d - w, sy - d - h]].forEach(function (spot) {
        out.push([spot[0], spot[1], extra > 0]);
      });
    });
    return out;
  }
  function drawLabels(ctx) {
    var width = container.clientWidth;
    var height = container.clientHeight;
    if (!width || !height) return;
    var out = placeLabels(width, height);
    var ratio = ctx.canvas.width / width;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    ctx.lineWidth = 3.5;
    ctx.strokeStyle = "rgba(255,255,255,0.92)";
    out.forEach(function (item) {
      if (!item.leader) return;
      var cx = Math.max(item.x, Math.min(item.leader.x, item.x + item.w));
      var cy = Math.max(item.y, Math.min(item.leader.y, item.y + item.h));
      ctx.beginPath();
      ctx.moveTo(item.leader.x, item.leader.y);
      ctx.lineTo(cx, cy);
      ctx.lineWidth = 1;
      ctx.strokeStyle = "rgba(60,60,60,0.7)";
      ctx.stroke();
    });
    ctx.lineWidth = 3.5;
    ctx.strokeStyle = "rgba(255,255,255,0.92)";
    out.forEach(function (item) {
      ctx.font = item.key ? KEY_FONT : LABEL_FONT;
      ctx.strokeText(item.text, item.x, item.y + 1);
      ctx.fillStyle = item.faded ? "#a9adb2" : item.id === state.selected ? "#000000" : "#1b1f23";
      ctx.fillText(item.text, item.x, item.y + 1);
    });
    ctx.restore();
    placed = out;
  }
  network.on("afterDrawing", drawLabels);

  // ---- colours: the selected node and its neighbours stay in colour, the rest fades --------
  function colourOf(id) {
    return derived.near === null || derived.near.has(id) ? details[id].colours[state.colourBy] : FADED;
  }
  function edgeFadedNow(e) {
    return derived.near !== null && e.from !== state.selected && e.to !== state.selected;
  }
  function edgeColour(e, faded) {
    return faded ? { color: FADED, opacity: 0.6 } : edgeStyle[String(e.id)].color;
  }
  function paint() {
    var recolour = [];
    Object.keys(details).forEach(function (id) {
      var colour = colourOf(id);
      if (drawnColour[id] === colour) return;
      drawnColour[id] = colour;
      recolour.push({ id: id, color: colour });
    });
    if (recolour.length) nodes.update(recolour);
    var restyle = [];
    data.edges.forEach(function (e) {
      var faded = edgeFadedNow(e);
      if (edgeFaded[e.id] === faded) return;
      edgeFaded[e.id] = faded;
      restyle.push({ id: e.id, color: edgeColour(e, faded) });
    });
    if (restyle.length) edges.update(restyle);
    if (state.selected && derived.visible.has(state.selected)) network.selectNodes([state.selected]);
    else network.unselectAll();
  }

  // ---- applying the state ------------------------------------------------------------------
  /* kind: "view" lays out again and fits the view to the canvas; "filter" keeps the overview's
   * camera (other views are laid out and fitted again); "restore" lays out and takes the
   * camera from the state (an opened link); "style" only recolours. */
  function refresh(kind) {
    computeView();
    nodeView.refresh();
    edgeView.refresh();
    var relayout = kind === "view" || kind === "restore" || (kind === "filter" && !overviewLike());
    if (relayout) applyLayout();
    paint();
    buildLegend();
    updateCounts();
    if (kind === "restore") restoreCamera();
    else if (relayout) fitView();
    network.redraw();
    writeHash();
  }
  function fitView() {
    var ids = Array.from(derived.visible);
    if (!ids.length) return;
    network.setSize("100%", "100%");
    network.fit({ nodes: ids, maxZoomLevel: 1.5, animation: false });
    // a little room at the border for the names of the outermost nodes
    network.moveTo({ scale: network.getScale() * 0.95, animation: false });
    state.camera = null;
  }
  function camera() {
    var p = network.getViewPosition();
    return { scale: network.getScale(), x: p.x, y: p.y };
  }
  function restoreCamera() {
    if (state.camera) {
      network.moveTo({ position: { x: state.camera.x, y: state.camera.y },
        scale: state.camera.scale, animation: false });
    } else {
      fitView();
    }
  }
  function updateCounts() {
    var text = derived.visible.size + " van " + data.nodes.length + " knopen, " +
      derived.edgesOn.size + " verbindingen";
    if (derived.hidden) text += " · " + derived.hidden + " zonder verbinding verborgen";
    if (settings.view) text += " · deel van de graaf: " + settings.view;
    if (settings.total !== data.nodes.length) text += " · " + settings.total + " in de graaf";
    $("counts").textContent = text;
    $("isolates-label").textContent = "toon " + derived.isolates + " knopen zonder verbinding";
  }

  // ---- URL fragment: the whole view state --------------------------------------------------
  function encodeState(s) {
    var pairs = [];
    function put(key, value) { pairs.push([key, String(value)]); }
    if (s.view !== "overzicht") put("weergave", s.view);
    if (s.view === "landsdeel" && s.landsdeel) put("landsdeel", s.landsdeel);
    if (s.view === "programma" && s.programme) put("programma", shortId(s.programme));
    if (s.view === "netwerk" && s.ego) { put("rond", shortId(s.ego)); put("diepte", s.depth); }
    if (s.view === "gemeenschap" && s.community) put("groep", s.community);
    if (s.types.size !== TYPE_ORDER.length) {
      put("typen", TYPE_ORDER.filter(function (t) { return s.types.has(t); }).join(","));
    }
    if (s.minDegree) put("min", s.minDegree);
    if (s.cooccurrence) put("samen", 1);
    if (s.isolates) put("los", 1);
    if (s.year !== null) put("jaar", s.year);
    if (s.confidence > 0) put("zekerheid", Math.round(s.confidence * 100) / 100);
    if (s.colourBy !== settings.colorBy) {
      put("kleur", Object.keys(COLOUR_NAMES).filter(function (k) {
        return COLOUR_NAMES[k] === s.colourBy;
      })[0]);
    }
    if (s.selected) put("selectie", shortId(s.selected));
    if (s.camera) {
      put("zoom", [+s.camera.scale.toFixed(4), +s.camera.x.toFixed(1), +s.camera.y.toFixed(1)].join(","));
    }
    return new URLSearchParams(pairs).toString();
  }
  /* Read a fragment into a fresh state; what it does not say (or says wrongly) is the default,
   * so a hand-edited or outdated link still opens. */
  function decodeState(fragment) {
    var s = defaults();
    var p = new URLSearchParams(fragment.replace(/^#/, ""));
    var view = p.get("weergave");
    if (!view || VIEWS.indexOf(view) < 0) {
      view = p.has("landsdeel") ? "landsdeel" : p.has("programma") ? "programma"
        : p.has("rond") ? "netwerk" : p.has("groep") ? "gemeenschap" : "overzicht";
    }
    s.view = view;
    if (landsdelen.indexOf(p.get("landsdeel")) >= 0) s.landsdeel = p.get("landsdeel");
    var programme = longId(p.get("programma") || "");
    if (programme && details[programme].type === "Programme") s.programme = programme;
    s.ego = longId(p.get("rond") || "") || "";
    s.depth = p.get("diepte") === "2" ? 2 : 1;
    if (communityIds.indexOf(p.get("groep")) >= 0) s.community = p.get("groep");
    if (p.has("typen")) {
      s.types = new Set(p.get("typen").split(",").filter(function (t) { return legend.types[t]; }));
    }
    var min = parseInt(p.get("min"), 10);
    if (min > 0) s.minDegree = min;
    s.cooccurrence = p.get("samen") === "1";
    s.isolates = p.get("los") === "1";
    var year = parseInt(p.get("jaar"), 10);
    if (year > 0 && YEARS.length) s.year = year;
    var sure = parseFloat(p.get("zekerheid"));
    if (sure > 0 && sure <= 1) s.confidence = sure;
    if (COLOUR_NAMES[p.get("kleur")]) s.colourBy = COLOUR_NAMES[p.get("kleur")];
    s.selected = longId(p.get("selectie") || "");
    // a view whose landsdeel, programme or actor is not in this map falls back to the overview
    var named = { landsdeel: [p.get("landsdeel"), s.landsdeel], programma: [p.get("programma"),
      s.programme], netwerk: [p.get("rond"), s.ego], gemeenschap: [p.get("groep"), s.community] };
    if (named[s.view] && named[s.view][0] && !named[s.view][1]) s.view = "overzicht";
    var zoom = (p.get("zoom") || "").split(",").map(Number);
    if (zoom.length === 3 && zoom[0] > 0 && zoom.every(isFinite)) {
      s.camera = { scale: zoom[0], x: zoom[1], y: zoom[2] };
    }
    fillViewDefaults(s);
    return s;
  }
  function fillViewDefaults(s) {
    var pick = s.selected;
    if (s.view === "landsdeel" && !s.landsdeel) {
      s.landsdeel = (pick && details[pick].landsdelen[0]) || landsdelen[0] || "";
    }
    if (s.view === "programma" && !s.programme) {
      s.programme = pick && details[pick].type === "Programme" ? pick
        : programmes.slice().sort(importance)[0] || "";
    }
    if (s.view === "netwerk" && !s.ego) {
      s.ego = pick || Object.keys(details).sort(importance)[0] || "";
    }
  }
  var written = null;
  var restoring = false;
  function writeHash() {
    if (!stable) return;
    var text = encodeState(state);
    if (text !== written) {
      written = text;
      var url = location.pathname + location.search + (text ? "#" + text : "");
      try {
        history.replaceState(null, "", url);
      } catch (err) {
        location.replace("#" + text);
      }
    }
    $("share-link").value = location.href;
  }
  function applyFragment(fragment) {
    state = decodeState(fragment);
    syncControls();
    // The panel takes width from the canvas, and vis rescales the view when the canvas
    // resizes: open it first, so the camera of the link is set on the canvas it was taken on.
    restoring = true;
    $("panel").hidden = !state.selected;
    network.setSize("100%", "100%");
    refresh("restore");
    showPanelFor(state.selected);
    restoring = false;
  }
  window.addEventListener("hashchange", function () {
    var fragment = location.hash.replace(/^#/, "");
    if (fragment !== written) applyFragment(fragment);
  });

  // ---- controls ----------------------------------------------------------------------------
  function option(select, value, text) {
    var item = el("option", text);
    item.value = value;
    select.appendChild(item);
  }
  function buildControls() {
    var typeBox = $("type-filter");
    var counts = {};
    Object.keys(details).forEach(function (id) {
      counts[details[id].type] = (counts[details[id].type] || 0) + 1;
    });
    TYPE_ORDER.forEach(function (t) {
      var label = el("label");
      var box = el("input");
      box.type = "checkbox";
      box.value = t;
      box.setAttribute("data-type", t);
      box.addEventListener("change", function () {
        if (box.checked) state.types.add(t); else state.types.delete(t);
        refresh("filter");
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(typeLabel(t) + " (" + (counts[t] || 0) + ")"));
      typeBox.appendChild(label);
    });

    landsdelen.forEach(function (ld) { option($("view-landsdeel"), ld, ld); });
    programmes.forEach(function (id) { option($("view-programme"), id, nodeLabel(id)); });
    data.communities.forEach(function (c) {
      option($("view-community"), String(c.id),
        "Groep " + c.id + ": " + c.hubs.join(", ") + " (" + c.size + ")");
    });
    $("view-mode").addEventListener("change", function () {
      state.view = $("view-mode").value;
      if (state.view === "gemeenschap") state.colourBy = "community";
      fillViewDefaults(state);
      syncControls();
      refresh("view");
    });
    $("view-landsdeel").addEventListener("change", function () {
      state.landsdeel = $("view-landsdeel").value;
      refresh("view");
    });
    $("view-programme").addEventListener("change", function () {
      state.programme = $("view-programme").value;
      refresh("view");
    });
    $("view-community").addEventListener("change", function () {
      state.community = $("view-community").value;
      refresh("view");
    });
    function chooseEgo() {
      var id = find($("view-ego").value);
      $("ego-status").textContent = id ? "" : "niet gevonden";
      if (!id) return;
      state.ego = id;
      $("view-ego").value = nodeLabel(id);
      refresh("view");
    }
    $("view-ego").addEventListener("change", chooseEgo);
    $("view-ego").addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); chooseEgo(); }
    });
    document.querySelectorAll("input[name=depth]").forEach(function (radio) {
      radio.addEventListener("change", function () {
        state.depth = Number(radio.value);
        refresh("view");
      });
    });

    var degree = $("degree-filter");
    degree.addEventListener("input", function () {
      state.minDegree = Number(degree.value);
      $("degree-value").textContent = degree.value;
      refresh("filter");
    });
    $("cooccurrence-filter").addEventListener("change", function () {
      state.cooccurrence = $("cooccurrence-filter").checked;
      syncControls();
      refresh("filter");
    });
    $("isolates-filter").addEventListener("change", function () {
      state.isolates = $("isolates-filter").checked;
      refresh("view");
    });
    var year = $("year-filter");
    if (!YEARS.length) $("year-control").hidden = true;
    year.max = String(YEARS.length);
    year.addEventListener("input", function () {
      var i = Number(year.value);
      state.year = i >= YEARS.length ? null : YEARS[i];
      syncControls();
      refresh("filter");
    });
    var sure = $("confidence-filter");
    if (!settings.confidence) $("confidence-control").hidden = true;
    sure.addEventListener("input", function () {
      state.confidence = Number(sure.value);
      syncControls();
      refresh("filter");
    });
    $("colour-by").addEventListener("change", function () {
      state.colourBy = $("colour-by").value;
      refresh("style");
    });
    $("reset").addEventListener("click", function () {
      var keep = state.selected;
      state = defaults();
      state.selected = keep;
      syncControls();
      refresh("view");
    });
  }
  /* Put the state into the form controls (after a link or preset is opened). */
  function syncControls() {
    $("view-mode").value = state.view;
    document.querySelectorAll(".view-param").forEach(function (box) {
      box.hidden = box.getAttribute("data-view") !== state.view;
    });
    $("view-landsdeel").value = state.landsdeel;
    $("view-programme").value = state.programme;
    $("view-community").value = state.community;
    $("view-ego").value = state.ego ? nodeLabel(state.ego) : "";
    document.querySelectorAll("input[name=depth]").forEach(function (radio) {
      radio.checked = Number(radio.value) === state.depth;
    });
    document.querySelectorAll("#type-filter input").forEach(function (box) {
      box.checked = state.types.has(box.value);
    });
    var maxDegree = 1;
    Object.keys(details).forEach(function (id) { maxDegree = Math.max(maxDegree, degreeOf(id)); });
    $("degree-filter").max = String(Math.min(maxDegree, 50));
    $("degree-filter").value = String(state.minDegree);
    $("degree-value").textContent = String(state.minDegree);
    $("cooccurrence-filter").checked = state.cooccurrence;
    $("isolates-filter").checked = state.isolates;
    var index = YEARS.length;
    if (state.year !== null) {
      index = 0;
      YEARS.forEach(function (y, i) { if (y <= state.year) index = i; });
    }
    $("year-filter").value = String(index);
    $("year-value").textContent = state.year === null ? "alle jaren"
      : "t/m " + state.year + (undated ? " (zonder ongedateerde documenten)" : "");
    $("confidence-filter").value = String(state.confidence);
    $("confidence-value").textContent = decimal(state.confidence);
    $("colour-by").value = state.colourBy;
  }

  // ---- legend: only what is on screen --------------------------------------------------------
  function swatch(shape, colour) {
    var mark = el("span", null, "swatch " + shape);
    mark.style.background = colour;
    mark.style.borderBottomColor = colour;
    return mark;
  }
  function buildLegend() {
    var types = new Set();
    var groups = new Set();
    derived.visible.forEach(function (id) {
      types.add(details[id].type);
      groups.add(details[id].groups[state.colourBy]);
    });
    var nodeList = $("node-legend");
    nodeList.replaceChildren();
    function typeEntries(neutral) {
      TYPE_ORDER.forEach(function (t) {
        if (!types.has(t)) return;
        var style = legend.types[t];
        var item = el("li");
        item.setAttribute("data-entry", t);
        item.appendChild(swatch(style.shape, neutral ? "#8a8f94" : style.colour));
        item.appendChild(document.createTextNode(style.label));
        nodeList.appendChild(item);
      });
    }
    if (state.colourBy === "type") {
      typeEntries(false);
    } else {
      legend.schemes[state.colourBy].forEach(function (entry) {
        if (!groups.has(entry.label)) return;
        var item = el("li");
        item.setAttribute("data-entry", entry.label);
        item.appendChild(swatch("dot", entry.colour));
        item.appendChild(document.createTextNode(entry.label));
        nodeList.appendChild(item);
      });
      nodeList.appendChild(el("li", "Vorm naar type:", "legend-note"));
      typeEntries(true);
    }
    var predicates = new Set();
    var uncertain = false;
    derived.edgesOn.forEach(function (key) {
      predicates.add(links[key].predicate);
      if (edgeStyle[key].uncertain) uncertain = true;
    });
    var edgeList = $("edge-legend");
    edgeList.replaceChildren();
    Object.keys(legend.predicates).forEach(function (p) {
      if (!predicates.has(p)) return;
      var style = legend.predicates[p];
      var item = el("li");
      item.setAttribute("data-entry", p);
      var line = el("span", null, "line " + (style.dashes.length ? "dashed" : "solid"));
      line.style.borderTopColor = style.colour;
      item.appendChild(line);
      item.appendChild(document.createTextNode(style.label));
      edgeList.appendChild(item);
    });
    if (uncertain) {
      var item = el("li");
      item.setAttribute("data-entry", "uncertain");
      item.appendChild(el("span", null, "line solid uncertain"));
      item.appendChild(document.createTextNode(
        "onzeker (zekerheid onder " + decimal(settings.uncertainBelow) + ")"));
      edgeList.appendChild(item);
    }
    if (!derived.edgesOn.size) edgeList.appendChild(el("li", "geen", "legend-note"));
  }

  // ---- search --------------------------------------------------------------------------
  function find(query) {
    var q = normalise(query);
    if (!q) return null;
    var best = null;
    var bestRank = Infinity;
    nameIndex.forEach(function (entry) {
      var name = entry[0];
      var rank = name === q ? 0 : name.indexOf(q) === 0 ? 1 : name.indexOf(q) > 0 ? 2 : -1;
      if (rank < 0) return;
      var score = rank * 1e6 - details[entry[1]].degreeAll;
      if (score < bestRank) { bestRank = score; best = entry[1]; }
    });
    return best;
  }
  /* Select a node and bring it into view; if the current view or filters hide it, go back to
   * the overview without filters first (the colouring stays). */
  function focusNode(id) {
    if (!details[id]) return false;
    state.selected = id;
    computeView();
    if (!derived.visible.has(id)) {
      var colour = state.colourBy;
      state = defaults();
      state.colourBy = colour;
      state.selected = id;
      syncControls();
      refresh("view");
    } else {
      refresh("style");
    }
    showPanelFor(id);
    network.setSize("100%", "100%");  // the panel took width: measure again before centring
    var ego = Array.from(derived.near || [id]);
    // Show the whole neighbourhood, unless that needs so small a zoom that names become
    // unreadable: then centre the node itself at a readable zoom.
    network.fit({ nodes: ego, maxZoomLevel: 1.5, animation: false });
    if (network.getScale() < 0.75) network.focus(id, { scale: 0.75, animation: false });
    state.camera = camera();
    writeHash();
    return true;
  }
  function buildSearch() {
    var list = $("names");
    var seen = new Set();
    nameIndex.slice(0, 5000).forEach(function (entry) {
      details[entry[1]].names.forEach(function (name) {
        if (seen.has(name)) return;
        seen.add(name);
        var item = el("option");
        item.value = name;
        list.appendChild(item);
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
    var doc = documents[ev.document];
    var year = docYear(ev.document);
    var parts = [doc ? doc.title : ev.document || "onbekend document"];
    parts.push(year !== null ? String(year) : "jaar onbekend");
    if (doc && doc.file && doc.file !== doc.title) parts.push(doc.file);
    if (ev.page !== null && ev.page !== undefined) parts.push("p. " + ev.page);
    if (ev.section) parts.push(ev.section);
    return parts.join(" · ");
  }
  function yearsOf(link) {
    var years = new Set();
    link.support.forEach(function (s) { years.add(s[0]); });
    var known = Array.from(years).filter(function (y) { return y !== null; }).sort();
    var text = known.length ? "uit " + known.join(", ") : "";
    if (years.has(null)) text += (text ? " en " : "uit ") + "een ongedateerd document";
    return text;
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
  function relationMeta(link, key) {
    var parts = [yearsOf(link)];
    if (link.confidence !== null && link.confidence !== undefined) {
      parts.push("zekerheid " + decimal(link.confidence));
    }
    if (key !== null && !derived.edgesOn.has(key)) parts.push("niet in deze weergave");
    return el("div", parts.filter(Boolean).join(" · "), "meta");
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
  function viewButton(text, apply) {
    var button = el("button", text, "view-button");
    button.type = "button";
    button.addEventListener("click", function () {
      apply();
      syncControls();
      refresh("view");
    });
    return button;
  }
  function showPanelFor(id) {
    if (id && details[id]) showNode(id);
    else $("panel").hidden = true;
  }
  function showNode(id) {
    var d = details[id];
    var body = openPanel();
    body.setAttribute("data-node", id);
    body.appendChild(el("h2", d.label, "label"));
    var badge = el("span", typeLabel(d.type), "type");
    badge.style.background = legend.types[d.type] ? legend.types[d.type].colour : "#777";
    body.appendChild(badge);
    var actions = el("div", null, "actions");
    actions.appendChild(el("span", "Netwerk hieromheen: "));
    [1, 2].forEach(function (depth) {
      actions.appendChild(viewButton(depth + (depth === 1 ? " stap" : " stappen"), function () {
        state.view = "netwerk";
        state.ego = id;
        state.depth = depth;
      }));
    });
    if (d.type === "Programme") {
      actions.appendChild(viewButton("dit programma", function () {
        state.view = "programma";
        state.programme = id;
      }));
    }
    body.appendChild(actions);
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
      var info = documents[doc];
      var year = docYear(doc);
      if (!info) return doc;
      return info.title + (year !== null ? " (" + year + ")" : "") +
        (info.file && info.file !== info.title ? " · " + info.file : "");
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
      var box = el("div", null, "relation" + (derived.edgesOn.has(key) ? "" : " off"));
      box.setAttribute("data-link", key);
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
      box.appendChild(relationMeta(link, key));
      evidenceBlock(link, box);
      relations.appendChild(box);
    });
    concepts.forEach(function (link) {
      var box = el("div", null, "relation");
      box.appendChild(el("div", predicateLabel(link.predicate) + " → " + link.toLabel, "head"));
      box.appendChild(relationMeta(link, null));
      evidenceBlock(link, box);
      relations.appendChild(box);
    });
    body.appendChild(relations);
    body.appendChild(el("h3", "Getypeerde verbindingen in de graaf: " + d.degree));
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
    body.appendChild(relationMeta(link, key));
    body.appendChild(el("h3", "Bewijs (" + link.evidence.length + ")"));
    evidenceBlock(link, body);
  }
  function select(id) {
    state.selected = id;
    updateNear();
    paint();
    showPanelFor(id);
    writeHash();
  }
  $("panel-close").addEventListener("click", function () { select(null); });

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
    if (d) showTooltip([d.label, typeLabel(d.type) + " · " + degreeOf(params.node) + " verbindingen"]);
  });
  network.on("blurEdge", hideTooltip);
  network.on("blurNode", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("dragEnd", function (params) {
    if (params.nodes.length) {
      network.storePositions(params.nodes);
      var moved = network.getPositions(params.nodes);
      params.nodes.forEach(function (id) {
        drawnAt[id] = moved[id];
        if (overviewLike()) home[id] = moved[id];
      });
    } else {
      state.camera = camera();
      writeHash();
    }
  });
  network.on("resize", function () {
    // vis keeps the visible region when the canvas changes size (the panel opens or closes)
    if (state.camera && !restoring) {
      state.camera = camera();
      writeHash();
    }
  });
  network.on("zoom", function () {
    state.camera = camera();
    writeHash();
  });
  network.on("click", function (params) {
    hideTooltip();
    if (params.nodes.length) select(params.nodes[0]);
    else if (params.edges.length) showEdge(String(params.edges[0]));
    else select(null);
  });

  // ---- saved views -------------------------------------------------------------------------
  function userViews() {
    try {
      var list = JSON.parse(localStorage.getItem(STORE_KEY) || "[]");
      return Array.isArray(list) ? list : [];
    } catch (err) {
      return [];
    }
  }
  function storeUserViews(list) {
    try {
      localStorage.setItem(STORE_KEY, JSON.stringify(list));
      return true;
    } catch (err) {
      return false;
    }
  }
  function buildViews() {
    var list = $("views-list");
    list.replaceChildren();
    function entry(view, own) {
      var item = el("li", null, own ? "own" : "preset");
      var a = el("a", view.name);
      a.href = "#" + String(view.state);
      item.appendChild(a);
      if (own) {
        var drop = el("button", "×", "drop");
        drop.type = "button";
        drop.setAttribute("aria-label", "Verwijder " + view.name);
        drop.addEventListener("click", function () {
          storeUserViews(userViews().filter(function (v) { return v.name !== view.name; }));
          buildViews();
        });
        item.appendChild(drop);
      }
      list.appendChild(item);
    }
    data.presets.forEach(function (view) { entry(view, false); });
    userViews().forEach(function (view) {
      if (view && typeof view.name === "string" && typeof view.state === "string") entry(view, true);
    });
    if (!list.children.length) list.appendChild(el("li", "nog geen", "legend-note"));
  }
  $("save-view").addEventListener("submit", function (event) {
    event.preventDefault();
    var name = $("view-name").value.trim();
    if (!name) return;
    var list = userViews().filter(function (v) { return v.name !== name; });
    list.push({ name: name, state: encodeState(state) });
    storeUserViews(list);
    $("view-name").value = "";
    buildViews();
  });
  $("copy-link").addEventListener("click", function () {
    var field = $("share-link");
    field.value = location.href;
    field.select();
    var done = function () { $("copy-link").textContent = "Gekopieerd"; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(field.value).then(done, function () {
        if (document.execCommand("copy")) done();
      });
    } else if (document.execCommand("copy")) {
      done();
    }
  });

  // ---- export: what is on screen, as PNG and as SVG (made here, nothing is fetched) -------
  function fileName(ext) {
    var name = state.view === "overzicht" ? "overzicht"
      : state.view + "-" + (state.landsdeel || shortId(state.programme || state.ego || "") ||
        (state.community ? "groep-" + state.community : "alle"));
    return "kaart-" + normalise(name).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") + "." + ext;
  }
  function download(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 2000);
  }
  function exportPng() {
    network.redraw();
    var source = container.querySelector("canvas");
    var out = document.createElement("canvas");
    out.width = source.width;
    out.height = source.height;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(source, 0, 0);
    out.toBlob(function (blob) { download(blob, fileName("png")); }, "image/png");
  }
  var SVG = "http://www.w3.org/2000/svg";
  function svgNode(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }
  function shapePoints(shape, x, y, r) {
    var pts = [];
    if (shape === "diamond") pts = [[x, y - r], [x + r, y], [x, y + r], [x - r, y]];
    else if (shape === "triangle") pts = [[x, y - r], [x + 0.87 * r, y + 0.5 * r], [x - 0.87 * r, y + 0.5 * r]];
    else if (shape === "star") {
      for (var i = 0; i < 10; i++) {
        var a = -Math.PI / 2 + (i * Math.PI) / 5;
        var rr = i % 2 ? r * 0.45 : r;
        pts.push([x + Math.cos(a) * rr, y + Math.sin(a) * rr]);
      }
    }
    return pts.map(function (p) { return p[0].toFixed(1) + "," + p[1].toFixed(1); }).join(" ");
  }
  function buildSvg() {
    var width = container.clientWidth;
    var height = container.clientHeight;
    var scale = network.getScale();
    var ids = Array.from(derived.visible);
    var positions = network.getPositions(ids);
    var screen = {};
    ids.forEach(function (id) { screen[id] = network.canvasToDOM(positions[id]); });
    function inside(p, margin) {
      return p.x > -margin && p.y > -margin && p.x < width + margin && p.y < height + margin;
    }
    var svg = svgNode("svg", { xmlns: SVG, width: width, height: height,
      viewBox: "0 0 " + width + " " + height, "font-family": "sans-serif" });
    svg.appendChild(svgNode("rect", { width: width, height: height, fill: "#ffffff" }));
    var edgeGroup = svgNode("g", { "class": "edges" });
    var current = edges.get(Array.from(derived.edgesOn).map(Number));
    current.forEach(function (e) {
      var a = screen[e.from], b = screen[e.to];
      if (!a || !b || (!inside(a, 0) && !inside(b, 0)) || e.from === e.to) return;
      var colour = typeof e.color === "string" ? { color: e.color } : e.color;
      var line = svgNode("line", { x1: a.x.toFixed(1), y1: a.y.toFixed(1), x2: b.x.toFixed(1),
        y2: b.y.toFixed(1), stroke: colour.color, "stroke-width": Math.max(0.5, e.width * Math.min(scale, 2)).toFixed(2),
        "stroke-opacity": colour.opacity === undefined ? 1 : colour.opacity });
      if (e.dashes && e.dashes.length) line.setAttribute("stroke-dasharray", e.dashes.join(" "));
      line.setAttribute("data-predicate", e.predicate);
      edgeGroup.appendChild(line);
      if (e.arrows && e.arrows.to && e.arrows.to.enabled) {
        var dx = b.x - a.x, dy = b.y - a.y, len = Math.sqrt(dx * dx + dy * dy) || 1;
        var r = sizeOf[e.to] * scale + 1;
        var tip = { x: b.x - (dx / len) * r, y: b.y - (dy / len) * r };
        var s = 7;
        var left = { x: tip.x - (dx / len) * s - (dy / len) * s * 0.45, y: tip.y - (dy / len) * s + (dx / len) * s * 0.45 };
        var right = { x: tip.x - (dx / len) * s + (dy / len) * s * 0.45, y: tip.y - (dy / len) * s - (dx / len) * s * 0.45 };
        edgeGroup.appendChild(svgNode("polygon", { points: [tip, left, right].map(function (p) {
          return p.x.toFixed(1) + "," + p.y.toFixed(1); }).join(" "), fill: colour.color,
          "fill-opacity": colour.opacity === undefined ? 1 : colour.opacity }));
      }
    });
    svg.appendChild(edgeGroup);
    var nodeGroup = svgNode("g", { "class": "nodes" });
    nodes.get(ids).forEach(function (n) {
      var p = screen[n.id];
      if (!inside(p, sizeOf[n.id] * scale)) return;
      var r = Math.max(1, sizeOf[n.id] * scale);
      var fill = typeof n.color === "string" ? n.color : n.color.background;
      var attrs = { fill: fill, stroke: "#2b2b2b", "stroke-width": 0.6, "data-id": n.id };
      var shape;
      if (n.shape === "dot") shape = svgNode("circle", Object.assign({ cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: r.toFixed(1) }, attrs));
      else if (n.shape === "square") shape = svgNode("rect", Object.assign({ x: (p.x - r).toFixed(1), y: (p.y - r).toFixed(1), width: (2 * r).toFixed(1), height: (2 * r).toFixed(1) }, attrs));
      else shape = svgNode("polygon", Object.assign({ points: shapePoints(n.shape, p.x, p.y, r) }, attrs));
      var title = svgNode("title", {});
      title.textContent = nodeLabel(n.id);
      shape.appendChild(title);
      nodeGroup.appendChild(shape);
    });
    svg.appendChild(nodeGroup);
    var labelGroup = svgNode("g", { "class": "labels", "font-size": 12 });
    placed.forEach(function (item) {
      var text = svgNode("text", { x: item.x.toFixed(1), y: (item.y + 12).toFixed(1),
        "font-size": item.key ? 13 : 12, "font-weight": item.key ? 600 : 400,
        fill: item.faded ? "#a9adb2" : "#1b1f23", stroke: "#ffffff", "stroke-width": 3,
        "paint-order": "stroke", "stroke-linejoin": "round" });
      text.textContent = item.text;
      labelGroup.appendChild(text);
    });
    svg.appendChild(labelGroup);
    return new XMLSerializer().serializeToString(svg);
  }
  $("export-png").addEventListener("click", exportPng);
  $("export-svg").addEventListener("click", function () {
    download(new Blob([buildSvg()], { type: "image/svg+xml" }), fileName("svg"));
  });

  // ---- start ---------------------------------------------------------------------------
  buildControls();
  buildSearch();
  buildViews();
  stable = true;
  applyFragment(location.hash.replace(/^#/, ""));
  document.body.setAttribute("data-stable", "true");

  window.bgMap = {
    network: network,
    nodes: nodes,
    edges: edges,
    find: find,
    focusNode: focusNode,
    isStable: function () { return stable; },
    visibleNodeIds: function () { return nodeView.getIds(); },
    visibleEdgeIds: function () { return edgeView.getIds(); },
    labels: function () { return placed.map(function (p) { return Object.assign({}, p); }); },
    state: function () { return encodeState(state); },
    selected: function () { return state.selected; },
    hiddenCount: function () { return derived.hidden; },
    svg: buildSvg,
  };
})();
