// The search box's filter words, shared by the page (search-refine.js) and the search
// worker (search-worker.js, which loads this file with importScripts).
//
//   actor:Hamas   actor:"Benjamin Netanyahu"   location:gaza-strip   topic:ceasefire
//
// A quote inside a quoted name is written \". Names are compared loosely (case, hyphens,
// underscores and spaces ignored), so gaza-strip chooses "Gaza Strip".
self.ExplainerSearchQuery = (function () {
  "use strict";

  const FILTER_WORD = /(?:^|\s)(actor|location|topic):(?:"((?:[^"\\]|\\.)*)"?|(\S+))/g;

  function looseName(value) {
    return value.toLowerCase().replace(/[-_\s]+/g, " ").trim();
  }

  /** Every filter word in ``text``: {key, value, written} (written: as it stands there). */
  function filterWords(text) {
    return [...text.matchAll(FILTER_WORD)].map((match) => ({
      key: match[1],
      value: (match[2] === undefined ? match[3] : match[2].replace(/\\(.)/g, "$1")).trim(),
      written: match[0],
    }));
  }

  /** ``text`` without its filter words: what is searched for. */
  function searchWords(text) {
    return text.replace(FILTER_WORD, " ").trim();
  }

  /** The filter word choosing ``value`` of ``key``, quoted when it must be. */
  function filterWord(key, value) {
    return /^[^\s"\\]+$/.test(value) ? `${key}:${value}` : `${key}:"${value.replace(/(["\\])/g, "\\$1")}"`;
  }

  return { looseName, filterWords, searchWords, filterWord };
})();
