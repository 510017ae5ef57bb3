/* actorgraph map: draws the graph of the JSON block #ag-data with vis-network and wires the
 * controls (search, type and relation filters, minimum support, details panel).
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
  const state = {
    types: new Set(data.types),
    relations: new Set(data.relations),
    minSupport: 1,
    strong: null,
  };
  const byId = new Map(data.nodes.map((node) => [node.id, node]));

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

  function edgeCard(edge, limit) {
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
    Object.assign({}, node, { title: nodeCard(node, TOOLTIP_EVIDENCE) })));
  const edges = new vis.DataSet(data.edges.map((edge) =>
    Object.assign({}, edge, { title: edgeCard(edge, TOOLTIP_EVIDENCE) })));

  function nodeVisible(node) {
    return state.types.has(node.type) && (state.strong === null || state.strong.has(node.id));
  }

  function edgeVisible(edge) {
    return state.relations.has(edge.predicate) && edge.support >= state.minSupport &&
      nodeVisible(byId.get(edge.from)) && nodeVisible(byId.get(edge.to));
  }

  function strongNodes() {
    const strong = new Set();
    for (const edge of data.edges) {
      if (edge.support >= state.minSupport) {
        strong.add(edge.from);
        strong.add(edge.to);
      }
    }
    return strong;
  }

  const nodeView = new vis.DataView(nodes, { filter: nodeVisible });
  const edgeView = new vis.DataView(edges, { filter: edgeVisible });

  // -- the network -----------------------------------------------------------------------

  const status = document.getElementById("ag-status");
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

  function ready() {
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

  // -- details panel -----------------------------------------------------------------------

  const details = document.getElementById("ag-details-body");

  function showDetails(card) {
    details.replaceChildren(card);
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
    state.strong = state.minSupport > 1 ? strongNodes() : null;
    nodeView.refresh();
    edgeView.refresh();
    showStatus();
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
})();
