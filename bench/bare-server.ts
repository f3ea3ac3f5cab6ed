// The bare stack the benchmark compares us with: Fastify and better-sqlite3 serving the same three
// requests over the same database file, with the same pragmas (WAL, synchronous=FULL, foreign keys) and
// the SQL a hand-written server needs for the same effect — but no validation, no authentication, no
// ETag/If-Match, no RAG, no logging, no response schema (plain JSON.stringify):
//   GET   /api/v1/actions/:id                      select the row
//   GET   /api/v1/plans/:planId/actions?limit&cursor  select the plan (404), select a page of 50 by id
//   PATCH /api/v1/actions/:id                      BEGIN IMMEDIATE; select; update (version + 1);
//                                                  select; insert the audit event; COMMIT
// Run: node --import tsx bench/bare-server.ts (PORT, DATABASE_PATH).
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { COLUMNS, SELECT_LIST } from './bare-columns.js';

const port = Number(process.env.PORT ?? 3001);
const db = new Database(process.env.DATABASE_PATH ?? './data/tracker.db');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');

const SELECT = `select ${SELECT_LIST} from actions`;
const getAction = db.prepare(`${SELECT} where id = ?`);
const getPlan = db.prepare('select id from plans where id = ?');
const firstPage = db.prepare(`${SELECT} where plan_id = ? order by id limit ?`);
const nextPage = db.prepare(`${SELECT} where plan_id = ? and id > ? order by id limit ?`);
const insertAudit = db.prepare(
  'insert into audit_events (at, actor_name, actor_role, actor_token_id, request_id, operation, resource_type, resource_id, before, after) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
);
const updates = new Map<string, Database.Statement>();

type Row = Record<string, unknown> & { id: string; version: number; milestone: number | boolean };
const out = (row: Row) => ({ ...row, milestone: row.milestone === 1 });

const patch = db.transaction((id: string, body: Record<string, unknown>) => {
  const current = getAction.get(id) as Row | undefined;
  if (!current) return undefined;
  const keys = Object.keys(body).filter((k) => k in COLUMNS && k !== 'id' && k !== 'version');
  const sig = keys.join(',');
  let stmt = updates.get(sig);
  if (!stmt) {
    const set = ['version = ?', 'updated_at = ?', ...keys.map((k) => `${COLUMNS[k as keyof typeof COLUMNS]} = ?`)].join(', ');
    stmt = db.prepare(`update actions set ${set} where id = ? and version = ?`);
    updates.set(sig, stmt);
  }
  const at = new Date().toISOString();
  stmt.run(current.version + 1, at, ...keys.map((k) => body[k] as never), id, current.version);
  const after = getAction.get(id) as Row;
  const before: Record<string, unknown> = { version: current.version };
  const afterFields: Record<string, unknown> = { version: after.version };
  for (const k of keys) {
    before[k] = current[k];
    afterFields[k] = after[k];
  }
  insertAudit.run(at, 'bare', 'editor', null, null, 'update', 'action', id, JSON.stringify(before), JSON.stringify(afterFields));
  return after;
});

const app = Fastify({ logger: false });

app.get<{ Params: { id: string } }>('/api/v1/actions/:id', async (req, reply) => {
  const row = getAction.get(req.params.id) as Row | undefined;
  if (!row) return reply.code(404).send({ status: 404 });
  return out(row);
});

app.get<{ Params: { planId: string }; Querystring: { limit?: string; cursor?: string } }>('/api/v1/plans/:planId/actions', async (req, reply) => {
  if (!getPlan.get(req.params.planId)) return reply.code(404).send({ status: 404 });
  const limit = Number(req.query.limit ?? 50);
  const after = req.query.cursor ? Buffer.from(req.query.cursor, 'base64url').toString('utf8') : undefined;
  const rows = (after ? nextPage.all(req.params.planId, after, limit + 1) : firstPage.all(req.params.planId, limit + 1)) as Row[];
  const items = rows.slice(0, limit).map(out);
  return { items, nextCursor: rows.length > limit ? Buffer.from(items[items.length - 1]!.id, 'utf8').toString('base64url') : null };
});

app.patch<{ Params: { id: string }; Body: Record<string, unknown> }>('/api/v1/actions/:id', async (req, reply) => {
  const row = patch.immediate(req.params.id, req.body);
  if (!row) return reply.code(404).send({ status: 404 });
  return out(row);
});

app.get('/health', async () => ({ status: 'ok' }));

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void app.close().then(() => {
      db.close();
      process.exit(0);
    });
  });
}

await app.listen({ port, host: '127.0.0.1' });
