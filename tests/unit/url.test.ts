import { describe, expect, it } from 'vitest';
import { BASE, normaliseBase, stripBase, withBase } from '../../src/lib/url.ts';

describe('base path', () => {
  it('normalises what people and actions/configure-pages write', () => {
    expect(normaliseBase(undefined)).toBe('/');
    expect(normaliseBase('')).toBe('/');
    expect(normaliseBase('/')).toBe('/');
    expect(normaliseBase('/mlops-course')).toBe('/mlops-course/');
    expect(normaliseBase('mlops-course/')).toBe('/mlops-course/');
    expect(normaliseBase(' /a//b/ ')).toBe('/a/b/');
  });

  it('refuses a URL or a path that could leave the site, naming the setting and the fix', () => {
    for (const bad of ['https://x.github.io/repo', '//x.org/a', '/a/../b', '/a?x=1', '/a#b', 'a b'])
      expect(() => normaliseBase(bad), bad).toThrow(/BASE_PATH is ".*", which is not a path\. Fix: .*\/mlops-course\/.*SITE_URL/);
    expect(() => normaliseBase('https://x.org/', '--base')).toThrow(/^--base is "https:\/\/x\.org\/"/);
  });

  it('is "/" in unit tests, which build for the root', () => {
    expect(BASE).toBe('/');
  });

  it('puts root-absolute site paths under the base and leaves every other address alone', () => {
    const base = '/mlops-course/';
    expect(withBase('/', base)).toBe('/mlops-course/');
    expect(withBase('/learn/apis/rest/#why', base)).toBe('/mlops-course/learn/apis/rest/#why');
    expect(withBase('/search/?q=x', base)).toBe('/mlops-course/search/?q=x');
    for (const other of ['https://docs.docker.com/', '//cdn.example/x.js', '#top', '?q=1', 'relative/x/', '../up/', 'mailto:a@b.c', ''])
      expect(withBase(other, base), other).toBe(other);
    expect(withBase('/learn/x/', '/')).toBe('/learn/x/');
    expect(withBase('/learn/x/')).toBe('/learn/x/');
  });

  it('finds the site path of a request under the base, and nothing outside it', () => {
    const base = '/mlops-course/';
    expect(stripBase('/mlops-course/learn/x/', base)).toBe('/learn/x/');
    expect(stripBase('/mlops-course/', base)).toBe('/');
    expect(stripBase('/mlops-course', base)).toBe('/');
    expect(stripBase('/learn/x/', base)).toBeUndefined();
    expect(stripBase('/mlops-coursework/', base)).toBeUndefined();
    expect(stripBase('/learn/x/', '/')).toBe('/learn/x/');
  });
});
