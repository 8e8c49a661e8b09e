/**
 * `nhipso document import | list | compare`: program documents from the
 * operator's shell, through the same services as the API.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ComparedTarget, Comparison } from '../../contracts/compare';
import { documentKinds } from '../../contracts/document-read';
import { formatTargetValue, type TargetWording } from '../../domain/document/target-text';
import { t } from '../../i18n';
import { formatDate, formatNumber } from '../../i18n/format';
import { compareDocuments } from '../../services/compare.service';
import { importDocument, listDocuments, resolveDocumentRef } from '../../services/document.service';
import { type Command, type CommandIo, reportAppError } from '../command';

const vi: TargetWording = { number: (n) => formatNumber(n, 'vi'), t: (key, params) => t('vi', key, params) };

function kindOf(
  value: string | boolean | undefined,
  io: CommandIo,
): (typeof documentKinds)[number] | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (documentKinds as readonly string[]).includes(value)) {
    return value as (typeof documentKinds)[number];
  }
  io.err(`--kind phải là một trong / must be one of: ${documentKinds.join(', ')}`);
  return null;
}

const quoteOf = (x: ComparedTarget) => `“${x.quote.replace(/\s+/g, ' ').replace(/\*+/g, '').slice(0, 140)}”`;
const valueText = (x: ComparedTarget) => formatTargetValue(x, vi);

/** The comparison as lines a person reads in a terminal. */
export function comparisonLines(c: Comparison): string[] {
  const docName = (d: Comparison['a']) =>
    `${t('vi', `documents.kind.${d.kind}`)}${d.number ? ` ${d.number}` : ''} — ${d.provinceName ?? t('vi', 'documents.national')} (#${d.id}): ${d.title}`;
  const objective = (o: {
    indicator: { nameVi: string; code: string };
    level: string | null;
    year: number | null;
  }) =>
    [
      o.indicator.nameVi,
      o.level ? t('vi', `documents.level.${o.level}`) : null,
      o.year ? `năm ${o.year}` : null,
    ]
      .filter(Boolean)
      .join(' — ');
  const lines = [`A: ${docName(c.a)}`, `B: ${docName(c.b)}`];
  for (const side of ['a', 'b'] as const) {
    if (c.basis[side] === 'proposed')
      lines.push(
        `  (${side.toUpperCase()}: so sánh trên đề xuất chưa xem xét / compared on unreviewed proposals)`,
      );
  }
  lines.push('', `Mục tiêu khác nhau / targets that differ: ${c.differing.length}`);
  for (const d of c.differing) {
    lines.push(
      `  • ${objective(d)} [${d.indicator.code}]`,
      `      A ${d.a.map(valueText).join('; ')}   ≠   B ${d.b.map(valueText).join('; ')}`,
      ...d.a.map((x) => `      A: ${quoteOf(x)}`),
      ...d.b.map((x) => `      B: ${quoteOf(x)}`),
    );
  }
  for (const [label, groups] of [
    ['A', c.onlyInA],
    ['B', c.onlyInB],
  ] as const) {
    lines.push('', `Chỉ có trong ${label} / only in ${label}: ${groups.length}`);
    for (const g of groups)
      lines.push(`  • ${objective(g)}: ${g.targets.map(valueText).join('; ')} [${g.indicator.code}]`);
  }
  lines.push('', `Thống nhất / agree: ${c.agreeing.length}`);
  if (c.coverage) {
    lines.push(
      '',
      `Đối chiếu với mẫu / against the template: ${c.coverage.covered}/${c.coverage.required}`,
      ...c.coverage.missing.map((m) => `  thiếu / missing: ${m.nameVi} [${m.code}]`),
    );
  }
  return lines;
}

