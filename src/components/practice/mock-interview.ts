/**
 * <mlops-mock-interview>: timed open questions. For each, the student drafts an answer
 * while a timer runs, then compares it with the model answer, ticks the key points they
 * covered and rates themselves. A summary closes the session.
 */
import { mockSummary, type MockAnswer } from '../../lib/practice.ts';
import type { QuestionView } from '../../lib/question-view.ts';
import { setDraft } from '../../lib/progress.ts';
import { changeProgress } from '../layout/progress-client.ts';
import { checkNumberFields } from './field-errors.ts';
import { drawQuestions, esc } from './practice-data.ts';
import { plural } from '../../lib/plural.ts';

const RATINGS = ['Missed it', 'Partly', 'Good', 'Nailed it'] as const;

class MockInterview extends HTMLElement {
  #stage = this.querySelector<HTMLElement>('.stage')!;
  #questions: QuestionView[] = [];
  #answers: MockAnswer[] = [];
  #at = 0;
  #seconds = 120;
  #timer?: number;

  connectedCallback() {
    this.querySelector('form.setup')!.addEventListener('submit', (e) => {
      e.preventDefault();
      const form = e.target as HTMLFormElement;
      if (!checkNumberFields(form)) return;
      const data = new FormData(form);
      this.#seconds = Math.min(900, Math.max(10, Number(data.get('seconds')) || 120));
      void this.#start(Math.min(20, Math.max(1, Number(data.get('count')) || 5)));
    });
  }

