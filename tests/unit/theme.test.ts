import { describe, expect, it } from 'vitest';
import { readThemeChoice, resolveTheme } from '../../src/lib/theme.ts';

describe('theme choice', () => {
  const store = (value: string | null) => ({ getItem: () => value });
  it('reads light and dark, and treats anything else as system', () => {
    expect(readThemeChoice(store('dark'))).toBe('dark');
    expect(readThemeChoice(store('light'))).toBe('light');
    expect(readThemeChoice(store('purple'))).toBe('system');
    expect(readThemeChoice(store(null))).toBe('system');
    expect(readThemeChoice(undefined)).toBe('system');
  });
  it('falls back to system when storage throws', () => {
    expect(readThemeChoice({ getItem: () => { throw new Error('blocked'); } })).toBe('system');
  });
  it('resolves system from the OS preference', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
  });
});
