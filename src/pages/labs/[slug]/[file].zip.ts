/** Zip downloads: `<slug>-starter.zip` (the starter) and `<slug>-solution.zip` (the finished project). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCourseData } from '../../../lib/course-data.ts';
import { solvedFiles, zipFiles, type Lab } from '../../../lib/labs.ts';

export const getStaticPaths = (async () =>
  (await getCourseData()).labs.flatMap((lab) => [
    { params: { slug: lab.slug, file: `${lab.slug}-starter` }, props: { lab, files: lab.project.files } },
    { params: { slug: lab.slug, file: `${lab.slug}-solution` }, props: { lab, files: solvedFiles(lab) } },
  ])) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { lab, files } = props as { lab: Lab; files: Record<string, string> };
  return new Response(zipFiles(lab.slug, files), { headers: { 'Content-Type': 'application/zip' } });
};
