/**
 * Where two programs disagree, and what a program lacks against the
 * ministry's template. Compares the confirmed programs; a document nobody
 * has reviewed yet is compared on the reader's proposals, and says so.
 */
import type { ComparedTarget, Comparison, Coverage } from '../contracts/compare';
import { comparePrograms, templateCoverage } from '../domain/document/compare';
import type { ProgramTarget } from '../domain/document/program';
import { extractRequiredObjectivePhrases } from '../domain/document/requirements';
import { AppError } from '../domain/errors';
import { type DocumentRow, listDocumentSummaries } from '../repositories/document.repository';
import {
  indicatorBriefsByCode,
  indicatorIdsByCode,
  listTargets,
  type TargetRow,
} from '../repositories/target.repository';
import type { ServiceContext } from './context';
import { documentSummary, loadDocument, resolveDocumentRef } from './document.service';
import { mayManageProgram } from './document-access.service';
import { classifyIndicatorPhrase } from './document-reader.service';

type Basis = 'confirmed' | 'proposed';

async function programOf(
  ctx: ServiceContext,
  doc: DocumentRow,
): Promise<{ basis: Basis; rows: TargetRow[] }> {
  const confirmed = await listTargets(ctx.db, { documentIds: [doc.id], states: ['confirmed'] });
  if (confirmed.length > 0 || !(await mayManageProgram(ctx, doc.provinceId))) {
    return { basis: 'confirmed', rows: confirmed };
  }
  // not reviewed yet: a reviewer may compare the proposals
  return {
    basis: 'proposed',
    rows: await listTargets(ctx.db, { documentIds: [doc.id], states: ['proposed'] }),
  };
}

const toProgramTarget = (r: TargetRow): ProgramTarget => ({
  id: r.id,
  indicator: r.indicatorCode,
  level: r.level,
  year: r.year,
  comparator: r.comparator,
  value: r.value,
  valueMax: r.valueMax,
  unit: r.unit,
  quote: r.quote,
});

/** Names indicators for display; a code the catalog lacks is shown as itself. */
async function indicatorNamer(ctx: ServiceContext, codes: string[]) {
  const briefs = await indicatorBriefsByCode(ctx.db, codes);
  const ids = await indicatorIdsByCode(ctx.db, codes);
  return (code: string) => {
    const b = briefs.get(code);
    return {
      id: ids.get(code) ?? null,
      code,
      nameVi: b?.nameVi ?? code,
      nameEn: b?.nameEn ?? code,
      pillar: b?.pillar ?? '',
    };
  };
}

function compared(rowsById: Map<number, TargetRow>) {
  return (t: ProgramTarget): ComparedTarget => {
    const r = rowsById.get(t.id)!;
    return {
      id: r.id,
      year: r.year,
      level: r.level,
      comparator: r.comparator,
      value: r.value,
      valueMax: r.valueMax,
      unit: r.unit,
      unitLabel: r.unitLabel,
      quote: r.quote,
      span: [r.spanStart, r.spanEnd],
    };
  };
}

/**
 * The indicators a required phrase names: the best match of the phrase, or
 * of each part when it joins two kinds ("4G/5G và điện thoại thông minh") —
 * never the runners-up, which are near misses rather than requirements.
 */
function requiredCodes(phrase: string): string[] {
  const parts = phrase.split(/\s+và\s+/u).filter((p) => p.trim().split(/\s+/).length >= 3);
  const whole = classifyIndicatorPhrase(phrase);
  if (parts.length < 2) return whole.slice(0, 1);
  const codes = new Set<string>();
  let unmatched = 0;
  for (const part of parts) {
    const best = classifyIndicatorPhrase(part).find((c) => !codes.has(c));
    if (best) codes.add(best);
    else unmatched++;
  }
  // a part the classifier cannot place alone takes the whole phrase's next match
  for (const code of whole) {
    if (unmatched === 0) break;
    if (!codes.has(code)) {
      codes.add(code);
      unmatched--;
    }
  }
  return [...codes];
}

/**
 * The kinds of objective a template requires: the indicators of its own
 * targets, and those its objectives name without a value ("xác định rõ chỉ
 * tiêu về …"), matched to the catalog by the reader's indicator classifier.
 */
function requiredByTemplate(template: DocumentRow, targets: ProgramTarget[]) {
  const named = new Map<string, { text: string; span: [number, number] }[]>();
  for (const phrase of extractRequiredObjectivePhrases(template.body)) {
    for (const code of requiredCodes(phrase.text)) {
      const list = named.get(code) ?? [];
      list.push(phrase);
      named.set(code, list);
    }
  }
  // a named kind without a value still has to be set by the province: a placeholder target stands for it
  const placeholders: ProgramTarget[] = [...named.keys()]
    .filter((code) => !targets.some((t) => t.indicator === code))
    .map((code, i) => ({
      id: -1 - i,
      indicator: code,
      level: null,
      year: null,
      comparator: '=',
      value: 0,
      valueMax: null,
      unit: 'other',
      quote: named.get(code)![0]!.text,
    }));
  return { named, placeholders };
}

