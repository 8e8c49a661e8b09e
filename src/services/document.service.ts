/**
 * Program documents: importing one (read → store the document, its sections,
 * links and proposed program → carry over the review of the version it
 * replaces), listing them, showing one, finding one by id or number.
 */

import { createHash } from 'node:crypto';
import type {
  DocumentDetail,
  DocumentImportResult,
  DocumentKind,
  DocumentListItem,
  DocumentUploadFields,
} from '../contracts/document';
import { type DerivedLink, deriveDocumentLinks, sameDocumentNumber } from '../domain/document/links';
import { planCarryOver } from '../domain/document/revision';
import { AppError, notFound } from '../domain/errors';
import { keptValueMax } from '../domain/target';
import { foldVietnamese } from '../domain/text';
import type { ReaderResult } from '../importers/document/types';
import { inTransaction } from '../repositories/db';
import {
  attachDanglingLinks,
  countDocuments,
  type DocumentRow,
  type DocumentSummaryRow,
  findDocument,
  findDocumentIdBySha,
  findProvinceByCode,
  findProvincesByFoldedName,
  findUnitCandidate,
  insertDocument,
  insertLinks,
  insertSections,
  type LinkRow,
  listDanglingReferences,
  listDocumentSummaries,
  listLinks,
  listNumberedDocuments,
  listProvinceUnits,
  listSections,
  type NewSection,
  type UnitCandidate,
} from '../repositories/document.repository';
import {
  countTargetsByState,
  indicatorIdsByCode,
  insertTargets,
  listTargets,
  type NewTarget,
} from '../repositories/target.repository';
import { insertTasks, listTasks, type TaskUnitLink } from '../repositories/task.repository';
import { recordAudit } from './audit';
import { permittedUnitIds, requireSignedIn } from './authorize';
import type { ServiceContext } from './context';
import { mayManageProgram, requireProgramManager } from './document-access.service';
import { readerVersion, readUploadedDocument } from './document-reader.service';
import { matchMention, placeNamesOf } from './document-units.service';

type Db = ServiceContext['db'];

const emptyCounts = () => ({ proposed: 0, confirmed: 0, rejected: 0 });

function toListItem(row: DocumentSummaryRow, counts = emptyCounts()): DocumentListItem {
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    title: row.title,
    issuedOn: row.issuedOn,
    provinceId: row.provinceId,
    provinceName: row.provinceName,
    isSeed: row.isSeed,
    issuer: row.issuer,
    provinceCode: row.provinceCode,
    version: row.version,
    supersedesId: row.supersedesId,
    supersededById: row.supersededById,
    counts,
  };
}

/** One document as lists show it, with its targets counted by review state. */
export async function documentSummary(db: Db, id: number): Promise<DocumentListItem> {
  const row = (await listDocumentSummaries(db, { ids: [id] }))[0];
  if (!row) throw notFound('document', id);
  return toListItem(row, (await countTargetsByState(db, [id])).get(id));
}

/** Public: the documents, optionally of a province and a kind. */
export async function listDocuments(
  ctx: ServiceContext,
  f: { provinceId?: number; kind?: DocumentKind } = {},
): Promise<{ items: DocumentListItem[] }> {
  const rows = await listDocumentSummaries(ctx.db, f);
  const counts = await countTargetsByState(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toListItem(r, counts.get(r.id))) };
}

/** Loads a document or throws 404. */
export async function loadDocument(db: Db, id: number): Promise<DocumentRow> {
  const doc = await findDocument(db, id);
  if (!doc) throw notFound('document', id);
  return doc;
}

/** Public: one document with its text, sections and links. */
export async function getDocument(ctx: ServiceContext, id: number): Promise<DocumentDetail> {
  const doc = await loadDocument(ctx.db, id);
  const [sections, links, targetCounts, tasks, canReview] = await Promise.all([
    listSections(ctx.db, id),
    listLinks(ctx.db, id),
    countTargetsByState(ctx.db, [id]),
    listTasks(ctx.db, { documentIds: [id] }),
    mayManageProgram(ctx, doc.provinceId),
  ]);
  const taskCounts = emptyCounts();
  for (const t of tasks) taskCounts[t.reviewState]++;
  return {
    ...toListItem(doc, targetCounts.get(id)),
    body: doc.body,
    sourceFileName: doc.sourceFileName,
    sourceFormat: doc.sourceFormat,
    horizonYears: doc.horizonYears,
    readerVersion: doc.readerVersion,
    sections: sections.map((s) => ({
      id: s.id,
      parentId: s.parentId,
      depth: s.depth,
      label: s.label,
      path: s.path,
      heading: s.heading,
      span: [s.spanStart, s.spanEnd] as [number, number],
    })),
    links: links.map((l) => ({
      relation: l.relation,
      direction: l.direction,
      reference: l.direction === 'out' ? l.toReference : (l.otherNumber ?? l.otherTitle ?? ''),
      documentId: l.otherId,
      title: l.otherTitle,
      number: l.otherNumber,
      kind: l.otherKind,
    })),
    taskCounts,
    canReview,
  };
}

