// Refine search results by actor, location and topic, under Material's search box.
//
// The search worker (search-worker.js) reports, for each query, how many pages matched and
// which actors, locations and topics are most frequent among them, each with the number of
// matching articles (not glossary pages) that carry it. This script shows those as toggle buttons above the
// results. A button adds or removes a filter word such as actor:"Hamas" in the
// search box, so the box always shows the whole query and Material sends it as usual.
// Names are set with textContent only.
(function () {
  "use strict";
  if (typeof BroadcastChannel !== "function") return;

  const LABELS = { actor: "Actors", location: "Locations", topic: "Topics" };
  const input = document.querySelector("[data-md-component=search-query]");
  const meta = document.querySelector(".md-search-result__meta");
  if (!input || !meta) return;

  const panel = document.createElement("div");
  panel.className = "ea-refine";
  panel.setAttribute("role", "group");
  panel.setAttribute("aria-label", "Refine results");
  panel.hidden = true;
  meta.after(panel);

  let last = null;
  const { looseName, filterWords, filterWord } = self.ExplainerSearchQuery;

  /** The filter words in the box that choose ``value`` of ``key``, however typed. */
  function typedTokens(key, value) {
    return filterWords(input.value)
      .filter((word) => word.key === key && looseName(word.value) === looseName(value))
      .map((word) => word.written);
  }

  function toggle(key, value, active) {
    let next = input.value;
    if (active) {
      for (const typed of typedTokens(key, value)) next = next.replace(typed, " ");
    } else {
      next = `${next.trim()} ${filterWord(key, value)}`;
    }
    input.value = next.replace(/\s+/g, " ").trim();
    input.focus();
    // Material reads the box on keyup and searches when its text has changed.
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }

  function button(key, value, count, active) {
    const item = document.createElement("button");
    item.type = "button";
    item.className = "ea-refine__option";
    item.setAttribute("aria-pressed", String(active));
    item.dataset.filter = key;
    item.dataset.value = value;
    item.textContent = value;
    if (count > 0) {
      const tally = document.createElement("span");
      tally.className = "ea-refine__count";
      tally.textContent = ` ${count.toLocaleString("en")}`;
      item.append(tally);
    }
    item.addEventListener("click", () => toggle(key, value, active));
    return item;
  }

  function render(report) {
    panel.replaceChildren();
    for (const [key, values] of Object.entries(report.facets || {})) {
      if (!values.length) continue;
      const row = document.createElement("div");
      row.className = "ea-refine__row";
      const title = document.createElement("span");
      title.className = "ea-refine__label";
      title.textContent = LABELS[key] || key;
      row.append(title);
      for (const [value, count] of values) {
        const active = typedTokens(key, value).length > 0;
        row.append(button(key, value, count, active));
      }
      panel.append(row);
    }
    panel.hidden = !panel.childElementCount;
  }

  // Material writes "20 matching documents" for the pages the worker sent; say how many
  // matched in all when that is more, and that a single letter is not searched yet.
  function amendCount() {
    if (!last || last.query !== input.value) return;
    if (!last.short && last.total <= last.shown) return;
    const text = last.short
      ? "Keep typing to search"
      : `${last.shown} of ${last.total.toLocaleString("en")} matching documents`;
    if (meta.textContent !== text) meta.textContent = text;
  }

  new MutationObserver(amendCount).observe(meta, { childList: true, characterData: true, subtree: true });

  const channel = new BroadcastChannel("explainer-search");
  // Ask the search worker to load its index code now: the reader is about to type.
  input.addEventListener("focus", () => channel.postMessage("warm-up"), { once: true });

  channel.addEventListener("message", (event) => {
    // Another tab's search, or an answer to text no longer in the box.
    if (!event.data || typeof event.data !== "object" || event.data.query !== input.value) return;
    last = event.data;
    render(last);
    amendCount();
  });

  input.addEventListener("input", () => {
    if (!input.value.trim()) panel.hidden = true;
  });
})();
