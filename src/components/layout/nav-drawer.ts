/**
 * <mlops-nav-drawer>: the extras of the menu drawer. Opening, closing, Esc, focus return and
 * light dismiss come from the platform (a modal dialog, `commandfor`, `closedby`); this marks
 * finished lessons, brings the current lesson into view, keeps Tab inside the menu, and
 * hands over to search.
 */
type SearchElement = HTMLElement & { open(): void };

class NavDrawer extends HTMLElement {
  connectedCallback() {
    const dialog = this.querySelector('dialog')!;
    const opened = () => {
      if (!dialog.open) return;
      dialog.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'center' });
      // The store is only needed once the student looks at the list; lesson pages have it loaded already.
      void import('./progress-client.ts').then((m) => m.decorateLessonLinks());
    };
    // Older browsers ignore `commandfor` (before Chrome 135, Firefox 144, Safari 26.2): open and close by hand there.
    if (!('command' in HTMLButtonElement.prototype)) {
      for (const b of this.querySelectorAll<HTMLButtonElement>('button[commandfor]'))
        b.addEventListener('click', () => {
          if (b.getAttribute('command') === 'close') dialog.close();
          else if (!dialog.open) {
            dialog.showModal();
            opened();
          }
        });
    }
    dialog.addEventListener('toggle', opened);
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
    const searchLink = this.querySelector<HTMLAnchorElement>('.drawer-search')!;
    if (!search) return; // Without the search dialog, the link goes to the search page.
    searchLink.setAttribute('role', 'button');
    searchLink.setAttribute('aria-haspopup', 'dialog');
    searchLink.addEventListener('click', (e) => {
      e.preventDefault();
      dialog.close(); // Focus goes back to the menu button, and so returns there when search closes.
      search.open();
    });
  }
}

customElements.define('mlops-nav-drawer', NavDrawer);
