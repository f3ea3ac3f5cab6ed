// Update-round rules: a round opens (now or on its day) with one request and one email per owner; owners
// submit through their secret link; an editor accepts a submission (applied through the actions and
// register services, in one transaction) or returns it; reminders and the escalation run once each.
import { createHash, randomBytes } from 'node:crypto';
import { SYSTEM_ACTOR, type Actor } from '../../db/store.js';
import { londonDate } from '../../domain/dates.js';
import {
  awaitingAnswer,
  canAccept,
  canReturn,
  canSubmit,
  isLinkLive,
  isOpenForUpdate,
  isReminderDue,
  linkExpiresOn,
  roundOpensNow,
} from '../../domain/update-rounds.js';
import type { Mailer } from '../../mail/mailer.js';
import type { EmailTemplates } from '../../mail/templates.js';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.js';
import { definedOnly } from '../../shared/objects.js';
import type { Repos } from '../../db/repos/index.js';
import type { Services } from '../services.js';
import { escalationEmail, requestEmail, type RequestEmailKind } from './emails.js';
import { initialValues, parseForm, type FormItem, type FormValues, type FormError, type SubmittedItem } from './form.js';
import type { UpdateRequestRow, UpdateRoundRow, UpdateRoundsRepo } from '../../db/repos/update-rounds.js';
import type { CreateUpdateRound, UpdateRequest, UpdateRound, UpdateRoundQuery, UpdateUpdateRound } from './schemas.js';
import type { UpdateItemRef } from '../../db/tables/update-rounds.js';

export interface MailContext {
  mailer: Mailer;
  templates: EmailTemplates;
  publicBaseUrl: string;
}

export interface Log {
  error(obj: object, msg: string): void;
}

interface Submission {
  items: SubmittedItem[];
}

export const hashSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

/** What the owner's page shows for a link. */
export type OwnerPage =
  | { kind: 'form'; round: UpdateRoundRow; request: UpdateRequestRow; planTitle: string; items: FormItem[]; values: FormValues; errors: FormError[] }
  | { kind: 'done'; round: UpdateRoundRow; request: UpdateRequestRow; planTitle: string };

export type SubmitResult = OwnerPage | { kind: 'submitted' } | { kind: 'refused' } | null;

export class UpdateRoundsService {
  constructor(
    private readonly repos: Repos,
    private readonly services: Services,
    private readonly rounds: UpdateRoundsRepo,
    private readonly mail: MailContext,
    private readonly now: () => Date,
    private readonly log: Log,
  ) {}

  private today(): string {
    return londonDate(this.now());
  }

  private ts(): string {
    return this.repos.store.timestamp();
  }

  toApi(row: UpdateRoundRow, requests: UpdateRequestRow[]): UpdateRound {
    const { openClaimedAt: _o, escalationClaimedAt: _e, ...rest } = row;
    return { ...rest, linksExpireOn: linkExpiresOn(row.dueOn), requests: requests.map(summary) };
  }

  // Rounds

  async create(planId: string | undefined, body: CreateUpdateRound, actor: Actor): Promise<UpdateRound> {
    await this.repos.plans.mustGet(planId!);
    if (body.dueOn < body.opensOn) throw new ValidationError([{ in: 'body', path: 'dueOn', message: `must not be before opensOn (${body.opensOn})` }]);
    const row = await this.rounds.create(actor, () => ({
      planId: planId!,
      title: body.title,
      opensOn: body.opensOn,
      dueOn: body.dueOn,
      remindAfterWorkingDays: body.remindAfterWorkingDays,
      escalateTo: body.escalateTo ?? null,
      includeRegisters: body.includeRegisters,
      message: body.message ?? null,
      state: 'scheduled' as const,
    }));
    if (roundOpensNow(row.opensOn, this.today())) await this.open(row.id);
    return this.get(row.id);
  }

  async get(id: string): Promise<UpdateRound> {
    const row = await this.rounds.mustGet(id);
    return this.toApi(row, await this.rounds.requestsOf([id]));
  }

  async list(planId: string | undefined, q: UpdateRoundQuery) {
    await this.repos.plans.mustGet(planId!);
    const page = await this.rounds.pageInPlan(planId!, q);
    const requests = await this.rounds.requestsOf(page.items.map((r) => r.id));
    return { items: page.items.map((r) => this.toApi(r, requests.filter((q) => q.roundId === r.id))), nextCursor: page.nextCursor };
  }

