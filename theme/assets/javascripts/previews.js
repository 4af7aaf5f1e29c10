// Hover and focus previews of glossary links: name, kind, one-line summary, article count.
// Data comes from assets/previews.json, written by the generator. Text is set with
// textContent only, so nothing in the data can become markup.
(function () {
  "use strict";

  const config = document.getElementById("__config");
  const root = config ? JSON.parse(config.textContent).base : ".";
  // "/" on the 404 page: adding a slash there would make "//", a protocol-relative URL.
  const base = new URL(root.endsWith("/") ? root : `${root}/`, location.href);
  let data = null;
  let card = null;
  let owner = null;

  function load() {
    if (!data) {
      data = fetch(new URL("assets/previews.json", base))
        .then((response) => (response.ok ? response.json() : {}))
        .catch(() => ({}));
    }
    return data;
  }

  // The entry a link previews: only a page of this site (same origin, under its base path).
  // A link elsewhere whose path looks like an entry's ("https://evil.example/actors/x/") is
  // not one, whatever it is styled as.
  function keyOf(link) {
    let target;
    try {
      target = new URL(link.getAttribute("href"), location.href);
    } catch {
      return null;
    }
    if (target.origin !== base.origin || !target.pathname.startsWith(base.pathname)) return null;
    return target.pathname.slice(base.pathname.length);
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function build(entry, href) {
    const box = element("div", "ea-preview");
    box.id = "ea-preview";
    box.setAttribute("role", "tooltip");
    box.append(element("p", "ea-preview__name", entry.name));
    const count = entry.articles === 1 ? "1 article" : `${entry.articles} articles`;
    box.append(element("p", "ea-preview__kind", `${entry.kind} · ${count}`));
    box.append(element("p", "ea-preview__summary", entry.summary));
    const more = element("a", "ea-preview__link", "Open the glossary page");
    more.href = href;
    more.tabIndex = -1; // the link it previews is already in the tab order
    box.append(more);
    box.addEventListener("mouseleave", hideSoon);
    box.addEventListener("mouseenter", () => clearTimeout(hideTimer));
    return box;
  }

  function place(box, link) {
    const rect = link.getBoundingClientRect();
    const width = Math.min(320, document.documentElement.clientWidth - 16);
    box.style.width = `${width}px`;
    const left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    box.style.left = `${left}px`;
    // Below the link, unless the card would run off the bottom of the window and fits above.
    const below = rect.bottom + 6;
    const fitsBelow = below + box.offsetHeight <= document.documentElement.clientHeight;
    const above = rect.top - box.offsetHeight - 6;
    const top = fitsBelow || above < 0 ? below : above;
    box.style.top = `${top + window.scrollY}px`;
  }

  async function show(link) {
    const key = keyOf(link);
    const entries = await load();
    const entry = key && entries[key];
    if (!entry || owner === link) return;
    hide();
    // The card links to the entry's own page, rebuilt from the key, never to the link's href.
    card = build(entry, new URL(key, base).href);
    owner = link;
    document.body.append(card); // positioned absolutely: the text does not move
    place(card, link);
    link.setAttribute("aria-describedby", card.id);
  }

  function hide() {
    clearTimeout(hideTimer);
    if (owner) owner.removeAttribute("aria-describedby");
    if (card) card.remove();
    card = null;
    owner = null;
  }

  let hideTimer = 0;
  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function mentionOf(event) {
    return event.target instanceof Element ? event.target.closest("a.ea-mention") : null;
  }

  document.addEventListener("mouseover", (event) => {
    const link = mentionOf(event);
    if (link) {
      clearTimeout(hideTimer);
      show(link);
    }
  });
  document.addEventListener("mouseout", (event) => {
    if (mentionOf(event)) hideSoon();
  });
  document.addEventListener("focusin", (event) => {
    const link = mentionOf(event);
    if (link) show(link);
    else if (!(card && card.contains(event.target))) hide();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hide();
  });
  window.addEventListener("resize", hide);
})();
