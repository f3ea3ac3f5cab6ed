// The bare stack on PostgreSQL, as bare as bench/bare-server.ts is on SQLite: Fastify and a node-postgres
// pool (10 connections, as ours) serving the same three requests over the same tables with the SQL a
// hand-written server needs for the same effect — no validation, no authentication, no ETag, no RAG, no
// logging, no response schema (plain JSON.stringify):
//   GET   /api/v1/actions/:id                         select the row
//   GET   /api/v1/plans/:planId/actions?limit&cursor  select the plan (404), select a page of 50 by id
//   PATCH /api/v1/actions/:id                         BEGIN; select; UPDATE … WHERE id = $1 AND version = $2
//                                                     RETURNING (412 when no row); insert the audit event; COMMIT
// The version checked is If-Match's when sent, else the row's. Run: node --import tsx bench/bare-server-pg.ts
// (PORT, DATABASE_URL).
import Fastify from 'fastify';
import pg from 'pg';
import { COLUMNS, SELECT_LIST } from './bare-columns.js';

const port = Number(process.env.PORT ?? 3002);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.on('error', () => {});

const SELECT = `select ${SELECT_LIST} from actions`;
// Named statements: node-postgres prepares each once per connection, as a hand-written server would.
const getAction = { name: 'get-action', text: `${SELECT} where id = $1` };
const getPlan = { name: 'get-plan', text: 'select id from plans where id = $1' };
const firstPage = { name: 'first-page', text: `${SELECT} where plan_id = $1 order by id limit $2` };
const nextPage = { name: 'next-page', text: `${SELECT} where plan_id = $1 and id > $2 order by id limit $3` };
const insertAudit = {
  name: 'insert-audit',
  text: 'insert into audit_events (at, actor_name, actor_role, actor_token_id, request_id, operation, resource_type, resource_id, before, after) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
};

type Row = Record<string, unknown> & { id: string; version: number };

async function patch(id: string, body: Record<string, unknown>, ifMatch: number | undefined): Promise<Row | undefined | 'conflict'> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const current = (await client.query<Row>({ ...getAction, values: [id] })).rows[0];
    if (!current) {
      await client.query('rollback');
      return undefined;
    }
    const keys = Object.keys(body).filter((k) => k in COLUMNS && k !== 'id' && k !== 'version');
    const version = ifMatch ?? current.version;
    const at = new Date().toISOString();
    const set = ['version = version + 1', 'updated_at = $3', ...keys.map((k, i) => `${COLUMNS[k as keyof typeof COLUMNS]} = $${i + 4}`)].join(', ');
    const updated = await client.query<Row>({ name: `update-${keys.join(',')}`, text: `update actions set ${set} where id = $1 and version = $2 returning ${SELECT_LIST}`, values: [id, version, at, ...keys.map((k) => body[k])] });
    const after = updated.rows[0];
    if (!after) {
      await client.query('rollback');
      return 'conflict';
    }
    const before: Record<string, unknown> = { version: current.version };
    const afterFields: Record<string, unknown> = { version: after.version };
    for (const k of keys) {
      before[k] = current[k];
      afterFields[k] = after[k];
    }
    await client.query({ ...insertAudit, values: [at, 'bare', 'editor', null, null, 'update', 'action', id, JSON.stringify(before), JSON.stringify(afterFields)] });
    await client.query('commit');
    return after;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

const app = Fastify({ logger: false });

app.get<{ Params: { id: string } }>('/api/v1/actions/:id', async (req, reply) => {
  const row = (await pool.query<Row>({ ...getAction, values: [req.params.id] })).rows[0];
  if (!row) return reply.code(404).send({ status: 404 });
  return row;
});

app.get<{ Params: { planId: string }; Querystring: { limit?: string; cursor?: string } }>('/api/v1/plans/:planId/actions', async (req, reply) => {
  if (!(await pool.query({ ...getPlan, values: [req.params.planId] })).rows[0]) return reply.code(404).send({ status: 404 });
  const limit = Number(req.query.limit ?? 50);
  const after = req.query.cursor ? Buffer.from(req.query.cursor, 'base64url').toString('utf8') : undefined;
  const rows = (await pool.query<Row>(after ? { ...nextPage, values: [req.params.planId, after, limit + 1] } : { ...firstPage, values: [req.params.planId, limit + 1] })).rows;
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? Buffer.from(items[items.length - 1]!.id, 'utf8').toString('base64url') : null };
});

app.patch<{ Params: { id: string }; Body: Record<string, unknown> }>('/api/v1/actions/:id', async (req, reply) => {
  const ifMatch = req.headers['if-match'] ? Number(String(req.headers['if-match']).replace(/"/g, '')) : undefined;
  const row = await patch(req.params.id, req.body, Number.isInteger(ifMatch) ? ifMatch : undefined);
  if (!row) return reply.code(404).send({ status: 404 });
  if (row === 'conflict') return reply.code(412).send({ status: 412 });
  return row;
});

app.get('/health', async () => ({ status: 'ok' }));

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void app.close().then(async () => {
      await pool.end();
      process.exit(0);
    });
  });
}

await app.listen({ port, host: '127.0.0.1' });
