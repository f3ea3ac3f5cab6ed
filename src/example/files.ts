// Reads the example's data folder (examples/wolverhampton/): its JSON files, where a string "file:<name>.md"
// stands for the text of that Markdown file (long texts are kept as Markdown beside the JSON), and its documents.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExampleData } from './types.js';

export const EXAMPLE_DIR = fileURLToPath(new URL('../../examples/wolverhampton/', import.meta.url));

/** A file of the folder, refusing a name that leads out of it. */
export function examplePath(dir: string, name: string): string {
  const path = resolve(dir, name);
  const rel = relative(dir, path);
  if (rel.startsWith('..') || resolve(rel) === rel) throw new Error(`The example file ${name} is outside ${dir}`);
  return path;
}

/** A document (an item paper, a Markdown file), as it is. */
export const exampleDocument = (dir: string, name: string): string => readFileSync(examplePath(dir, name), 'utf8');

/** A long text of a JSON file, kept as Markdown: the file's text without its final newline. */
export const exampleText = (dir: string, name: string): string => readFileSync(examplePath(dir, name), 'utf8').replace(/\n$/, '');

export function exampleJson<T>(dir: string, name: string): T {
  return JSON.parse(readFileSync(examplePath(dir, name), 'utf8'), (_key, v: unknown) =>
    typeof v === 'string' && v.startsWith('file:') ? exampleText(dir, v.slice('file:'.length)) : v,
  ) as T;
}

/** Everything of the example that the plan workbook (plan.xlsx) does not hold. */
export function readExample(dir: string = EXAMPLE_DIR): ExampleData {
  const json = <T>(name: string) => exampleJson<T>(dir, name);
  return {
    plan: json('plan.json'),
    highlightReports: json('highlight-reports.json'),
    areaUpdates: json('area-updates.json'),
    reviews: json('reviews.json'),
    documents: json('documents.json'),
    meeting: json('meeting.json'),
    updateRound: json('update-round.json'),
    evidence: json('evidence.json'),
  };
}
