// The search worker behind Material's search box, answering from the Pagefind index.
//
// Material talks to its worker in four messages: SETUP (with its own index, unused here),
// READY, QUERY (the text in the box) and RESULT ({items: groups of documents}). Pagefind
// fetches only the index chunks a query needs, so the first search on a large archive
// downloads a few hundred kilobytes instead of the whole lunr index.
//
// Material inserts a result's title and text with innerHTML. Everything taken from the
// index is therefore escaped here, and <mark> is the only markup this worker emits.
"use strict";

const SETUP = 0;
const READY = 1;
const QUERY = 2;
const RESULT = 3;

// Pages whose text is fetched for one query: Material shows ten and more on scrolling.
const PAGES_SHOWN = 20;
// Facet values offered per filter: the most frequent among the results.
const FACETS_SHOWN = 8;
const FILTERS = ["actor", "location", "topic"];
const WARM_UP = "warm-up";
const MIN_LETTERS = 2;

// The filter words of the box (actor:"Name", location:Name), shared with the page.
importScripts(new URL("search-query.js", self.location.href).href);
const { looseName, filterWords, searchWords } = self.ExplainerSearchQuery;

// This file is served from <site>/assets/javascripts/; Pagefind's bundle from <site>/pagefind/.
const siteRoot = new URL("../../", self.location.href);
const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("explainer-search") : null;

let pagefind = null;
let knownValues = null;
let running = false;
let waiting = null;

/** Load Pagefind once, on the first query: page views without a search load nothing. */
function loadPagefind() {
  if (!pagefind) {
    pagefind = import(new URL("pagefind/pagefind.js", siteRoot).href).then(async (module) => {
      // Result URLs relative to the site's root, whatever path the site is served under.
      await module.options({ baseUrl: "/", excerptLength: 26 });
      await module.init();
      return module;
    });
    // A failed load (a rebuild under way, the network) is tried again on the next query.
    pagefind.catch(() => {
      pagefind = null;
    });
  }
  return pagefind;
}

/** Split the text in the box into search words and filters (actor:"Name", location:Name). */
function parseQuery(text) {
  const filters = {};
  for (const { key, value } of filterWords(text)) {
    if (value) (filters[key] ??= []).push(value);
  }
  return { words: searchWords(text), filters };
}

