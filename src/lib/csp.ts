/**
 * The content security policy. Astro adds hashes for every script and style it emits;
 * these are the other directives. Scripts never get 'unsafe-inline' or 'unsafe-eval'.
 */
import { createHash } from 'node:crypto';

/**
 * The StackBlitz SDK embeds a lab by writing a page into an about:blank frame whose only
 * script submits the project form. That frame inherits this page's policy, so lab pages
 * must allow exactly that script by its hash.
 */
export const SDK_FRAME_SCRIPT = "document.getElementById('sb_run').submit();";
/** `sha256-…` of SDK_FRAME_SCRIPT. */
export const SDK_FRAME_SCRIPT_HASH = `sha256-${createHash('sha256').update(SDK_FRAME_SCRIPT).digest('base64')}` as const;

/** Where StackBlitz lives: the only outside origin the site talks to, and only from lab pages. */
export const STACKBLITZ_ORIGIN = 'https://stackblitz.com';

/** Directives for every page (script-src and style-src come from Astro, with hashes). */
export const BASE_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
] as const;

/**
 * Shiki colours code with style attributes (CSS variables for both themes), so attribute
 * styles are allowed. They cannot run code; scripts stay hash-only.
 */
export const STYLE_ATTRIBUTE_RESOURCE = { resource: "'unsafe-inline'", kind: 'attribute' } as const;

/**
 * Directives a lesson page with a lab adds (Astro merges them into the base ones): frame
 * StackBlitz, post the project to it, and check before launching that it can be reached.
 */
export const LAB_DIRECTIVES = [
  `frame-src 'self' ${STACKBLITZ_ORIGIN}`,
  `form-action 'self' ${STACKBLITZ_ORIGIN}`,
  `connect-src 'self' ${STACKBLITZ_ORIGIN}`,
] as const;
