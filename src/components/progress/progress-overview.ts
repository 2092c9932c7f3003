/**
 * <mlops-progress-overview>: fills the progress page's overview from stored progress and
 * the course data embedded at build time; redraws when progress changes (import, reset).
 */
import { readProgress } from '../layout/progress-client.ts';
import { moduleProgress, percent, quizScores, weakestTags } from '../../lib/progress-stats.ts';
import { tagsOfQuestions, type OverviewData } from '../../lib/overview-data.ts';
import { dueByDay } from '../../lib/due-forecast.ts';
import { columnChartSvg } from '../../lib/column-chart.ts';
import { formatMinutes, plural } from '../../lib/plural.ts';
import { setBar } from './bar-fill.ts';
import type { Progress } from '../../lib/progress.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** A bar like ProgressBar.astro's, for rows drawn in the browser. */
const bar = (share: number) =>
  `<svg class="progress-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="track" width="100" height="8" rx="4"/><rect class="fill" width="${Math.round(share * 100)}" height="8" rx="4"/></svg>`;
/** "a, b and c" */

class ProgressOverview extends HTMLElement {
  #data!: OverviewData;
  #tags!: Map<string, string[]>;

  connectedCallback() {
    this.#data = JSON.parse(this.querySelector('script[type="application/json"]')!.textContent!) as OverviewData;
    this.#tags = tagsOfQuestions(this.#data);
    this.#render();
    document.addEventListener('mlops:progress', () => this.#render());
  }

  #render() {
    const progress = readProgress();
    this.#modules(progress);
    this.#due(progress);
    this.#quizzes(progress);
    this.#weak(progress);
  }

  #modules(progress: Progress) {
    const stats = moduleProgress(this.#data.modules, progress);
    for (const m of stats) {
      const row = this.querySelector<HTMLElement>(`li[data-module="${CSS.escape(m.id)}"]`);
      if (!row || !m.total) continue;
      setBar(row, m.share);
      row.querySelector('.po-done')!.textContent = `${m.done} of ${plural(m.total, 'lesson')} done`;
      row.querySelector('.po-left')!.textContent = m.done === m.total ? 'finished' : `${formatMinutes(m.minutesLeft)} left`;
    }
  }

  #due(progress: Progress) {
    const days = dueByDay(progress.cards, Date.now());
    this.querySelector('.po-chart')!.innerHTML = columnChartSvg(days.map((d) => ({ label: d.short, value: d.count })));
    this.querySelector('.po-due-table tbody')!.innerHTML = days.map((d) => `<tr><th scope="row">${d.label}</th><td>${d.count}</td></tr>`).join('');
    const week = days.reduce((t, d) => t + d.count, 0);
    const scheduled = Object.keys(progress.cards).length;
    const practice = this.dataset.practice ?? '/practice/';
    this.querySelector('.po-due-note')!.innerHTML = scheduled
      ? `${plural(week, 'card')} due in the next 7 days, ${days[0]!.count} of them today (overdue ones included). <a href="${practice}#flashcards">Review flashcards</a>`
      : `No flashcards scheduled yet. <a href="${practice}#flashcards">Start reviewing flashcards</a> and the days they come back show here.`;
  }

  #quizzes(progress: Progress) {
    const scores = quizScores(this.#data.modules, progress);
    const box = this.querySelector('.po-quiz')!;
    if (!scores.length) {
      box.innerHTML = '<p class="muted">No lesson quizzes taken yet. Each lesson ends with a short quiz; your best score shows here.</p>';
      return;
    }
    const rows = scores.map(
      (s) =>
        `<tr><th scope="row"><a href="${esc(s.lesson.url)}#quiz">${esc(s.lesson.title)}</a><span class="module-name">${esc(s.module)}</span></th>` +
        `<td>${s.best} of ${s.total} (${percent(s.best, s.total)}%)${bar(s.best / s.total)}</td><td>${s.latest} of ${s.total}</td></tr>`,
    );
    box.innerHTML =
      `<p>${plural(scores.length, 'lesson quiz', 'lesson quizzes')} taken.</p><div class="table-scroll" tabindex="0" role="region" aria-label="Quiz scores, scrolls sideways">` +
      `<table><caption class="visually-hidden">Best and latest score of each lesson quiz taken</caption><thead><tr><th scope="col">Lesson</th><th scope="col">Best score</th><th scope="col">Latest</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
  }

  #weak(progress: Progress) {
    const weak = weakestTags(this.#tags, progress);
    const box = this.querySelector('.po-weak')!;
    if (!weak.length) {
      box.innerHTML = Object.keys(progress.questions).length
        ? '<p class="muted">No weak topics: every question you answered, you got right. Keep going in Practice.</p>'
        : '<p class="muted">No answers yet. Take lesson quizzes or practise questions, and the topics you miss most show here.</p>';
      return;
    }
    const items = weak.map(
      (w) =>
        `<li><strong>${esc(w.tag)}</strong>: ${w.right} of ${plural(w.answers, 'answer')} right (${percent(w.right, w.answers)}%) across ${plural(w.questions, 'question')}</li>`,
    );
    // Practice ticks the filters the address names, so the link opens a drill on exactly these tags.
    const drill = `${this.dataset.practice ?? '/practice/'}?${weak.map((w) => `tag=${encodeURIComponent(w.tag)}`).join('&')}`;
    box.innerHTML =
      `<p>The tags whose questions you get wrong most often, weakest first.</p><ol>${items.join('')}</ol>` +
      `<p><a href="${esc(drill)}">Practise these</a>: Practice opens with ${weak.length === 1 ? 'this tag' : 'these tags'} ticked in its filters.</p>`;
  }
}

customElements.define('mlops-progress-overview', ProgressOverview);
