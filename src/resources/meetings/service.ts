// Meeting rules: agenda numbers unique, and each document an item points at must exist.
import type { Db } from '../../db/client.js';
import { ValidationError, type FieldError } from '../../shared/errors.js';
import { definedOnly } from '../../shared/objects.js';
import type { Repos } from '../../db/repos/index.js';
import { ResourceService } from '../resource-service.js';
import type { MeetingRow } from '../../db/repos/meetings.js';
import type { AgendaItem, CreateMeeting, Meeting, MeetingQuery, UpdateMeeting } from './schemas.js';

/** Timestamps are stored in UTC ("2022-12-13T18:00:00.000Z") whatever offset the client sent. */
const utc = (ts: string) => new Date(ts).toISOString();

export const meetingToApi = (row: MeetingRow): Meeting => row as Meeting;

async function checkItems(repos: Repos, items: AgendaItem[], tx: Db): Promise<void> {
  const errors: FieldError[] = [];
  const seen = new Set<number>();
  for (const [i, item] of items.entries()) {
    const at = (p: string) => `items.${i}.${p}`;
    if (seen.has(item.number)) errors.push({ in: 'body', path: at('number'), message: `item number ${item.number} is used twice` });
    seen.add(item.number);
    const d = item.document;
    if (!d) continue;
    if (d.type === 'highlight-report' && !(await repos.highlightReports.get(d.id, tx))) errors.push({ in: 'body', path: at('document.id'), message: 'is not a highlight report' });
    if (d.type === 'progress-report' && !(await repos.plans.get(d.planId, tx))) errors.push({ in: 'body', path: at('document.planId'), message: 'is not a plan' });
    if (d.type === 'review' && !(await repos.reviews.get(d.id, tx))) errors.push({ in: 'body', path: at('document.id'), message: 'is not a review' });
    if (d.type === 'changes' && !(await repos.plans.get(d.planId, tx))) errors.push({ in: 'body', path: at('document.planId'), message: 'is not a plan' });
    if (d.type === 'upload' && !(await repos.uploads.exists(d.id, tx))) errors.push({ in: 'body', path: at('document.id'), message: 'is not an upload' });
    else if (d.type === 'upload' && (await repos.uploads.info(d.id, tx)).mediaType !== 'application/pdf') errors.push({ in: 'body', path: at('document.id'), message: 'is not a PDF upload: only PDFs can be meeting documents' });
  }
  if (errors.length) throw new ValidationError(errors, errors.map((e) => `${e.path} ${e.message}`).join('; '));
}

export const createMeetingsService = (repos: Repos) =>
  new ResourceService<Repos['meetings'], CreateMeeting, UpdateMeeting, MeetingQuery, Meeting>({
    repo: repos.meetings,
    toApi: meetingToApi,
    createValues: async (body, _parent, tx) => {
      await checkItems(repos, body.items as AgendaItem[], tx);
      return { ...body, startsAt: utc(body.startsAt), council: body.council ?? null, venue: body.venue ?? null, meetingType: body.meetingType ?? null, contact: body.contact ?? null };
    },
    patchValues: async (body, _current, tx) => {
      if (body.items) await checkItems(repos, body.items as AgendaItem[], tx);
      return definedOnly({ ...body, startsAt: body.startsAt ? utc(body.startsAt) : undefined });
    },
  });
