/* actorgraph map: draws the graph of the JSON block #ag-data with vis-network and wires the
 * controls (search, type and relation filters, minimum support, events on or off, nodes
 * without facts, time range, details panel) and shows labels by centrality as the zoom allows.
 *
 * Safety rule: text from articles (names, aliases, titles, sentences, addresses) reaches the
 * DOM only through textContent or Text nodes, never as HTML; links only for http(s) addresses.
 * window.actorgraph exposes the network, its DataSets and views, for tests and the console.
 */
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("ag-data").textContent);
  const TOOLTIP_EVIDENCE = 3;
  const MAX_RESULTS = 20;
  // Below this zoom only the most central nodes are labelled; at or above it, all of them.
  const LABEL_ALL_SCALE = 1.5;
  // Maps this small keep every label at any zoom.
  const MIN_LABELS = 50;
  const state = {
    types: new Set(data.types),
    relations: new Set(data.relations),
    minSupport: 1,
    events: data.layered ? Boolean(data.eventsShown) : true,
    showIsolated: false,
    range: null,
    active: new Set(),
    layerDegree: new Map(),
  };
  const byId = new Map(data.nodes.map((node) => [node.id, node]));
  const RELATION_WORDS = { activeIn: "active in", attacked: "attacked", coInvolvedWith: "co-involved with" };

  // -- DOM helpers: text only ------------------------------------------------------------

  function el(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined && text !== null) element.textContent = String(text);
    return element;
  }

  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  function number(count) {
    return Number(count).toLocaleString("en-GB");
  }

  function plural(count, word) {
    return number(count) + " " + word + (count === 1 ? "" : "s");
  }

  function sourceLine(record) {
    const line = el("div", "ag-source");
    const name = record.title || record.article || "unknown article";
    const url = safeUrl(record.url);
    if (url) {
      const link = el("a", null, name);
      link.href = url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      line.append("— ", link);
    } else {
      line.append("— " + name);
    }
    return line;
  }

  function moreLine(shown, total, what) {
    return total > shown ? el("div", "ag-more", "… and " + plural(total - shown, what) + " more") : null;
  }

  // -- cards: the same content for tooltips (short) and the details panel (full) ---------

  function nodeCard(node, limit) {
    const card = el("div", "ag-card");
    card.append(el("div", "ag-card-title", node.name));
    card.append(el("div", "ag-card-type", describeType(node)));
    if (node.aliases && node.aliases.length) {
      card.append(el("div", "ag-card-line", "Also called: " + node.aliases.join(" · ")));
    }
    if (node.articles) {
      card.append(el("div", "ag-card-line", "Named in " + plural(node.articles, "article")));
    }
    if (node.events) {
      const where = node.type === "Province" ? " located here" : " taken part in";
      card.append(el("div", "ag-card-line", plural(node.events, "event") + where));
    }
    if (node.communityName) {
      card.append(el("div", "ag-card-line", "Community of " + node.communityName));
    }
    if (node.sentences && node.sentences.length) {
      const list = el("ul", "ag-evidence");
      for (const sentence of node.sentences.slice(0, limit)) {
        const item = el("li");
        item.append(el("blockquote", "ag-sentence", sentence));
        list.append(item);
      }
      card.append(list);
      const more = moreLine(Math.min(limit, node.sentences.length), node.sentenceCount, "report");
      if (more) card.append(more);
    }
    return card;
  }

  function describeType(node) {
    const parts = [node.kind && node.kind !== node.type ? node.type + " · " + node.kind : node.type];
    if (node.date) parts.push(node.date);
    if (node.iso) parts.push("ISO 3166-2 " + node.iso);
    return parts.join(" · ");
  }

  function nameOf(id) {
    const node = byId.get(id);
    return node ? node.name : String(id);
  }

  function eventSummary(edge) {
    const kinds = Object.keys(edge.kinds || {}).map((kind) => kind + " " + edge.kinds[kind]).join(", ");
    const parts = [plural(edge.eventCount, "event")];
    if (kinds) parts.push(kinds);
    if (edge.first) parts.push(edge.first === edge.last ? edge.first : edge.first + " – " + edge.last);
    parts.push("stated by " + plural(edge.support, "article"));
    return parts.join(" · ");
  }

  function foldedCard(edge, limit) {
    const card = el("div", "ag-card");
    const words = RELATION_WORDS[edge.predicate] || edge.predicate;
    card.append(el("div", "ag-card-title", nameOf(edge.from) + " → " + words + " → " + nameOf(edge.to)));
    card.append(el("div", "ag-card-type", eventSummary(edge)));
    const list = el("ul", "ag-evidence ag-events");
    for (const event of edge.events.slice(0, limit)) {
      const item = el("li", "ag-event");
      item.append(el("div", "ag-event-title", event.date ? event.label + " · " + event.date : event.label));
      for (const sentence of event.sentences) item.append(el("blockquote", "ag-sentence", sentence));
      for (const article of event.articles) item.append(sourceLine(article));
      const moreArticles = moreLine(event.articles.length, event.articleCount, "article");
      if (moreArticles) item.append(moreArticles);
      list.append(item);
    }
    card.append(list);
    const more = moreLine(Math.min(limit, edge.events.length), edge.eventCount, "event");
    if (more) card.append(more);
    return card;
  }

  function edgeCard(edge, limit) {
    if (edge.layer === "folded") return foldedCard(edge, limit);
    const card = el("div", "ag-card");
    card.append(el("div", "ag-card-title", nameOf(edge.from) + " → " + edge.predicate + " → " + nameOf(edge.to)));
    card.append(el("div", "ag-card-type",
      "Stated by " + plural(edge.support, "article") + " · confidence " + edge.confidence));
    const list = el("ul", "ag-evidence");
    for (const record of edge.evidence.slice(0, limit)) {
      const item = el("li");
      item.append(el("blockquote", "ag-sentence", record.sentence), sourceLine(record));
      list.append(item);
    }
    card.append(list);
    const more = moreLine(Math.min(limit, edge.evidence.length), edge.evidenceCount, "sentence");
    if (more) card.append(more);
    return card;
  }

  // -- data: DataSets with DOM tooltips, DataViews for the filters -------------------------

  const nodes = new vis.DataSet(data.nodes.map((node) =>
    Object.assign({}, node, { fullLabel: node.label, title: nodeCard(node, TOOLTIP_EVIDENCE) })));
  const edges = new vis.DataSet(data.edges.map((edge) =>
    Object.assign({}, edge, { title: edgeCard(edge, TOOLTIP_EVIDENCE) })));

  // A node is shown when its type is ticked, its layer is on, and a shown fact joins it to
  // another node; a node without any fact in the layer only when "Nodes without facts" is.
  function nodeInLayer(node) {
    return node.layer !== "event" || state.events;
  }

  function edgeInLayer(edge) {
    if (edge.layer === "folded") return !state.events;
    if (edge.layer === "event") return state.events;
    return true;
  }

  function inRange(edge) {
    if (state.range === null || !edge.dates || !edge.dates.length) return true;
    return edge.dates.some((date) => date >= state.range[0] && date <= state.range[1]);
  }

  function edgePasses(edge) {
    return edgeInLayer(edge) && edge.support >= state.minSupport && inRange(edge);
  }

  function nodeVisible(node) {
    if (!state.types.has(node.type) || !nodeInLayer(node)) return false;
    return state.active.has(node.id) || (state.showIsolated && !state.layerDegree.get(node.id));
  }

  function edgeVisible(edge) {
    return state.relations.has(edge.predicate) && edgePasses(edge) &&
      nodeVisible(byId.get(edge.from)) && nodeVisible(byId.get(edge.to));
  }

  function recount() {
    state.active = new Set();
    state.layerDegree = new Map();
    for (const edge of data.edges) {
      if (!edgeInLayer(edge)) continue;
      for (const end of [edge.from, edge.to]) {
        state.layerDegree.set(end, (state.layerDegree.get(end) || 0) + 1);
      }
      if (edgePasses(edge)) {
        state.active.add(edge.from);
        state.active.add(edge.to);
      }
    }
  }

  recount();

  const nodeView = new vis.DataView(nodes, { filter: nodeVisible });
  const edgeView = new vis.DataView(edges, { filter: edgeVisible });

  // -- the network -----------------------------------------------------------------------

  const status = document.getElementById("ag-status");
  const details = document.getElementById("ag-details-body");
  const container = document.getElementById("ag-map");
  const network = new vis.Network(container, {}, data.options);
  const started = performance.now();
  const api = {
    network, nodes, edges,
    views: { nodes: nodeView, edges: edgeView },
    notes: data.notes,
    physics: data.physics,
    stabilised: false,
    stabilisationMs: null,
    readyAtMs: null,
    search, focusNode, setTypeVisible, setRelationVisible, setMinSupport, visibleCounts,
    setEventsVisible, setIsolatedVisible, setTimeRange, labelled, applyLabels, showEdge,
    view: data.view, dates: data.dates,
  };
  window.actorgraph = api;

  function visibleCounts() {
    return { nodes: nodeView.length, edges: edgeView.length };
  }

  function showStatus() {
    const shown = visibleCounts();
    status.textContent = "Showing " + number(shown.nodes) + " of " + plural(nodes.length, "node") +
      " and " + number(shown.edges) + " of " + plural(edges.length, "fact") + ".";
  }

  // -- labels: the most central nodes at overview zoom, every label when zoomed in -------

  function labelBudget(scale) {
    if (scale >= LABEL_ALL_SCALE) return Infinity;
    const share = scale / LABEL_ALL_SCALE;
    return Math.max(MIN_LABELS, Math.round(nodeView.length * share * share));
  }

  function scaleNow() {
    return network.getScale();
  }

  function applyLabels() {
    const budget = labelBudget(scaleNow());
    const visibleRanks = nodeView.get({ fields: ["id", "rank"] }).map((node) => node.rank).sort((a, b) => a - b);
    const cut = budget >= visibleRanks.length ? Infinity : visibleRanks[budget];
    // Labels kept at overview zoom are drawn big enough to read at that zoom.
    const size = Math.round(Math.min(60, 14 / Math.min(1, Math.max(scaleNow(), 0.2))));
    const changes = [];
    nodes.forEach((node) => {
      const label = node.rank < cut ? node.fullLabel : "";
      const font = { size: label ? size : 14 };
      if (node.label !== label || !node.font || node.font.size !== font.size) {
        changes.push({ id: node.id, label, font });
      }
    });
    if (changes.length) nodes.update(changes);
    return changes.length;
  }

  function labelled() {
    return nodeView.get({ filter: (node) => node.label !== "" }).map((node) => node.id);
  }

  function centreOnFocus() {
    const shown = (data.focus || []).filter((id) => nodeView.get(id));
    if (!shown.length) return;
    network.selectNodes(shown);
    const position = network.getPositions([shown[0]])[shown[0]];
    network.moveTo({ position, scale: network.getScale() });
    showDetails(nodeCard(nodes.get(shown[0]), Infinity));
  }

  function ready() {
    applyLabels();
    centreOnFocus();
    api.stabilised = true;
    api.stabilisationMs = Math.round(performance.now() - started);
    api.readyAtMs = Math.round(performance.now());
    document.documentElement.dataset.agReady = "true";
    showStatus();
  }

  if (data.physics && data.nodes.length) {
    network.on("stabilizationProgress", (progress) => {
      status.textContent = "Laying out… " + Math.round(100 * progress.iterations / progress.total) + "%";
    });
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: false });
      ready();
    });
  } else if (data.nodes.length) {
    network.once("afterDrawing", ready);
  }
  network.setData({ nodes: nodeView, edges: edgeView });
  if (!data.nodes.length) {
    ready();
    status.textContent = "The graph is empty.";
  }

  network.on("zoom", applyLabels);

  function showDetails(card) {
    details.replaceChildren(card);
  }

  function showEdge(id) {
    const edge = edges.get(id);
    if (!edge) return false;
    showDetails(edgeCard(edge, Infinity));
    return true;
  }

  network.on("click", (params) => {
    if (params.nodes.length) {
      showDetails(nodeCard(nodes.get(params.nodes[0]), Infinity));
    } else if (params.edges.length) {
      showDetails(edgeCard(edges.get(params.edges[0]), Infinity));
    }
  });

  // -- search ------------------------------------------------------------------------------

  const results = document.getElementById("ag-results");

  function matchRank(node, query) {
    const names = [node.name].concat(node.aliases || []).map((name) => name.toLocaleLowerCase());
    if (node.id.toLocaleLowerCase() === query || names.includes(query)) return 0;
    if (names.some((name) => name.startsWith(query))) return 1;
    if (names.some((name) => name.includes(query))) return 2;
    return -1;
  }

  function search(text) {
    const query = String(text).trim().toLocaleLowerCase();
    results.replaceChildren();
    if (!query) return [];
    const hits = [];
    for (const node of nodeView.get()) {
      const rank = matchRank(node, query);
      if (rank >= 0) hits.push({ rank, node });
    }
    hits.sort((a, b) => a.rank - b.rank || a.node.name.localeCompare(b.node.name));
    if (!hits.length) {
      results.append(el("li", "ag-empty", "No shown node matches “" + String(text).trim() + "”."));
      return [];
    }
    for (const hit of hits.slice(0, MAX_RESULTS)) results.append(resultItem(hit.node));
    const more = moreLine(Math.min(MAX_RESULTS, hits.length), hits.length, "match");
    if (more) results.append(more);
    focusNode(hits[0].node.id);
    return hits.map((hit) => hit.node.id);
  }

  function resultItem(node) {
    const item = el("li");
    const button = el("button", "ag-result", node.name);
    button.type = "button";
    button.addEventListener("click", () => focusNode(node.id));
    item.append(button, el("span", "ag-result-type", node.type));
    return item;
  }

  function focusNode(id) {
    if (!nodeView.get(id)) return false;
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 300 } });
    showDetails(nodeCard(nodes.get(id), Infinity));
    return true;
  }

  document.getElementById("ag-search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    search(document.getElementById("ag-search").value);
  });

  // -- filters -----------------------------------------------------------------------------

  function keepPositions() {
    // network.storePositions() fails on a filtered DataView (it looks up hidden nodes too).
    const positions = network.getPositions();
    nodes.update(Object.keys(positions).map((id) => ({ id, x: positions[id].x, y: positions[id].y })));
  }

  function refresh() {
    keepPositions();
    recount();
    nodeView.refresh();
    edgeView.refresh();
    if (api.stabilised) applyLabels();
    showStatus();
  }

  function setEventsVisible(visible) {
    state.events = data.layered ? Boolean(visible) : true;
    const box = document.getElementById("ag-events");
    if (box) box.checked = state.events;
    refresh();
  }

  function setIsolatedVisible(visible) {
    state.showIsolated = Boolean(visible);
    document.getElementById("ag-isolated").checked = state.showIsolated;
    refresh();
  }

  // The range is two ISO dates, inclusive; the sliders step through the dates on the map.
  // Dates given as text snap inwards to the nearest dates present.
  function dateIndex(value, fromEnd) {
    if (typeof value === "number") return Math.floor(value);
    const dates = data.dates, text = String(value);
    if (fromEnd) {
      let index = -1;
      while (index + 1 < dates.length && dates[index + 1] <= text) index++;
      return index;
    }
    let index = 0;
    while (index < dates.length && dates[index] < text) index++;
    return index;
  }

  function setTimeRange(from, to) {
    const dates = data.dates;
    if (!dates.length) return null;
    const last = dates.length - 1;
    const low = Math.min(Math.max(0, dateIndex(from, false)), last);
    const high = Math.min(Math.max(low, dateIndex(to, true)), last);
    state.range = low === 0 && high === last ? null : [dates[low], dates[high]];
    document.getElementById("ag-from").value = String(low);
    document.getElementById("ag-to").value = String(high);
    document.getElementById("ag-from-value").textContent = dates[low];
    document.getElementById("ag-to-value").textContent = dates[high];
    refresh();
    return state.range;
  }

  function toggle(set, name, visible) {
    if (visible) set.add(name);
    else set.delete(name);
  }

  function setTypeVisible(type, visible) {
    toggle(state.types, type, visible);
    syncBox("type", type, visible);
    refresh();
  }

  function setRelationVisible(relation, visible) {
    toggle(state.relations, relation, visible);
    syncBox("relation", relation, visible);
    refresh();
  }

  function setMinSupport(value) {
    state.minSupport = Math.max(1, Math.floor(Number(value)) || 1);
    document.getElementById("ag-support").value = String(state.minSupport);
    document.getElementById("ag-support-value").textContent = String(state.minSupport);
    refresh();
  }

  function syncBox(kind, name, visible) {
    for (const box of document.querySelectorAll("input[data-ag-" + kind + "]")) {
      if (box.getAttribute("data-ag-" + kind) === name) box.checked = visible;
    }
  }

  for (const box of document.querySelectorAll("input[data-ag-type]")) {
    box.addEventListener("change", () => setTypeVisible(box.getAttribute("data-ag-type"), box.checked));
  }
  for (const box of document.querySelectorAll("input[data-ag-relation]")) {
    box.addEventListener("change", () => setRelationVisible(box.getAttribute("data-ag-relation"), box.checked));
  }
  document.getElementById("ag-support").addEventListener("input", (event) => setMinSupport(event.target.value));
  const eventsBox = document.getElementById("ag-events");
  if (eventsBox) eventsBox.addEventListener("change", () => setEventsVisible(eventsBox.checked));
  const isolatedBox = document.getElementById("ag-isolated");
  isolatedBox.addEventListener("change", () => setIsolatedVisible(isolatedBox.checked));
  const fromSlider = document.getElementById("ag-from");
  const toSlider = document.getElementById("ag-to");
  fromSlider.addEventListener("input", () => {
    const low = Number(fromSlider.value);
    setTimeRange(low, Math.max(low, Number(toSlider.value)));
  });
  toSlider.addEventListener("input", () => {
    const high = Number(toSlider.value);
    setTimeRange(Math.min(high, Number(fromSlider.value)), high);
  });
})();
