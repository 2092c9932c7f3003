/**
 * <mlops-mode-cards>: fills each practice mode card with what is waiting (missed
 * questions, cards due, interview questions not answered, STAR drafts) for the current
 * filters, and makes each Start link start its mode where it stands on the page.
 */
import { hubCounts, hubLines, starDrafted } from '../../lib/practice-hub.ts';
import { absoluteTime } from '../../lib/relative-time.ts';
import { readProgress } from '../layout/progress-client.ts';
import { currentPool } from './practice-data.ts';
// Type only: the STAR stories' code loads after the cards (practice-root.ts).
import type { StarDrafts } from './star-drafts.ts';

/** The ids of the behavioral questions, read from the STAR stories on the page. */
export const behavioralIds = (): string[] => [...document.querySelectorAll<HTMLElement>('mlops-star-drafts details.star-q[data-question]')].map((s) => s.dataset.question!);

/** The element behind each mode: a Start tapped while the page is still loading waits for it. */
const MODE_ELEMENTS: Record<string, string> = { quiz: 'mlops-practice-quiz', cards: 'mlops-flashcards', mock: 'mlops-mock-interview', star: 'mlops-star-drafts' };

/** Starts a mode the way its own controls would, so each mode keeps one code path. */
async function start(mode: string) {
  // Before its element is defined, a setup form would submit to the server instead.
  if (MODE_ELEMENTS[mode]) await customElements.whenDefined(MODE_ELEMENTS[mode]);
  const section = document.getElementById({ quiz: 'quiz-mode', cards: 'flashcards', mock: 'mock', star: 'behavioral' }[mode] ?? '');
  section?.scrollIntoView({ block: 'start' });
  if (mode === 'quiz') section?.querySelector<HTMLFormElement>('form.setup')?.requestSubmit();
  else if (mode === 'mock') section?.querySelector<HTMLFormElement>('form.setup')?.requestSubmit();
  else if (mode === 'cards') section?.querySelector<HTMLButtonElement>('button.start')?.click();
  else if (mode === 'star') {
    // The first story without a draft, else the first story.
    const drafted = new Set(starDrafted(behavioralIds(), readProgress().drafts));
    const all = [...document.querySelectorAll<HTMLDetailsElement>('details.star-q')];
    const next = all.find((d) => !drafted.has(d.dataset.question!)) ?? all[0];
    if (!next) return;
    next.open = true;
    // The story's form is built when it first opens; asking for it builds it now.
    document.querySelector<StarDrafts>('mlops-star-drafts')?.formFor(next).querySelector('textarea')?.focus();
  }
}

class ModeCards extends HTMLElement {
  connectedCallback() {
    // The first render comes with the first 'mlops:filters', once the question index is in.
    document.addEventListener('mlops:filters', () => this.#render());
    document.addEventListener('mlops:progress', () => this.#render());
    this.addEventListener('click', (e) => {
      const link = (e.target as Element).closest<HTMLAnchorElement>('a[data-start]');
      if (!link) return;
      e.preventDefault();
      void start(link.dataset.start!);
    });
  }

  #render() {
    const progress = readProgress();
    const now = Date.now();
    const counts = hubCounts(currentPool(), progress, now);
    const ids = behavioralIds();
    const lines = hubLines(counts, starDrafted(ids, progress.drafts).length, ids.length, now);
    for (const [mode, text] of Object.entries({ quiz: lines.quiz, cards: lines.cards, mock: lines.mock, star: lines.star })) {
      const el = this.querySelector<HTMLElement>(`[data-due="${mode}"]`);
      if (el) el.textContent = text;
    }
    const cards = this.querySelector<HTMLElement>('[data-due="cards"]');
    if (cards && counts.nextReview !== undefined && !counts.cardsDue) cards.title = `Next review: ${absoluteTime(counts.nextReview)}`;
    else cards?.removeAttribute('title');
  }
}

customElements.define('mlops-mode-cards', ModeCards);