  disconnectedCallback() {
    clearInterval(this.#timer);
  }

  async #start(count: number) {
    const drawn = await drawQuestions(this.#stage, (q) => q.type === 'open', count, 'No interview questions match your filters. Clear the type or module filters and start again.');
    if (!drawn) return;
    this.#questions = drawn;
    this.#answers = [];
    this.#at = 0;
    this.#ask();
  }

  #ask() {
    const q = this.#questions[this.#at]!;
    const started = Date.now();
    this.#stage.innerHTML = `
      <div class="mock-q">
        <p class="muted">Question ${this.#at + 1} of ${this.#questions.length} · ${esc(q.moduleTitle)} · ${q.difficulty}</p>
        <h3 class="mock-prompt" tabindex="-1">${q.promptIsBlock ? esc(q.promptText) : q.promptHtml}</h3>
        ${q.promptIsBlock ? q.promptHtml : ''}
        <p class="timer" role="timer" aria-live="off" aria-atomic="true"></p>
        <p class="visually-hidden timer-alert" role="status"></p>
        <label for="mock-draft">Your answer (notes are fine; say it out loud as you would in the interview)</label>
        <textarea id="mock-draft" rows="7"></textarea>
        <p><button type="button" class="primary done">I'm done: show the model answer</button></p>
      </div>`;
    this.#stage.querySelector<HTMLElement>('.mock-prompt')!.focus();
    const timer = this.#stage.querySelector<HTMLElement>('.timer')!;
    const alert = this.#stage.querySelector<HTMLElement>('.timer-alert')!;
    const tick = () => {
      const left = this.#seconds - Math.floor((Date.now() - started) / 1000);
      timer.textContent = left >= 0 ? `Time left: ${fmt(left)}` : `Over time by ${fmt(-left)}`;
      timer.dataset.over = String(left < 0);
      // Screen readers hear a few milestones, not every second.
      if (left === 30) alert.textContent = '30 seconds left.';
      if (left === 0) alert.textContent = 'Time is up. Finish your sentence, then show the model answer.';
    };
    tick();
    clearInterval(this.#timer);
    this.#timer = window.setInterval(tick, 1000);
    this.#stage.querySelector('.done')!.addEventListener('click', () => {
      clearInterval(this.#timer);
      const draft = this.#stage.querySelector('textarea')!.value;
      const outcome = draft.trim() ? changeProgress((p) => setDraft(p, `mock:${q.id}`, draft, Date.now())) : undefined;
      this.#compare(q, draft, Math.round((Date.now() - started) / 1000));
      if (outcome && !outcome.saved) this.#stage.querySelector('.draft-note')!.textContent = `Your answer was not saved. ${outcome.message}`;
    });
  }

  #compare(q: QuestionView, draft: string, seconds: number) {
    this.#stage.innerHTML = `
      <form class="mock-compare">
        <h3 tabindex="-1">Compare: ${q.promptIsBlock ? esc(q.promptText) : q.promptHtml}</h3>
        <p class="muted">You took ${fmt(seconds)} of ${fmt(this.#seconds)}.</p>
        <div class="compare-grid">
          <section><h4>Your answer</h4><p class="draft-note" role="status"></p><div class="draft">${draft.trim() ? esc(draft).replace(/\n/g, '<br>') : '<em>(nothing written)</em>'}</div></section>
          <section><h4>Model answer</h4>${q.answerHtml ?? ''}</section>
        </div>
        <fieldset><legend>Which key points did you cover?</legend>
          ${q.keyPointsHtml.map((k, i) => `<label><input type="checkbox" name="kp" value="${i}"> <span>${k}</span></label>`).join('')}
        </fieldset>
        <fieldset class="rating" aria-describedby="mock-rating-error"><legend>How did you do?</legend>
          ${RATINGS.map((r, i) => `<label><input type="radio" name="rating" value="${i + 1}"> ${r}</label>`).join('')}
          <p class="form-error" id="mock-rating-error"></p>
        </fieldset>
        <p><button type="submit" class="primary">${this.#at === this.#questions.length - 1 ? 'See the summary' : 'Next question'}</button></p>
      </form>`;
    const form = this.#stage.querySelector('form')!;
    form.querySelector<HTMLElement>('h3')!.focus();
    form.addEventListener('change', () => (form.querySelector('#mock-rating-error')!.textContent = ''));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const data = new FormData(form);
      const rating = Number(data.get('rating'));
      if (!rating) {
        // Said beside the ratings, and focus goes there, so the student sees what to fix.
        form.querySelector('#mock-rating-error')!.textContent = 'Rate your answer first: it decides what to revisit.';
        form.querySelector<HTMLInputElement>('input[name="rating"]')!.focus();
        return;
      }
      this.#answers.push({
        id: q.id,
        covered: data.getAll('kp').length,
        keyPoints: q.keyPointsHtml.length,
        rating: rating as MockAnswer['rating'],
        seconds,
        overtime: seconds > this.#seconds,
      });
      this.#at++;
      if (this.#at < this.#questions.length) this.#ask();
      else this.#summary();
    });
  }

  #summary() {
    const s = mockSummary(this.#answers);
    const byId = new Map(this.#questions.map((q) => [q.id, q]));
    this.#stage.innerHTML = `
      <div class="mock-summary">
        <h3 tabindex="-1">Mock interview summary</h3>
        <p>${plural(s.questions, 'question')} · average self-rating ${s.averageRating} of 4 · ${s.keyPointsCovered} of ${s.keyPointsTotal} key points covered · ${s.overtime} over time.</p>
        <table><caption class="visually-hidden">Your answers</caption>
          <thead><tr><th scope="col">Question</th><th scope="col">Rating</th><th scope="col">Key points</th><th scope="col">Time</th></tr></thead>
          <tbody>${this.#answers
            .map((a) => {
              const q = byId.get(a.id)!;
              return `<tr><td><a href="${q.reviewUrl}">${esc(q.promptText)}</a></td><td>${RATINGS[a.rating - 1]}</td><td>${a.covered} of ${a.keyPoints}</td><td>${fmt(a.seconds)}${a.overtime ? ' (over)' : ''}</td></tr>`;
            })
            .join('')}</tbody></table>
        ${s.toRevisit.length ? `<p>Revisit the lessons behind the answers you rated "Missed it" or "Partly", then run another round.</p>` : '<p>Strong round. Try harder questions or a shorter time.</p>'}
      </div>`;
    this.#stage.querySelector<HTMLElement>('h3')!.focus();
  }
}

function fmt(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

customElements.define('mlops-mock-interview', MockInterview);