export const documentCommands: Command[] = [
  {
    name: ['document', 'import'],
    usage: 'nhipso document import <file> [--province <mã>] [--kind <loại>] [--supersedes <văn bản>]',
    description:
      'Nạp văn bản (TXT/MD, DOCX, PDF) và đề xuất chương trình / import a document and propose its program',
    valueOptions: ['province', 'kind', 'supersedes'],
    needsDatabase: true,
    run: async ({ positionals, options }, ctx, io) => {
      const file = positionals[0];
      if (!file || !ctx) {
        io.err(
          'usage: nhipso document import <file> [--province <code>] [--kind <kind>] [--supersedes <id|number>]',
        );
        return 2;
      }
      const kind = kindOf(options.kind, io);
      if (kind === null) return 2;
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file);
      } catch (e) {
        io.err(`Không đọc được tệp / cannot read ${file}: ${(e as Error).message}`);
        return 2;
      }
      try {
        const supersedes =
          typeof options.supersedes === 'string'
            ? (await resolveDocumentRef(ctx, options.supersedes)).id
            : undefined;
        const r = await importDocument(ctx, {
          bytes,
          fileName: basename(file),
          ...(typeof options.province === 'string' ? { province: options.province } : {}),
          ...(kind ? { kind } : {}),
          ...(supersedes ? { supersedesId: supersedes } : {}),
        });
        const d = r.document;
        io.out(
          `Đã nạp / imported #${d.id}: ${t('vi', `documents.kind.${d.kind}`)} ${d.number ?? ''} — ${d.title}` +
            `${d.provinceName ? ` (${d.provinceName})` : ''}`,
        );
        io.out(
          `  ${r.sections} mục / sections, ${r.targets} mục tiêu / targets, ${r.tasks} nhiệm vụ / tasks`,
        );
        for (const l of r.links)
          io.out(
            `  ${t('vi', `documents.relation.${l.relation}.out`)}: ${l.reference}${l.documentId ? ` (#${l.documentId})` : ''}`,
          );
        if (d.supersedesId) {
          io.out(
            `  thay thế / replaces #${d.supersedesId}: giữ / kept ${r.carriedOver.targets} mục tiêu, ${r.carriedOver.tasks} nhiệm vụ; ` +
              `${r.carriedOver.changed} mục cần xem xét lại / to review again`,
          );
        }
        if (r.unresolvedUnits.length)
          io.out(`  chưa khớp đơn vị / unmatched units: ${r.unresolvedUnits.join('; ')}`);
        return 0;
      } catch (e) {
        return reportAppError(e, io);
      }
    },
  },
  {
    name: ['document', 'list'],
    usage: 'nhipso document list [--province <mã>] [--kind <loại>]',
    description: 'Liệt kê văn bản chương trình / list program documents',
    valueOptions: ['province', 'kind'],
    needsDatabase: true,
    run: async ({ options }, ctx, io) => {
      if (!ctx) return 2;
      const kind = kindOf(options.kind, io);
      if (kind === null) return 2;
      const all = (await listDocuments(ctx, kind ? { kind } : {})).items;
      const items =
        typeof options.province === 'string' ? all.filter((d) => d.provinceCode === options.province) : all;
      if (items.length === 0) {
        io.out('Chưa có văn bản / no documents');
        return 0;
      }
      for (const d of items) {
        io.out(
          [
            `#${d.id}`.padEnd(5),
            t('vi', `documents.kind.${d.kind}`).padEnd(15),
            (d.number ?? '—').padEnd(13),
            (d.issuedOn ? formatDate(d.issuedOn) : '').padEnd(11),
            (d.provinceName ?? t('vi', 'documents.national')).padEnd(18),
            `${d.counts.confirmed}✓ ${d.counts.proposed}?`.padEnd(9),
            d.title,
            d.supersededById ? ` (thay bởi / replaced by #${d.supersededById})` : '',
          ].join(' '),
        );
      }
      return 0;
    },
  },
  {
    name: ['document', 'compare'],
    usage: 'nhipso document compare <a> <b> [--json]',
    description: 'So sánh mục tiêu của hai văn bản (mã số hoặc số hiệu) / where two programs disagree',
    needsDatabase: true,
    run: async ({ positionals, options }, ctx, io) => {
      const [a, b] = positionals;
      if (!a || !b || !ctx) {
        io.err('usage: nhipso document compare <a> <b> [--json]   (a, b: id hoặc số hiệu, ví dụ 09-NQ/TU)');
        return 2;
      }
      try {
        const c = await compareDocuments(ctx, a, b);
        if (options.json) io.out(JSON.stringify(c, null, 2));
        else for (const line of comparisonLines(c)) io.out(line);
        return 0;
      } catch (e) {
        return reportAppError(e, io);
      }
    },
  },
];
