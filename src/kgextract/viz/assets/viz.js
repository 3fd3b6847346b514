/* kgextract graph view: a small force-directed layout on SVG, search, type and event-kind filters,
 * and a panel with each node's relations and their evidence. No dependencies, no network.
 * Every piece of data reaches the page through textContent/setAttribute, never as markup. */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("kgx-data").textContent);
  var svg = document.getElementById("graph");
  var search = document.getElementById("search");
  var results = document.getElementById("results");
  var details = document.getElementById("details");
  var status = document.getElementById("status");
  var colors = data.colors || {};
  var hiddenTypes = new Set();
  var hiddenKinds = new Set();  /* event kinds (Meeting, Visit, ...) switched off */
  var view = { x: 0, y: 0, k: 1 };
  var selected = null;

  function el(tag, attrs, text, ns) {
    var node = ns ? document.createElementNS(NS, tag) : document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function color(type) { return colors[type] || "#999999"; }
  function short(text, n) { text = String(text); return text.length > n ? text.slice(0, n - 1) + "\u2026" : text; }

  /* ---- data ---- */
  var nodes = data.nodes.map(function (n, i) {
    return { id: n.id, label: n.label, type: n.type, kind: n.event_type || null, aliases: n.aliases || [], documents: n.documents || [],
             i: i, x: 0, y: 0, dx: 0, dy: 0, edges: [], keys: [fold(n.label)].concat((n.aliases || []).map(fold)) };
  });
  var byId = new Map(nodes.map(function (n) { return [n.id, n]; }));
  var edges = data.edges.filter(function (e) { return byId.has(e.source) && byId.has(e.target); })
    .map(function (e) { return Object.assign({}, e, { s: byId.get(e.source), t: byId.get(e.target) }); });
  var pairs = new Map();
  edges.forEach(function (e) {
    e.s.edges.push(e); if (e.t !== e.s) e.t.edges.push(e);
    var key = e.s.id < e.t.id ? e.s.id + "\u0000" + e.t.id : e.t.id + "\u0000" + e.s.id;
    var list = pairs.get(key) || []; list.push(e); pairs.set(key, list);
  });
  pairs.forEach(function (list) {
    list.forEach(function (e, j) {
      var side = e.s.id < e.t.id ? 1 : -1;  /* the same bend for both directions of a pair */
      e.bend = list.length === 1 ? 0 : side * (j - (list.length - 1) / 2) * 28;
    });
  });
  nodes.forEach(function (n) { n.r = 5 + 2.2 * Math.sqrt(n.edges.length); });

  /* ---- layout: Fruchterman-Reingold, deterministic start on a spiral ---- */
  function layout() {
    var n = nodes.length; if (!n) return;
    var k = 95, iters = n < 400 ? 350 : n < 1500 ? 120 : 50, gravity = 0.05, far2 = 9 * k * k;
    nodes.forEach(function (v, i) {
      var r = k * 0.6 * Math.sqrt(i + 0.5), a = i * 2.399963;
      v.x = r * Math.cos(a); v.y = r * Math.sin(a);
    });
    for (var it = 0; it < iters; it++) {
      var temp = k * 1.5 * (1 - it / iters) + 1;
      nodes.forEach(function (v) { v.dx = -v.x * gravity; v.dy = -v.y * gravity; });
      for (var i = 0; i < n; i++) {
        var a = nodes[i];
        for (var j = i + 1; j < n; j++) {
          var b = nodes[j], dx = a.x - b.x, dy = a.y - b.y, d2 = dx * dx + dy * dy;
          if (d2 > far2) continue;  /* no push from far away: components stay close */
          if (d2 < 0.01) { dx = 0.1 * (i - j); dy = 0.1; d2 = dx * dx + dy * dy; }
          var f = k * k / d2;
          a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
        }
      }
      edges.forEach(function (e) {
        if (e.s === e.t) return;
        var dx = e.s.x - e.t.x, dy = e.s.y - e.t.y, d = Math.sqrt(dx * dx + dy * dy) || 0.01, f = d / k;
        e.s.dx -= dx * f; e.s.dy -= dy * f; e.t.dx += dx * f; e.t.dy += dy * f;
      });
      nodes.forEach(function (v) {
        var len = Math.sqrt(v.dx * v.dx + v.dy * v.dy) || 1, step = Math.min(len, temp);
        v.x += v.dx / len * step; v.y += v.dy / len * step;
      });
    }
  }

  /* ---- drawing ---- */
  var defs = el("defs", {}, null, true);
  var marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "10", refY: "5", markerWidth: "7",
                              markerHeight: "7", orient: "auto-start-reverse" }, null, true);
  marker.appendChild(el("path", { d: "M0,0L10,5L0,10z", fill: "#8a8a8a" }, null, true));
  defs.appendChild(marker); svg.appendChild(defs);
  var viewport = el("g", { id: "viewport" }, null, true);
  var gEdges = el("g", { "class": "edges" }, null, true);
  var gLabels = el("g", { "class": "edge-labels" }, null, true);
  var gNodes = el("g", { "class": "nodes" }, null, true);
  viewport.appendChild(gEdges); viewport.appendChild(gLabels); viewport.appendChild(gNodes);
  svg.appendChild(viewport);

  function edgeGeometry(e) {
    var sx = e.s.x, sy = e.s.y, tx = e.t.x, ty = e.t.y;
    if (e.s === e.t) {
      var r = e.s.r;
      return { d: "M" + sx + "," + (sy - r) + " C" + (sx + 40) + "," + (sy - 50) + " " + (sx - 40) + "," +
               (sy - 50) + " " + sx + "," + (sy - r), lx: sx, ly: sy - 42 };
    }
    var dx = tx - sx, dy = ty - sy, d = Math.sqrt(dx * dx + dy * dy) || 1;
    var nx = -dy / d, ny = dx / d, cx = (sx + tx) / 2 + nx * e.bend, cy = (sy + ty) / 2 + ny * e.bend;
    var ex = tx - cx, ey = ty - cy, el2 = Math.sqrt(ex * ex + ey * ey) || 1;
    var endX = tx - ex / el2 * (e.t.r + 1.5), endY = ty - ey / el2 * (e.t.r + 1.5);
    return { d: "M" + sx + "," + sy + " Q" + cx + "," + cy + " " + endX + "," + endY,
             lx: (sx + 2 * cx + tx) / 4, ly: (sy + 2 * cy + ty) / 4 };
  }

  function draw() {
    edges.forEach(function (e) {
      e.path = el("path", { "class": "edge", "marker-end": "url(#arrow)" }, null, true);
      e.path.appendChild(el("title", {}, e.s.label + " \u2014 " + e.predicate + " \u2192 " + e.t.label, true));
      e.text = el("text", { "class": "edge-label", "text-anchor": "middle" }, e.predicate, true);
      gEdges.appendChild(e.path); gLabels.appendChild(e.text);
    });
    nodes.forEach(function (n) {
      n.g = el("g", { "class": "node", "data-id": n.id, "data-type": n.type }, null, true);
      n.g.appendChild(el("title", {}, n.label + " (" + n.type + ")", true));
      n.g.appendChild(el("circle", { r: n.r.toFixed(1), fill: color(n.type) }, null, true));
      n.g.appendChild(el("text", { x: (n.r + 3).toFixed(1), dy: "0.35em" }, short(n.label, 34), true));
      gNodes.appendChild(n.g);
    });
    place();
  }
  function place() {
    nodes.forEach(function (n) { n.g.setAttribute("transform", "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")"); });
    edges.forEach(placeEdge);
  }
  function placeEdge(e) {
    var g = edgeGeometry(e);
    e.path.setAttribute("d", g.d);
    e.text.setAttribute("x", g.lx.toFixed(1)); e.text.setAttribute("y", g.ly.toFixed(1));
  }
  function applyView() {
    viewport.setAttribute("transform", "translate(" + view.x + "," + view.y + ") scale(" + view.k + ")");
  }
  function fit(only, maxZoom) {
    var list = (only || nodes).filter(visible);
    var w = svg.clientWidth || 800, h = svg.clientHeight || 600;
    if (!list.length) { view = { x: w / 2, y: h / 2, k: 1 }; applyView(); return; }
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    list.forEach(function (n) { x0 = Math.min(x0, n.x - n.r); y0 = Math.min(y0, n.y - n.r);
                                x1 = Math.max(x1, n.x + n.r + 120); y1 = Math.max(y1, n.y + n.r + 8); });
    var k = Math.min(maxZoom || 2, 0.92 * Math.min(w / (x1 - x0 || 1), h / (y1 - y0 || 1)));
    view = { k: k, x: w / 2 - k * (x0 + x1) / 2, y: h / 2 - k * (y0 + y1) / 2 };
    applyView();
  }

  /* ---- filters, search, status ---- */
  function visible(n) { return !hiddenTypes.has(n.type) && !(n.kind && hiddenKinds.has(n.kind)); }
  function updateVisibility() {
    nodes.forEach(function (n) { n.g.classList.toggle("hidden", !visible(n)); });
    edges.forEach(function (e) {
      var hide = !visible(e.s) || !visible(e.t);
      e.path.classList.toggle("hidden", hide); e.text.classList.toggle("hidden", hide);
    });
    if (selected && !visible(selected)) select(null);
    runSearch();
  }
  function buildFilters() {
    var box = document.getElementById("filters"), counts = new Map();
    nodes.forEach(function (n) { counts.set(n.type, (counts.get(n.type) || 0) + 1); });
    var order = Object.keys(colors).filter(function (t) { return counts.has(t); })
      .concat(Array.from(counts.keys()).filter(function (t) { return !(t in colors); }).sort());
    order.forEach(function (type) {
      var label = el("label", { "data-type": type });
      var box2 = el("input", { type: "checkbox", value: type }); box2.checked = true;
      box2.addEventListener("change", function () {
        if (box2.checked) hiddenTypes.delete(type); else hiddenTypes.add(type);
        updateVisibility();
      });
      var sw = el("span", { "class": "swatch" }); sw.style.background = color(type);
      label.appendChild(box2); label.appendChild(sw);
      label.appendChild(document.createTextNode(type + " (" + counts.get(type) + ")"));
      box.appendChild(label);
    });
  }
  function buildEventFilters() {
    var box = document.getElementById("event-filters"), counts = new Map();
    nodes.forEach(function (n) { if (n.kind) counts.set(n.kind, (counts.get(n.kind) || 0) + 1); });
    var order = ["Meeting", "Visit", "Conference", "Signing", "Ceremony", "Other"].filter(function (k) { return counts.has(k); })
      .concat(Array.from(counts.keys()).filter(function (k) {
        return ["Meeting", "Visit", "Conference", "Signing", "Ceremony", "Other"].indexOf(k) < 0; }).sort());
    if (!order.length) { box.classList.add("hidden"); return; }
    box.appendChild(el("span", { "class": "muted" }, "Events:"));
    order.forEach(function (kind) {
      var label = el("label", { "data-kind": kind });
      var check = el("input", { type: "checkbox", value: kind }); check.checked = true;
      check.addEventListener("change", function () {
        if (check.checked) hiddenKinds.delete(kind); else hiddenKinds.add(kind);
        updateVisibility();
      });
      label.appendChild(check);
      label.appendChild(document.createTextNode(kind + " (" + counts.get(kind) + ")"));
      box.appendChild(label);
    });
  }
  function setStatus(extra) {
    var shownN = nodes.filter(visible).length;
    var shownE = edges.filter(function (e) { return visible(e.s) && visible(e.t); }).length;
    status.textContent = shownN + " nodes, " + shownE + " relations" + (extra ? " \u00b7 " + extra : "");
  }
  function nameButton(n) {
    var b = el("button", { "class": "link", type: "button", "data-id": n.id }, n.label);
    b.addEventListener("click", function () { select(n, true); });
    return b;
  }
  function runSearch() {
    var q = fold(search.value.trim());
    results.textContent = "";
    document.body.classList.toggle("searching", q.length > 0);
    var matches = [];
    nodes.forEach(function (n) {
      var hit = q.length > 0 && visible(n) && n.keys.some(function (k) { return k.indexOf(q) >= 0; });
      n.g.classList.toggle("match", hit);
      if (hit) matches.push(n);
    });
    if (!q) { setStatus(); return matches; }
    setStatus(matches.length + (matches.length === 1 ? " match" : " matches"));
    results.appendChild(el("div", { "class": "muted" }, matches.length ? "Matches:" : "No node matches \u201c" + search.value.trim() + "\u201d."));
    var ul = el("ul");
    matches.slice(0, 60).forEach(function (n) {
      var li = el("li"); li.appendChild(nameButton(n));
      li.appendChild(el("span", { "class": "muted" }, " \u00b7 " + n.type)); ul.appendChild(li);
    });
    results.appendChild(ul);
    return matches;
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var m = runSearch(); if (m.length) select(m[0], true); }
    if (ev.key === "Escape") { search.value = ""; runSearch(); }
  });

  /* ---- selection and the details panel ---- */
  function relationBox(e, n) {
    var box = el("div", { "class": "rel" }), line = el("div");
    line.appendChild(e.s === n ? el("strong", {}, short(n.label, 40)) : nameButton(e.s));
    line.appendChild(el("span", { "class": "pred" }, " " + e.predicate + " "));
    line.appendChild(e.t === n ? el("strong", {}, short(n.label, 40)) : nameButton(e.t));
    if (e.organization) {
      line.appendChild(document.createTextNode(" in "));
      var org = byId.get(e.organization_id);
      line.appendChild(org ? nameButton(org) : el("span", {}, e.organization));
    }
    box.appendChild(line);
    if (e.start || e.end || e.status) {  /* a membership in time: "from 2024-07-01 to 2025 · future" */
      var when = [e.start ? "from " + e.start : null, e.end ? "to " + e.end : null, e.status]
        .filter(function (x) { return x; });
      box.appendChild(el("div", { "class": "muted when" }, when.join(" \u00b7 ").replace(" \u00b7 to", " to")));
    }
    var meta = [];
    if (e.confidence !== null && e.confidence !== undefined) meta.push("confidence " + Number(e.confidence).toFixed(2));
    if (e.documents && e.documents.length) meta.push(e.documents.join(", "));
    if (meta.length) box.appendChild(el("div", { "class": "muted" }, meta.join(" \u00b7 ")));
    (e.evidence || []).forEach(function (ev) {
      var q = el("blockquote", { "class": "evidence" }, ev.sentence || "(no sentence)");
      box.appendChild(q);
      var src = [ev.doc_id, ev.extractor, ev.confidence === null || ev.confidence === undefined ? null : Number(ev.confidence).toFixed(2)]
        .filter(function (x) { return x !== null && x !== undefined && x !== ""; });
      box.appendChild(el("div", { "class": "muted" }, src.join(" \u00b7 ")));
    });
    return box;
  }
  function select(n, center) {
    selected = n;
    document.body.classList.toggle("has-selection", !!n);
    var near = new Set(n ? [n] : []);
    if (n) n.edges.forEach(function (e) { near.add(e.s); near.add(e.t); });
    nodes.forEach(function (m) { m.g.classList.toggle("near", near.has(m)); m.g.classList.toggle("selected", m === n); });
    edges.forEach(function (e) {
      var on = !!n && (e.s === n || e.t === n);
      e.path.classList.toggle("near", on); e.text.classList.toggle("near", on);
    });
    details.textContent = "";
    if (!n) { details.appendChild(el("p", { "class": "hint" }, "Click a node to see its relations and their evidence.")); return; }
    details.appendChild(el("h2", {}, n.label));
    var badge = el("span", { "class": "badge" }, n.kind ? n.type + " \u00b7 " + n.kind : n.type);
    badge.style.background = color(n.type);
    details.appendChild(badge);
    details.appendChild(el("span", { "class": "muted" }, "  " + n.id));
    if (n.aliases.length) details.appendChild(el("p", { "class": "muted" }, "Also: " + n.aliases.join("; ")));
    if (n.documents.length) details.appendChild(el("p", { "class": "muted" }, "Documents: " + n.documents.join(", ")));
    var rels = n.edges.filter(function (e) { return visible(e.s) && visible(e.t); });
    var out = rels.filter(function (e) { return e.s === n; }), inc = rels.filter(function (e) { return e.s !== n; });
    details.appendChild(el("h3", {}, "Relations (" + rels.length + ")"));
    out.concat(inc).forEach(function (e) { details.appendChild(relationBox(e, n)); });
    if (center) fit(Array.from(near), 1.3);  /* zoom to the node and its neighbours */
  }

  /* ---- pan, zoom, drag ---- */
  var drag = null;
  function point(ev) {
    var r = svg.getBoundingClientRect();
    return { x: ev.clientX - r.left, y: ev.clientY - r.top };
  }
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var p = point(ev), k = Math.max(0.05, Math.min(8, view.k * Math.exp(-ev.deltaY * 0.0015)));
    view.x = p.x - (p.x - view.x) * k / view.k; view.y = p.y - (p.y - view.y) * k / view.k; view.k = k;
    applyView();
  }, { passive: false });
  svg.addEventListener("pointerdown", function (ev) {
    var g = ev.target.closest && ev.target.closest(".node"), p = point(ev);
    drag = { node: g ? byId.get(g.getAttribute("data-id")) : null, start: p, last: p, moved: false };
    svg.setPointerCapture(ev.pointerId);
    if (!drag.node) svg.classList.add("panning");
  });
  svg.addEventListener("pointermove", function (ev) {
    if (!drag) return;
    var p = point(ev), dx = p.x - drag.last.x, dy = p.y - drag.last.y;
    if (Math.abs(p.x - drag.start.x) + Math.abs(p.y - drag.start.y) > 3) drag.moved = true;
    drag.last = p;
    if (!drag.moved) return;
    if (drag.node) {
      drag.node.x += dx / view.k; drag.node.y += dy / view.k;
      drag.node.g.setAttribute("transform", "translate(" + drag.node.x.toFixed(1) + "," + drag.node.y.toFixed(1) + ")");
      drag.node.edges.forEach(placeEdge);
    } else { view.x += dx; view.y += dy; applyView(); }
  });
  svg.addEventListener("pointerup", function () {
    if (drag && !drag.moved) select(drag.node, false);
    drag = null; svg.classList.remove("panning");
  });
  window.addEventListener("resize", function () { fit(); });

  layout();
  draw();
  buildFilters();
  buildEventFilters();
  fit();
  setStatus();
  window.kgxViz = { nodes: nodes, edges: edges, fit: fit, search: function (q) { search.value = q; return runSearch().map(function (n) { return n.id; }); },
                    select: function (id) { select(byId.get(id) || null, true); } };
  document.body.setAttribute("data-ready", "true");
})();
