/**
 * <mlops-continue>: turns "Start here" into "Continue: <lesson>", and shows lessons done,
 * flashcards due and quiz scores on the course map.
 */
import { decorateLessonLinks, readProgress } from './progress-client.ts';
import { withBase } from '../../lib/url.ts';

interface LessonRef {
  id: string;
  url: string;
  title: string;
}

class ContinueReading extends HTMLElement {
  connectedCallback() {
    const lessons: LessonRef[] = JSON.parse(this.dataset.lessons ?? '[]');
    const progress = readProgress();
    const link = this.querySelector<HTMLAnchorElement>('a.start');
    const last = lessons.find((l) => l.id === progress.lastLesson);
    if (link && last) {
      link.href = last.url;
      link.textContent = `Continue where you left off: ${last.title}`;
    }
    const done = lessons.filter((l) => progress.lessons[l.id]?.completedAt).length;
    const now = Date.now();
    const due = Object.values(progress.cards).filter((c) => c.due <= now).length;
    const status = this.querySelector('.status');
    const parts = [
      done > 0 ? `You have finished ${done} of ${lessons.length} lessons.` : '',
      due > 0 ? `${due} ${due === 1 ? 'flashcard is' : 'flashcards are'} due for review.` : '',
    ].filter(Boolean);
    if (status && parts.length) {
      status.textContent = `${parts.join(' ')} `;
      if (due > 0) {
        const review = document.createElement('a');
        review.href = withBase('/practice/#flashcards');
        review.textContent = 'Review flashcards';
        status.append(review);
      }
    }
    decorateLessonLinks(progress);
  }
}

customElements.define('mlops-continue', ContinueReading);
