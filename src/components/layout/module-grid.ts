/**
 * <mlops-module-grid>: writes the student's lessons done and reading time left into each
 * module card. Each card carries its lessons as `data-lessons` ("id minutes,id minutes").
 */
import { readProgress } from './progress-client.ts';
import { moduleProgress } from '../../lib/progress-stats.ts';
import { formatMinutes, plural } from '../../lib/plural.ts';
import { setBar } from '../progress/bar-fill.ts';

class ModuleGrid extends HTMLElement {
  connectedCallback() {
    this.#render();
    document.addEventListener('mlops:progress', () => this.#render());
  }

  #render() {
    const progress = readProgress();
    for (const card of this.querySelectorAll<HTMLElement>('li[data-lessons]')) {
      const lessons = (card.dataset.lessons ?? '')
        .split(',')
        .filter(Boolean)
        .map((entry) => {
          const [id = '', minutes = '0'] = entry.split(' ');
          return { id, minutes: Number(minutes) };
        });
      if (!lessons.length) continue;
      const [m] = moduleProgress([{ id: card.dataset.module ?? '', lessons }], progress);
      setBar(card, m!.share);
      card.toggleAttribute('data-complete', m!.done === m!.total);
      card.querySelector('.done')!.textContent = `${m!.done} of ${plural(m!.total, 'lesson')} done`;
      card.querySelector('.left')!.textContent = m!.done === m!.total ? 'finished' : `${formatMinutes(m!.minutesLeft)} left`;
    }
  }
}

customElements.define('mlops-module-grid', ModuleGrid);