/**
 * Finds a document by id ("12") or by number as people type it ("09-NQ/TU",
 * "749/QD-TTg"); of several versions with that number, the newest.
 */
export async function resolveDocumentRef(ctx: ServiceContext, ref: string): Promise<DocumentRow> {
  const trimmed = ref.trim();
  if (/^\d+$/.test(trimmed)) {
    const doc = await findDocument(ctx.db, Number(trimmed));
    if (doc) return doc;
  }
  const numbered = await listNumberedDocuments(ctx.db);
  const matches = numbered.filter((d) => sameDocumentNumber(d.number, trimmed));
  const current = matches.filter((d) => d.supersededById === null);
  const pick = current.length > 0 ? current : matches;
  if (pick.length === 0)
    throw new AppError('document.ref_not_found', { status: 404, params: { ref: trimmed } });
  if (pick.length > 1 && new Set(pick.map((d) => d.provinceId)).size > 1) {
    throw new AppError('document.ref_ambiguous', {
      status: 409,
      params: { ref: trimmed, ids: pick.map((d) => d.id).join(', ') },
    });
  }
  return loadDocument(ctx.db, pick[pick.length - 1]!.id);
}

// ---------------------------------------------------------------- import

/** What an import needs besides the reading. */
export interface StoreOptions {
  fileName: string;
  format: 'txt' | 'md' | 'docx' | 'pdf';
  sha256: string;
  kind: DocumentKind;
  provinceId: number | null;
  isSeed: boolean;
  /** The version this document replaces, if any. */
  supersedes: DocumentRow | null;
  /** Links known from outside the text (the seeds' manifest). */
  extraLinks?: DerivedLink[];
}

export interface StoredDocument {
  documentId: number;
  result: DocumentImportResult;
}

function storedFormat(format: ReaderResult['format'], fileName: string): StoreOptions['format'] {
  if (format === 'docx' || format === 'pdf') return format;
  if (format === 'markdown' || /\.md$/i.test(fileName)) return 'md';
  return 'txt';
}

/** SHA-256 of the file as uploaded. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The province a document belongs to: the one given (code or id), else the one the document names. */
async function resolveProvince(
  db: Db,
  given: string | undefined,
  givenId: number | undefined,
  named: string | null,
  date: string | null,
): Promise<UnitCandidate | null> {
  if (givenId !== undefined) {
    const unit = await findUnitCandidate(db, givenId);
    if (unit?.kind === 'province') return unit;
    throw new AppError('document.province_unknown', {
      status: 422,
      params: { province: givenId },
      details: [{ path: 'provinceId', code: 'document.province_unknown', params: { province: givenId } }],
    });
  }
  if (given) {
    const byCode = await findProvinceByCode(db, given, date);
    if (byCode) return byCode;
    throw new AppError('document.province_unknown', {
      status: 422,
      params: { province: given },
      details: [{ path: 'province', code: 'document.province_unknown', params: { province: given } }],
    });
  }
  if (!named) return null;
  const folded = foldVietnamese(named);
  const candidates = await findProvincesByFoldedName(db, folded, date);
  // "Nam Định" must not pick "Nam Định" and also "Hà Nam": prefer the exact base name
  const exact = candidates.filter(
    (c) => foldVietnamese(c.name).replace(/^(tinh|thanh pho)\s+/, '') === folded,
  );
  return exact[0] ?? candidates[0] ?? null;
}

/** A newer version replaces the current document with the same number and province. */
async function findSupersededByNumber(
  db: Db,
  number: string | null,
  provinceId: number | null,
): Promise<DocumentRow | null> {
  if (!number) return null;
  const numbered = await listNumberedDocuments(db);
  const match = numbered
    .filter(
      (d) => d.supersededById === null && d.provinceId === provinceId && sameDocumentNumber(d.number, number),
    )
    .pop();
  return match ? ((await findDocument(db, match.id)) ?? null) : null;
}

