/**
 * <mlops-continue>: turns "Start here" into "Continue" to the next lesson not finished
 * (lib/next-lesson.ts), says how far the student is and whether flashcards are due, and
 * marks lessons done on the course map.
 */
import { decorateLessonLinks, readProgress } from './progress-client.ts';
import { nextLesson } from '../../lib/next-lesson.ts';
import { plural } from '../../lib/plural.ts';
import { withBase } from '../../lib/url.ts';

interface LessonRef {
  id: string;
  url: string;
  title: string;
}

/** The link's first line, by where it leads. */
const LEADS = { start: 'Start here', resume: 'Continue where you left off', next: 'Continue with the next lesson' } as const;

class ContinueReading extends HTMLElement {
  connectedCallback() {
    this.#render();
    document.addEventListener('mlops:progress', () => this.#render());
  }

  #render() {
    const lessons: LessonRef[] = JSON.parse(this.dataset.lessons ?? '[]');
    const progress = readProgress();
    const link = this.querySelector<HTMLAnchorElement>('a.start');
    const next = nextLesson(lessons, progress);
    if (link) {
      const [lead, title] = next.kind === 'finished' ? ['Every lesson is done:', 'keep it fresh in Practice'] : [`${LEADS[next.kind]}:`, next.lesson.title];
      link.href = next.kind === 'finished' ? withBase('/practice/') : next.lesson.url;
      link.querySelector('.lead')!.textContent = lead;
      link.querySelector('.title')!.textContent = title;
    }
    const done = lessons.filter((l) => progress.lessons[l.id]?.completedAt).length;
    const now = Date.now();
    const due = Object.values(progress.cards).filter((c) => c.due <= now).length;
    const status = this.querySelector('.status');
    if (!status) return;
    const parts = [
      done > 0 ? `You have finished ${done} of ${plural(lessons.length, 'lesson')}.` : '',
      // Short enough for two lines on a 360 px phone: that is the room reserved for it.
      due > 0 ? `${plural(due, 'flashcard')} due:` : '',
    ].filter(Boolean);
    status.textContent = parts.length ? `${parts.join(' ')} ` : '';
    if (due > 0) {
      const review = document.createElement('a');
      review.href = withBase('/practice/#flashcards');
      review.textContent = 'Review flashcards';
      status.append(review);
    }
    decorateLessonLinks(progress);
  }
}

customElements.define('mlops-continue', ContinueReading);