async function coverageOf(
  ctx: ServiceContext,
  template: DocumentRow,
  program: DocumentRow,
  programTargets?: { basis: Basis; rows: TargetRow[] },
): Promise<Coverage> {
  const t = await programOf(ctx, template);
  const p = programTargets ?? (await programOf(ctx, program));
  const templateTargets = t.rows.map(toProgramTarget);
  const { named, placeholders } = requiredByTemplate(template, templateTargets);
  const result = templateCoverage([...templateTargets, ...placeholders], p.rows.map(toProgramTarget));
  const name = await indicatorNamer(
    ctx,
    result.items.map((i) => i.indicator),
  );
  const rowsById = new Map([...t.rows, ...p.rows].map((r) => [r.id, r]));
  const show = compared(rowsById);
  return {
    template: await documentSummary(ctx.db, template.id),
    program: await documentSummary(ctx.db, program.id),
    basis: p.basis,
    required: result.required,
    covered: result.covered,
    items: result.items.map((i) => ({
      indicator: name(i.indicator),
      covered: i.covered,
      template: i.template.filter((x) => x.id > 0).map(show),
      named: named.get(i.indicator) ?? [],
      program: i.program.map(show),
    })),
    missing: result.missing.map(name),
  };
}

/** The template a program is checked against: the one given, else the stored template in force. */
async function defaultTemplate(ctx: ServiceContext): Promise<DocumentRow> {
  const templates = (await listDocumentSummaries(ctx.db, { kind: 'template' })).filter(
    (d) => d.supersededById === null,
  );
  const pick = templates.sort((a, b) => b.id - a.id)[0];
  if (!pick) throw new AppError('document.template_not_found', { status: 404 });
  return loadDocument(ctx.db, pick.id);
}

/**
 * What a program lacks against the ministry's template: every kind of
 * objective the template requires, whether the program sets it. Public.
 */
export async function checkTemplateCoverage(
  ctx: ServiceContext,
  documentId: number,
  templateRef?: string,
): Promise<Coverage> {
  const program = await loadDocument(ctx.db, documentId);
  const template = templateRef ? await resolveDocumentRef(ctx, templateRef) : await defaultTemplate(ctx);
  return coverageOf(ctx, template, program);
}

/**
 * Compares the programs of two documents (by id or number): targets on the
 * same indicator, level and year whose values differ, and those present in
 * only one. When one of them is a template, also what the other lacks
 * against it. Public.
 * @example await compareDocuments(ctx, '09-NQ/TU', '12') // Nam Định's resolution vs its plan
 */
export async function compareDocuments(ctx: ServiceContext, aRef: string, bRef: string): Promise<Comparison> {
  const a = await resolveDocumentRef(ctx, aRef);
  const b = await resolveDocumentRef(ctx, bRef);
  if (a.id === b.id) throw new AppError('compare.same_document', { status: 400, params: { id: a.id } });
  const [pa, pb] = [await programOf(ctx, a), await programOf(ctx, b)];
  const result = comparePrograms(pa.rows.map(toProgramTarget), pb.rows.map(toProgramTarget));
  const codes = [
    ...result.differing.map((d) => d.indicator),
    ...result.agreeing.map((d) => d.indicator),
    ...result.onlyInA.map((g) => g.indicator),
    ...result.onlyInB.map((g) => g.indicator),
  ];
  const name = await indicatorNamer(ctx, codes);
  const show = compared(new Map([...pa.rows, ...pb.rows].map((r) => [r.id, r])));
  const objective = <T extends { indicator: string }>(x: T) => ({ ...x, indicator: name(x.indicator) });
  let coverage: Coverage | null = null;
  if (a.kind === 'template' && b.kind !== 'template') coverage = await coverageOf(ctx, a, b, pb);
  else if (b.kind === 'template' && a.kind !== 'template') coverage = await coverageOf(ctx, b, a, pa);
  return {
    a: await documentSummary(ctx.db, a.id),
    b: await documentSummary(ctx.db, b.id),
    basis: { a: pa.basis, b: pb.basis },
    differing: result.differing.map((d) => ({ ...objective(d), a: d.a.map(show), b: d.b.map(show) })),
    agreeing: result.agreeing.map((d) => ({ ...objective(d), a: d.a.map(show), b: d.b.map(show) })),
    onlyInA: result.onlyInA.map((g) => ({ ...objective(g), targets: g.targets.map(show) })),
    onlyInB: result.onlyInB.map((g) => ({ ...objective(g), targets: g.targets.map(show) })),
    unlinkedA: result.unlinkedA.map(show),
    unlinkedB: result.unlinkedB.map(show),
    coverage,
  };
}
