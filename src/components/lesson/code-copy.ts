/**
 * <mlops-code-copy>: wraps lesson prose, question lists and practice, and gives every code
 * block a Copy button. Buttons are added here, not in the HTML, because copying needs
 * JavaScript anyway. Code that arrives later (practice renders its questions, a lab loads
 * its files when opened) gets its button too.
 */
import { addRunButton } from './runnable-button.ts';

class CodeCopy extends HTMLElement {
  connectedCallback() {
    this.#enhance();
    // Re-scanning is cheap and idempotent: blocks already wrapped are skipped, so the wrapping below settles at once.
    new MutationObserver(() => this.#enhance()).observe(this, { childList: true, subtree: true });
  }

  #enhance() {
    for (const pre of this.querySelectorAll<HTMLPreElement>('pre')) {
      if (pre.parentElement?.classList.contains('code-block')) continue;
      const wrapper = document.createElement('div');
      wrapper.className = 'code-block';
      pre.replaceWith(wrapper);
      wrapper.append(pre);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'copy';
      const lang = pre.dataset.language;
      button.textContent = 'Copy';
      button.setAttribute('aria-label', lang && lang !== 'plaintext' ? `Copy ${lang} code` : 'Copy code');
      const status = document.createElement('span');
      status.className = 'visually-hidden';
      status.setAttribute('role', 'status');
      wrapper.append(button, status);
      button.addEventListener('click', () => this.#copy(pre, button, status));
      if (pre.dataset.runnable === 'python' && this.dataset.runnerWorker) addRunButton(pre, wrapper, this);
    }
  }

  async #copy(pre: HTMLPreElement, button: HTMLButtonElement, status: HTMLElement) {
    const code = pre.querySelector('code')?.innerText ?? pre.innerText;
    let message = 'Copied';
    try {
      await navigator.clipboard.writeText(code.replace(/\n$/, ''));
    } catch {
      message = 'Copy failed: select the code and press Ctrl+C';
    }
    button.textContent = message === 'Copied' ? 'Copied' : 'Copy failed';
    status.textContent = message;
    setTimeout(() => {
      button.textContent = 'Copy';
      status.textContent = '';
    }, 2000);
  }
}

customElements.define('mlops-code-copy', CodeCopy);
