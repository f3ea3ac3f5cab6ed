// Packages Fastify itself depends on (pino, fast-json-stringify), loaded the way Fastify resolves them, so
// they are always the versions installed with it: they are not direct dependencies of this project.
import { createRequire } from 'node:module';

export const requireFromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
