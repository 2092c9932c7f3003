/** How a backup is described on /progress/: when it was made, why, and what it holds. */
import { parseProgress, summarize } from '../../lib/progress.ts';
import type { Backup } from '../../lib/progress-backups.ts';
import { plural } from '../../lib/plural.ts';

const WHY: Record<Backup['reason'], string> = {
  import: 'before an import',
  reset: 'before a reset',
  restore: 'before a restore',
  migration: 'before an upgrade of the record',
  unreadable: 'unreadable data set aside',
  'invalid items': 'before invalid items were dropped',
  'earlier backup': 'kept by an earlier version of the site',
};

/** A title ("3 Dec 2026, 14:05, before an import") and what the copy holds. */
export function describeBackup(b: Backup): { title: string; detail: string } {
  const when = b.at ? new Date(b.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : 'Date unknown';
  const title = `${when}, ${WHY[b.reason]}`;
  try {
    const s = summarize(parseProgress(JSON.parse(b.raw)));
    return { title, detail: [
        `${plural(s.lessonsDone, 'lesson')} done`,
        plural(s.quizzes, 'quiz', 'quizzes'),
        `${plural(s.questionsAnswered, 'question')} answered`,
        plural(s.cards, 'flashcard'),
        plural(s.drafts, 'draft'),
      ].join(', ') };
  } catch (error) {
    return { title, detail: `cannot be restored (${error instanceof Error ? error.message : 'not valid JSON'}); ${plural(b.raw.length, 'character')} kept for download` };
  }
}
