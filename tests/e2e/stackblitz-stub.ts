/**
 * An offline stand-in for StackBlitz: the reachability check Launch makes and the SDK's POST
 * to https://stackblitz.com/run are intercepted; the POST gets a stub page that speaks the
 * SDK's handshake (or, with `answer: false`, never answers, as a slow editor).
 */
import type { Page, Route } from '@playwright/test';

/** Every request to StackBlitz. */
export const STACKBLITZ = /^https:\/\/stackblitz\.com\//;

/** A page on stackblitz.com that answers SDK_INIT and records the VM requests it gets. */
const STUB = `<!doctype html><html><head><title>StackBlitz stub</title></head><body><p>Editor stub</p><script>
window.received = [];
addEventListener('message', (event) => {
  if (!event.data || event.data.action !== 'SDK_INIT') return;
  const channel = new MessageChannel();
  channel.port1.onmessage = ({ data }) => {
    window.received.push(data);
    const payload = { __reqid: data.payload.__reqid, __success: true };
    if (data.type === 'SDK_GET_FS_SNAPSHOT') Object.assign(payload, { 'package.json': '{}', 'added-by-student.js': 'x' });
    channel.port1.postMessage({ type: data.type, payload });
  };
  event.source.postMessage({ action: 'SDK_INIT_SUCCESS', id: event.data.id, payload: {} }, '*', [channel.port2]);
});
</script></body></html>`;

/** A StackBlitz page that never completes the handshake: the editor is still starting. */
const SILENT = '<!doctype html><html><head><title>StackBlitz stub</title></head><body><p>Still starting</p></body></html>';

/** Intercepts the SDK's POST and answers with the stub; returns the captured request. */
export async function stubStackBlitz(page: Page, { answer = true } = {}) {
  const captured: { url?: string; form?: URLSearchParams } = {};
  await page.context().route(STACKBLITZ, async (route: Route) => {
    const request = route.request();
    // The reachability check Launch makes first: any answer will do.
    if (request.method() === 'HEAD' && new URL(request.url()).pathname === '/') return route.fulfill({ status: 204 });
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/run') {
      captured.url = request.url();
      captured.form = new URLSearchParams(request.postData() ?? '');
      await route.fulfill({
        status: 200,
        contentType: 'text/html',
        headers: { 'Cross-Origin-Embedder-Policy': 'credentialless', 'Cross-Origin-Resource-Policy': 'cross-origin' },
        body: answer ? STUB : SILENT,
      });
    } else await route.abort();
  });
  return captured;
}
