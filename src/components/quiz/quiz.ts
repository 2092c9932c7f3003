/**
 * <mlops-quiz>: checks a lesson quiz. Each attempt shows the choices in a fresh random
 * order; picks are kept and graded by choice identity (the `value` of each input is the
 * choice's index in the bank), never by position. After Check a results panel at the top
 * takes focus, links each missed question, and offers to retry the missed ones. The attempt,
 * with its orders, is saved so a reload shows the same order and picks.
 */
import { newOrder, restoreOrder, type Orderable } from '../../lib/choice-order.ts';
import { recordAnswer, recordQuiz, type QuizResult } from '../../lib/progress.ts';
import { grade, score, type Gradable } from '../../lib/scoring.ts';
import { changeProgress, readProgress } from '../layout/progress-client.ts';
import { applyOrder, clearQuestion, orderableOf, shownOrder } from './choice-dom.ts';

type Ui = typeof import('./quiz-results.ts');
// Marking and the results panel load on first use, so a lesson page stays light until the student checks.
const loadUi = (): Promise<Ui> => import('./quiz-results.ts');

interface Item extends Gradable {
  root: HTMLFieldSetElement;
  orderable: Orderable;
}

class Quiz extends HTMLElement {
  #form = this.querySelector('form')!;
  #submit = this.#form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  #panel = this.querySelector<HTMLElement>('.quiz-results')!;
  #items: Item[] = [...this.querySelectorAll<HTMLFieldSetElement>('fieldset.question')].map((root) => {
    const id = root.dataset.id!;
    const type = root.dataset.type as Gradable['type'];
    return { root, id, type, correct: [...root.dataset.correct!].map((c) => c === '1'), orderable: orderableOf(root, id, type) };
  });
  /** Questions asked in the current attempt: all of them, or only the missed ones on a retry. */
  #asked = new Set(this.#items.map((q) => q.id));

  connectedCallback() {
    this.toggleAttribute('data-ready', true);
    this.#submit.hidden = false;
    this.#form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.#check();
    });
    const last = readProgress().quizzes[this.dataset.lesson!];
    for (const q of this.#items) applyOrder(q.root, last ? restoreOrder(q.orderable, last.orders?.[q.id]) : newOrder(q.orderable));
    if (last) void this.#restore(last);
  }

  async #restore(last: QuizResult) {
    for (const q of this.#items)
      for (const input of q.root.querySelectorAll('input')) input.checked = (last.answers[q.id] ?? []).includes(Number(input.value));
    const ui = await loadUi();
    const result = this.#mark(ui);
    this.#results(ui, result, `Your last attempt scored ${last.score} of ${last.total} (best ${last.best}). Your answers are shown below.`, false);
  }

  /** Picks by question id, as choice indexes. */
  #picks(): Record<string, number[]> {
    return Object.fromEntries(this.#items.map((q) => [q.id, [...q.root.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => Number(i.value))]));
  }

  async #check() {
    // Hidden at once so a second press while the marking code loads cannot record twice.
    this.#submit.hidden = true;
    // Scored and saved before the marking code loads, so the attempt is kept even if that load is slow or fails.
    const answers = this.#picks();
    const result = score(this.#items, answers);
    const orders = Object.fromEntries(this.#items.map((q) => [q.id, shownOrder(q.root)]));
    const now = Date.now();
    const outcome = changeProgress((p) => {
      recordQuiz(p, this.dataset.lesson!, result, answers, now, orders);
      // On a retry of the missed ones, the kept right answers were not asked again.
      for (const q of this.#items) if (this.#asked.has(q.id)) recordAnswer(p, q.id, !result.missed.includes(q.id), now);
    });
    // The score stands either way; only a saved attempt will be shown again after a reload.
    const saved = outcome.saved ? '' : ` This result was not saved. ${outcome.message}`;
    const ui = await loadUi();
    this.#mark(ui);
    this.#results(ui, result, `${ui.scoreSentence(result.score, result.total)}${saved}`, true);
  }

  /** Shows every question with its marks and returns the score. */
  #mark(ui: Ui) {
    const answers = this.#picks();
    for (const q of this.#items) {
      ui.markQuestion(q.root, grade(q, answers[q.id] ?? []), q.type === 'multiple');
      q.root.querySelector<HTMLElement>('.q-result')!.hidden = false;
      q.root.hidden = false;
    }
    this.#submit.hidden = true;
    return score(this.#items, answers);
  }

  #results(ui: Ui, result: ReturnType<typeof score>, summary: string, focus: boolean) {
    const missed = this.#items.filter((q) => result.missed.includes(q.id));
    ui.showResults(
      this.#panel,
      {
        heading: 'Your result',
        summary,
        missed: missed.map((q) => {
          const n = this.#items.indexOf(q) + 1;
          return {
            label: `Question ${n}: ${ui.shortPrompt(q.root.querySelector('.q-prompt')?.textContent ?? '')}`,
            questionUrl: `#${q.root.id}`,
            reviewUrl: q.root.querySelector<HTMLAnchorElement>('.q-result a.review')!.getAttribute('href')!,
            reviewLabel: 'Review the lesson section',
            reviewContext: ` for question ${n}`,
          };
        }),
        retryAllLabel: 'Retry the whole quiz',
        onRetryMissed: () => this.#retry(new Set(result.missed)),
        onRetryAll: () => this.#retry(new Set(this.#items.map((q) => q.id))),
      },
      focus,
    );
  }

  /** A new attempt at the questions in `ids`, each in a new order; the others keep their right answers, out of sight. */
  #retry(ids: Set<string>) {
    this.#asked = ids;
    for (const q of this.#items) {
      q.root.hidden = !ids.has(q.id);
      if (!ids.has(q.id)) continue;
      clearQuestion(q.root);
      q.root.querySelector<HTMLElement>('.q-result')!.hidden = true;
      applyOrder(q.root, newOrder(q.orderable, Math.random, shownOrder(q.root)));
    }
    this.#panel.hidden = true;
    this.#submit.hidden = false;
    this.#items.find((q) => ids.has(q.id))?.root.querySelector('input')?.focus();
  }
}

customElements.define('mlops-quiz', Quiz);
