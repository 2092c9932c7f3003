/**
 * <mlops-star-drafts>: saves each behavioral question's STAR draft (Situation, Task,
 * Action, Result) in the browser as the student types, and restores it on return. Each save
 * writes only the part that changed, so another tab editing another part keeps its text,
 * and parts changed in another tab appear here unless the student is editing them.
 */
import { parseStar, setStarPart, STAR_PARTS, starKey, type StarPart } from '../../lib/star-draft.ts';
import { starDrafted } from '../../lib/practice-hub.ts';
import { changeProgress, readProgress } from '../layout/progress-client.ts';

export class StarDrafts extends HTMLElement {
  connectedCallback() {
    // 'toggle' does not bubble, but it passes here on its way down to the story.
    this.addEventListener(
      'toggle',
      (e) => {
        if (e.target instanceof HTMLDetailsElement && e.target.matches('details.star-q') && e.target.open) this.formFor(e.target);
      },
      true,
    );
    for (const story of this.querySelectorAll<HTMLDetailsElement>('details.star-q[open]')) this.formFor(story);
    this.#mark();
    document.addEventListener('mlops:progress', () => this.#mark());
  }

  /** The story's form, built from its template and wired the first time it is needed. */
  formFor(story: HTMLDetailsElement): HTMLFormElement {
    const built = story.querySelector<HTMLFormElement>('form[data-question]');
    if (built) return built;
    const template = story.querySelector<HTMLTemplateElement>('template[data-star-form]')!;
    template.replaceWith(template.content.cloneNode(true));
    const form = story.querySelector<HTMLFormElement>('form[data-question]')!;
    this.#wire(form);
    return form;
  }

  /** Shows the draft badge on each story that has a saved draft, and the count above the list. */
  #mark() {
    const stories = [...this.querySelectorAll<HTMLDetailsElement>('details.star-q')];
    const drafted = new Set(starDrafted(stories.map((s) => s.dataset.question!), readProgress().drafts));
    for (const story of stories) story.querySelector<HTMLElement>('.draft-badge')!.dataset.shown = String(drafted.has(story.dataset.question!));
    const count = this.querySelector('[data-star-count]');
    if (count) count.textContent = drafted.size ? `You have drafts for ${drafted.size} of ${stories.length}, marked "Draft".` : 'No drafts yet.';
  }

  #wire(form: HTMLFormElement) {
    const id = form.dataset.question!;
    const field = (part: StarPart) => form.elements.namedItem(part) as HTMLTextAreaElement;
    const status = form.querySelector<HTMLElement>('.saved')!;
    // Parts typed here but not yet saved (or whose save failed): never overwritten from storage.
    const dirty = new Set<StarPart>();
    const fill = () => {
      const saved = parseStar(readProgress().drafts[starKey(id)]);
      for (const part of STAR_PARTS) if (!dirty.has(part) && saved.text[part] !== undefined) field(part).value = saved.text[part]!;
    };
    fill();
    let pending: number | undefined;
    const save = () => {
      clearTimeout(pending);
      if (!dirty.size) return;
      const now = Date.now();
      const parts = [...dirty];
      const outcome = changeProgress((p) => {
        for (const part of parts) setStarPart(p, id, part, field(part).value, now);
      });
      if (outcome.saved) {
        for (const part of parts) dirty.delete(part);
        status.textContent = 'Draft saved in this browser.';
      } else status.textContent = `${outcome.message} Your draft is still in the form.`;
    };
    // Save shortly after typing stops rather than on every key; the button saves at once.
    form.addEventListener('input', (e) => {
      const part = (e.target as HTMLTextAreaElement).name as StarPart;
      if (STAR_PARTS.includes(part)) dirty.add(part);
      clearTimeout(pending);
      pending = window.setTimeout(save, 400);
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      for (const part of STAR_PARTS) dirty.add(part);
      save();
    });
    document.addEventListener('mlops:progress', fill);
  }
}

customElements.define('mlops-star-drafts', StarDrafts);
