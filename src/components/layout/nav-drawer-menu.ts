/**
 * What the open menu drawer needs beyond the platform, loaded on its first opening: progress
 * marks on the lessons, the current lesson brought into view, Tab kept inside the menu, the
 * hand-over to search, and opening by hand in browsers without invoker commands.
 */
import { decorateLessonLinks } from './progress-client.ts';

type SearchElement = HTMLElement & { open(): void };

/** Wires the drawer inside `host`; called once, from the click that first opened it. */
export function enhanceDrawer(host: HTMLElement) {
  const dialog = host.querySelector('dialog')!;
  const opened = () => {
    if (!dialog.open) return;
    dialog.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'center' });
    decorateLessonLinks();
  };
  dialog.addEventListener('toggle', opened);
  // Older browsers ignore `commandfor` (before Chrome 135, Firefox 144, Safari 26.2): open and close by hand there.
  if (!('command' in HTMLButtonElement.prototype)) {
    for (const b of host.querySelectorAll<HTMLButtonElement>('button[commandfor]'))
      b.addEventListener('click', () => (b.getAttribute('command') === 'close' ? dialog.close() : dialog.open || dialog.showModal()));
    dialog.showModal(); // The click that loaded this module.
  }
  opened(); // The click that loaded this module opened the dialog before its toggle listener existed.
  // A modal dialog lets Tab leave for the browser's own controls; keep it going round the menu.
  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab') return;
    const stops = [...dialog.querySelectorAll<HTMLElement>('a[href], button, summary')].filter((el) => el.checkVisibility());
    const [first, last] = [stops[0], stops.at(-1)];
    const at = document.activeElement;
    if (e.shiftKey ? at === first || at === dialog : at === last) {
      e.preventDefault();
      (e.shiftKey ? last : first)?.focus();
    }
  });
  const search = document.querySelector<SearchElement>('mlops-search');
  const searchLink = host.querySelector<HTMLAnchorElement>('.drawer-search')!;
  if (!search) return; // Without the search dialog, the link goes to the search page.
  searchLink.setAttribute('role', 'button');
  searchLink.setAttribute('aria-haspopup', 'dialog');
  searchLink.addEventListener('click', (e) => {
    e.preventDefault();
    dialog.close(); // Focus goes back to the menu button, and so returns there when search closes.
    search.open();
  });
}
