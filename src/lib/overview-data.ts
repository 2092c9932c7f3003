/**
 * What the progress page embeds at build time for its charts: modules with their lessons,
 * and each question's tags. Tags are stored once and referred to by index, which keeps the
 * embedded JSON about a third of the size of writing every tag out per question.
 */
import type { Course } from './course.ts';
import type { ModuleInfo } from './progress-stats.ts';

/** The embedded data. */
export interface OverviewData {
  /** Modules in course order, each with its lessons in order. */
  modules: ModuleInfo[];
  /** Every tag used by a question, sorted. */
  tags: string[];
  /** Indexes into `tags` for each question, by question id. */
  questions: Record<string, number[]>;
}

/** Builds the embedded data from the course graph and the question bank. */
export function overviewData(course: Pick<Course, 'modules'>, questions: readonly { id: string; tags: readonly string[] }[]): OverviewData {
  const tags = [...new Set(questions.flatMap((q) => q.tags))].sort();
  const index = new Map(tags.map((t, i) => [t, i]));
  return {
    modules: course.modules.map((m) => ({
      id: m.id,
      title: m.title,
      url: m.url,
      lessons: m.lessons.map((l) => ({ id: l.id, title: l.data.title, url: l.url, minutes: l.data.minutes })),
    })),
    tags,
    questions: Object.fromEntries(questions.map((q) => [q.id, q.tags.map((t) => index.get(t)!)])),
  };
}

/** Each question's tags by id, decoded from the embedded data. Unknown tag indexes are skipped. */
export function tagsOfQuestions(data: Pick<OverviewData, 'tags' | 'questions'>): Map<string, string[]> {
  return new Map(Object.entries(data.questions).map(([id, idx]) => [id, idx.map((i) => data.tags[i]).filter((t): t is string => t !== undefined)]));
}
