import { describe, expect, it } from 'vitest';
import { ScopedStorage } from '../../src/shared/scoped-storage.js';

describe('ScopedStorage', () => {
  it('gives each scope its value across awaits, and nothing outside', async () => {
    const s = new ScopedStorage<string>();
    expect(s.getStore()).toBeUndefined();
    const seen: (string | undefined)[] = [];
    await Promise.all(
      ['a', 'b'].map((v) =>
        s.run(v, async () => {
          await new Promise((r) => setTimeout(r, 5));
          seen.push(s.getStore());
          await Promise.resolve();
          seen.push(s.getStore());
        }),
      ),
    );
    expect(seen.sort()).toEqual(['a', 'a', 'b', 'b']);
    expect(s.getStore()).toBeUndefined();
  });

  it('nests, and after the last scope ends reads nothing even from work the scope left running', async () => {
    const s = new ScopedStorage<number>();
    let late: Promise<number | undefined> | undefined;
    await s.run(1, async () => {
      await s.run(2, async () => expect(s.getStore()).toBe(2));
      expect(s.getStore()).toBe(1);
      late = new Promise((r) => setTimeout(() => r(s.getStore()), 20));
    });
    expect(await late).toBeUndefined();
    // A new scope after the storage was switched off works as the first one did.
    await s.run(3, async () => {
      await Promise.resolve();
      expect(s.getStore()).toBe(3);
    });
  });

  it('ends the scope when fn throws', async () => {
    const s = new ScopedStorage<number>();
    await expect(s.run(1, async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(s.getStore()).toBeUndefined();
  });
});