  async update(id: string, body: UpdateUpdateRound, ifMatch: number[] | undefined, actor: Actor): Promise<UpdateRound> {
    const row = await this.rounds.update(id, ifMatch, actor, (current) => {
          if (current.state === 'closed') throw new ConflictError('This round is closed; a closed round does not change.');
          const patch: Record<string, unknown> = definedOnly({ ...body, state: undefined });
          if (current.state !== 'scheduled') {
            for (const f of ['opensOn', 'includeRegisters'] as const) {
              if (body[f] !== undefined && body[f] !== current[f]) throw new ConflictError(`${f} cannot change once the round has opened.`, f);
            }
          }
          const opensOn = (patch.opensOn as string | undefined) ?? current.opensOn;
          const dueOn = (patch.dueOn as string | undefined) ?? current.dueOn;
          if (dueOn < opensOn) throw new ValidationError([{ in: 'body', path: 'dueOn', message: `must not be before opensOn (${opensOn})` }]);
          if (body.state === 'closed') Object.assign(patch, { state: 'closed', closedAt: this.ts() });
          return patch;
        });
    if (row.state === 'scheduled' && roundOpensNow(row.opensOn, this.today())) await this.open(id);
    return this.get(id);
  }

  /** Opens the round once (whichever process claims it): one request per owner email, then the emails. */
  async open(id: string): Promise<boolean> {
    const at = this.ts();
    const created = await this.repos.store.tx(async (tx) => {
      if (!(await this.rounds.claimOpening(tx, id, at))) return null;
      const round = await this.rounds.mustGet(id, tx);
      const requests = [];
      for (const [email, o] of await this.ownersOf(round)) {
        requests.push(await this.rounds.insertRequest(tx, { roundId: id, owner: o.owner ?? email, email, items: o.items, state: 'sent' }));
      }
      await this.rounds.setRound(tx, id, { state: 'open', openedAt: at });
      await this.repos.store.audit(tx, SYSTEM_ACTOR, 'update', 'update-round', id, { state: 'scheduled' }, { state: 'open', openedAt: at, requests: requests.length });
      for (const r of requests) await this.repos.store.audit(tx, SYSTEM_ACTOR, 'create', 'update-request', r.id, null, { ...r });
      return { round: (await this.rounds.mustGet(id, tx)), requests };
    });
    if (!created) return false;
    for (const r of created.requests) await this.sendRequest(created.round, r);
    return true;
  }

  /** Distinct owner emails of the plan's open actions (and open register entries), with their items. */
  private async ownersOf(round: UpdateRoundRow): Promise<Map<string, { owner: string | null; items: UpdateItemRef[] }>> {
    const groups = new Map<string, { owner: string | null; items: UpdateItemRef[] }>();
    const add = (type: UpdateItemRef['type'], row: { id: string; owner: string | null; ownerEmail: string | null; status: string }) => {
      if (!row.ownerEmail || !isOpenForUpdate(type, row.status)) return;
      const email = row.ownerEmail.toLowerCase();
      const g = groups.get(email) ?? { owner: null, items: [] };
      g.owner ??= row.owner;
      g.items.push({ type, id: row.id });
      groups.set(email, g);
    };
    for (const a of await this.repos.actions.inPlan(round.planId)) add('action', a);
    if (round.includeRegisters) {
      for (const p of await this.repos.projects.inPlan(round.planId)) {
        for (const r of await this.repos.risks.inProject(p.id)) add('risk', r);
        for (const i of await this.repos.issues.inProject(p.id)) add('issue', i);
        for (const d of await this.repos.dependencies.inProject(p.id)) add('dependency', d);
      }
    }
    return groups;
  }

  /** Emails the request with a fresh link; records sentAt the first time. */
  private async sendRequest(round: UpdateRoundRow, request: UpdateRequestRow): Promise<boolean> {
    const sent = await this.emailOwner('request', round, request);
    if (sent && !request.sentAt) await this.repos.store.tx((tx) => this.rounds.setRequest(tx, request.id, { sentAt: this.ts() }));
    return sent;
  }

  /** Sends one of the owner's emails with a new secret link (only its hash is stored). Never logs the secret. */
  private async emailOwner(kind: RequestEmailKind, round: UpdateRoundRow, request: UpdateRequestRow, note?: string): Promise<boolean> {
    const secret = randomBytes(32).toString('base64url');
    await this.repos.store.tx((tx) => this.rounds.insertLink(tx, request.id, hashSecret(secret)));
    const message = requestEmail(this.mail.templates, kind, {
      round,
      request,
      planTitle: (await this.repos.plans.get(round.planId))?.title ?? '',
      items: (await this.formItems(request)),
      link: `${this.mail.publicBaseUrl}/update/${secret}`,
      note,
    });
    try {
      await this.mail.mailer.send(message);
      return true;
    } catch (err) {
      this.log.error({ requestId: request.id, reason: (err as Error).message }, 'update-round email could not be sent');
      return false;
    }
  }

