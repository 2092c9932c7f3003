/**
 * <mlops-progress-manager>: shows what is stored, and exports, imports (validated, with a
 * preview of what will change) and resets the progress record.
 */
import { emptyProgress, importPreview, parseProgress, summarize, type Progress } from '../../lib/progress.ts';
import { changeProgress, readProgress } from '../layout/progress-client.ts';

class ProgressManager extends HTMLElement {
  #pending?: Progress;

  connectedCallback() {
    for (const el of this.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
    this.#render();
    this.querySelector('.export')!.addEventListener('click', () => this.#export());
    this.querySelector<HTMLInputElement>('input[type=file]')!.addEventListener('change', (e) => void this.#read((e.target as HTMLInputElement).files?.[0]));
    this.querySelector('.confirm-import')!.addEventListener('click', () => this.#confirmImport());
    this.querySelector('.cancel-import')!.addEventListener('click', () => this.#closePreview('Import cancelled; nothing changed.'));
    this.querySelector('.reset')!.addEventListener('click', () => this.#reset());
  }

  #say(text: string) {
    this.querySelector('.pm-status')!.textContent = text;
  }

  #render() {
    const s = summarize(readProgress());
    this.querySelector('.summary')!.innerHTML = `
      <li>Lessons done: <strong>${s.lessonsDone}</strong> (opened: ${s.lessonsVisited})</li>
      <li>Lesson quizzes taken: <strong>${s.quizzes}</strong></li>
      <li>Questions answered: <strong>${s.questionsAnswered}</strong></li>
      <li>Flashcards scheduled: <strong>${s.cards}</strong></li>
      <li>Saved drafts: <strong>${s.drafts}</strong></li>`;
  }

  #export() {
    const blob = new Blob([JSON.stringify(readProgress(), null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `mlops-course-progress-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    this.#say('Your progress was downloaded as a JSON file. Import it on another browser to continue there.');
  }

  async #read(file: File | undefined) {
    if (!file) return;
    if (file.size > 5 * 1024 * 1024) return this.#say('That file is larger than 5 MB, so it is not a progress export. Nothing was changed.');
    let incoming: Progress;
    try {
      incoming = parseProgress(JSON.parse(await file.text()));
    } catch (error) {
      this.#say(`That file cannot be imported: ${error instanceof Error ? error.message : 'it is not valid JSON'} Nothing was changed.`);
      return;
    }
    this.#pending = incoming;
    const preview = this.querySelector<HTMLElement>('.preview')!;
    preview.querySelector('ul')!.innerHTML = importPreview(readProgress(), incoming)
      .map((line) => `<li>${line.replace(/[&<>]/g, '')}</li>`)
      .join('');
    preview.hidden = false;
    preview.querySelector<HTMLElement>('h3')!.focus();
  }

  #confirmImport() {
    const incoming = this.#pending;
    if (!incoming) return;
    changeProgress((p) => Object.assign(p, incoming));
    this.#closePreview('Progress imported. Lessons, quizzes, flashcards and drafts now match the file.');
  }

  #closePreview(message: string) {
    this.#pending = undefined;
    this.querySelector<HTMLElement>('.preview')!.hidden = true;
    this.querySelector<HTMLInputElement>('input[type=file]')!.value = '';
    this.#render();
    this.#say(message);
  }

  #reset() {
    if (!window.confirm('Delete all your progress in this browser: lessons done, quiz results, flashcards and drafts? Export it first if you may want it back.')) return;
    changeProgress((p) => Object.assign(p, emptyProgress()));
    this.#render();
    this.#say('All progress was reset.');
  }
}

customElements.define('mlops-progress-manager', ProgressManager);
