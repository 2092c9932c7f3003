/** The payload the lab widget fetches on Launch: the runtime, the project and the solution files. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCourseData } from '../../../lib/course-data.ts';
import { labPayload, type Lab } from '../../../lib/labs.ts';

export const getStaticPaths = (async () => (await getCourseData()).labs.map((lab) => ({ params: { slug: lab.slug }, props: { lab } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { lab } = props as { lab: Lab };
  return new Response(JSON.stringify(labPayload(lab)), { headers: { 'Content-Type': 'application/json' } });
};