/**
 * Imports an uploaded document: reads it, stores it with its proposed
 * program, and carries the review of the version it replaces over to every
 * item whose words did not change. Coordinators of the province (or admins
 * for national documents and templates) only.
 */
export async function importDocument(
  ctx: ServiceContext,
  input: { bytes: Uint8Array; fileName: string } & DocumentUploadFields,
): Promise<DocumentImportResult> {
  // only someone who may import somewhere gets the file read at all
  requireSignedIn(ctx);
  const manages = await permittedUnitIds(ctx, 'program.manage');
  if (manages !== 'all' && manages.size === 0) throw new AppError('auth.forbidden', { status: 403 });
  const reading = await readUploadedDocument(input.bytes, input.fileName);
  const province = await resolveProvince(
    ctx.db,
    input.province,
    input.provinceId,
    reading.document.province,
    reading.document.date,
  );
  const provinceId = province?.id ?? null;
  await requireProgramManager(ctx, provinceId);

  const sha256 = sha256Of(input.bytes);
  const existing = await findDocumentIdBySha(ctx.db, sha256);
  if (existing !== undefined) {
    throw new AppError('document.duplicate', { status: 409, params: { id: existing } });
  }
  let supersedes: DocumentRow | null = null;
  if (input.supersedesId !== undefined) {
    supersedes = await loadDocument(ctx.db, input.supersedesId);
    if (supersedes.supersededById !== null) {
      throw new AppError('document.already_superseded', {
        status: 409,
        params: { id: supersedes.id, by: supersedes.supersededById },
      });
    }
    if (supersedes.provinceId !== provinceId) await requireProgramManager(ctx, supersedes.provinceId);
  } else {
    supersedes = await findSupersededByNumber(ctx.db, reading.document.number, provinceId);
  }

  const stored = await inTransaction(ctx.db, (trx) =>
    storeDocumentReading(trx, ctx, reading, {
      fileName: input.fileName,
      format: storedFormat(reading.format, input.fileName),
      sha256,
      kind: input.kind ?? reading.document.kind,
      provinceId,
      isSeed: false,
      supersedes,
    }),
  );
  return stored.result;
}

