/**
 * Browser-side decisions for labs that need no DOM, so they can be unit-tested: can this
 * browser run a WebContainers embed, and which file changes reset or solve a lab.
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
