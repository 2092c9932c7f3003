/**
 * <mlops-storage-notice>: shows the store's messages (failed saves, data set aside, blocked
 * storage) until dismissed, with an Export that downloads what this page holds in memory.
 * It stays tiny: the progress store is loaded here only when there is something to check
 * (storage blocked, or a stored record that may need setting aside), and when the browser
 * is idle; widgets that use progress load the store themselves and their messages arrive
 * through the notice bus.
 */
import { browserStorage } from '../../lib/browser-storage.ts';
import { STORAGE_KEY } from '../../lib/storage-key.ts';
import { onStorageNotice } from './notice-bus.ts';
import { whenIdle } from './when-idle.ts';

/** True when reading progress could produce a notice: storage blocked, or a record to validate. */
function worthChecking(): boolean {
  try {
    const storage = browserStorage();
    return !storage || storage.getItem(STORAGE_KEY) !== null;
  } catch {
    return true;
  }
}

class StorageNotice extends HTMLElement {
  connectedCallback() {
    const text = this.querySelector<HTMLElement>('.sn-text')!;
    const actions = this.querySelector<HTMLElement>('.sn-actions')!;
    const exportButton = this.querySelector<HTMLButtonElement>('.sn-export')!;
    exportButton.addEventListener('click', async () => {
      const [{ readProgress }, { downloadProgress }] = await Promise.all([import('./progress-client.ts'), import('./progress-download.ts')]);
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
    // Reading the record is what detects blocked storage and unreadable data on every page.
    if (worthChecking()) void whenIdle().then(() => import('./progress-client.ts')).then(({ readProgress }) => readProgress());
  }
}

customElements.define('mlops-storage-notice', StorageNotice);
