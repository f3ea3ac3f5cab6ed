// The RAG status as resources accept and return it (the values are the domain's vocabulary).
import { z } from 'zod';
import { RAG_VALUES } from '../domain/vocabulary.js';

export const Rag = z.enum(RAG_VALUES).meta({
  description: 'RAG status: on-target (green), at-risk (amber), off-target (red), complete (blue).',
});
export type Rag = z.infer<typeof Rag>;
