import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkReachable, failureReason, withTimeout, type FetchLike } from '../../src/lib/lab-support.ts';

afterEach(() => vi.useRealTimers());

describe('checkReachable', () => {
  it('resolves when the editor answers, with a no-cors request that sends no cookies', async () => {
    const calls: [string, RequestInit][] = [];
    const ok: FetchLike = async (url, init) => void calls.push([url, init]);
    await expect(checkReachable('https://stackblitz.com/', 3000, ok)).resolves.toBeUndefined();
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]).toBe('https://stackblitz.com/');
    expect(calls[0]![1]).toMatchObject({ mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
  });

  it('says at once that the editor cannot be reached when the connection fails', async () => {
    vi.useFakeTimers();
    const refused: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    // No timer is advanced: the answer must not wait for the timeout.
    await expect(checkReachable('https://stackblitz.com/', 3000, refused)).rejects.toThrow('stackblitz.com cannot be reached from this browser');
  });

  it('gives up after the timeout when nothing comes back, and says how long it waited', async () => {
    vi.useFakeTimers();
    let signal: AbortSignal | undefined;
    const hung: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        signal = init.signal ?? undefined;
        signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const result = checkReachable('https://stackblitz.com/', 3000, hung);
    const settled = vi.fn();
    result.then(settled, settled);
    await vi.advanceTimersByTimeAsync(2900);
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    await expect(result).rejects.toThrow('stackblitz.com did not answer within 3 seconds');
    expect(signal?.aborted).toBe(true);
  });
});

describe('withTimeout and failureReason', () => {
  it('passes a result through and rejects with the message when too slow', async () => {
    await expect(withTimeout(Promise.resolve(7), 1000, 'slow')).resolves.toBe(7);
    vi.useFakeTimers();
    const late = withTimeout(new Promise(() => {}), 1000, 'StackBlitz did not answer in time');
    vi.advanceTimersByTime(1000);
    await expect(late).rejects.toThrow('StackBlitz did not answer in time');
  });

  it('turns errors into the end of a sentence', () => {
    expect(failureReason(new Error('stackblitz.com did not answer within 3 seconds.'))).toBe('stackblitz.com did not answer within 3 seconds');
    expect(failureReason('Timeout: Unable to establish a connection with the StackBlitz VM')).toBe('StackBlitz did not answer in time');
    expect(failureReason(new DOMException('x', 'TimeoutError'))).toBe('it took too long to answer');
  });
});
