/**
 * <mlops-nav-drawer>: the menu drawer's script, kept to a first-click loader. Opening,
 * closing, Esc, focus return and light dismiss come from the platform (a modal dialog,
 * `commandfor`, `closedby`), so nothing else is needed until the student opens the menu.
 */
class NavDrawer extends HTMLElement {
  connectedCallback() {
    const open = this.querySelector('.menu-open')!;
    open.addEventListener('click', () => void import('./nav-drawer-menu.ts').then((m) => m.enhanceDrawer(this)), { once: true });
  }
}

customElements.define('mlops-nav-drawer', NavDrawer);
