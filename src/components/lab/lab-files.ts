/**
 * The lesson's lab file view, loaded on demand: each file panel starts empty (with a link to
 * the lab's files page) and, when opened, takes the highlighted code for its id from that
 * page. The page is fetched once per lab, on the first file opened, so a lesson does not
 * carry hundreds of kilobytes of highlighted files nobody opened.
 */

/** The files pages fetched so far, by URL: every panel of a lab shares one request. */
const pages = new Map<string, Promise<Document>>();

function filesPage(url: string): Promise<Document> {
  let page = pages.get(url);
  if (!page) {
    page = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      // Only the body's markup is needed. The page's own <style>s carry hashes for its own
      // policy, and parsing them under this page's policy would be reported as a violation.
      const html = (await response.text()).replace(/<head\b[\s\S]*?<\/head>/i, '').replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, '');
      return new DOMParser().parseFromString(html, 'text/html');
    });
    // Forget a failure, so opening the file again tries again.
    page.catch(() => pages.delete(url));
    pages.set(url, page);
  }
  return page;
}

/** Fills one file panel with its highlighted code; on failure it says so and keeps the link to the files page. */
async function loadFile(panel: HTMLDetailsElement): Promise<void> {
  const body = panel.querySelector<HTMLElement>('.lab-file-body');
  const src = body?.dataset.src;
  if (!body || !src || body.dataset.state === 'loading' || body.dataset.state === 'loaded') return;
  body.dataset.state = 'loading';
  body.setAttribute('aria-busy', 'true');
  let status = body.querySelector<HTMLElement>('[role="status"]');
  if (!status) {
    status = document.createElement('p');
    status.setAttribute('role', 'status');
    body.prepend(status);
  }
  status.textContent = 'Loading the file…';
  try {
    const pre = (await filesPage(src)).getElementById(panel.id)?.querySelector('pre');
    if (!pre) throw new Error('the files page does not have it');
    body.replaceChildren(document.importNode(pre, true));
    body.dataset.state = 'loaded';
  } catch (error) {
    body.dataset.state = 'failed';
    status.textContent = `This file could not be loaded (${error instanceof Error ? error.message : String(error)}). Close and open it to try again, open it on the files page, or download the starter.`;
  } finally {
    body.removeAttribute('aria-busy');
  }
}

/** Loads each file panel inside `root` when it opens, and at once for any already open (a deep link to a file). */
export function lazyLabFiles(root: HTMLElement): void {
  // `toggle` does not bubble; a capturing listener on the lab sees every panel's.
  root.addEventListener(
    'toggle',
    (event) => {
      const panel = event.target;
      if (panel instanceof HTMLDetailsElement && panel.open && panel.classList.contains('lab-file')) void loadFile(panel);
    },
    true,
  );
  for (const panel of root.querySelectorAll<HTMLDetailsElement>('details.lab-file[open]')) void loadFile(panel);
}
