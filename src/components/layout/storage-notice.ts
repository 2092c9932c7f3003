/**
 * <mlops-storage-notice>: shows the store's messages (failed saves, data set aside, blocked
 * storage) until dismissed, with an Export that downloads what this page holds in memory.
 * Reading the record on load is what detects blocked storage and unreadable data on every page.
 */
import { onStorageNotice, readProgress } from './progress-client.ts';
import { downloadProgress } from './progress-download.ts';

class StorageNotice extends HTMLElement {
  connectedCallback() {
    const text = this.querySelector<HTMLElement>('.sn-text')!;
    const actions = this.querySelector<HTMLElement>('.sn-actions')!;
    const exportButton = this.querySelector<HTMLButtonElement>('.sn-export')!;
    exportButton.addEventListener('click', () => {
      downloadProgress(readProgress());
      text.textContent = `${text.dataset.message} Your progress was downloaded as a JSON file; import it on the Your progress page later.`;
    });
    this.querySelector('.sn-dismiss')!.addEventListener('click', () => {
      text.textContent = '';
      actions.hidden = true;
    });
    onStorageNotice((message, problem) => {
      // Every failed keystroke save repeats the message: announce it once, not on each.
      if (text.dataset.message === message && text.textContent) return;
      text.dataset.message = message;
      text.textContent = message;
      actions.hidden = false;
      // A message about a problem offers the way out; "saved again" needs no export.
      exportButton.hidden = !problem;
      this.setAttribute('data-problem', problem ?? 'none');
    });
    readProgress();
  }
}

customElements.define('mlops-storage-notice', StorageNotice);
