import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { londonDate } from '../../src/domain/dates.js';
import { requestLogStream } from '../../src/shared/log-stream.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('requestLogStream', () => {
  it('writes the lines of a short while together, all of them, in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'log-stream-'));
    dirs.push(dir);
    const file = join(dir, 'log.ndjson');
    const fd = openSync(file, 'w');
    const log = pino({ level: 'info' }, requestLogStream(fd));
    for (let i = 0; i < 10; i++) log.info({ i }, 'request completed');
    expect(readFileSync(file, 'utf8')).toBe(''); // still this turn
    await new Promise((r) => setImmediate(r));
    expect(readFileSync(file, 'utf8')).toBe(''); // and the next: gathered for up to 20 ms
    await new Promise((r) => setTimeout(r, 100));
    expect(readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l).i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // More than 64 KB in one turn is written as it goes.
    const big = 'x'.repeat(1000);
    for (let i = 0; i < 100; i++) log.info({ i, big }, 'line');
    expect(readFileSync(file, 'utf8').length).toBeGreaterThan(64 * 1024);
    await new Promise((r) => setTimeout(r, 100));
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(110);
    closeSync(fd);
  });
});

describe('londonDate (remembered per minute)', () => {
  it('turns at London midnight, in winter and in summer time', () => {
    expect(londonDate(new Date('2022-11-18T23:59:59.999Z'))).toBe('2022-11-18');
    expect(londonDate(new Date('2022-11-19T00:00:00.000Z'))).toBe('2022-11-19');
    expect(londonDate(new Date('2022-07-01T22:59:59.999Z'))).toBe('2022-07-01');
    expect(londonDate(new Date('2022-07-01T23:00:00.000Z'))).toBe('2022-07-02');
    expect(londonDate(new Date('2022-07-01T23:00:30.000Z'))).toBe('2022-07-02');
    expect(() => londonDate(new Date('nonsense'))).toThrow(RangeError);
  });
});
