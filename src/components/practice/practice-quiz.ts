/**
 * <mlops-practice-quiz>: N random choice questions from the filtered pool, one at a time,
 * each in a fresh choice order and checked by choice identity with per-choice feedback;
 * then the results panel the lesson quizzes use, with "Retry the ones I missed".
 */
import { newOrder, viewOrderable } from '../../lib/choice-order.ts';
import { recordAnswer } from '../../lib/progress.ts';
import type { QuestionView } from '../../lib/question-view.ts';
import { grade } from '../../lib/scoring.ts';
import { changeProgress } from '../layout/progress-client.ts';
import { markQuestion, scoreSentence, shortPrompt, showResults } from '../quiz/quiz-results.ts';
import { checkNumberFields } from './field-errors.ts';
import { drawQuestions, esc } from './practice-data.ts';

class PracticeQuiz extends HTMLElement {
  #stage = this.querySelector<HTMLElement>('.stage')!;
  #questions: QuestionView[] = [];
  #at = 0;
  #results: { q: QuestionView; correct: boolean }[] = [];
  /** The order each question was last shown in, so a retry shows a different one. */
  #orders = new Map<string, number[]>();

  connectedCallback() {
    this.querySelector('form.setup')!.addEventListener('submit', (e) => {
      e.preventDefault();
      const form = e.target as HTMLFormElement;
      if (!checkNumberFields(form)) return;
      void this.#start(Number(new FormData(form).get('count')) || 10);
    });
  }

  async #start(count: number) {
    const drawn = await drawQuestions(this.#stage, (q) => q.type !== 'open', count, 'No choice questions match your filters. Clear some filters and start again.');
    if (drawn) this.#run(drawn);
  }

  #run(questions: QuestionView[]) {
    this.#questions = questions;
    this.#at = 0;
    this.#results = [];
    this.#show();
  }

  #show() {
    const q = this.#questions[this.#at]!;
    const multiple = q.type === 'multiple';
    const order = newOrder(viewOrderable(q), Math.random, this.#orders.get(q.id));
    this.#orders.set(q.id, order);
    // Each input's value is the choice's index in the bank, so grading never looks at position.
    const choices = order
      .map((i) => {
        const c = q.choices[i]!;
        return `<li class="choice" data-index="${i}"><label><input type="${multiple ? 'checkbox' : 'radio'}" name="pick" value="${i}"> <span>${c.html}</span></label>
          <p class="choice-feedback" hidden><strong class="verdict"></strong> <span>${c.explanationHtml}</span></p></li>`;
      })
      .join('');
    this.#stage.innerHTML = `
      <form class="pq-question" data-id="${esc(q.id)}">
        <fieldset>
          <legend><span class="q-num">Question ${this.#at + 1} of ${this.#questions.length} · ${esc(q.moduleTitle)} · ${q.difficulty}</span>
          ${q.promptIsBlock ? '' : `<span class="q-prompt">${q.promptHtml}</span>`}</legend>
          ${q.promptIsBlock ? `<div class="q-prompt">${q.promptHtml}</div>` : ''}
          <p class="hint">${multiple ? 'Choose all that apply.' : 'Choose one.'}</p>
          <ul class="choices">${choices}</ul>
        </fieldset>
        <div class="pq-after" hidden><p class="q-verdict" role="status"></p>${q.explanationHtml}<p><a href="${q.reviewUrl}">Review: ${esc(q.lessonTitle)}</a></p></div>
        <p class="pq-actions"><button type="submit" class="primary">Check</button></p>
      </form>`;
    const form = this.#stage.querySelector('form')!;
    form.querySelector('input')?.focus();
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.#check(form, q);
    });
  }

  #check(form: HTMLFormElement, q: QuestionView) {
    const picked = new FormData(form).getAll('pick').map(Number);
    const g = grade({ id: q.id, type: q.type, correct: q.choices.map((c) => c.correct) }, picked);
    form.querySelector<HTMLElement>('.pq-after')!.hidden = false;
    markQuestion(form, g, q.type === 'multiple');
    this.#results.push({ q, correct: g.correct });
    const outcome = changeProgress((p) => recordAnswer(p, q.id, g.correct, Date.now()));
    if (!outcome.saved) form.querySelector('.q-verdict')!.append(` This answer was not saved. ${outcome.message ?? ''}`);
    const last = this.#at === this.#questions.length - 1;
    const actions = form.querySelector('.pq-actions')!;
    actions.innerHTML = `<button type="button" class="primary">${last ? 'See your score' : 'Next question'}</button>`;
    const next = actions.querySelector('button')!;
    next.focus();
    next.addEventListener('click', () => {
      if (last) this.#finish();
      else {
        this.#at++;
        this.#show();
      }
    });
  }

  #finish() {
    const right = this.#results.filter((r) => r.correct).length;
    const panel = Object.assign(document.createElement('section'), { className: 'quiz-results', tabIndex: -1 });
    panel.setAttribute('aria-labelledby', 'pq-results-h');
    this.#stage.replaceChildren(panel);
    const asked = this.#results.map((r) => r.q);
    const missed = this.#results.flatMap((r, n) => (r.correct ? [] : [{ q: r.q, n: n + 1 }]));
    showResults(
      panel,
      {
        heading: 'Your result',
        summary: scoreSentence(right, this.#results.length),
        missed: missed.map(({ q, n }) => ({
          label: `Question ${n}: ${shortPrompt(q.promptText)}`,
          questionUrl: `/questions/${q.module}/#q-${q.id}`,
          reviewUrl: q.reviewUrl,
          reviewLabel: `Review: ${q.lessonTitle}`,
          reviewContext: ` (question ${n})`,
        })),
        retryAllLabel: 'Retry the whole quiz',
        onRetryMissed: () => this.#run(missed.map((m) => m.q)),
        onRetryAll: () => this.#run(asked),
      },
      true,
    );
  }
}

customElements.define('mlops-practice-quiz', PracticeQuiz);
