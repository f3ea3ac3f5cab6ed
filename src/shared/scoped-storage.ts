// AsyncLocalStorage switched off while no scope is open. On Node 20 an enabled AsyncLocalStorage installs
// promise hooks that tax every promise in the process (~0.1 µs an await), so a GET that opens no
// transaction paid for the transactions of others; switched off between scopes, it pays nothing.
import { AsyncLocalStorage } from 'node:async_hooks';

export class ScopedStorage<T> {
  private readonly als = new AsyncLocalStorage<T>();
  private scopes = 0;

  /** The value of the scope the caller runs in; undefined outside every scope. */
  getStore(): T | undefined {
    return this.scopes > 0 ? this.als.getStore() : undefined;
  }

  /** Runs `fn` with `value` as the store of everything it starts, until its promise settles. */
  async run<R>(value: T, fn: () => Promise<R>): Promise<R> {
    this.scopes++;
    try {
      return await this.als.run(value, fn);
    } finally {
      // Work `fn` left running after it settled reads no store from here on: its scope has ended.
      if (--this.scopes === 0) this.als.disable();
    }
  }
}
