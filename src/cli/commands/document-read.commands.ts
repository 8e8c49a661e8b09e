/**
 * `nhipso document read <file> [--json]`: reads a policy document (TXT,
 * Markdown, DOCX, PDF with a text layer) and prints what the reader found —
 * as JSON in the shape of src/contracts/document-read.ts (docs/document-json.md),
 * or as a summary in Vietnamese. Needs no database.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ReadTarget } from '../../contracts/document-read';
import { isAppError } from '../../domain/errors';
import { t } from '../../i18n';
import { formatDate, formatNumber } from '../../i18n/format';
import { readPolicyDocument } from '../../services/reader.service';
import type { Command } from '../command';

const kindNames: Record<string, string> = {
  resolution: 'Nghị quyết',
  plan: 'Kế hoạch',
  outline: 'Đề cương',
  template: 'Mẫu (kèm công văn)',
  decision: 'Quyết định',
  other: 'Văn bản',
};
const levelNames: Record<string, string> = { province: 'cấp tỉnh', district: 'cấp huyện', commune: 'cấp xã' };
const comparatorSigns: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

/** "≥ 90%", "15–20%", "nhóm 20 dẫn đầu", "> 3.000 lượt": a target's value as people write it. */
export function describeValue(
  target: Pick<ReadTarget, 'comparator' | 'value' | 'valueMax' | 'unit'>,
): string {
  const n = (v: number) => formatNumber(v, 'vi');
  const suffix = target.unit === 'percent' ? '%' : '';
  if (target.comparator === 'top')
    return target.valueMax === null
      ? `nhóm ${n(target.value)} dẫn đầu`
      : `nhóm ${n(target.value)}–${n(target.valueMax)} dẫn đầu`;
  if (target.comparator === 'range')
    return `${n(target.value)}–${n(target.valueMax ?? target.value)}${suffix}`;
  return `${comparatorSigns[target.comparator] ?? target.comparator} ${n(target.value)}${suffix}`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export const documentReadCommands: Command[] = [
  {
    name: ['document', 'read'],
    usage: 'nhipso document read <tệp> [--json]',
    description: 'Đọc văn bản: mục tiêu, nhiệm vụ (không cần CSDL) / read a document: targets and tasks',
    needsDatabase: false,
    run: async (args, _ctx, io) => {
      const path = args.positionals[0];
      if (!path || args.positionals.length > 1) {
        io.err('usage: nhipso document read <tệp/file> [--json]');
        return 2;
      }
      let bytes: Uint8Array;
      try {
        if (!(await stat(path)).isFile()) throw new Error('not a file');
        bytes = new Uint8Array(await readFile(path));
      } catch {
        io.err(
          `${t('vi', 'reader.file_not_found', { path })} / ${t('en', 'reader.file_not_found', { path })}`,
        );
        return 1;
      }
      let read: Awaited<ReturnType<typeof readPolicyDocument>>;
      try {
        read = await readPolicyDocument(bytes, basename(path));
      } catch (e) {
        if (!isAppError(e)) throw e;
        io.err(`${t('vi', e.code, e.params)}\n${t('en', e.code, e.params)}`);
        return 1;
      }
      if (args.options.json) {
        io.out(JSON.stringify(read.json, null, 2));
        return 0;
      }
      const { document, targets, tasks } = read.result;
      const head = [kindNames[document.kind] ?? 'Văn bản', document.number].filter(Boolean).join(' ');
      io.out(`${head}: ${document.title}`);
      const facts = [
        document.issuer && `Cơ quan ban hành: ${document.issuer}`,
        document.date && `Ngày: ${formatDate(document.date)}`,
        document.province && `Tỉnh: ${document.province}`,
        document.horizonYears.length > 0 && `Mốc: ${document.horizonYears.join(', ')}`,
      ].filter(Boolean);
      if (facts.length) io.out(facts.join(' · '));
      io.out('');
      io.out(`Mục tiêu (${targets.length}):`);
      for (const target of targets) {
        const cells = [
          String(target.year ?? '—').padEnd(5),
          describeValue(target).padEnd(18),
          (target.level ? (levelNames[target.level] ?? target.level) : '').padEnd(10),
          (target.indicator ?? '(chưa rõ chỉ tiêu)').padEnd(32),
          `“${clip(target.quote.replace(/\s+/g, ' '), 90)}”`,
        ];
        io.out(`  ${cells.join(' ')}`);
      }
      const groups = tasks.filter((task) => task.kind === 'group');
      io.out('');
      io.out(`Nhiệm vụ (${groups.length} nhóm, ${tasks.length - groups.length} nhiệm vụ):`);
      for (const group of groups) {
        const who = [
          group.leads.length ? `chủ trì: ${group.leads.join(', ')}` : '',
          group.cooperating.length ? `phối hợp: ${group.cooperating.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; ');
        io.out(`  ${group.section} ${clip(group.title, 90)}${who ? ` — ${who}` : ''}`);
        for (const task of tasks.filter((x) => x.kind === 'task' && x.sectionIndex === group.sectionIndex)) {
          const when = task.deadline
            ? ` (hạn: ${task.deadline.length === 4 ? task.deadline : formatDate(task.deadline)})`
            : '';
          const lead = task.leads.length ? ` [${task.leads.join(', ')}]` : '';
          io.out(`    - ${clip(task.title, 100)}${lead}${when}`);
        }
      }
      return 0;
    },
  },
];
