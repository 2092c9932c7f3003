/** The search index (display records plus the word index), fetched when search is first used. */
import type { APIRoute } from 'astro';
import { getCourseData } from '../lib/course-data.ts';
import { CONTENT_DIR, LABS_DIR } from '../lib/paths.ts';
import { buildRecords } from '../lib/search-index.ts';
import { buildIndexFile } from '../lib/search-index-file.ts';
import { readIndexInput } from '../lib/search-input.ts';

export const GET: APIRoute = async () => {
  // Index only content that passed the course checks.
  await getCourseData();
  return new Response(JSON.stringify(buildIndexFile(buildRecords(readIndexInput(CONTENT_DIR, LABS_DIR)))), {
    headers: { 'Content-Type': 'application/json' },
  });
};
