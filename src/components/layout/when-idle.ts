/**
 * Runs page code after first paint, when the browser has a moment: code that nothing on
 * screen needs at once (saving a visit, a quiz's logic, the storage check) waits here so a
 * page's JavaScript before interaction stays small. The timeout keeps "later" short on a
 * busy page; browsers without requestIdleCallback (Safari) wait one short timer instead.
 */
export function whenIdle(timeout = 1500): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 50);
  });
}
