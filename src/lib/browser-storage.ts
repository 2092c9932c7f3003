/**
 * The browser's localStorage, or undefined where the browser blocks it: with site data
 * turned off, merely reading `window.localStorage` throws a SecurityError.
 */
export function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
