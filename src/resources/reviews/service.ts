// Review rules: areas named in support received must be the plan's; every read fills in, as of the review
// date, the previous review's agreed actions, the actions behind schedule and each area's latest progress.
import type { Actor } from '../../db/store.js';
import { hasSlipped } from '../../domain/rag.js';
import { ValidationError, type FieldError } from '../../shared/errors.js';
import { definedOnly } from '../../shared/objects.js';
import type { CrudService, Page } from '../crud-routes.js';
import type { MeasureSource } from '../measure-source.js';
import type { Repos } from '../../db/repos/index.js';
import type { ReviewRow } from '../../db/repos/reviews.js';
import type { CreateReview, Review, ReviewQuery, UpdateReview } from './schemas.js';

const OPTIONAL = ['venue', 'generalUpdate', 'conclusion', 'nextReviewOn', 'author'] as const;
const byRef = (a: { ref: string }, b: { ref: string }) => a.ref.localeCompare(b.ref, 'en', { numeric: true });

export class ReviewsService implements CrudService<CreateReview, UpdateReview, ReviewQuery, Review> {
  constructor(
    private readonly repos: Repos,
    private readonly measures: MeasureSource,
  ) {}

  async create(planId: string | undefined, body: CreateReview, actor: Actor): Promise<Review> {
    await this.repos.plans.mustGet(planId!);
    await this.checkAreas(planId!, body.supportReceived);
    const row = await this.repos.reviews.create(actor, () => {
      const values: Record<string, unknown> = { ...body, planId };
      for (const k of OPTIONAL) if (values[k] === undefined) values[k] = null;
      return values as never;
    });
    return this.toApi(row);
  }

  async get(id: string): Promise<Review> {
    return this.toApi(await this.repos.reviews.mustGet(id));
  }

  async list(planId: string | undefined, q: ReviewQuery): Promise<Page<Review>> {
    await this.repos.plans.mustGet(planId!);
    const page = await this.repos.reviews.pageInPlan(planId!, q);
    return { items: await Promise.all(page.items.map((r) => this.toApi(r))), nextCursor: page.nextCursor };
  }

  async update(id: string, body: UpdateReview, ifMatch: number[] | undefined, actor: Actor): Promise<Review> {
    const row = await this.repos.reviews.update(id, ifMatch, actor, async (current) => {
      if (body.supportReceived) await this.checkAreas(current.planId, body.supportReceived);
      return definedOnly(body) as never;
    });
    return this.toApi(row);
  }

  async remove(id: string, ifMatch: number[] | undefined, actor: Actor): Promise<void> {
    await this.repos.reviews.delete(id, ifMatch, actor);
  }

  /** The plan's latest review (for its deadlines). */
  latestInPlan(planId: string): Promise<ReviewRow | undefined> {
    return this.repos.reviews.latestInPlan(planId);
  }

  async toApi(row: ReviewRow): Promise<Review> {
    const previous = await this.repos.reviews.previous(row.planId, row.heldOn, row.id);
    const areas = await this.repos.areas.inPlan(row.planId);
    const areaNumber = new Map(areas.map((a) => [a.id, a.number]));
    const behind = (await this.repos.actions
          .inPlan(row.planId))
      .filter((a) => a.areaId !== null && areaNumber.has(a.areaId) && hasSlipped(a, row.heldOn))
      .sort((x, y) => areaNumber.get(x.areaId!)! - areaNumber.get(y.areaId!)! || byRef(x, y));
    return {
      ...row,
      previousReviewId: previous?.id ?? null,
      actionsFromPreviousReview: previous?.agreedActions ?? [],
      behindSchedule: behind.map((a) => ({
        actionId: a.id,
        ref: a.ref,
        title: a.title,
        dueDate: a.dueDate,
        revisedDueDate: a.revisedDueDate,
        reason: a.delayReason,
        mitigation: a.mitigation,
      })),
      areas: await Promise.all(
        areas.map(async (a) => {
          const u = await this.repos.areaUpdates.latest(a.id, row.heldOn);
          return {
            areaId: a.id,
            number: a.number,
            title: a.title,
            progress: u?.done ?? [],
            evidenceOfImpact: u?.evidenceOfImpact ?? null,
            nextSteps: u?.next ?? [],
            measures: await this.measures.forArea(a.id, row.heldOn),
          };
        }),
      ),
    };
  }

  private async checkAreas(planId: string, support: CreateReview['supportReceived']): Promise<void> {
    const errors: FieldError[] = [];
    for (const [i, s] of support.entries()) {
      if (!s.areaId) continue;
      const area = await this.repos.areas.get(s.areaId);
      if (!area || area.planId !== planId) errors.push({ in: 'body', path: `supportReceived.${i}.areaId`, message: 'is not an area of this plan' });
    }
    if (errors.length) throw new ValidationError(errors, errors.map((e) => `${e.path} ${e.message}`).join('; '));
  }
}
