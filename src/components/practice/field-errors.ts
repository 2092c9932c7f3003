/**
 * Inline validation for the practice setup forms (used with `novalidate`): each number
 * field's problem appears in a message tied to it by aria-describedby, the field gets
 * aria-invalid, and focus moves to the first field to fix, instead of the browser's bubble.
 */
import { numberFieldError } from '../../lib/number-field.ts';

/** The message element of a field, created the first time it is needed. */
function messageFor(input: HTMLInputElement): HTMLElement {
  const id = `${input.id}-error`;
  let el = document.getElementById(id);
  if (!el) {
    el = Object.assign(document.createElement('p'), { id, className: 'field-error' });
    input.form!.append(el);
  }
  return el;
}

/** Checks one number field against its min, max and step; shows or clears its message. */
function checkField(input: HTMLInputElement): boolean {
  const label = input.labels?.[0]?.textContent?.trim() || input.name;
  const error = numberFieldError(input.value, {
    label,
    min: Number(input.min),
    max: Number(input.max),
    step: Number(input.step) || 1,
    example: Number(input.defaultValue),
  });
  const described = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((t) => t && t !== `${input.id}-error`);
  if (error) {
    messageFor(input).textContent = error;
    input.setAttribute('aria-invalid', 'true');
    described.push(`${input.id}-error`);
  } else {
    document.getElementById(`${input.id}-error`)?.remove();
    input.removeAttribute('aria-invalid');
  }
  if (described.length) input.setAttribute('aria-describedby', described.join(' '));
  else input.removeAttribute('aria-describedby');
  return !error;
}

/**
 * Checks every number field of `form`; on a problem focuses the first field to fix and
 * returns false. Fields re-check as the student types, so a fixed message goes away.
 */
export function checkNumberFields(form: HTMLFormElement): boolean {
  const inputs = [...form.querySelectorAll<HTMLInputElement>('input[type="number"]')];
  const bad = inputs.filter((input) => !checkField(input));
  for (const input of inputs)
    if (!input.dataset.live) {
      input.dataset.live = '';
      input.addEventListener('input', () => {
        if (input.hasAttribute('aria-invalid')) checkField(input);
      });
    }
  bad[0]?.focus();
  return bad.length === 0;
}