  /** The request's items as they stand now (deleted ones left out). */
  async formItems(request: UpdateRequestRow): Promise<FormItem[]> {
    const out: FormItem[] = [];
    for (const ref of request.items) {
      if (ref.type === 'action') {
        const a = await this.repos.actions.get(ref.id);
        if (a) out.push({ type: 'action', id: a.id, ref: a.ref, title: a.title, dueDate: a.dueDate, revisedDueDate: a.revisedDueDate, startDate: a.startDate, percentComplete: a.percentComplete, status: a.status });
        continue;
      }
      const r = (await this.repos[ref.type === 'risk' ? 'risks' : ref.type === 'issue' ? 'issues' : 'dependencies'].get(ref.id)) as
        | { id: string; ref: string; description: string; status: string; targetResolutionDate?: string | null; resolutionDate?: string | null }
        | undefined;
      if (r) {
        const due = r.targetResolutionDate ?? r.resolutionDate ?? null;
        out.push({ type: ref.type, id: r.id, ref: `${ref.type[0]!.toUpperCase()}${ref.type.slice(1)} ${r.ref}`, title: r.description, dueDate: due, revisedDueDate: null, startDate: null, percentComplete: null, status: r.status });
      }
    }
    return out;
  }

  /** Reminds, now, every owner of an open round who has not submitted (a returned update counts as not submitted). */
  async remindNow(id: string, actor: Actor): Promise<UpdateRound> {
    const round = await this.rounds.mustGet(id);
    if (round.state !== 'open') throw new ConflictError(`This round is ${round.state}; only an open round's owners can be reminded.`);
    for (const r of await this.rounds.requestsOf([id])) {
      if (!awaitingAnswer(r.state)) continue;
      if (!r.sentAt) {
        await this.sendRequest(round, r);
        continue;
      }
      if (await this.emailOwner('reminder', round, r)) {
        const at = this.ts();
        await this.repos.store.tx(async (tx) => {
          await this.rounds.setRequest(tx, r.id, { remindedAt: at, remindClaimedAt: r.remindClaimedAt ?? at });
          await this.repos.store.audit(tx, actor, 'update', 'update-request', r.id, { remindedAt: r.remindedAt }, { remindedAt: at });
        });
      }
    }
    return this.get(id);
  }

  /** The scheduler's work: rounds to open, reminders due, escalations due. Each claimed once. */
  async runDue(): Promise<{ opened: number; reminded: number; escalated: number }> {
    const today = this.today();
    const done = { opened: 0, reminded: 0, escalated: 0 };
    for (const r of await this.rounds.roundsToOpen(today)) if (await this.open(r.id)) done.opened++;

    for (const { request, round } of await this.rounds.requestsAwaitingReminder()) {
      const sentOn = londonDate(new Date(request.sentAt!));
      if (!isReminderDue({ state: request.state, sentOn, remindedAt: request.remindedAt }, round.remindAfterWorkingDays, today)) continue;
      if (!isLinkLive(round, today) || !(await this.rounds.claimReminder(request.id, this.ts()))) continue;
      if (await this.emailOwner('reminder', round, request)) {
        const at = this.ts();
        await this.repos.store.tx(async (tx) => {
          await this.rounds.setRequest(tx, request.id, { remindedAt: at });
          await this.repos.store.audit(tx, SYSTEM_ACTOR, 'update', 'update-request', request.id, { remindedAt: null }, { remindedAt: at });
        });
        done.reminded++;
      }
    }

    for (const round of await this.rounds.roundsToEscalate(today)) {
      if (!(await this.rounds.claimEscalation(round.id, this.ts()))) continue;
      const requests = await this.rounds.requestsOf([round.id]);
      const missing = requests.filter((r) => awaitingAnswer(r.state));
      if (missing.length === 0 || !round.escalateTo) continue;
      try {
        const planTitle = (await this.repos.plans.get(round.planId))?.title ?? '';
        await this.mail.mailer.send(escalationEmail(this.mail.templates, { round, to: round.escalateTo, planTitle, missing, total: requests.length }));
      } catch (err) {
        this.log.error({ roundId: round.id, reason: (err as Error).message }, 'update-round escalation could not be sent');
        continue;
      }
      const at = this.ts();
      await this.repos.store.tx(async (tx) => {
        await this.rounds.setRound(tx, round.id, { escalatedAt: at });
        await this.repos.store.audit(tx, SYSTEM_ACTOR, 'update', 'update-round', round.id, { escalatedAt: null }, { escalatedAt: at, missing: missing.length });
      });
      done.escalated++;
    }
    return done;
  }