function escapeHtml(text) {
  return String(text)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/**
 * A Pagefind excerpt as safe HTML. Pagefind marks hits with <mark> and writes < and >
 * as entities but leaves & bare, so the text between marks is decoded and escaped again.
 */
function safeExcerpt(excerpt) {
  return String(excerpt || "")
    .split(/(<\/?mark>)/)
    .map((piece) => {
      if (piece === "<mark>" || piece === "</mark>") return piece;
      return escapeHtml(piece.replaceAll("&lt;", "<").replaceAll("&gt;", ">"));
    })
    .join("");
}

// A page's excerpt: this many words of its text, from its start when the first hit is in
// the first half of them, else opening a few words before that hit.
const EXCERPT_WORDS = 26;
const WORDS_BEFORE_HIT = 8;

/**
 * A page's excerpt taken from its text after the title, as safe HTML. Pagefind's own may
 * open on the h1 (the title's words are indexed, and weigh most), which Material already
 * shows as the result's heading: after the date label it read as the label run into the
 * text ("21 January 2025 2025 Gaza…"). Pagefind's excerpt stays when the page does not
 * open with its h1, or its text cannot be split into the words the hits count.
 */
function pageExcerpt(data) {
  const words = String(data.content || "").split(/[\r\n\s]+/g);
  const heading = (data.anchors || []).find((anchor) => anchor.element === "h1");
  if (!heading || heading.location !== 0) return safeExcerpt(data.excerpt);
  const start = String(heading.text).split(/\s+/).filter(Boolean).length;
  const hits = (data.locations || []).filter((at) => at >= start);
  if (start >= words.length || hits.some((at) => at >= words.length)) return safeExcerpt(data.excerpt);
  const first = hits.length ? Math.min(...hits) : start;
  const last = Math.max(start, words.length - EXCERPT_WORDS);
  const from = first - start < EXCERPT_WORDS / 2 ? start : Math.min(first - WORDS_BEFORE_HIT, last);
  const marked = new Set(hits);
  return words
    .slice(from, from + EXCERPT_WORDS)
    .map((word, index) => (marked.has(from + index) ? `<mark>${escapeHtml(word)}</mark>` : escapeHtml(word)))
    .join(" ");
}

/** ``text`` escaped, with each query word that starts a word in it marked. */
function markWords(text, words) {
  const stems = words
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .filter((word) => word.length > 1);
  if (!stems.length) return escapeHtml(text);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${stems.join("|")})`, "giu");
  let html = "";
  let last = 0;
  for (const match of String(text).matchAll(pattern)) {
    html += escapeHtml(text.slice(last, match.index));
    html += `<mark>${escapeHtml(match[0])}</mark>`;
    last = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(last));
}

/** A page's location as Material wants it: relative to the site's root. */
function sitePath(url) {
  return String(url).replace(/^\/+/, "");
}

/** One page and its matching sections, as one group of Material's result list. */
function toGroup(result, data, words, terms) {
  const label = data.meta.label ? `<span class="ea-search-label">${escapeHtml(data.meta.label)}</span> ` : "";
  const page = {
    location: sitePath(data.url),
    title: markWords(data.meta.title || data.url, words),
    text: `<p>${label}${pageExcerpt(data)}</p>`,
    score: result.score,
    terms,
  };
  const sections = (data.sub_results || [])
    // The h1 is the page itself, already the group's first line.
    .filter((section) => section.url.includes("#") && section.anchor?.element !== "h1")
    .filter((section) => section.locations?.length)
    .map((section) => ({
      location: sitePath(section.url),
      title: markWords(section.title, words),
      text: `<p>${safeExcerpt(section.excerpt)}</p>`,
      // Below the page's own score: Material folds these under "more on this page".
      score: result.score / 2,
      terms,
    }));
  return [page, ...sections];
}

/** The most frequent values of each filter among the results, and those already chosen. */
function facets(counts, chosen) {
  const offered = {};
  for (const key of FILTERS) {
    const values = Object.entries(counts?.[key] || {})
      .filter(([value, count]) => count > 0 || chosen[key]?.includes(value))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, FACETS_SHOWN);
    for (const value of chosen[key] || []) {
      if (!values.some(([name]) => name === value)) values.push([value, 0]);
    }
    offered[key] = values;
  }
  return offered;
}

/**
 * How many articles each filter value would leave, for the refine buttons: Pagefind counts
 * every page, glossary pages too, and readers compare the counts with article counts
 * shown elsewhere. Article pages carry the filter page:article (search_hints.py).
 */
async function articleCounts(engine, words, query) {
  const articles = await engine.search(words || null, { filters: { ...query, page: "article" } });
  return articles.filters;
}

/** Filter values as indexed, so that a typed actor:hamas finds "Hamas". */
async function canonical(engine, filters) {
  knownValues ??= engine.filters().then((all) => {
    const lookup = {};
    for (const key of FILTERS) {
      lookup[key] = new Map(Object.keys(all[key] || {}).map((value) => [looseName(value), value]));
    }
    return lookup;
  });
  const lookup = await knownValues;
  const query = {};
  for (const [key, values] of Object.entries(filters)) {
    query[key] = { all: values.map((value) => lookup[key]?.get(looseName(value)) ?? value) };
  }
  return query;
}

async function search(text) {
  const { words, filters } = parseQuery(text);
  if (!words && !Object.keys(filters).length) return { items: [], total: 0, facets: {} };
  // One letter matches most of a large archive and takes Pagefind a second; Material
  // sends a query per key, so these would hold up the query the reader is still typing.
  if (words.length < MIN_LETTERS && !Object.keys(filters).length) {
    return { items: [], total: 0, facets: {}, short: true };
  }
  const engine = await loadPagefind();
  const query = await canonical(engine, filters);
  const found = await engine.search(words || null, { filters: query });
  if (waiting !== null) return null;
  const top = found.results.slice(0, PAGES_SHOWN);
  const pages = await Promise.all(top.map((result) => result.data()));
  const split = words.split(/\s+/).filter(Boolean);
  const terms = Object.fromEntries(split.map((word) => [word.toLowerCase(), true]));
  const items = top.map((result, index) => toGroup(result, pages[index], split, terms));
  const chosen = Object.fromEntries(Object.entries(query).map(([key, value]) => [key, value.all]));
  const counts = await articleCounts(engine, words, query);
  return { items, total: found.results.length, facets: facets(counts, chosen) };
}

async function answer(text) {
  try {
    return await search(text);
  } catch (error) {
    console.error("Search is unavailable:", error);
    return { items: [], total: 0, facets: {} };
  }
}

/**
 * Answer queries one at a time, and of those typed meanwhile only the newest: a reader
 * typing "ceasefire" sends nine queries, and the answer that matters is the last one's.
 */
async function answerInTurn(text) {
  waiting = text;
  if (running) return;
  running = true;
  while (waiting !== null) {
    const current = waiting;
    waiting = null;
    const reply = await answer(current);
    // A newer query arrived while this one ran: its answer would only flash by.
    if (reply === null || waiting !== null) continue;
    self.postMessage({ type: RESULT, data: { items: reply.items } });
    channel?.postMessage({
      query: current,
      shown: reply.items.length,
      total: reply.total,
      facets: reply.facets,
      short: Boolean(reply.short),
    });
  }
  running = false;
}

// The refine script says when the reader focuses the search box: load Pagefind then, so the
// first query does not wait for it. (Material's own first query, an empty one, is sent on
// every page load, so it cannot be the signal.)
channel?.addEventListener("message", (event) => {
  if (event.data === WARM_UP) loadPagefind().catch(() => {});
});

self.addEventListener("message", (event) => {
  const message = event.data;
  if (message.type === SETUP) {
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    answerInTurn(String(message.data || ""));
  }
});
