/**
 * What lesson quizzes and the practice quiz share once answers are checked: marking a
 * question (see choice-dom.ts for the markup) with the shared verdicts, and the results
 * panel. Lesson pages import this on the first Check, or when a stored attempt is shown.
 */
import { choicesOf, indexOf } from './choice-dom.ts';
import { choiceVerdict, questionVerdict } from '../../lib/quiz-verdict.ts';
import type { Grade } from '../../lib/scoring.ts';

export { scoreSentence } from '../../lib/quiz-verdict.ts';

/** Marks every choice right, wrong or missed by its identity, says the verdict and locks the inputs. */
export function markQuestion(root: HTMLElement, g: Grade, multiple: boolean): void {
  for (const li of choicesOf(root)) {
    const state = g.choices[indexOf(li)] ?? 'none';
    li.dataset.state = state;
    const feedback = li.querySelector<HTMLElement>('.choice-feedback')!;
    feedback.hidden = state === 'none';
    feedback.querySelector('.verdict')!.textContent = `${choiceVerdict(state, multiple)} `;
  }
  const verdict = root.querySelector<HTMLElement>('.q-verdict')!;
  verdict.textContent = questionVerdict(g);
  // Styled by quiz.css the same way in lesson and practice quizzes.
  verdict.dataset.correct = String(g.correct);
  root.querySelectorAll('input').forEach((input) => (input.disabled = true));
}

/** One missed question in the results: where it is, and where the lesson teaches it. */
export interface MissedLink {
  /** "Question 2: <prompt>", the link to the question. */
  label: string;
  questionUrl: string;
  reviewUrl: string;
  /** Visible text of the review link. */
  reviewLabel: string;
  /** Said after it to screen readers only (" for question 2"), so a list of links reads well on its own. */
  reviewContext: string;
}

/** What the results panel shows and what its buttons do. */
export interface ResultsView {
  heading: string;
  summary: string;
  missed: MissedLink[];
  retryAllLabel: string;
  onRetryMissed: () => void;
  onRetryAll: () => void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/**
 * Fills `panel` (a `section.quiz-results`, tabindex=-1, named by the heading `aria-labelledby` points at)
 * with the score, a link to each missed question and its lesson section, and the retry
 * buttons; moves focus to it when `focus` is set, since the Check button it replaces disappears.
 */
export function showResults(panel: HTMLElement, view: ResultsView, focus: boolean): void {
  const id = panel.getAttribute('aria-labelledby')!;
  const children: Node[] = [el('h3', { id, textContent: view.heading }), el('p', { className: 'quiz-score', textContent: view.summary })];
  if (view.missed.length) {
    children.push(el('p', { textContent: view.missed.length === 1 ? 'The question to review:' : 'The questions to review:' }));
    const items = view.missed.map((m) =>
      el('li', {}, el('a', { href: m.questionUrl, textContent: m.label }), ' ', el('a', { href: m.reviewUrl, className: 'review' }, m.reviewLabel, el('span', { className: 'visually-hidden', textContent: m.reviewContext }))),
    );
    children.push(el('ul', { className: 'missed-list' }, ...items));
  }
  const actions = el('p', { className: 'quiz-actions' });
  if (view.missed.length) {
    const again = el('button', { type: 'button', className: 'primary', textContent: 'Retry the ones I missed' });
    again.addEventListener('click', view.onRetryMissed);
    actions.append(again);
  }
  const all = el('button', { type: 'button', textContent: view.retryAllLabel });
  all.addEventListener('click', view.onRetryAll);
  actions.append(all);
  children.push(actions);
  panel.replaceChildren(...children);
  panel.hidden = false;
  if (focus) panel.focus();
}

/** A short plain-text form of a prompt for a link label. */
export const shortPrompt = (text: string, max = 90) => {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
};
