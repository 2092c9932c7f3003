/** One word shard of the search index: the words starting with one character (see search-index-file.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { courseIndexFiles } from '../../lib/search-files.ts';

export const getStaticPaths = (async () => {
  const { shards } = await courseIndexFiles();
  return [...shards.keys()].map((key) => ({ params: { key } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const shard = (await courseIndexFiles(import.meta.env.DEV)).shards.get(params.key ?? '');
  if (!shard) return new Response('No such search shard.', { status: 404 });
  return new Response(JSON.stringify(shard), { headers: { 'Content-Type': 'application/json' } });
};
