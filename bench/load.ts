// The load generator: autocannon in its own process (so it never shares an event loop with the server
// it measures), on loopback. Reads one JSON config from argv[2], prints START when the measured part
// begins, then one JSON result, on stdout.
//   get:   GET /api/v1/actions/:id over a seeded sample of actions, round-robin
//   list:  GET /api/v1/plans/:planId/actions?limit=50 over the first pages (cursors), round-robin
//   patch: PATCH /api/v1/actions/:id with If-Match: "<version>" (the ETag of the previous response) and
//          a project manager's update (percentComplete changes every time, so every request writes);
//          the current versions are read first, so no request fails its If-Match
import autocannon from 'autocannon';

export interface LoadConfig {
  url: string;
  scenario: 'get' | 'list' | 'patch';
  token: string;
  actionIds: string[];
  planId: string;
  cursors: string[];
  duration: number;
  connections: number;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  non2xx: number;
  errors: number;
  statuses: Record<string, number>;
}

const cfg = JSON.parse(process.argv[2]!) as LoadConfig;
const headers: Record<string, string> = { authorization: `Bearer ${cfg.token}`, accept: 'application/json' };

let next = 0;
const versions = new Map<string, number>();
const percents = new Map<string, number>();

type Req = { method?: string; path?: string; headers?: Record<string, string>; body?: string };

const setupRequest = (req: Req): Req => {
  const i = next++;
  if (cfg.scenario === 'get') return { ...req, method: 'GET', path: `/api/v1/actions/${cfg.actionIds[i % cfg.actionIds.length]}`, headers };
  if (cfg.scenario === 'list') {
    const cursor = cfg.cursors[i % cfg.cursors.length];
    return { ...req, method: 'GET', path: `/api/v1/plans/${cfg.planId}/actions?limit=50${cursor ? `&cursor=${cursor}` : ''}`, headers };
  }
  // PATCH: ids rotate through the sample (1,000), so no two requests in flight ever touch the same action.
  const id = cfg.actionIds[i % cfg.actionIds.length]!;
  const version = versions.get(id) ?? 1;
  const percent = ((percents.get(id) ?? 0) + 7) % 101;
  percents.set(id, percent);
  return {
    ...req,
    method: 'PATCH',
    path: `/api/v1/actions/${id}`,
    headers: { ...headers, 'content-type': 'application/json', 'if-match': `"${version}"` },
    body: JSON.stringify({ percentComplete: percent }),
  };
};

const onResponse = (status: number, body: string, _ctx: unknown, resHeaders: Record<string, string>) => {
  if (cfg.scenario !== 'patch' || status !== 200) return;
  // Our server sends the new version as the ETag; the bare server has none, so read the body.
  const etag = resHeaders.etag ?? resHeaders.ETag;
  let id: string | undefined;
  let version: number | undefined;
  if (etag) version = Number(etag.replace(/"/g, ''));
  const m = /"id":"([^"]+)"/.exec(body);
  id = m?.[1];
  if (version === undefined || Number.isNaN(version)) version = Number(/"version":(\d+)/.exec(body)?.[1]);
  if (id && version) versions.set(id, version);
};

if (cfg.scenario === 'patch') {
  // Earlier runs (the warm-up) have moved the versions on: learn them, ten requests at a time.
  const ids = [...cfg.actionIds];
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      for (let id = ids.pop(); id; id = ids.pop()) {
        const res = await fetch(`${cfg.url}/api/v1/actions/${id}`, { headers });
        const row = (await res.json()) as { version: number; percentComplete: number };
        versions.set(id, row.version);
        percents.set(id, row.percentComplete);
      }
    }),
  );
}

// The measured part starts here (the runner reads CPU time from this line on, not over the warm-up above).
process.stdout.write('START\n');
const result = await autocannon({
  url: cfg.url,
  connections: cfg.connections,
  pipelining: 1,
  duration: cfg.duration,
  requests: [{ setupRequest: setupRequest as never, onResponse: onResponse as never }],
});

const statuses: Record<string, number> = {};
for (const [code, v] of Object.entries((result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {})) statuses[code] = v.count;
const out: LoadResult = {
  requests: result.requests.total,
  rps: result.requests.total / (result.duration || cfg.duration),
  p50: result.latency.p50,
  p99: result.latency.p99,
  mean: result.latency.average,
  non2xx: result.non2xx,
  errors: result.errors,
  statuses,
};
process.stdout.write(JSON.stringify(out));