  // Requests

  async getRequest(id: string): Promise<UpdateRequest> {
    const r = await this.rounds.getRequest(id);
    if (!r) throw new NotFoundError('update request', id);
    return this.requestToApi(r);
  }

  private async requestToApi(r: UpdateRequestRow): Promise<UpdateRequest> {
    const current = new Map((await this.formItems(r)).map((i) => [i.id, i]));
    const submitted = new Map(((r.submission as Submission | null)?.items ?? []).map((u) => [u.id, u]));
    return {
      ...summary(r),
      version: r.version,
      roundId: r.roundId,
      returnNote: r.returnNote,
      returnedAt: r.returnedAt,
      acceptedAt: r.acceptedAt,
      acceptedBy: r.acceptedBy,
      items: r.items.map((ref) => {
        const c = current.get(ref.id);
        const u = submitted.get(ref.id);
        return {
          type: ref.type,
          id: ref.id,
          ref: c?.ref ?? '',
          title: c?.title ?? '(deleted)',
          current: c ? { percentComplete: c.percentComplete, status: c.status, dueDate: c.dueDate, revisedDueDate: c.revisedDueDate } : null,
          update: u
            ? { percentComplete: u.percentComplete, status: u.status, comment: u.comment, revisedDueDate: u.revisedDueDate, delayReason: u.delayReason, mitigation: u.mitigation }
            : null,
        };
      }),
    };
  }

  /**
   * Applies a submission in one transaction through the actions and register services (their rules and
   * audit), as "<owner> (update link), accepted by <token name>", keeping each comment.
   */
  async accept(id: string, actor: Actor): Promise<UpdateRequest> {
    const row = await this.repos.store.tx(async (tx) => {
          const r = await this.rounds.getRequest(id, tx);
          if (!r) throw new NotFoundError('update request', id);
          if (!canAccept(r.state)) throw new ConflictError(`This update is ${r.state}; only a submitted update can be accepted.`);
          const by: Actor = { tokenId: actor.tokenId, name: `${r.owner} (update link), accepted by ${actor.name}`, role: actor.role, requestId: actor.requestId };
          const items = (r.submission as Submission).items;
          for (const [i, u] of items.entries()) {
            try {
              await this.applyItem(u, by);
            } catch (err) {
              if (err instanceof ValidationError) {
                throw new ValidationError(
                  err.errors.map((e) => ({ ...e, path: `items.${i}.${e.path}` })),
                  `The update to item ${i + 1} breaks a rule of the item: ${err.message}`,
                );
              }
              throw err;
            }
            if (u.comment) await this.rounds.insertComment(tx, { itemType: u.type, itemId: u.id, at: r.submittedAt!, author: r.owner, text: u.comment, requestId: r.id });
          }
          const at = this.ts();
          const after = (await this.rounds.setRequest(tx, id, { state: 'accepted', acceptedAt: at, acceptedBy: actor.name }))!;
          await this.repos.store.audit(tx, actor, 'update', 'update-request', id, { state: r.state, version: r.version }, { state: 'accepted', acceptedAt: at, version: after.version });
          return after;
        });
    return this.requestToApi(row);
  }

  private async applyItem(u: SubmittedItem, by: Actor): Promise<void> {
    if (u.type === 'action') {
      if (!(await this.repos.actions.get(u.id))) return; // deleted since the submission
      const patch: Record<string, unknown> = { percentComplete: u.percentComplete ?? undefined, status: u.status };
      if (u.revisedDueDate) Object.assign(patch, { revisedDueDate: u.revisedDueDate, delayReason: u.delayReason, mitigation: u.mitigation });
      await this.services.actions.update(u.id, definedOnly(patch) as never, undefined, by);
      return;
    }
    const service = this.services[u.type === 'risk' ? 'risks' : u.type === 'issue' ? 'issues' : 'dependencies'];
    if (!(await this.repos[u.type === 'risk' ? 'risks' : u.type === 'issue' ? 'issues' : 'dependencies'].get(u.id))) return;
    await service.update(u.id, { status: u.status } as never, undefined, by);
  }

