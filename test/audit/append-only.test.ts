import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.admin.post('/api/v1/plans', { title: 'P', kind: 'wsoa', localArea: 'X' });
});
afterAll(() => t.close());

describe('audit rows in the database', () => {
  it('cannot be updated or deleted, even with direct SQL', () => {
    const db = new Database(t.dbPath);
    try {
      expect((db.prepare('select count(*) n from audit_events').get() as { n: number }).n).toBeGreaterThan(0);
      expect(() => db.prepare("update audit_events set actor_name = 'someone else'").run()).toThrow(/append-only/);
      expect(() => db.prepare('delete from audit_events').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });
});
