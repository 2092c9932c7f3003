/**
 * robots.txt with the sitemap's absolute address, which depends on the configured site URL
 * and base path. Crawlers read robots.txt only at a domain's root, so under a sub-path this
 * file goes unread: submit the sitemap to search engines instead (README, Deploy).
 */
import type { APIRoute } from 'astro';
import { withBase } from '../lib/url.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(withBase('/sitemap-index.xml'), site).href}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