/** Turns the reader's deadline (`YYYY-MM-DD` or `YYYY`) into a date and the words it came from. */
function deadlineOf(
  deadline: string | null,
  text: string | null,
): { deadline: string | null; deadlineText: string | null } {
  if (!deadline) return { deadline: null, deadlineText: text };
  if (/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return { deadline, deadlineText: text };
  if (/^\d{4}$/.test(deadline)) return { deadline: `${deadline}-12-31`, deadlineText: text ?? deadline };
  return { deadline: null, deadlineText: text ?? deadline };
}

/**
 * Stores a reading in the given transaction: the document, its sections (the
 * numbered ones — list bullets are not sections of a table of contents), its
 * links, the proposed targets and tasks with their units resolved to the
 * province's units, and what carries over from the replaced version.
 */
export async function storeDocumentReading(
  trx: Db,
  ctx: ServiceContext,
  reading: ReaderResult,
  options: StoreOptions,
): Promise<StoredDocument> {
  const info = reading.document;
  const actorId = ctx.actor.kind === 'user' || ctx.actor.kind === 'token' ? ctx.actor.userId : null;
  const documentId = await insertDocument(trx, {
    kind: options.kind,
    number: info.number,
    issuer: info.issuer,
    issuedOn: info.date,
    provinceId: options.provinceId,
    title: info.title || options.fileName,
    body: reading.text,
    sourceFileName: options.fileName,
    sourceFormat: options.format,
    sha256: options.sha256,
    version: options.supersedes ? options.supersedes.version + 1 : 1,
    supersedesId: options.supersedes?.id ?? null,
    horizonYears: info.horizonYears ?? [],
    isSeed: options.isSeed,
    readerVersion: readerVersion(),
    readAt: ctx.now(),
    createdBy: actorId,
  });

  // sections: the numbered ones, parents pointing at the nearest numbered ancestor
  const storedIndex = new Map<number, number>();
  const sections: NewSection[] = [];
  for (const s of reading.sections) {
    if (s.kind === 'bullet') continue;
    let parent = s.parent;
    while (parent !== null && !storedIndex.has(parent)) parent = reading.sections[parent]?.parent ?? null;
    storedIndex.set(s.index, sections.length);
    sections.push({
      parentIndex: parent === null ? null : (storedIndex.get(parent) ?? null),
      depth: parent === null ? 0 : (sections[storedIndex.get(parent)!]?.depth ?? 0) + 1,
      label: s.label,
      path: s.path,
      heading: s.heading.slice(0, 500),
      spanStart: s.span[0],
      spanEnd: s.span[1],
    });
  }
  const sectionIds = await insertSections(trx, documentId, sections);
  const sectionIdByPath = new Map<string, number>();
  sections.forEach((s, i) => {
    if (!sectionIdByPath.has(s.path)) sectionIdByPath.set(s.path, sectionIds[i]!);
  });
  const sectionIdOfReaderIndex = (index: number | null | undefined): number | null => {
    let i = index ?? null;
    while (i !== null) {
      const stored = storedIndex.get(i);
      if (stored !== undefined) return sectionIds[stored] ?? null;
      i = reading.sections[i]?.parent ?? null;
    }
    return null;
  };

  // links: what the text says, what the caller knows, the template, the replaced version
  const links = await deriveLinks(trx, documentId, reading, options);
  await insertLinks(trx, links);
  if (info.number) {
    const references = (await listDanglingReferences(trx)).filter((r) => sameDocumentNumber(r, info.number));
    await attachDanglingLinks(trx, documentId, references);
  }

  // proposed targets
  const indicatorIds = await indicatorIdsByCode(
    trx,
    reading.targets.map((t) => t.indicator).filter((c): c is string => !!c),
  );
  const targetRows: NewTarget[] = reading.targets.map((t) => ({
    documentId,
    sectionId: t.section
      ? (sectionIdByPath.get(t.section) ?? nearestSection(sectionIdByPath, t.section))
      : null,
    indicatorId: t.indicator ? (indicatorIds.get(t.indicator) ?? null) : null,
    indicatorConfidence: t.indicator ? t.confidence : null,
    year: t.year,
    level: t.level,
    comparator: t.comparator,
    value: t.value,
    valueMax: keptValueMax(t.comparator, t.valueMax),
    unit: t.comparator === 'top' ? 'rank' : t.unit,
    unitLabel: t.unitLabel ?? null,
    quote: t.quote,
    spanStart: t.span[0],
    spanEnd: t.span[1],
    origin: 'reader',
    reviewState: 'proposed',
    reviewedBy: null,
    reviewedAt: null,
    note: null,
    carriedFromId: null,
  }));

  // proposed tasks, their units resolved to the province's departments and agencies
  const candidates =
    options.provinceId === null ? [] : await unitCandidates(trx, options.provinceId, info.date);
  const places = await placeNamesOf(trx, options.provinceId);
  const unresolved = new Set<string>();
  const resolve = (names: string[], written: string[], role: 'lead' | 'cooperating') => {
    const units: TaskUnitLink[] = [];
    const kept: string[] = [];
    names.forEach((name, i) => {
      const unit =
        matchMention(name, candidates, places) ?? matchMention(written[i] ?? '', candidates, places);
      if (unit) {
        if (!units.some((u) => u.unitId === unit.id))
          units.push({ unitId: unit.id, role, mention: written[i] ?? name });
      } else if (!kept.includes(name)) {
        kept.push(name);
        unresolved.add(name);
      }
    });
    return { units, kept };
  };
  const taskRows = reading.tasks.map((t) => {
    const leads = resolve(t.leads, t.leadMentions ?? [], 'lead');
    const coop = resolve(t.cooperating, t.cooperatingMentions ?? [], 'cooperating');
    return {
      documentId,
      parentIndex: t.parent,
      sectionId: sectionIdOfReaderIndex(t.sectionIndex),
      sectionLabel: t.section,
      title: t.title.slice(0, 1000),
      text: t.text,
      spanStart: t.span[0],
      spanEnd: t.span[1],
      ...deadlineOf(t.deadline, t.deadlineText ?? null),
      tags: t.tags ?? [],
      origin: 'reader' as const,
      reviewState: 'proposed' as const,
      reviewedBy: null,
      reviewedAt: null,
      unresolvedLeads: leads.kept,
      unresolvedCooperating: coop.kept,
      carriedFromId: null,
      units: [...leads.units, ...coop.units],
    };
  });

  // a revised version: decisions on unchanged words carry over
  let carried = { targets: 0, tasks: 0, changed: 0 };
  const extraTargets: NewTarget[] = [];
  if (options.supersedes) {
    carried = await carryOver(
      trx,
      options.supersedes,
      reading.text,
      targetRows,
      taskRows,
      extraTargets,
      documentId,
    );
  }

  await insertTargets(trx, [...targetRows, ...extraTargets]);
  await insertTasks(trx, taskRows);

  const summary = (await listDocumentSummaries(trx, { ids: [documentId] }))[0]!;
  const counts = emptyCounts();
  for (const t of [...targetRows, ...extraTargets]) counts[t.reviewState]++;
  const result: DocumentImportResult = {
    document: toListItem(summary, counts),
    sections: sections.length,
    targets: targetRows.length + extraTargets.length,
    tasks: taskRows.length,
    links: links.map((l) => ({ relation: l.relation, reference: l.toReference, documentId: l.toDocumentId })),
    carriedOver: carried,
    unresolvedUnits: [...unresolved],
  };
  await recordAudit(trx, ctx, {
    action: options.supersedes ? 'document.import_revision' : 'document.import',
    entityType: 'program_document',
    entityId: documentId,
    unitId: options.provinceId,
    after: {
      kind: options.kind,
      number: info.number,
      title: summary.title,
      fileName: options.fileName,
      sha256: options.sha256,
      isSeed: options.isSeed,
      supersedesId: options.supersedes?.id ?? null,
      targets: result.targets,
      tasks: result.tasks,
      carriedOver: carried,
    },
  });
  return { documentId, result };
}

function nearestSection(byPath: Map<string, number>, path: string): number | null {
  // a target inside a list item (`II.2-3`) belongs to the numbered section above it
  let p = path;
  while (p) {
    const id = byPath.get(p);
    if (id !== undefined) return id;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('-'));
    if (cut <= 0) return null;
    p = p.slice(0, cut);
  }
  return null;
}

