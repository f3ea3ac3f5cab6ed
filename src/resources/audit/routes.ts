// The audit trail, read-only: GET /audit (editors and admins) and GET /actions/:id/history (as readable as
// the action itself). No route writes, changes or deletes an entry.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { NotFoundError } from '../../shared/errors.js';
import { problems } from '../../shared/problem.js';
import { IdParams } from '../../shared/schemas.js';
import { ActionHistory, AuditPage, AuditQuery, HISTORY_FIELDS, HistoryQuery, type ActionHistoryEntry, type AuditEntry } from './schemas.js';

const tags = ['Audit'];

/** `?resourceType=&since=` (a filter left empty by a form or a URL template) means no filter. */
async function dropEmptyQueryValues(req: FastifyRequest) {
  const q = req.query as Record<string, unknown> | undefined;
  if (q) for (const k of Object.keys(q)) if (q[k] === '') delete q[k];
}

const pick = (fields: Record<string, unknown> | null | undefined, key: string) =>
  fields && Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined;

/** One audit entry of an action, reduced to how its schedule fields moved. */
export function historyEntry(e: AuditEntry): ActionHistoryEntry {
  const before = e.before ?? null;
  const after = e.after ?? null;
  const touched = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: ActionHistoryEntry['changes'] = {};
  for (const f of HISTORY_FIELDS) {
    if (!touched.has(f)) continue;
    const from = pick(before, f) ?? null;
    const to = pick(after, f) ?? null;
    // A create lists every field; only those with a value are news.
    if (e.operation === 'create' && to === null) continue;
    if (e.operation === 'delete' && from === null) continue;
    changes[f] = { from, to };
  }
  const skip = new Set<string>([...HISTORY_FIELDS, 'version', 'updatedAt', 'createdAt', 'id']);
  const otherFields = e.operation === 'update' ? [...touched].filter((k) => !skip.has(k)).sort() : [];
  const version = pick(after, 'version');
  return {
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    operation: e.operation,
    version: typeof version === 'number' ? version : null,
    changes,
    otherFields,
  };
}

export default async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const audit = app.services.audit;

  r.get('/audit', {
    config: { role: 'editor' },
    preValidation: dropEmptyQueryValues,
    schema: {
      operationId: 'listAuditEntries',
      tags,
      summary: 'The audit trail (editors and admins)',
      description:
        'Every create, update, delete, publish and token change, recorded in the same transaction as the change: who (token name, role and id), when, which resource, and the fields before and after. Oldest first; page with cursor. Entries cannot be changed or deleted.',
      querystring: AuditQuery,
      response: { 200: AuditPage, ...problems(400, 401, 403) },
    },
    handler: async (req, reply) => {
      const { limit, cursor, ...filter } = req.query;
      reply.header('Cache-Control', 'no-store');
      return audit.list(filter, { limit, cursor });
    },
  });

  r.get('/actions/:id/history', {
    preValidation: dropEmptyQueryValues,
    schema: {
      operationId: 'getActionHistory',
      tags: ['Actions', ...tags],
      summary: 'How an action’s status, dates and percent complete moved over time',
      description:
        'The action’s audit entries, oldest first, each with who and when and the {from, to} of status, startDate, dueDate, revisedDueDate, percentComplete and ragOverride. A deleted action keeps its history.',
      params: IdParams,
      querystring: HistoryQuery,
      response: { 200: ActionHistory, ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) => {
      const { id } = req.params;
      if (!(await app.services.actions.exists(id)) && !(await audit.hasEntries('action', id))) throw new NotFoundError('action', id);
      const page = await audit.list({ resourceType: 'action', resourceId: id }, req.query);
      reply.header('Cache-Control', 'no-store');
      return { actionId: id, items: page.items.map(historyEntry), nextCursor: page.nextCursor };
    },
  });
}
