// The audit trail as the API shows it: pages by sequence-number cursor, filters checked, entries mapped
// with any secret-looking field redacted.
import type { AuditRepo, AuditRow } from '../../db/repos/audit.js';
import { fieldError } from '../../shared/errors.js';
import type { AuditEntry, AuditQuery } from './schemas.js';

export interface AuditFilter {
  resourceType?: string;
  resourceId?: string;
  operation?: AuditQuery['operation'];
  since?: string;
}

// Defence in depth: writers already leave secrets out, but a field with one of these names is never served.
const SECRET_KEY = /^(token|tokens|tokenhash|token_hash|secret|password|passwordhash|password_hash|apikey|api_key|bytes)$/i;
export const REDACTED = '[redacted]';

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = SECRET_KEY.test(k) ? REDACTED : redact(v, depth + 1);
  return out;
}

export const encodeSeqCursor = (seq: number) => Buffer.from(`s${seq}`, 'utf8').toString('base64url');

export function decodeSeqCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const m = /^s(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw fieldError('cursor', 'is not a cursor this server issued', 'query');
  return Number(m[1]);
}

export function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: { name: row.actorName, role: row.actorRole as AuditEntry['actor']['role'], tokenId: row.actorTokenId },
    requestId: row.requestId,
    operation: row.operation,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    before: redact(row.before) as AuditEntry['before'],
    after: redact(row.after) as AuditEntry['after'],
  };
}

export class AuditService {
  constructor(private readonly repo: AuditRepo) {}

  /** A page of entries in the order they were recorded (ascending seq), after the cursor. */
  async list(filter: AuditFilter, page: { limit: number; cursor?: string }): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
    const afterSeq = decodeSeqCursor(page.cursor);
    const since = filter.since !== undefined ? new Date(filter.since) : undefined;
    if (since && Number.isNaN(since.getTime())) throw fieldError('since', 'is not a valid timestamp', 'query');
    const rows = await this.repo.rows({ ...filter, since: since?.toISOString(), afterSeq }, page.limit + 1);
    const items = rows.slice(0, page.limit).map(toEntry);
    const nextCursor = rows.length > page.limit ? encodeSeqCursor(items[items.length - 1]!.seq) : null;
    return { items, nextCursor };
  }

  /** Whether any entry names this resource (a deleted resource keeps its history). */
  hasEntries(resourceType: string, resourceId: string): Promise<boolean> {
    return this.repo.hasEntries(resourceType, resourceId);
  }
}