async function unitCandidates(db: Db, provinceId: number, date: string | null): Promise<UnitCandidate[]> {
  if (date) {
    const atDate = await listProvinceUnits(db, provinceId, date);
    if (atDate.length > 0) return atDate;
  }
  return listProvinceUnits(db, provinceId, 'any');
}

async function deriveLinks(
  db: Db,
  documentId: number,
  reading: ReaderResult,
  options: StoreOptions,
): Promise<LinkRow[]> {
  const wanted: DerivedLink[] = [
    ...deriveDocumentLinks(reading.text, options.kind, reading.document.number),
    ...(options.extraLinks ?? []),
  ];
  const numbered = (await listNumberedDocuments(db)).filter((d) => d.id !== documentId);
  // a province's own resolution follows the ministry's template when one is stored
  if ((options.kind === 'resolution' || options.kind === 'outline') && options.provinceId !== null) {
    const template = numbered.filter((d) => d.kind === 'template' && d.supersededById === null).pop();
    if (template && !wanted.some((l) => l.relation === 'follows_template')) {
      wanted.push({ relation: 'follows_template', reference: template.number });
    }
  }
  if (options.supersedes) {
    wanted.push({ relation: 'revises', reference: options.supersedes.number ?? `#${options.supersedes.id}` });
  }
  const rows: LinkRow[] = [];
  for (const l of wanted) {
    const reference = l.reference;
    let target: number | null = null;
    if (l.relation === 'revises' && options.supersedes) target = options.supersedes.id;
    else {
      const same = numbered.filter((d) => sameDocumentNumber(d.number, reference));
      // prefer the current version, and the document itself over an outline that carries its number
      const ranked = same.sort(
        (a, b) =>
          Number(a.supersededById !== null) - Number(b.supersededById !== null) ||
          Number(a.kind === 'outline') - Number(b.kind === 'outline') ||
          b.id - a.id,
      );
      target = ranked[0]?.id ?? null;
    }
    if (rows.some((r) => r.relation === l.relation && sameDocumentNumber(r.toReference, reference))) continue;
    rows.push({
      fromDocumentId: documentId,
      toDocumentId: target,
      toReference: reference,
      relation: l.relation,
    });
  }
  return rows;
}

type TaskInsert = Parameters<typeof insertTasks>[1][number];

/**
 * Applies the old version's decisions to the new proposals in place, and
 * adds the confirmed targets the reader did not propose again whose words
 * are still in the text. Returns what carried over.
 */
