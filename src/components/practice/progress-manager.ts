/**
 * <mlops-progress-manager>: shows what is stored, and exports, imports (validated, with a
 * preview of what will change) and resets the progress record. Import and reset first copy
 * the current record to the backups, which are listed with Restore and Download; right
 * after either, Undo puts the previous record back. Reset asks first, in the page (no
 * `confirm()` dialog), with focus moved to the question and back. Nothing is reported done unless saved.
 */
import { emptyProgress, importPreview, parseProgress, summarize, type Progress } from '../../lib/progress.ts';
import { listBackups, type Backup } from '../../lib/progress-backups.ts';
import { browserStorage } from '../../lib/browser-storage.ts';
import { notSavedMessage, readProgress, store } from '../layout/progress-client.ts';
import { downloadProgress } from '../layout/progress-download.ts';
import { describeBackup } from './backup-text.ts';

class ProgressManager extends HTMLElement {
  #pending?: Progress;
  #backups: Backup[] = [];

  connectedCallback() {
    this.#render();
    this.querySelector('.export')!.addEventListener('click', () => this.#export());
    this.querySelector<HTMLInputElement>('input[type=file]')!.addEventListener('change', (e) => void this.#read((e.target as HTMLInputElement).files?.[0]));
    this.querySelector('.confirm-import')!.addEventListener('click', () => this.#replace(this.#pending, 'import'));
    this.querySelector('.cancel-import')!.addEventListener('click', () => this.#closePreview('Import cancelled; nothing changed.'));
    this.querySelector('.reset')!.addEventListener('click', () => this.#askReset(true));
    this.querySelector('.cancel-reset')!.addEventListener('click', () => this.#askReset(false, 'Reset cancelled; nothing changed.'));
    this.querySelector('.confirm-reset')!.addEventListener('click', () => this.#reset());
    this.querySelector('.reset-confirm')!.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape') this.#askReset(false, 'Reset cancelled; nothing changed.');
    });
    this.querySelector('.undo')!.addEventListener('click', () => this.#restore(0, 'Undone: your progress is back as it was before.'));
    this.querySelector('.backups')!.addEventListener('click', (e) => {
      const button = (e.target as Element).closest<HTMLButtonElement>('button[data-backup]');
      if (!button) return;
      const i = Number(button.dataset.backup);
      if (button.dataset.action === 'download') downloadProgress(this.#backups[i]!.raw, 'mlops-course-progress-backup');
      else this.#restore(i, 'Backup restored. The progress it replaced is now the newest backup.');
    });
    document.addEventListener('mlops:progress', () => this.#render());
  }

  #say(text: string) {
    this.querySelector('.pm-status')!.textContent = text;
  }

  #render() {
    const s = summarize(readProgress());
    // Same lines as the page's build-time list, so filling it in keeps its height.
    this.querySelector('.summary')!.innerHTML = `
      <li>Lessons done: <strong>${s.lessonsDone}</strong> (opened: ${s.lessonsVisited})</li>
      <li>Lesson quizzes taken: <strong>${s.quizzes}</strong></li>
      <li>Questions answered: <strong>${s.questionsAnswered}</strong></li>
      <li>Flashcards scheduled: <strong>${s.cards}</strong></li>
      <li>Saved drafts: <strong>${s.drafts}</strong></li>`;
    this.#backups = listBackups(browserStorage());
    const list = this.querySelector<HTMLElement>('.backups')!;
    list.innerHTML = this.#backups
      .map((b, i) => {
        const { title, detail } = describeBackup(b);
        return `<li><span class="b-title">${title}</span> <span class="muted">${detail}</span>
          <span class="b-actions"><button type="button" data-backup="${i}" data-action="restore" aria-label="Restore ${title}">Restore</button>
          <button type="button" data-backup="${i}" data-action="download" aria-label="Download ${title}">Download</button></span></li>`;
      })
      .join('');
    this.querySelector<HTMLElement>('.no-backups')!.hidden = this.#backups.length > 0;
  }

  #export() {
    downloadProgress(readProgress());
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

  /** Replaces the record; only a successful write is reported as done, and then Undo is offered. */
  #replace(next: Progress | undefined, kind: 'import' | 'reset') {
    if (!next) return;
    const result = store.replace(next, kind);
    const undo = this.querySelector<HTMLElement>('.undo-row')!;
    undo.hidden = !result.ok;
    const done = kind === 'import' ? 'Progress imported. Lessons, quizzes, flashcards and drafts now match the file.' : 'All progress was reset.';
    const failed = `${kind === 'import' ? 'Not imported' : 'Not reset'}: nothing was changed. ${notSavedMessage(result) ?? ''}`;
    const message = result.ok ? `${done} A copy of the previous progress is in the backups below; Undo restores it.` : failed;
    if (kind === 'import') this.#closePreview(message);
    else this.#say(message);
    this.#render();
    document.dispatchEvent(new CustomEvent('mlops:progress', { detail: readProgress() }));
  }

  #restore(index: number, done: string) {
    const backup = listBackups(browserStorage())[index];
    let record: Progress;
    try {
      record = parseProgress(JSON.parse(backup?.raw ?? ''));
    } catch (error) {
      this.#say(`That backup cannot be restored: ${error instanceof Error ? error.message : 'it is not valid JSON'} Download it to keep it. Nothing was changed.`);
      return;
    }
    const result = store.replace(record, 'restore');
    this.querySelector<HTMLElement>('.undo-row')!.hidden = true;
    this.#say(result.ok ? done : `Not restored: nothing was changed. ${notSavedMessage(result) ?? ''}`);
    this.#render();
    document.dispatchEvent(new CustomEvent('mlops:progress', { detail: readProgress() }));
  }

  #closePreview(message: string) {
    this.#pending = undefined;
    this.querySelector<HTMLElement>('.preview')!.hidden = true;
    this.querySelector<HTMLInputElement>('input[type=file]')!.value = '';
    this.#say(message);
  }

  /**
   * Shows or hides the in-page "Reset everything?" question. Opening it moves focus to the
   * question so it is read out; closing it returns focus to the Reset button.
   */
  #askReset(open: boolean, message?: string) {
    const box = this.querySelector<HTMLElement>('.reset-confirm')!;
    const button = this.querySelector<HTMLButtonElement>('.reset')!;
    box.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) {
      this.#say('');
      box.querySelector<HTMLElement>('#reset-question')!.focus();
    } else {
      button.focus();
      if (message) this.#say(message);
    }
  }

  #reset() {
    this.#askReset(false);
    this.#replace(emptyProgress(), 'reset');
  }
}

customElements.define('mlops-progress-manager', ProgressManager);
