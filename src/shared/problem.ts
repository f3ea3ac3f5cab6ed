// RFC 9457 problem details: the zod schema (for OpenAPI) and the response schemas routes declare.
import { z } from 'zod';

// Loose: RFC 9457 lets a problem type add members (an import's errors name sheet, row and column).
export const Problem = z
  .looseObject({
    type: z.string().meta({ description: 'A URI reference naming the kind of problem; GET it for an explanation.' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(
        z.looseObject({
          in: z.enum(['body', 'query', 'params', 'headers']).optional(),
          path: z.string().meta({ description: 'The field, dotted (items.0.number); empty for the whole body.' }),
          message: z.string(),
        }),
      )
      .optional(),
    currentVersion: z.number().int().optional(),
    limit: z
      .object({ name: z.string(), value: z.number(), unit: z.string() })
      .optional()
      .meta({ description: 'The limit that was hit (its setting, value and unit), on 422 document-too-large.' }),
  })
  .meta({ id: 'Problem', description: 'An error (application/problem+json).' });

export const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: the problem names each bad field in `errors`.',
  401: 'Missing or unknown bearer token.',
  403: 'The token’s role may not do this.',
  404: 'No such resource.',
  405: 'The path does not serve this method; `Allow` lists the methods it does.',
  409: 'Conflicts with the current state (duplicate reference, published report, …).',
  412: 'If-Match does not match the current version (a weak validator never matches); nothing was changed.',
  413: 'The request body is too large.',
  415: 'The body is not of an accepted media type.',
  422: 'The content is beyond a limit of this service (a PDF’s page tree, a document too large to print); the problem names the limit.',
  429: 'Too many requests (failed attempts, or anonymous requests from one address); retry after the Retry-After seconds.',
  503: 'Busy (the document renderer’s queue is full) or shutting down; retry after the Retry-After seconds.',
  504: 'The document took too long to render.',
};

/** Response schemas for the given error statuses, for a route's `schema.response`. */
export function problems(...statuses: number[]): Record<number, z.ZodType> {
  const out: Record<number, z.ZodType> = {};
  for (const s of statuses) out[s] = Problem.describe(PROBLEM_DESCRIPTIONS[s] ?? 'Error');
  return out;
}

export const PROBLEM_TYPES_BASE = '/problems/';
