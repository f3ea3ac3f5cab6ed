// The evidence bundle of a plan (or one area) as of a date: a ZIP streamed entry by entry — index.pdf
// (every evidence item once, with everything it serves and its file name in the bundle or its link) and
// each stored file once, however many items or areas it serves. Files are read from the database one at a
// time as the archive drains, so memory stays at about one file whatever the bundle's size.
import type { Readable } from 'node:stream';
import { lazy } from '../../shared/lazy.js';
import type { Db } from '../../db/client.js';
import { londonDate } from '../../domain/dates.js';
import { INFORMATION_REQUEST } from '../../domain/information-request.js';
import { ValidationError } from '../../shared/errors.js';
import { bundleNames } from './bundle-names.js';
import type { DocumentContext } from '../document-context.js';
import { accessiblePdf } from '../../documents/pdf-accessibility.js';

/** archiver (and its zlib streams), loaded with the first bundle asked for. */
const archiver = lazy(async () => (await import('archiver')).default);

export interface BundleIndexView {
  generatedAt: string;
  asOf: string;
  plan: { title: string; localArea: string; principalAuthority: string | null };
  area: { number: number; title: string } | null;
  items: {
    number: number;
    title: string;
    kind: string;
    asOf: string;
    description: string | null;
    areas: string[];
    actions: string[];
    measures: string[];
    requestItems: string[];
    file: string | null;
    link: string | null;
  }[];
  requestItems: { code: string; title: string; itemNumbers: number[] }[];
  fileCount: number;
}

export interface BundlePlan {
  view: BundleIndexView;
  files: { uploadId: string; name: string; mediaType: string }[];
}

// Already-compressed formats are stored, not deflated again (no gain, only CPU).
const STORED = new Set(['application/pdf', 'image/png', 'image/jpeg', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.openxmlformats-officedocument.presentationml.presentation']);

export class EvidenceBundleDocuments {
  constructor(private readonly ctx: DocumentContext) {}

  /** What goes into the bundle: the index's view and the files with their names (no file bytes). */
  plan(planId: string, opts: { areaId?: string; asOf?: string }): Promise<BundlePlan> {
    const { repos, now } = this.ctx;
    const asOf = opts.asOf ?? londonDate(now());
    return repos.store.snapshot(async (t) => {
      const db = t as unknown as Db;
      const plan = await repos.plans.mustGet(planId, db);
      const areas = await repos.areas.inPlan(planId, db);
      const area = opts.areaId ? areas.find((a) => a.id === opts.areaId) : undefined;
      if (opts.areaId && !area) throw new ValidationError([{ in: 'query', path: 'areaId', message: 'is not an area of this plan' }], 'areaId: is not an area of this plan');
      const evidence = await repos.evidence.matching({ planId, areaId: opts.areaId, to: asOf }, db);
      const areaName = new Map(areas.map((a) => [a.id, `${a.number}. ${a.title}`]));
      const actionRef = new Map((await repos.actions.inPlan(planId, db)).map((a) => [a.id, `${a.ref} ${a.title}`]));
      const measureRef = new Map((await repos.measures.inPlan(planId, db)).map((m) => [m.id, `${m.ref} ${m.title}`]));
      const uploadIds = [...new Set(evidence.flatMap((e) => (e.uploadId ? [e.uploadId] : [])))];
      const infos = new Map((await repos.uploads.infos(uploadIds, db)).map((u) => [u.id, u]));
      const names = bundleNames(
        uploadIds.flatMap((id) => {
          const u = infos.get(id);
          return u ? [{ id, mediaType: u.mediaType, filename: u.filename, firstTitle: evidence.find((e) => e.uploadId === id)!.title }] : [];
        }),
      );
      const items = evidence.map((e, i) => ({
        number: i + 1,
        title: e.title,
        kind: e.kind,
        asOf: e.asOf,
        description: e.description,
        areas: e.areaIds.map((id) => areaName.get(id)).filter((x): x is string => !!x),
        actions: e.actionIds.map((id) => actionRef.get(id)).filter((x): x is string => !!x),
        measures: e.measureIds.map((id) => measureRef.get(id)).filter((x): x is string => !!x),
        requestItems: e.requestItems,
        file: e.uploadId ? (names.get(e.uploadId) ?? null) : null,
        link: e.url,
      }));
      const view: BundleIndexView = {
        generatedAt: now().toISOString(),
        asOf,
        plan: { title: plan.title, localArea: plan.localArea, principalAuthority: plan.principalAuthority },
        area: area ? { number: area.number, title: area.title } : null,
        items,
        requestItems: INFORMATION_REQUEST.map((r) => ({
          code: r.code,
          title: r.title,
          itemNumbers: items.filter((it) => it.requestItems.includes(r.code)).map((it) => it.number),
        })),
        fileCount: names.size,
      };
      return { view, files: [...names].map(([uploadId, name]) => ({ uploadId, name, mediaType: infos.get(uploadId)!.mediaType })) };
    });
  }

  async indexPdf(view: BundleIndexView): Promise<Buffer> {
    const html = this.ctx.templates.render('evidence-bundle/index', view);
    return accessiblePdf(await this.ctx.renderer.pdf(html), {
      html,
      title: `${view.plan.title} – evidence bundle${view.area ? ` – area ${view.area.number}` : ''} – ${view.asOf}`,
      author: view.plan.principalAuthority ?? view.plan.localArea,
      subject: 'Index of the evidence items in this bundle, with what each serves',
    });
  }

  /**
   * The ZIP as a stream: index.pdf first, then each file, read from the database only when the archive
   * has taken the previous one (archiver emits 'entry' once an entry is written through, which waits on
   * the reader when it is slow).
   */
  async stream(bundle: BundlePlan, indexPdf: Buffer): Promise<Readable> {
    const zip = (await archiver())('zip', { zlib: { level: 6 } });
    const date = new Date(`${bundle.view.asOf}T12:00:00Z`);
    // Resolves when the archive has written the entry; rejects when it fails or is closed (the client left).
    const written = () =>
      new Promise<void>((resolve, reject) => {
        const done = (err?: Error) => {
          zip.off('entry', onEntry).off('error', done).off('close', onClose);
          if (err) reject(err);
          else resolve();
        };
        const onEntry = () => done();
        const onClose = () => done(new Error('The bundle stream was closed.'));
        zip.on('entry', onEntry).on('error', done).on('close', onClose);
      });
    const feed = async () => {
      zip.append(indexPdf, { name: 'index.pdf', date, store: true });
      await written();
      for (const f of bundle.files) {
        zip.append(await this.ctx.repos.uploads.bytes(f.uploadId), { name: f.name, date, store: STORED.has(f.mediaType) });
        await written();
      }
      await zip.finalize();
    };
    feed().catch((err: Error) => {
      if (!zip.destroyed) zip.destroy(err);
    });
    return zip;
  }
}
