/**
 * <mlops-quiz>: checks a lesson quiz. Each picked choice says whether it was right and why,
 * the right choices are revealed, the score is announced, and the attempt is saved so it
 * is shown again after a reload.
 */
import { grade, score, type Gradable } from '../../lib/scoring.ts';
import { recordAnswer, recordQuiz } from '../../lib/progress.ts';
import { changeProgress, readProgress } from '../layout/progress-client.ts';

const VERDICT = { right: 'Right.', wrong: 'Not quite.', missed: 'This one is also right.', none: '' } as const;

class Quiz extends HTMLElement {
  #form = this.querySelector('form')!;
  #fieldsets = [...this.querySelectorAll<HTMLFieldSetElement>('fieldset.question')];
  #questions: Gradable[] = this.#fieldsets.map((f) => ({
    id: f.dataset.id!,
    type: f.dataset.type as Gradable['type'],
    correct: [...f.dataset.correct!].map((c) => c === '1'),
  }));

  connectedCallback() {
    this.toggleAttribute('data-ready', true);
    this.#form.querySelector<HTMLButtonElement>('button[type=submit]')!.hidden = false;
    this.#form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.#check();
    });
    this.querySelector('.retry')!.addEventListener('click', () => this.#retry());
    const last = readProgress().quizzes[this.dataset.lesson!];
    if (last) {
      const note = this.querySelector<HTMLElement>('.quiz-last')!;
      note.hidden = false;
      note.textContent = `Your last attempt scored ${last.score} of ${last.total} (best ${last.best}). Your answers are shown below.`;
      this.#select(last.answers);
      this.#show(false);
    }
  }

  #picks(): Record<string, number[]> {
    const answers: Record<string, number[]> = {};
    for (const f of this.#fieldsets)
      answers[f.dataset.id!] = [...f.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => Number(i.value));
    return answers;
  }

  #select(answers: Record<string, number[]>) {
    for (const f of this.#fieldsets)
      for (const input of f.querySelectorAll<HTMLInputElement>('input')) input.checked = (answers[f.dataset.id!] ?? []).includes(Number(input.value));
  }

  #check() {
    const answers = this.#picks();
    const result = this.#show(true);
    const now = Date.now();
    const outcome = changeProgress((p) => {
      recordQuiz(p, this.dataset.lesson!, result, answers, now);
      for (const q of this.#questions) recordAnswer(p, q.id, !result.missed.includes(q.id), now);
    });
    // The score stands either way; only a saved attempt will be shown again after a reload.
    if (!outcome.saved) this.querySelector('.quiz-score')!.textContent += ` This result was not saved. ${outcome.message}`;
  }

  /** Marks every choice and question, shows the score; returns the score. */
  #show(announce: boolean) {
    const answers = this.#picks();
    for (const [i, f] of this.#fieldsets.entries()) {
      const g = grade(this.#questions[i]!, answers[f.dataset.id!] ?? []);
      f.querySelectorAll<HTMLElement>('.choice').forEach((choice, c) => {
        const state = g.choices[c]!;
        choice.dataset.state = state;
        const feedback = choice.querySelector<HTMLElement>('.choice-feedback')!;
        feedback.hidden = state === 'none';
        const verdict = state === 'missed' && f.dataset.type !== 'multiple' ? 'This is the right answer.' : VERDICT[state];
        feedback.querySelector('.verdict')!.textContent = `${verdict} `;
      });
      const box = f.querySelector<HTMLElement>('.q-result')!;
      box.hidden = false;
      box.querySelector('.q-verdict')!.textContent = !g.answered ? 'Not answered. The right answer is marked above.' : g.correct ? 'Correct.' : 'Not quite: the right answer is marked above.';
      f.querySelectorAll('input').forEach((input) => (input.disabled = true));
    }
    const result = score(this.#questions, answers);
    const out = this.querySelector('.quiz-score')!;
    const text = `You got ${result.score} of ${result.total} right.${result.missed.length ? ' Review the questions you missed: each links to its lesson section.' : ' Well done.'}`;
    // Rewriting the live region is what makes screen readers announce the score.
    out.textContent = announce ? text : `Last attempt: ${result.score} of ${result.total}.`;
    this.#form.querySelector<HTMLButtonElement>('button[type=submit]')!.hidden = true;
    this.querySelector<HTMLButtonElement>('.retry')!.hidden = false;
    return result;
  }

  #retry() {
    for (const f of this.#fieldsets) {
      f.querySelectorAll<HTMLElement>('.choice').forEach((c) => {
        delete c.dataset.state;
        c.querySelector<HTMLElement>('.choice-feedback')!.hidden = true;
      });
      f.querySelector<HTMLElement>('.q-result')!.hidden = true;
      f.querySelectorAll('input').forEach((input) => {
        input.disabled = false;
        input.checked = false;
      });
    }
    this.querySelector('.quiz-score')!.textContent = '';
    this.querySelector<HTMLElement>('.quiz-last')!.hidden = true;
    this.querySelector<HTMLButtonElement>('.retry')!.hidden = true;
    const submit = this.#form.querySelector<HTMLButtonElement>('button[type=submit]')!;
    submit.hidden = false;
    this.#fieldsets[0]?.querySelector('input')?.focus();
  }
}

customElements.define('mlops-quiz', Quiz);