async function carryOver(
  trx: Db,
  old: DocumentRow,
  newText: string,
  targets: NewTarget[],
  tasks: TaskInsert[],
  extraTargets: NewTarget[],
  documentId: number,
): Promise<{ targets: number; tasks: number; changed: number }> {
  const oldTargets = await listTargets(trx, { documentIds: [old.id] });
  const tPlan = planCarryOver(
    oldTargets.map((t) => ({
      id: t.id,
      quote: t.quote,
      state: t.reviewState,
      span: [t.spanStart, t.spanEnd],
    })),
    targets.map((t) => ({ quote: t.quote, span: [t.spanStart, t.spanEnd] })),
    newText,
    old.body.length,
  );
  const oldTargetById = new Map(oldTargets.map((t) => [t.id, t]));
  for (const { proposal, oldId } of tPlan.inherited) {
    const o = oldTargetById.get(oldId)!;
    const t = targets[proposal]!;
    // the coordinator's reading of the words wins over the reader's
    Object.assign(t, {
      indicatorId: o.indicatorId,
      indicatorConfidence: o.indicatorConfidence,
      year: o.year,
      level: o.level,
      comparator: o.comparator,
      value: o.value,
      valueMax: o.valueMax,
      unit: o.unit,
      unitLabel: o.unitLabel,
      origin: o.origin,
      reviewState: o.reviewState,
      reviewedBy: o.reviewedBy,
      reviewedAt: o.reviewedAt,
      note: o.note,
      carriedFromId: o.id,
    });
  }
  for (const { oldId, span } of tPlan.relocated) {
    const o = oldTargetById.get(oldId)!;
    extraTargets.push({
      documentId,
      sectionId: null,
      indicatorId: o.indicatorId,
      indicatorConfidence: o.indicatorConfidence,
      year: o.year,
      level: o.level,
      comparator: o.comparator,
      value: o.value,
      valueMax: o.valueMax,
      unit: o.unit,
      unitLabel: o.unitLabel,
      quote: newText.slice(span[0], span[1]),
      spanStart: span[0],
      spanEnd: span[1],
      origin: o.origin,
      reviewState: o.reviewState,
      reviewedBy: o.reviewedBy,
      reviewedAt: o.reviewedAt,
      note: o.note,
      carriedFromId: o.id,
    });
  }

  const oldTasks = await listTasks(trx, { documentIds: [old.id] });
  // a task is its words: matched on its text (its heading when it has no text of its own)
  const taskWords = (t: { title: string; text: string }) => t.text || t.title;
  const kPlan = planCarryOver(
    oldTasks.map((t) => ({
      id: t.id,
      quote: taskWords(t),
      state: t.reviewState,
      span: [t.spanStart, t.spanEnd],
    })),
    tasks.map((t) => ({ quote: taskWords(t), span: [t.spanStart, t.spanEnd] })),
    newText,
    old.body.length,
  );
  const oldTaskById = new Map(oldTasks.map((t) => [t.id, t]));
  const decisionOf = (o: (typeof oldTasks)[number]) => ({
    sectionLabel: o.sectionLabel,
    title: o.title,
    deadline: o.deadline,
    deadlineText: o.deadlineText,
    tags: o.tags,
    origin: o.origin,
    reviewState: o.reviewState,
    reviewedBy: o.reviewedBy,
    reviewedAt: o.reviewedAt,
    unresolvedLeads: o.unresolvedLeads,
    unresolvedCooperating: o.unresolvedCooperating,
    carriedFromId: o.id,
    units: o.units.map((u) => ({ unitId: u.unitId, role: u.role, mention: u.mention })),
  });
  for (const { proposal, oldId } of kPlan.inherited) {
    Object.assign(tasks[proposal]!, decisionOf(oldTaskById.get(oldId)!));
  }
  for (const { oldId, span } of kPlan.relocated) {
    const o = oldTaskById.get(oldId)!;
    tasks.push({
      documentId,
      parentIndex: null,
      sectionId: null,
      text: o.text ? newText.slice(span[0], span[1]) : '',
      spanStart: span[0],
      spanEnd: span[1],
      ...decisionOf(o),
    });
  }
  const confirmedInherited =
    tPlan.inherited.filter((x) => oldTargetById.get(x.oldId)?.reviewState === 'confirmed').length +
    tPlan.relocated.length;
  const tasksInherited =
    kPlan.inherited.filter((x) => oldTaskById.get(x.oldId)?.reviewState === 'confirmed').length +
    kPlan.relocated.length;
  return {
    targets: confirmedInherited,
    tasks: tasksInherited,
    changed: tPlan.changed.length + kPlan.changed.length,
  };
}

/** How many documents are stored (the seeding step runs on an empty database only). */
export async function documentCount(ctx: ServiceContext): Promise<number> {
  return countDocuments(ctx.db);
}
