/**
 * Choice order in the page, shared by lesson quizzes and the practice quiz. Both render
 * choices as `li.choice[data-index]` (the choice's index in the bank) inside `.choices`,
 * each holding its input and a `.choice-feedback`. Small on purpose: lesson pages load it
 * before any interaction; marking and results (quiz-results.ts) load on first Check.
 */
import type { Orderable } from '../../lib/choice-order.ts';

/** The choice items of a question, in the order shown. */
export const choicesOf = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>('.choice')];
/** A choice item's identity: its index in the bank. */
export const indexOf = (li: HTMLElement) => Number(li.dataset.index);

/** Shows a question's choices in `order` (choice indexes, first shown first). */
export function applyOrder(root: HTMLElement, order: number[]): void {
  const items = new Map(choicesOf(root).map((li) => [indexOf(li), li]));
  const list = root.querySelector('.choices')!;
  list.append(...order.map((i) => items.get(i)!).filter(Boolean));
}

/** The order the choices are shown in now. */
export const shownOrder = (root: HTMLElement): number[] => choicesOf(root).map(indexOf);

/** What ordering needs to know about a rendered question (labels in bank order, not on-screen order). */
export function orderableOf(root: HTMLElement, id: string, type: Orderable['type']): Orderable {
  const labels: string[] = [];
  for (const li of choicesOf(root)) labels[indexOf(li)] = li.querySelector('label')?.textContent?.trim() ?? '';
  return { id, type, labels };
}

/** Clears the marks of quiz-results.ts `markQuestion` and the picks, for a new attempt. */
export function clearQuestion(root: HTMLElement): void {
  for (const li of choicesOf(root)) {
    delete li.dataset.state;
    li.querySelector<HTMLElement>('.choice-feedback')!.hidden = true;
  }
  root.querySelectorAll('input').forEach((input) => {
    input.disabled = false;
    input.checked = false;
  });
}

