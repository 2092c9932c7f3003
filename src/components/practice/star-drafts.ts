/**
 * <mlops-star-drafts>: saves each behavioral question's STAR draft (Situation, Task,
 * Action, Result) in the browser as the student types, and restores it on return.
 */
import { changeProgress, readProgress } from '../layout/progress-client.ts';

const PARTS = ['situation', 'task', 'action', 'result'] as const;

class StarDrafts extends HTMLElement {
  connectedCallback() {
    const drafts = readProgress().drafts;
    for (const form of this.querySelectorAll<HTMLFormElement>('form[data-question]')) {
      const id = form.dataset.question!;
      let saved: Record<string, string> = {};
      try {
        saved = JSON.parse(drafts[`star:${id}`] ?? '{}');
      } catch {
        saved = {};
      }
      for (const part of PARTS) {
        const field = form.elements.namedItem(part) as HTMLTextAreaElement | null;
        if (field && typeof saved[part] === 'string') field.value = saved[part];
      }
      const status = form.querySelector<HTMLElement>('.saved')!;
      let pending: number | undefined;
      const save = () => {
        clearTimeout(pending);
        const value = Object.fromEntries(PARTS.map((p) => [p, (form.elements.namedItem(p) as HTMLTextAreaElement).value]));
        changeProgress((p) => (p.drafts[`star:${id}`] = JSON.stringify(value)));
        status.textContent = 'Draft saved in this browser.';
      };
      // Save shortly after typing stops rather than on every key; the button saves at once.
      form.addEventListener('input', () => {
        clearTimeout(pending);
        pending = window.setTimeout(save, 400);
      });
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        save();
      });
      form.querySelector<HTMLElement>('.note')!.hidden = true;
    }
  }
}

customElements.define('mlops-star-drafts', StarDrafts);
