// @ts-check
// Step 5: the improved retrieval pipeline, compared with the team's first keyword search.
import { readFileSync } from 'node:fs';
import { createKeywordSearch } from './baseline.js';
import { createBm25Index } from './bm25.js';
import { chunkText } from './chunk.js';
import { rerank } from './rerank.js';

/** @typedef {{ id: string, title: string, text: string }} Doc */

/** @type {Doc[]} */
export const corpus = JSON.parse(readFileSync(new URL('../data/corpus.json', import.meta.url), 'utf8'));

/** Chunk size in words. Tune it on the dev queries with `npm start`. */
export const CHUNK_SIZE = 40;
/** Words shared by neighbouring chunks. */
export const CHUNK_OVERLAP = 10;
/** How many chunks BM25 hands to the reranker. */
export const CANDIDATES = 30;

/**
 * Turns a ranked list of passages into a ranked list of distinct document ids: each document
 * keeps the rank of its best passage, and at most k ids come back.
 * @param {{ docId: string }[]} ranked
 * @param {number} k
 * @returns {string[]}
 */
export function toDocumentIds(ranked, k) {
  /** @type {string[]} */
  const ids = [];
  for (const { docId } of ranked) {
    if (ids.length === k) break;
    if (!ids.includes(docId)) ids.push(docId);
  }
  return ids;
}

/**
 * The baseline: keyword counts over whole documents, top k.
 * @type {(query: string, k: number) => string[]}
 */
export const baselineSearch = createKeywordSearch(corpus);

/** @type {ReturnType<typeof createBm25Index> | undefined} */
let chunkIndex;

/**
 * The improved pipeline: BM25 over chunks (each prefixed with its document's title, so a chunk
 * keeps the context of what it is about), rerank the candidates, then one entry per document.
 * The index is built on first use so that an unfinished step fails its tests, not the import.
 * @param {string} query
 * @param {number} k
 * @returns {string[]}
 */
export function improvedSearch(query, k) {
  chunkIndex ??= createBm25Index(
    corpus.flatMap((d) =>
      chunkText(d.text, { size: CHUNK_SIZE, overlap: CHUNK_OVERLAP }).map((text, i) => ({
        id: `${d.id}#${i}`,
        docId: d.id,
        text: `${d.title}. ${text}`,
      })),
    ),
  );
  return toDocumentIds(rerank(query, chunkIndex.search(query, CANDIDATES)), k);
}
