/**
 * <mlops-practice-quiz>: N random choice questions from the filtered pool, one at a time,
 * each checked with per-choice feedback, and a score with review links at the end.
 */
import { grade } from '../../lib/scoring.ts';
import { recordAnswer } from '../../lib/progress.ts';
import type { QuestionView } from '../../lib/question-view.ts';
import { changeProgress } from '../layout/progress-client.ts';
import { drawQuestions, esc } from './practice-data.ts';

class PracticeQuiz extends HTMLElement {
  #stage = this.querySelector<HTMLElement>('.stage')!;
  #questions: QuestionView[] = [];
  #at = 0;
  #results: { q: QuestionView; correct: boolean }[] = [];

  connectedCallback() {
    this.querySelector('form.setup')!.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.#start(Number(new FormData(e.target as HTMLFormElement).get('count')) || 10);
    });
  }

  async #start(count: number) {
    const drawn = await drawQuestions(this.#stage, (q) => q.type !== 'open', count, 'No choice questions match your filters. Clear some filters and start again.');
    if (!drawn) return;
    this.#questions = drawn;
    this.#at = 0;
    this.#results = [];
    this.#show();
  }

  #show() {
    const q = this.#questions[this.#at]!;
    const multiple = q.type === 'multiple';
    this.#stage.innerHTML = `
      <form class="pq-question">
        <fieldset>
          <legend><span class="q-num">Question ${this.#at + 1} of ${this.#questions.length} · ${esc(q.moduleTitle)} · ${q.difficulty}</span>
          ${q.promptIsBlock ? '' : `<span class="q-prompt">${q.promptHtml}</span>`}</legend>
          ${q.promptIsBlock ? `<div class="q-prompt">${q.promptHtml}</div>` : ''}
          <p class="hint">${multiple ? 'Choose all that apply.' : 'Choose one.'}</p>
          <ul class="choices">${q.choices
            .map(
              (c, i) => `<li class="choice"><label><input type="${multiple ? 'checkbox' : 'radio'}" name="pick" value="${i}"> <span>${c.html}</span></label>
              <p class="choice-feedback" hidden></p></li>`,
            )
            .join('')}</ul>
        </fieldset>
        <div class="pq-after" hidden></div>
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
    form.querySelectorAll<HTMLElement>('.choice').forEach((li, i) => {
      const state = g.choices[i]!;
      li.dataset.state = state;
      const fb = li.querySelector<HTMLElement>('.choice-feedback')!;
      fb.hidden = state === 'none';
      const label = { right: 'Right.', wrong: 'Not quite.', missed: 'This is a right answer.', none: '' }[state];
      fb.innerHTML = `<strong>${label}</strong> ${q.choices[i]!.explanationHtml}`;
    });
    form.querySelectorAll('input').forEach((i) => (i.disabled = true));
    this.#results.push({ q, correct: g.correct });
    const outcome = changeProgress((p) => recordAnswer(p, q.id, g.correct, Date.now()));
    const after = form.querySelector<HTMLElement>('.pq-after')!;
    after.hidden = false;
    after.innerHTML = `<p class="q-verdict" role="status">${g.correct ? 'Correct.' : g.answered ? 'Not quite: the right answer is marked.' : 'Not answered: the right answer is marked.'}${outcome.saved ? '' : ` This answer was not saved. ${esc(outcome.message ?? '')}`}</p>
      ${q.explanationHtml}<p><a href="${q.reviewUrl}">Review: ${esc(q.lessonTitle)}</a></p>`;
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
    const missed = this.#results.filter((r) => !r.correct);
    this.#stage.innerHTML = `
      <div class="pq-summary">
        <h3 tabindex="-1">You got ${right} of ${this.#results.length} right</h3>
        ${
          missed.length
            ? `<p>Review these:</p><ul>${missed.map((r) => `<li><a href="${r.q.reviewUrl}">${esc(r.q.promptText)}</a> <span class="muted">(${esc(r.q.lessonTitle)})</span></li>`).join('')}</ul>
               <p class="muted">Tick "Only the ones I missed" in the filters to drill them.</p>`
            : '<p>All correct. Try harder questions, or another module.</p>'
        }
      </div>`;
    this.#stage.querySelector<HTMLElement>('h3')!.focus();
  }
}

customElements.define('mlops-practice-quiz', PracticeQuiz);
