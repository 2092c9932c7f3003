/** Theme choice shared by the before-paint script (same key) and the toggle. */
export const THEME_KEY = 'mlops-theme';
/** What the student picked; "system" follows the operating system. */
export type ThemeChoice = 'light' | 'dark' | 'system';

/** Reads the stored choice; anything unexpected (or blocked storage) means "system". */
export function readThemeChoice(storage: Pick<Storage, 'getItem'> | undefined): ThemeChoice {
  try {
    const value = storage?.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Resolves a choice to the theme to paint. */
export function resolveTheme(choice: ThemeChoice, prefersDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (prefersDark ? 'dark' : 'light') : choice;
}
