/**
 * Browser-side decisions for labs that need no DOM, so they can be unit-tested: can this
 * browser run a WebContainers embed, can it reach the editor, and which file changes reset or
 * solve a lab.
 */

/** What the browser tells us about itself. */
export interface BrowserInfo {
  userAgent: string;
  /** `navigator.userAgentData.brands`, where the browser has it (Chromium does). */
  brands?: { brand: string }[];
  /** `navigator.maxTouchPoints`, to tell an iPad that claims to be a Mac. */
  maxTouchPoints?: number;
  online: boolean;
}

/** Whether the in-page embed can work, and if not, a sentence saying why. */
export type Support = { ok: true } | { ok: false; reason: string };

/** WebContainers run in Chromium-based desktop browsers; Firefox, Safari and every iOS browser are limited. */
export function embedSupport(info: BrowserInfo): Support {
  if (!info.online) return { ok: false, reason: 'You are offline, so the lab cannot start in this page.' };
  const ios = /iPhone|iPad|iPod/.test(info.userAgent) || (/Macintosh/.test(info.userAgent) && (info.maxTouchPoints ?? 0) > 1);
  if (ios) return { ok: false, reason: 'Browsers on iPhone and iPad cannot run the in-page lab editor.' };
  // Every Chromium browser says "Chrome/" in its user agent; where brands exist they must agree.
  const chromium =
    /Chrome\/|Chromium\/|Edg\//.test(info.userAgent) && (info.brands?.some((b) => /Chromium|Google Chrome|Microsoft Edge/.test(b.brand)) ?? true);
  if (!chromium) return { ok: false, reason: 'The in-page lab editor needs a Chromium-based browser (Chrome, Edge, Brave, Opera or Arc) on a computer.' };
  return { ok: true };
}

/** A change to the files of a running project, in the SDK's `applyFsDiff` shape. */
export interface FsDiff {
  create: Record<string, string>;
  destroy: string[];
}

/**
 * The change that turns the project's current files back into `starter`: rewrite every
 * starter file and delete files the student added. `node_modules` is left alone so a reset
 * does not force a reinstall.
 */
export function resetDiff(current: Record<string, string> | null, starter: Record<string, string>): FsDiff {
  const destroy = Object.keys(current ?? {}).filter((f) => !(f in starter) && !f.startsWith('node_modules/') && f !== 'package-lock.json');
  return { create: { ...starter }, destroy };
}

/** The change that lays the solution files over whatever the student has. */
export const solutionDiff = (solution: Record<string, string>): FsDiff => ({ create: { ...solution }, destroy: [] });

/** What `fetch` the reachability check needs, so tests can pass their own. */
export type FetchLike = (url: string, init: RequestInit) => Promise<unknown>;

/**
 * Resolves as soon as `url` answers at all (any status: the response is opaque), and
 * rejects with a sentence saying why not: the connection failed, or nothing came back
 * within `timeoutMs`. A no-cors request needs no CORS headers from the other side, and
 * under `Cross-Origin-Embedder-Policy: credentialless` it goes out without cookies. The
 * timer is a plain setTimeout so browser tests can drive it with a fake clock.
 */
export async function checkReachable(url: string, timeoutMs: number, fetchFn: FetchLike): Promise<void> {
  const host = new URL(url).host;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    await fetchFn(url, { method: 'HEAD', mode: 'no-cors', cache: 'no-store', credentials: 'omit', signal: controller.signal });
  } catch {
    throw new Error(
      controller.signal.aborted
        ? `${host} did not answer within ${Math.round(timeoutMs / 1000)} seconds`
        : `${host} cannot be reached from this browser (offline, or blocked by a firewall or an extension)`,
    );
  } finally {
    clearTimeout(timer);
  }
}

/** Rejects with `message` if `promise` has not settled after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** A failure as the end of a sentence: "The lab could not start (…)". */
export function failureReason(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return 'it took too long to answer';
  const text = error instanceof Error ? error.message : String(error);
  return /^Timeout/i.test(text) ? 'StackBlitz did not answer in time' : text.replace(/\.$/, '');
}
