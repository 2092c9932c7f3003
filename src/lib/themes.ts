/** Interview themes (content/interview-themes.yaml) and which questions cover each. */
import { z } from 'astro/zod';
import { fix, SLUG } from './schemas.ts';

/** One theme the question bank must cover. */
export const themeSchema = z.object({
  /** The theme as CURRICULUM.md names it. */
  theme: z.string({ error: fix('name the `theme`.') }).min(1),
  /** Question tags that belong to the theme; a question with any of them counts. */
  tags: z.array(z.string().regex(SLUG), { error: fix('list the question `tags` that belong to the theme.') }).min(1),
  /** Optional regular expression the prompt must also match (case-insensitive). */
  prompt: z.string().optional(),
});
export type Theme = z.infer<typeof themeSchema>;

/** Ids of the questions that cover a theme. */
export function questionsForTheme(theme: Theme, questions: { id: string; tags?: string[]; prompt: string }[]): string[] {
  const prompt = theme.prompt ? new RegExp(theme.prompt, 'i') : undefined;
  return questions.filter((q) => (q.tags ?? []).some((t) => theme.tags.includes(t)) && (!prompt || prompt.test(q.prompt))).map((q) => q.id);
}
