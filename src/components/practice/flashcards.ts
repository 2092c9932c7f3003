/**
 * <mlops-flashcards>: spaced-repetition review of the filtered questions. Space or Enter
 * shows the answer; 1–4 rate it (Again, Hard, Good, Easy); each rating button says when the
 * card will come back. The scheduler (ts-fsrs) is loaded only when a review starts.
 */
import type { CardState } from '../../lib/progress.ts';
import type { QuestionView } from '../../lib/question-view.ts';
import { changeProgress, readProgress } from '../layout/progress-client.ts';
import { dueIds } from '../../lib/practice.ts';
import { hubCounts } from '../../lib/practice-hub.ts';
import { absoluteTime, relativeTime } from '../../lib/relative-time.ts';
import { currentPool, esc, fullQuestions } from './practice-data.ts';

/** Cards per session: enough to make progress, few enough to finish. */
const SESSION = 20;

class Flashcards extends HTMLElement {
  #stage = this.querySelector<HTMLElement>('.stage')!;
  #queue: QuestionView[] = [];
  #revealed = false;
  #note = '';
  #keys = (e: KeyboardEvent) => this.#onKey(e);

  connectedCallback() {
    this.#count();
    document.addEventListener('mlops:filters', () => this.#count());
    document.addEventListener('mlops:progress', () => this.#count());
    this.querySelector('.start')!.addEventListener('click', () => void this.#start());
  }

  #due(now: number): string[] {
    return dueIds(currentPool().map((q) => q.id), readProgress().cards, now);
  }

  #count() {
    const now = Date.now();
    const { cardsDue: review, cardsNew: fresh, nextReview: next } = hubCounts(currentPool(), readProgress(), now);
    const due = this.querySelector('.due')!;
    due.textContent = `${review} ${review === 1 ? 'card is' : 'cards are'} due for review and ${fresh} ${fresh === 1 ? 'is' : 'are'} new.`;
    if (next !== undefined && review === 0) {
      // Relative for reading ("tomorrow"), the exact time in the element for those who want it.
      const time = Object.assign(document.createElement('time'), { dateTime: new Date(next).toISOString(), title: absoluteTime(next), textContent: relativeTime(next, now) });
      due.append(' The next review is ', time, '.');
    }
  }

  async #start() {
    const ids = this.#due(Date.now()).slice(0, SESSION);
    if (!ids.length) {
      this.#stage.innerHTML = '<p role="status">Nothing is due. Come back later, or widen the filters to add new cards.</p>';
      return;
    }
    try {
      const all = await fullQuestions();
      this.#queue = ids.map((id) => all.get(id)!).filter(Boolean);
    } catch (error) {
      this.#stage.innerHTML = `<p role="status">The cards could not be loaded (${esc(String(error))}).</p>`;
      return;
    }
    document.addEventListener('keydown', this.#keys);
    await this.#show();
  }

  async #show() {
    const q = this.#queue[0];
    if (!q) return this.#done();
    this.#revealed = false;
    const back = q.type === 'open'
      ? `${q.answerHtml ?? ''}${q.keyPointsHtml.length ? `<p><strong>Key points</strong></p><ul>${q.keyPointsHtml.map((k) => `<li>${k}</li>`).join('')}</ul>` : ''}`
      : `<p><strong>Answer:</strong> ${q.choices.filter((c) => c.correct).map((c) => c.html).join('; ')}</p>${q.explanationHtml}`;
    this.#stage.innerHTML = `
      <div class="card" aria-live="polite">
        <p class="muted">${this.#queue.length} left · ${esc(q.moduleTitle)} · ${q.difficulty}</p>
        <div class="card-front"><h3 class="card-prompt" tabindex="-1">${q.promptIsBlock ? esc(q.promptText) : q.promptHtml}</h3>
          ${q.promptIsBlock ? q.promptHtml : ''}
          ${q.choices.length ? `<ul>${q.choices.map((c) => `<li>${c.html}</li>`).join('')}</ul>` : ''}</div>
        <div class="card-back" hidden>${back}<p><a href="${q.reviewUrl}">Review: ${esc(q.lessonTitle)}</a></p></div>
      </div>
      <p class="fc-note" role="status">${esc(this.#note)}</p>
      <p class="card-actions"><button type="button" class="primary reveal" aria-keyshortcuts="Space Enter">Show answer <kbd>Space</kbd></button></p>`;
    this.#stage.querySelector<HTMLElement>('.card-prompt')!.focus();
    this.#stage.querySelector('.reveal')!.addEventListener('click', () => void this.#reveal());
  }

  async #reveal() {
    const q = this.#queue[0];
    if (!q || this.#revealed) return;
    this.#revealed = true;
    const { preview, formatInterval, RATINGS } = await import('../../lib/scheduler.ts');
    const now = Date.now();
    const when = preview(readProgress().cards[q.id], now);
    this.#stage.querySelector<HTMLElement>('.card-back')!.hidden = false;
    const actions = this.#stage.querySelector('.card-actions')!;
    actions.innerHTML = `<span class="rate-label">How well did you know it?</span> ${RATINGS.map(
      (r) => `<button type="button" data-rating="${r.name}" aria-keyshortcuts="${r.key}">${r.name} <kbd>${r.key}</kbd> <span class="muted">next in ${formatInterval(when[r.name] - now)}</span></button>`,
    ).join(' ')}`;
    actions.querySelectorAll<HTMLButtonElement>('button').forEach((b) => b.addEventListener('click', () => void this.#rate(b.dataset.rating!)));
    actions.querySelector<HTMLButtonElement>('button[data-rating="Good"]')!.focus();
  }

  async #rate(rating: string) {
    const q = this.#queue[0];
    if (!q || !this.#revealed) return;
    const { rate } = await import('../../lib/scheduler.ts');
    const now = Date.now();
    let card: CardState | undefined;
    const outcome = changeProgress((p) => {
      card = rate(p.cards[q.id], rating as 'Again', now);
      p.cards[q.id] = card;
    });
    // The session goes on in memory; the student learns that this rating did not stick.
    this.#note = outcome.saved ? '' : `Your rating was not saved. ${outcome.message}`;
    this.#queue.shift();
    // "Again" brings a card back within minutes: keep it in this session if it is due soon.
    if (card && card.due - now < 10 * 60_000) this.#queue.push(q);
    await this.#show();
  }

  #done() {
    document.removeEventListener('keydown', this.#keys);
    this.#stage.innerHTML = '<div class="card"><h3 tabindex="-1">Session done</h3><p>Every card in this session is scheduled. The ones you found hard come back sooner.</p></div>';
    this.#stage.querySelector<HTMLElement>('h3')!.focus();
    this.#count();
  }

  #onKey(e: KeyboardEvent) {
    if (e.altKey || e.ctrlKey || e.metaKey || (e.target as Element).closest('input, textarea, select')) return;
    if (!this.#queue.length) return;
    if (!this.#revealed && (e.key === ' ' || e.key === 'Enter') && !(e.target as Element).closest('a, button:not(.reveal)')) {
      e.preventDefault();
      void this.#reveal();
    } else if (this.#revealed && ['1', '2', '3', '4'].includes(e.key)) {
      e.preventDefault();
      void this.#rate(['Again', 'Hard', 'Good', 'Easy'][Number(e.key) - 1]!);
    }
  }
}

customElements.define('mlops-flashcards', Flashcards);
