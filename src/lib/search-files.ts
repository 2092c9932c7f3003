/**
 * The course's search files, built once per build: `/search-index.json` and its word shards
 * `/search-index/<key>.json` come from the same records, so they are built together and the
 * shard endpoints reuse the result. Under `astro dev` they are rebuilt on every request so an
 * edited lesson is searchable at once.
 */
import { getCourseData } from './course-data.ts';
import { CONTENT_DIR, LABS_DIR } from './paths.ts';
import { buildRecords } from './search-index.ts';
import { buildIndexFiles, type IndexFiles } from './search-index-file.ts';
import { readIndexInput } from './search-input.ts';

let built: Promise<IndexFiles> | undefined;

async function build(): Promise<IndexFiles> {
  // Index only content that passed the course checks.
  await getCourseData();
  return buildIndexFiles(buildRecords(readIndexInput(CONTENT_DIR, LABS_DIR)));
}

/** The index and its shards; `fresh` rebuilds (dev), otherwise the first build is reused. */
export function courseIndexFiles(fresh = false): Promise<IndexFiles> {
  if (fresh) return build();
  built ??= build();
  return built;
}
