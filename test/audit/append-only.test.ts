import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.admin.post('/api/v1/plans', { title: 'P', kind: 'wsoa', localArea: 'X' });
});
afterAll(() => t.close());

describe('audit rows in the database', () => {
  it('cannot be updated or deleted, even with direct SQL', async () => {
    expect((await t.query<{ n: number }>('select count(*) as n from audit_events'))[0]!.n).toBeGreaterThan(0);
    await expect(t.query("update audit_events set actor_name = 'someone else'")).rejects.toThrow(/append-only/);
    await expect(t.query('delete from audit_events')).rejects.toThrow(/append-only/);
  });
});