  /** Sends the submission back to its owner with a note; their form opens again. */
  async returnRequest(id: string, note: string, actor: Actor): Promise<UpdateRequest> {
    const { row, round } = await this.repos.store.tx(async (tx) => {
          const r = await this.rounds.getRequest(id, tx);
          if (!r) throw new NotFoundError('update request', id);
          if (!canReturn(r.state)) throw new ConflictError(`This update is ${r.state}; only a submitted update can be returned.`);
          const at = this.ts();
          const after = (await this.rounds.setRequest(tx, id, { state: 'returned', returnNote: note, returnedAt: at }))!;
          await this.repos.store.audit(tx, actor, 'update', 'update-request', id, { state: r.state }, { state: 'returned', returnNote: note, returnedAt: at });
          return { row: after, round: (await this.rounds.mustGet(r.roundId, tx)) };
        });
    await this.emailOwner('returned', round, row, note);
    return this.requestToApi(row);
  }

  async comments(actionId: string) {
    await this.repos.actions.mustGet(actionId);
    return this.rounds.commentsOf('action', actionId);
  }

  // The owner's page

  /** The request behind a secret, or null for an unknown, expired or closed link (the caller answers 404 alike). */
  private async resolve(secret: string): Promise<{ round: UpdateRoundRow; request: UpdateRequestRow } | null> {
    const found = await this.rounds.findByLinkHash(hashSecret(secret));
    if (!found || !isLinkLive(found.round, this.today())) return null;
    return found;
  }

  async ownerPage(secret: string): Promise<OwnerPage | null> {
    const found = await this.resolve(secret);
    if (!found) return null;
    const { round, request } = found;
    const planTitle = (await this.repos.plans.get(round.planId))?.title ?? '';
    if (!canSubmit(request.state)) return { kind: 'done', round, request, planTitle };
    const items = await this.formItems(request);
    const earlier = request.state === 'returned' ? ((request.submission as Submission | null)?.items ?? null) : null;
    return { kind: 'form', round, request, planTitle, items, values: initialValues(items, earlier), errors: [] };
  }

  /** Stores the owner's submission (items unchanged until accepted); bad input → the form with its errors. */
  async submit(secret: string, body: Record<string, unknown>): Promise<SubmitResult> {
    const page = await this.ownerPage(secret);
    if (!page || page.kind === 'done') return page;
    const parsed = parseForm(page.items, body);
    if (parsed.kind === 'refused') return { kind: 'refused' };
    if (parsed.kind === 'invalid') return { ...page, values: parsed.values, errors: parsed.errors };
    return (await this.store(page.request, parsed.items)) ? { kind: 'submitted' } : this.ownerPage(secret);
  }

  /**
   * The same submission without a link, for loading history (the example): the form's fields as the
   * owner would post them, over the values the form shows first. Throws on bad input.
   */
  async submitForRequest(requestId: string, fields: Record<string, Partial<Record<string, string>>>): Promise<UpdateRequest> {
    const request = await this.rounds.getRequest(requestId);
    if (!request) throw new NotFoundError('update request', requestId);
    if (!canSubmit(request.state)) throw new ConflictError(`This update is ${request.state}.`);
    const items = await this.formItems(request);
    const values = initialValues(items, null);
    const body: Record<string, string> = {};
    for (const [id, v] of Object.entries(values)) for (const [k, x] of Object.entries({ ...v, ...fields[id] })) if (x !== undefined) body[`${id}.${k}`] = x;
    const parsed = parseForm(items, body);
    if (parsed.kind !== 'ok') throw new Error(`The submission for ${requestId} is not valid: ${JSON.stringify(parsed)}`);
    if (!(await this.store(request, parsed.items))) throw new ConflictError('The request changed meanwhile.');
    return this.getRequest(requestId);
  }

  private store(request: UpdateRequestRow, items: SubmittedItem[]): Promise<boolean> {
    const owner: Actor = { tokenId: null, name: `${request.owner} (update link)`, role: 'viewer' };
    return this.repos.store.tx(async (tx) => {
      const at = this.ts();
      const after = await this.rounds.setRequest(tx, request.id, { state: 'submitted', submittedAt: at, submission: { items } }, request.version);
      if (!after) return false; // submitted or returned meanwhile: the page shown next says which
      await this.repos.store.audit(tx, owner, 'update', 'update-request', request.id, { state: request.state }, { state: 'submitted', submittedAt: at, submission: { items } });
      return true;
    });
  }
}

const summary = (r: UpdateRequestRow) => ({
  id: r.id,
  owner: r.owner,
  email: r.email,
  itemCount: r.items.length,
  state: r.state,
  sentAt: r.sentAt,
  remindedAt: r.remindedAt,
  submittedAt: r.submittedAt,
});
