// @ts-check
// Given: you do not need to change this file. Every retriever and the reranker share this
// tokenizer, so a query and a document are always split the same way.

/** Words too common to say anything about what a text is about. */
const STOPWORDS = new Set(
  ('a an and are as at be because by can do does for from has have how i if in is it its my of on or ' +
    'our so that the their them then there these this to was we what when where which who why will with ' +
    'you your after before about into than too very also only not no each every all any')
    .split(' '),
);

/**
 * Splits text into lower-case word tokens, drops stopwords, and strips a plural "s" so that
 * "alerts" and "alert" match. Numbers are kept ("137", "p95").
 * @param {string} text
 * @returns {string[]}
 */
export function tokenize(text) {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? [])
    .filter((word) => !STOPWORDS.has(word))
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word));
}
