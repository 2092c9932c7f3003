/**
 * The base path of the sub-path build that `npm test` checks (build, link check, browser
 * smoke test): /mlops-course/ unless SUBPATH_BASE says otherwise. The Pages workflow sets it
 * to the repository's Pages path, so the artifact it deploys is the one the tests served.
 */
import { normaliseBase } from '../src/lib/url.ts';

/** Base path of dist-subpath/ ("/mlops-course/"; "" in SUBPATH_BASE means the root, "/"). */
export const SUBPATH_BASE = normaliseBase(process.env.SUBPATH_BASE ?? '/mlops-course/', 'SUBPATH_BASE');
/** Where the sub-path build is written. */
export const SUBPATH_DIST = 'dist-subpath';
