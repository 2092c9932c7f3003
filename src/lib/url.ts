/**
 * Internal addresses under the site's base path. The site may be published at a domain's
 * root ("/") or under a sub-path (a GitHub Pages project site: "/<repository>/"), chosen at
 * build time with BASE_PATH. Every internal URL is written root-absolute ("/learn/x/") and
 * goes through `withBase`, so one setting moves the whole site.
 */

/**
 * A base path in the one shape the rest of the code relies on: a leading and a trailing
 * slash ("/", "/mlops-course/"). Accepts what people and tools write: "", "mlops-course",
 * "/mlops-course" (actions/configure-pages gives that), "/mlops-course/".
 * Throws, naming the setting and the fix, for a full URL, a query, "..", or characters a path cannot hold.
 * @param setting where the value came from, for the error message (BASE_PATH, --base, …).
 */
export function normaliseBase(raw: string | undefined, setting = 'BASE_PATH'): string {
  const value = (raw ?? '').trim();
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value) || /[?#\\\s]/.test(value) || value.split('/').some((p) => p === '..' || p === '.'))
    throw new Error(`${setting} is "${raw}", which is not a path. Fix: give the path the site is served under, such as /mlops-course/ (or leave it unset for /); put the domain in SITE_URL.`);
  const parts = value.split('/').filter(Boolean);
  return parts.length ? `/${parts.join('/')}/` : '/';
}

// Vite replaces import.meta.env.BASE_URL at build time, in pages and in browser bundles alike;
// plain Node (astro.config.mjs, scripts) has no import.meta.env, and passes the base explicitly.
const env = (import.meta as { env?: { BASE_URL?: string } }).env;

/** The base path this bundle was built for ("/" or "/mlops-course/"). */
export const BASE: string = normaliseBase(env?.BASE_URL);

/**
 * A root-absolute site path ("/learn/x/#y", "/" or "/search-index.json") under the base
 * path ("/mlops-course/learn/x/#y"). Anything else (a full URL, "#id", "?q", a relative
 * path, "//host") is returned unchanged. Apply it once, where the URL is written: it cannot
 * tell a prefixed path from a page whose name repeats the base.
 */
export function withBase(path: string, base: string = BASE): string {
  if (!path.startsWith('/') || path.startsWith('//') || base === '/') return path;
  return `${base}${path.slice(1)}`;
}

/**
 * The site path of a request path under the base ("/mlops-course/learn/x/" → "/learn/x/"),
 * or undefined when the path lies outside the base.
 */
export function stripBase(path: string, base: string = BASE): string | undefined {
  if (base === '/') return path;
  if (path === base.slice(0, -1)) return '/';
  return path.startsWith(base) ? `/${path.slice(base.length)}` : undefined;
}
