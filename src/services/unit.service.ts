/**
 * Reading the unit tree (public: units are public facts). Dates default to
 * today in Vietnam; a unit no longer in force is shown as on its last day.
 */
import type {
  LineageLink,
  ProvinceDetail,
  ProvinceRef,
  ProvincesResponse,
  UnitChildrenResponse,
  UnitDetail,
  UnitListsResponse,
  UnitSearchQuery,
  UnitSearchResponse,
  UnitSummary,
  UnitTreeNode,
  UnitTreeResponse,
} from '../contracts/unit';
import { notFound } from '../domain/errors';
import { foldVietnamese } from '../domain/text';
import { compareUnits, defaultViewDate, isValidAt, type UnitKind, vietnamDate } from '../domain/unit/unit';
import {
  ancestorsOf,
  childCounts,
  childrenOf,
  countDescendantsByKind,
  findNationUnit,
  findUnit,
  findUnits,
  lineageOf,
  provinceLinks,
  provincesAt,
  provincesByCode,
  provincesWithProgram,
  searchUnits as searchUnitRows,
  subtreeRows,
  type UnitRecord,
} from '../repositories/unit.repository';
import { BUILTIN_PREFIX, listUnitLists } from '../repositories/unit-list.repository';
import type { ServiceContext } from './context';

const TREE_NODE_LIMIT = 5000;

const summary = (u: UnitRecord): UnitSummary => ({
  id: u.id,
  code: u.code,
  codeSystem: u.codeSystem,
  kind: u.kind,
  subkind: u.subkind,
  name: u.name,
  nameEn: u.nameEn,
  shortName: u.shortName,
  parentId: u.parentId,
  validFrom: u.validFrom,
  validTo: u.validTo,
});

const today = (ctx: ServiceContext) => vietnamDate(ctx.now());

function terms(search: string | undefined): { terms: string[]; phrase: string } {
  const phrase = foldVietnamese(search ?? '');
  return { terms: phrase.split(' ').filter(Boolean), phrase };
}

/** Searches units by name or code, diacritics and case ignored ("nghe an" finds "Tỉnh Nghệ An"). */
export async function searchUnits(ctx: ServiceContext, q: UnitSearchQuery): Promise<UnitSearchResponse> {
  const rows = await searchUnitRows(ctx.db, {
    ...terms(q.search),
    kind: q.kind,
    parentId: q.parentId,
    withinId: q.withinId,
    at: q.at,
    limit: q.limit,
  });
  return {
    items: rows.map((r) => ({
      ...summary(r),
      path: [
        r.grandKind && r.grandKind !== 'nation' ? r.grandName : null,
        r.parentKind && r.parentKind !== 'nation' ? r.parentName : null,
      ].filter((n): n is string => !!n),
    })),
  };
}

async function loadDetail(ctx: ServiceContext, unit: UnitRecord): Promise<UnitDetail> {
  const viewDate = defaultViewDate(unit, today(ctx));
  const [ancestors, counts, lineage, program] = await Promise.all([
    ancestorsOf(ctx.db, unit.id),
    countDescendantsByKind(ctx.db, unit.id, viewDate),
    lineageOf(ctx.db, unit.id),
    provincesWithProgram(ctx.db, unit.kind === 'province' ? [unit.id] : []),
  ]);
  const link = (l: (typeof lineage.predecessors)[number]): LineageLink => ({
    id: l.id,
    effectiveOn: l.effectiveOn,
    kind: l.kind,
    share: l.share,
    source: l.source,
    unit: summary(l.unit),
  });
  const parent = ancestors.at(-1);
  return {
    ...summary(unit),
    parent: parent ? summary(parent) : null,
    ancestors: ancestors.map(summary),
    viewDate,
    childCounts: {
      department: counts.department ?? 0,
      agency: counts.agency ?? 0,
      district: counts.district ?? 0,
      commune: counts.commune ?? 0,
    },
    predecessors: lineage.predecessors.map(link),
    successors: lineage.successors.map(link),
    hasProgram: program.has(unit.id),
  };
}

/** One unit with its parent, ancestors, validity, children counts and lineage in and out. */
export async function getUnit(ctx: ServiceContext, id: number): Promise<UnitDetail> {
  const unit = await findUnit(ctx.db, id);
  if (!unit) throw notFound('unit', id);
  return loadDetail(ctx, unit);
}

/**
 * The province with an official code: the one in force today, else the most
 * recent; with the other provinces the same code has named (code 15 was Yên
 * Bái until 30/06/2025, Lào Cai since).
 */
export async function getProvinceByCode(ctx: ServiceContext, code: string): Promise<ProvinceDetail> {
  const rows = await provincesByCode(ctx.db, code);
  const now = today(ctx);
  const chosen = rows.find((r) => isValidAt(r, now)) ?? rows[0];
  if (!chosen) throw notFound('unit', code);
  return {
    ...(await loadDetail(ctx, chosen)),
    sameCode: rows.filter((r) => r.id !== chosen.id).map(summary),
  };
}

