// The audit trail as the API shows it: who (token name and role), when, which resource, what changed.
// Read-only: there is no route that changes or deletes an audit entry.
import { z } from 'zod';
import { AUDIT_OPERATIONS, ROLES } from '../../domain/vocabulary.js';
import { Timestamp } from '../../shared/schemas.js';

export const AuditOperation = z.enum(AUDIT_OPERATIONS);

const ResourceType = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z-]*$/, 'is not a resource type (e.g. action, highlight-report, token)')
  .meta({ example: 'action' });

const AuditId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'is not a valid id');

const Limit = z.coerce.number().int().min(1).max(500);
const Cursor = z.string().max(200).optional().meta({ description: 'nextCursor from the previous page.' });

export const AuditQuery = z.strictObject({
  resourceType: ResourceType.optional().meta({ description: 'Only entries about this kind of resource.' }),
  resourceId: AuditId.optional().meta({ description: 'Only entries about this resource.' }),
  operation: AuditOperation.optional(),
  since: Timestamp.optional().meta({ description: 'Only entries recorded at or after this instant.' }),
  limit: Limit.default(50).meta({ description: 'Page size (1–500, default 50).' }),
  cursor: Cursor,
});

export const Actor = z
  .object({
    name: z.string().meta({ description: 'The token’s name ("admin (ADMIN_TOKEN)" for the environment token, "system" for loaders).' }),
    role: z.enum(ROLES),
    tokenId: z.string().nullable().meta({ description: 'The id of the API token used (never its secret).' }),
  })
  .meta({ id: 'AuditActor' });

const Fields = z.record(z.string(), z.unknown()).nullable();

export const AuditEntry = z
  .object({
    seq: z.number().int().meta({ description: 'Position in the trail: strictly increasing, never reused.' }),
    at: z.string().meta({ format: 'date-time' }),
    actor: Actor,
    requestId: z.string().nullable(),
    operation: AuditOperation,
    resourceType: z.string(),
    resourceId: z.string(),
    before: Fields.meta({ description: 'The changed fields before the change (the whole record for a delete; null for a create).' }),
    after: Fields.meta({ description: 'The changed fields after the change (the whole record for a create; null for a delete).' }),
  })
  .meta({ id: 'AuditEntry' });

export const AuditPage = z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() }).meta({ id: 'AuditPage' });

export const HISTORY_FIELDS = ['status', 'startDate', 'dueDate', 'revisedDueDate', 'percentComplete', 'ragOverride'] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

const Change = z.object({ from: z.unknown(), to: z.unknown() });

export const HistoryQuery = z.strictObject({ limit: Limit.default(100).meta({ description: 'Page size (1–500, default 100).' }), cursor: Cursor });

export const ActionHistoryEntry = z
  .object({
    seq: z.number().int(),
    at: z.string().meta({ format: 'date-time' }),
    actor: Actor,
    operation: AuditOperation,
    version: z.number().int().nullable().meta({ description: 'The action’s version after this change (null for a delete).' }),
    changes: z
      .object(Object.fromEntries(HISTORY_FIELDS.map((f) => [f, Change.optional()])) as Record<HistoryField, z.ZodOptional<typeof Change>>)
      .meta({ description: 'How status, dates, percent complete and the RAG override moved: {from, to} per changed field (from is null on create).' }),
    otherFields: z.array(z.string()).meta({ description: 'Other fields this change touched (their values are in GET /audit).' }),
  })
  .meta({ id: 'ActionHistoryEntry' });

export const ActionHistory = z
  .object({ actionId: z.string(), items: z.array(ActionHistoryEntry), nextCursor: z.string().nullable() })
  .meta({ id: 'ActionHistory' });

export type AuditQuery = z.infer<typeof AuditQuery>;
export type AuditEntry = z.infer<typeof AuditEntry>;
export type ActionHistoryEntry = z.infer<typeof ActionHistoryEntry>;
