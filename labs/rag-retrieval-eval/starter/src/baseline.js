// @ts-check
// Given: the search the team shipped first, kept as the baseline your pipeline must beat.
// It counts how often the query's words occur in each whole document, like a grep: it has no
// idea that "the" and "model" are common while "137" is rare, and long documents win simply
// because they contain more words.

/** @param {string} text */
const words = (text) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/**
 * Ranks documents by the number of query-word occurrences they contain, ties by corpus order.
 * @param {{ id: string, title: string, text: string }[]} docs
 * @returns {(query: string, k: number) => string[]}
 */
export function createKeywordSearch(docs) {
  const tokenised = docs.map((d) => ({ id: d.id, tokens: words(`${d.title}. ${d.text}`) }));
  return (query, k) => {
    const terms = new Set(words(query));
    return tokenised
      .map((d) => ({ id: d.id, count: d.tokens.filter((t) => terms.has(t)).length }))
      .filter((d) => d.count > 0)
      .sort((a, b) => b.count - a.count)
      .slice(0, k)
      .map((d) => d.id);
  };
}