/** The children of a unit in force on a date (default: the unit's view date), each with its child count. */
export async function listChildren(
  ctx: ServiceContext,
  id: number,
  q: { at?: string; kind?: UnitKind; search?: string },
): Promise<UnitChildrenResponse> {
  const unit = await findUnit(ctx.db, id);
  if (!unit) throw notFound('unit', id);
  const at = q.at ?? defaultViewDate(unit, today(ctx));
  const rows = await childrenOf(ctx.db, id, { at, kind: q.kind, terms: terms(q.search).terms });
  // Vietnamese order for names (the database's collation may not be vi), code order for administrative units
  rows.sort(compareUnits);
  return { at, items: rows.map((r) => ({ ...summary(r), childCount: r.childCount })) };
}

/** A subtree in force on a date, `depth` levels deep (at most 5,000 nodes; `truncated` says when cut). */
export async function getUnitTree(
  ctx: ServiceContext,
  q: { rootId?: number; depth: number; at?: string },
): Promise<UnitTreeResponse> {
  const root = q.rootId === undefined ? await findNationUnit(ctx.db) : await findUnit(ctx.db, q.rootId);
  if (!root) throw notFound('unit', q.rootId ?? 'VN');
  const at = q.at ?? defaultViewDate(root, today(ctx));
  const rows = await subtreeRows(ctx.db, { rootId: root.id, depth: q.depth, at, limit: TREE_NODE_LIMIT + 1 });
  const truncated = rows.length > TREE_NODE_LIMIT;
  const kept = rows.slice(0, TREE_NODE_LIMIT);
  const counts = await childCounts(ctx.db, [root.id, ...kept.map((r) => r.id)], at);
  const nodes = new Map<number, UnitTreeNode>();
  const rootNode: UnitTreeNode = { ...summary(root), childCount: counts.get(root.id) ?? 0, children: [] };
  nodes.set(root.id, rootNode);
  for (const r of [...kept].sort((a, b) => a.depth - b.depth || compareUnits(a, b))) {
    const node: UnitTreeNode = { ...summary(r), childCount: counts.get(r.id) ?? 0, children: [] };
    nodes.set(r.id, node);
    if (r.parentId !== null) nodes.get(r.parentId)?.children.push(node);
  }
  return { at, truncated, root: rootNode };
}

/**
 * The provinces in force on a date (default today; `2025-06-30` gives the 63),
 * each with whether it has a program and the provinces it came from / went into.
 */
export async function listProvinces(ctx: ServiceContext, q: { at?: string }): Promise<ProvincesResponse> {
  const at = q.at ?? today(ctx);
  const [rows, links] = await Promise.all([provincesAt(ctx.db, at), provinceLinks(ctx.db)]);
  const otherIds = new Set<number>();
  for (const l of links) {
    otherIds.add(l.fromUnitId);
    otherIds.add(l.toUnitId);
  }
  for (const r of rows) otherIds.add(r.id);
  const [all, program] = await Promise.all([
    findUnits(ctx.db, [...otherIds]),
    provincesWithProgram(ctx.db, [...otherIds]),
  ]);
  const byId = new Map(all.map((u) => [u.id, u]));
  const ref = (id: number, effectiveOn: string): ProvinceRef | null => {
    const u = byId.get(id);
    return u
      ? { id, code: u.code, name: u.name, shortName: u.shortName, effectiveOn, hasProgram: program.has(id) }
      : null;
  };
  return {
    at,
    items: rows.map((r) => ({
      ...summary(r),
      hasProgram: program.has(r.id),
      predecessors: links
        .filter((l) => l.toUnitId === r.id)
        .map((l) => ref(l.fromUnitId, l.effectiveOn))
        .filter((x): x is ProvinceRef => x !== null),
      successors: links
        .filter((l) => l.fromUnitId === r.id)
        .map((l) => ref(l.toUnitId, l.effectiveOn))
        .filter((x): x is ProvinceRef => x !== null),
    })),
  };
}

/** The stored lists (imported and shipped), newest first: where the units come from. */
export async function listStoredUnitLists(ctx: ServiceContext): Promise<UnitListsResponse> {
  const rows = await listUnitLists(ctx.db);
  return {
    items: rows.map((l) => ({
      id: l.id,
      layout: l.layout,
      effectiveOn: l.effectiveOn,
      fileName: l.fileName,
      rowCount: l.rowCount,
      importedAt: new Date(l.importedAt).toISOString(),
      builtin: l.fileName.startsWith(BUILTIN_PREFIX),
    })),
  };
}

/** Units by id, for other areas that show unit names (unknown ids left out). */
export async function unitSummaries(ctx: ServiceContext, ids: readonly number[]): Promise<UnitSummary[]> {
  return (await findUnits(ctx.db, ids)).map(summary);
}
