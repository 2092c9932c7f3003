/**
 * Aggregations behind the home page's module grid and the progress page: lessons done and
 * time left per module, best quiz score per lesson, and the tags the student gets wrong most.
 * Plain data in, plain data out, so the browser widgets stay thin and the rules are tested.
 */
import type { Progress } from './progress.ts';

/** A lesson as the widgets know it (embedded in the page at build time). */
export interface LessonInfo {
  id: string;
  title: string;
  url: string;
  /** Estimated reading time. */
  minutes: number;
}

/** A module as the widgets know it. */
export interface ModuleInfo {
  id: string;
  title: string;
  url: string;
  lessons: LessonInfo[];
}

/** Lessons done and time left in one module. */
export interface ModuleProgress {
  id: string;
  done: number;
  total: number;
  /** Reading minutes of the lessons not done yet. */
  minutesLeft: number;
  /** Share of lessons done, 0 to 1 (0 for a module without lessons). */
  share: number;
}

const isDone = (p: Pick<Progress, 'lessons'>, id: string) => Boolean(p.lessons[id]?.completedAt);

/** The least `moduleProgress` needs of a module: its id and its lessons' ids and minutes. */
export interface ModuleLessons {
  id: string;
  lessons: readonly Pick<LessonInfo, 'id' | 'minutes'>[];
}

/** Lessons done, of how many, and the reading time left, for each module in order. */
export function moduleProgress(modules: readonly ModuleLessons[], progress: Pick<Progress, 'lessons'>): ModuleProgress[] {
  return modules.map((m) => {
    const left = m.lessons.filter((l) => !isDone(progress, l.id));
    const total = m.lessons.length;
    const done = total - left.length;
    return { id: m.id, done, total, minutesLeft: left.reduce((t, l) => t + l.minutes, 0), share: total ? done / total : 0 };
  });
}

/** One lesson quiz's best result. */
export interface QuizScore {
  lesson: LessonInfo;
  module: string;
  best: number;
  total: number;
  /** Latest attempt's score. */
  latest: number;
  /** When the latest attempt was saved (ms since epoch). */
  at: number;
}

/**
 * Best score of every lesson quiz taken, in course order. Quizzes of lessons no longer in
 * the course are left out: there is no page to link to.
 */
export function quizScores(modules: readonly ModuleInfo[], progress: Pick<Progress, 'quizzes'>): QuizScore[] {
  return modules.flatMap((m) =>
    m.lessons.flatMap((lesson) => {
      const q = progress.quizzes[lesson.id];
      return q && q.total > 0 ? [{ lesson, module: m.title, best: q.best, total: q.total, latest: q.score, at: q.at }] : [];
    }),
  );
}

/** How the student does on one tag's questions. */
export interface TagScore {
  tag: string;
  /** Answers given to questions with this tag (a question answered three times counts three). */
  answers: number;
  right: number;
  /** Questions with this tag answered at least once. */
  questions: number;
}

/**
 * Tags of the questions the student answered, weakest first: lowest share of right answers,
 * then most wrong answers, then name. Tags answered without a mistake are not weak and are
 * left out.
 * @param tagsOf tags of each question by id (questions the course no longer has are skipped)
 * @param limit how many tags to return
 */
export function weakestTags(tagsOf: ReadonlyMap<string, readonly string[]>, progress: Pick<Progress, 'questions'>, limit = 5): TagScore[] {
  const byTag = new Map<string, TagScore>();
  for (const [id, q] of Object.entries(progress.questions)) {
    for (const tag of tagsOf.get(id) ?? []) {
      const s = byTag.get(tag) ?? { tag, answers: 0, right: 0, questions: 0 };
      s.answers += q.seen;
      s.right += Math.min(q.correct, q.seen);
      s.questions += 1;
      byTag.set(tag, s);
    }
  }
  const wrong = (s: TagScore) => s.answers - s.right;
  return [...byTag.values()]
    .filter((s) => s.answers > 0 && wrong(s) > 0)
    .sort((a, b) => a.right / a.answers - b.right / b.answers || wrong(b) - wrong(a) || a.tag.localeCompare(b.tag))
    .slice(0, limit);
}

/** Whole percent of a share, for labels ("67%"). */
export const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);
