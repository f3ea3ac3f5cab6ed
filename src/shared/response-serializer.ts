// Response serialization from the routes' zod schemas, compiled to fast-json-stringify.
// fastify-type-provider-zod serializes by running the zod schema over the response (parse) and then
// JSON.stringify — per request, per item of a list. Here each response schema is turned into JSON Schema
// once (z.toJSONSchema, output side: what the OpenAPI document also describes) and compiled with
// fast-json-stringify (the version Fastify itself uses), on first use (so start-up compiles nothing). Only the
// schema's properties are written, as zod's parse keeps only them; a missing required property is an
// error (500), as with zod. A schema JSON Schema cannot express (a transform, say) keeps the zod
// serializer, and so does one whose keys fast-json-stringify would reorder (it writes required ones
// first). The OpenAPI document is untouched: it is still generated from the zod schemas.
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import fastJsonStringify from 'fast-json-stringify';

type Stringify = (data: unknown) => string;

const fastJson = (schema: object): Stringify => fastJsonStringify(schema as never) as Stringify;

function zodOf(schema: unknown): z.ZodType | null {
  if (schema instanceof z.ZodType) return schema;
  const props = (schema as { properties?: unknown } | null)?.properties;
  return props instanceof z.ZodType ? props : null;
}

/**
 * Whether fast-json-stringify would write every object's keys in the schema's order, as zod does: it
 * writes required properties first, so an optional property before a required one would move.
 */
function keepsKeyOrder(node: unknown): boolean {
  if (Array.isArray(node)) return node.every(keepsKeyOrder);
  if (node === null || typeof node !== 'object') return true;
  const o = node as { properties?: Record<string, unknown>; required?: string[] };
  if (o.properties && o.required) {
    const keys = Object.keys(o.properties);
    const required = new Set(o.required);
    const firstOptional = keys.findIndex((k) => !required.has(k));
    if (firstOptional >= 0 && keys.slice(firstOptional).some((k) => required.has(k))) return false;
  }
  return Object.values(node).every(keepsKeyOrder);
}

/** A stringifier for the zod schema, or null when it could not write exactly what zod writes. */
export function compileZodStringify(schema: z.ZodType): Stringify | null {
  try {
    const json = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'throw' });
    return keepsKeyOrder(json) ? fastJson(json) : null;
  } catch {
    return null;
  }
}

type RouteSchema = Parameters<FastifySerializerCompiler<unknown>>[0];

export const fastSerializerCompiler: FastifySerializerCompiler<unknown> = (route: RouteSchema) => {
  let serialize: Stringify | undefined;
  const compile = (): Stringify => {
    const schema = zodOf(route.schema);
    return (schema && compileZodStringify(schema)) ?? (zodSerializerCompiler(route as never) as Stringify);
  };
  return (data: unknown) => (serialize ??= compile())(data);
};
