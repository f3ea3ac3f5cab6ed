// Shared by npm run import / npm run export: a progress line on stderr (rewritten in place on a terminal,
// a line per step of 20 % otherwise) and the list of plans for choosing --plan.
import type { FastifyInstance } from 'fastify';

export interface ProgressLine {
  (label: string, done: number, total: number): void;
  done(): void;
}

export function progressLine(stream: NodeJS.WriteStream = process.stderr): ProgressLine {
  const tty = stream.isTTY === true;
  let last = '';
  let lastStep = -1;
  let open = false;
  const fn = ((label: string, done: number, total: number) => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    const text = `${label} ${done.toLocaleString('en-GB')}/${total.toLocaleString('en-GB')} (${pct}%)`;
    if (tty) {
      if (text === last) return;
      stream.write(`\r\x1b[2K${text}`);
      open = true;
    } else {
      const step = Math.floor(pct / 20);
      if (label === last && step === lastStep) return;
      lastStep = step;
      stream.write(`${text}\n`);
    }
    last = tty ? text : label;
  }) as ProgressLine;
  fn.done = () => {
    if (tty && open) stream.write('\n');
    open = false;
  };
  return fn;
}

export async function listPlans(app: FastifyInstance): Promise<void> {
  const plans = await app.repos.plans.all(undefined);
  if (plans.length === 0) {
    console.log('The database has no plans yet. Create one with POST /api/v1/plans (or npm run seed for the example).');
    return;
  }
  console.log('Plans:');
  for (const p of plans) console.log(`  ${p.id}  ${p.localArea}: ${p.title}`);
}
