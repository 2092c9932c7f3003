/** Every question in display form, fetched by the practice page when a session starts. */
import type { APIRoute } from 'astro';
import { getCourseData } from '../../lib/course-data.ts';
import { questionView } from '../../lib/question-view.ts';

export const GET: APIRoute = async () => {
  const { course, questions } = await getCourseData();
  return new Response(JSON.stringify(questions.map((q) => questionView(q, course))), { headers: { 'Content-Type': 'application/json' } });
};
