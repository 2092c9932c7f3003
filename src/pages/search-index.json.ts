/** The search index's records, fetched when search is first used; the word shards are in search-index/. */
import type { APIRoute } from 'astro';
import { courseIndexFiles } from '../lib/search-files.ts';

export const GET: APIRoute = async () => {
  const { index } = await courseIndexFiles(import.meta.env.DEV);
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json' } });
};
