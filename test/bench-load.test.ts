import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without types
import { errorKind, formatReport, isRetryable, isUnexpected, parseArgs, percentile, Stats } from '../scripts/bench-load.mjs';

// The pure parts of `npm run bench:load` (issue 12 item "a repeatable load and fault check"); the run
// itself is a bench, never a timed test.
describe('bench:load', () => {
  it('percentile is the nearest rank of the sorted samples', () => {
    const s = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(s, 50)).toBe(50);
    expect(percentile(s, 95)).toBe(95);
    expect(percentile(s, 99)).toBe(99);
    expect(percentile(s, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3], 0)).toBe(1);
    expect(percentile([], 50)).toBeUndefined();
  });

  it('errors are bucketed by HTTP status and extensions.code', () => {
    expect(errorKind({ status: 200, body: { data: { a: 1 } } })).toBeNull();
    expect(errorKind({ status: 503, body: { errors: [{ message: 'x', extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true } }] } })).toBe('HTTP 503 SERVICE_UNAVAILABLE');
    expect(errorKind({ status: 200, body: { data: null, errors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }] } })).toBe('HTTP 200 FORBIDDEN');
    expect(errorKind({ status: 200, body: { errors: [{ message: 'x' }] } })).toBe('HTTP 200 NO_CODE');
    expect(errorKind({ status: 502, body: undefined })).toBe('HTTP 502');
    expect(errorKind({ status: 200, body: undefined })).toBe('HTTP 200 NOT_GRAPHQL');
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    expect(errorKind({ status: 0, error: refused })).toBe('network ECONNREFUSED');
    expect(errorKind({ status: 0, error: new DOMException('late', 'TimeoutError') })).toBe('timeout');
  });

  it('a 503 or an error marked retryable is resent, other errors are not', () => {
    expect(isRetryable({ status: 503, body: undefined })).toBe(true);
    expect(isRetryable({ status: 200, body: { errors: [{ extensions: { code: 'X', retryable: true } }] } })).toBe(true);
    expect(isRetryable({ status: 200, body: { errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] } })).toBe(false);
    expect(isRetryable({ status: 500, body: { errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } })).toBe(false);
  });

  it('only 5xx other than 503, INTERNAL_SERVER_ERROR and no answer are unexpected', () => {
    expect(isUnexpected('HTTP 503 SERVICE_UNAVAILABLE')).toBe(false);
    expect(isUnexpected('HTTP 503 REQUEST_TIMEOUT')).toBe(false);
    expect(isUnexpected('HTTP 200 FORBIDDEN')).toBe(false);
    expect(isUnexpected('HTTP 500 INTERNAL_SERVER_ERROR')).toBe(true);
    expect(isUnexpected('HTTP 200 INTERNAL_SERVER_ERROR')).toBe(true);
    expect(isUnexpected('HTTP 502')).toBe(true);
    expect(isUnexpected('network ECONNRESET')).toBe(true);
    expect(isUnexpected('timeout')).toBe(true);
  });

  it('the report gives each kind of work, the overall row, requests/s and the errors by kind', () => {
    const stats = new Stats();
    for (let i = 1; i <= 20; i++) stats.record('list', i, null);
    stats.record('write', 100, 'HTTP 503 SERVICE_UNAVAILABLE');
    stats.writeAttempts.set('HTTP 503 SERVICE_UNAVAILABLE', 2);
    const rows = stats.summary();
    expect(rows).toEqual([
      { work: 'list', requests: 20, errors: 0, p50: 10, p95: 19, p99: 20, max: 20 },
      { work: 'write', requests: 1, errors: 1, p50: 100, p95: 100, p99: 100, max: 100 },
      { work: 'all', requests: 21, errors: 1, p50: 11, p95: 20, p99: 100, max: 100 },
    ]);
    const text = formatReport({ rows, errors: stats.errors, writeAttempts: stats.writeAttempts, seconds: 2, clients: 3 });
    expect(text.split('\n')).toEqual([
      'clients 3, 2.0 s',
      'work            requests  errors   p50 ms   p95 ms   p99 ms   max ms',
      'list                  20       0       10       19       20       20',
      'write                  1       1      100      100      100      100',
      'all                   21       1       11       20      100      100',
      'requests/s 10.5',
      'errors by kind:',
      '  HTTP 503 SERVICE_UNAVAILABLE: 1',
      'failed write attempts that were resent with the same key:',
      '  HTTP 503 SERVICE_UNAVAILABLE: 2',
    ]);
  });

  it('flags: defaults 50 clients for 30 s; bad values and unknown flags are refused', () => {
    expect(parseArgs([])).toEqual({ clients: 50, seconds: 30, restartDb: false, restartAt: 0.5, downSeconds: 3, url: undefined, databaseUrl: undefined, keep: false });
    expect(parseArgs(['--clients', '200', '--seconds', '60', '--restart-db'])).toMatchObject({ clients: 200, seconds: 60, restartDb: true });
    expect(parseArgs(['--url', 'http://host:4000/'])).toMatchObject({ url: 'http://host:4000' });
    expect(() => parseArgs(['--clients', '0'])).toThrow('--clients must be a positive number');
    expect(() => parseArgs(['--client', '5'])).toThrow('unknown argument --client');
    expect(() => parseArgs(['--url', 'http://x', '--restart-db'])).toThrow('--restart-db needs the database this script starts');
  });
});
