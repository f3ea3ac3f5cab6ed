// Evidence rules: exactly one of an upload and a link; areas, actions and measures of the same plan; reads
// and the readiness view over the information request. Methods are async so a later asynchronous data
// layer does not change their callers.
import type { Db } from '../../db/client.js';
import type { Actor } from '../../db/store.js';
import { londonDate } from '../../domain/dates.js';
import { INFORMATION_REQUEST } from '../../domain/information-request.js';
import { readiness } from '../../domain/readiness.js';
import { ValidationError, type FieldError } from '../../shared/errors.js';
import { definedOnly } from '../../shared/objects.js';
import type { CrudService, Page } from '../crud-routes.js';
import { notInPlan, unique } from '../plan-members.js';
import { dropReferences } from '../references.js';
import type { Repos } from '../../db/repos/index.js';
import type { ServiceContext } from '../service-context.js';
import type { EvidenceFilter, EvidenceRow } from '../../db/repos/evidence.js';
import type * as S from './schemas.js';

export class EvidenceService implements CrudService<S.CreateEvidence, S.UpdateEvidence, S.EvidenceQuery, S.Evidence> {
  constructor(
    private readonly repos: Repos,
    private readonly ctx: ServiceContext,
  ) {}

  async create(planId: string | undefined, body: S.CreateEvidence, actor: Actor): Promise<S.Evidence> {
    await this.repos.plans.mustGet(planId!);
    return this.repos.evidence.create(actor, (tx) =>
      this.checked({ ...body, planId: planId!, description: body.description ?? null, uploadId: body.uploadId ?? null, url: body.url ?? null } as EvidenceRow, tx),
    );
  }

  async get(id: string): Promise<S.Evidence> {
    return this.repos.evidence.mustGet(id);
  }

  async list(planId: string | undefined, q: S.EvidenceQuery): Promise<Page<S.Evidence>> {
    await this.repos.plans.mustGet(planId!);
    return this.repos.evidence.page({ planId: planId!, areaId: q.areaId, kind: q.kind, requestItem: q.requestItem, from: q.from, to: q.to }, q);
  }

  async update(id: string, body: S.UpdateEvidence, ifMatch: number[] | undefined, actor: Actor): Promise<S.Evidence> {
    return this.repos.evidence.update(id, ifMatch, actor, async (current, tx) => {
      const patch: Record<string, unknown> = definedOnly(body);
      // Sending a link replaces the file (and the reverse) without having to clear the other by hand.
      if (body.url && body.uploadId === undefined) patch.uploadId = null;
      if (body.uploadId && body.url === undefined) patch.url = null;
      const merged = await this.checked({ ...current, ...patch } as EvidenceRow, tx);
      for (const k of ['areaIds', 'actionIds', 'measureIds', 'requestItems'] as const) if (k in patch) patch[k] = merged[k];
      return patch;
    });
  }

  async remove(id: string, ifMatch: number[] | undefined, actor: Actor): Promise<void> {
    // The item's id leaves the area updates that linked it, in the same transaction.
    await this.repos.evidence.delete(id, ifMatch, actor, (current, tx) => dropReferences(this.repos, tx, actor, 'evidence', id, current.planId));
  }

  /** Every item of the plan matching the filter (documents and bundles). */
  async matching(filter: EvidenceFilter): Promise<EvidenceRow[]> {
    await this.repos.plans.mustGet(filter.planId);
    return this.repos.evidence.matching(filter);
  }

  async readiness(planId: string, asOf = londonDate(this.ctx.now())): Promise<S.Readiness> {
    const rows = await this.matching({ planId, to: asOf });
    return { asOf, ...readiness(INFORMATION_REQUEST, rows, asOf) };
  }

  private async checked(e: EvidenceRow, tx: Db): Promise<EvidenceRow> {
    const errors: FieldError[] = [];
    if (e.uploadId && e.url) errors.push({ in: 'body', path: 'url', message: 'send either uploadId or url, not both' });
    if (!e.uploadId && !e.url) errors.push({ in: 'body', path: 'url', message: 'send an http(s) link here, or a stored file as uploadId' });
    if (e.uploadId && !(await this.repos.uploads.exists(e.uploadId, tx))) errors.push({ in: 'body', path: 'uploadId', message: 'is not an upload' });
    errors.push(
      ...(await notInPlan(this.repos.areas, e.areaIds, e.planId, 'areaIds', 'an area', tx)),
      ...(await notInPlan(this.repos.actions, e.actionIds, e.planId, 'actionIds', 'an action', tx)),
      ...(await notInPlan(this.repos.measures, e.measureIds, e.planId, 'measureIds', 'a measure', tx)),
    );
    if (errors.length) throw new ValidationError(errors, errors.map((x) => `${x.path}: ${x.message}`).join('; '));
    return { ...e, areaIds: unique(e.areaIds), actionIds: unique(e.actionIds), measureIds: unique(e.measureIds), requestItems: unique(e.requestItems) };
  }
}
