/**
 * `nhipso units import <file>… [--valid-from YYYY-MM-DD]` and `nhipso units lists`:
 * loading the official administrative-unit lists and seeing what is loaded.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { formatDate, formatNumber } from '../../i18n/format';
import { listStoredUnitLists } from '../../services/unit.service';
import { importUnitList, type UnitImportResult } from '../../services/unit-import.service';
import { type Command, type CommandIo, reportAppError } from '../command';

const layoutName: Record<string, [string, string]> = {
  dvhc3: ['danh mục 3 cấp (tỉnh, huyện, xã)', 'three-level list'],
  dvhc2: ['danh mục 2 cấp (tỉnh, xã)', 'two-level list'],
  lineage: ['danh mục kế thừa (cũ → mới)', 'lineage list'],
  'builtin-provinces': ['danh mục tỉnh, thành phố có sẵn', 'built-in province list'],
};

const since = (d: string | null, lang: 'vi' | 'en') =>
  d
    ? `${lang === 'vi' ? 'hiệu lực từ' : 'in force from'} ${formatDate(d)}`
    : lang === 'vi'
      ? 'từ trước'
      : 'since before our records';

function report(r: UnitImportResult, io: CommandIo) {
  const [vi, en] = layoutName[r.list.layout] ?? [r.list.layout, r.list.layout];
  const n = (x: number) => formatNumber(x, 'vi');
  io.out(
    `${r.list.fileName}: ${vi}, ${since(r.list.effectiveOn, 'vi')} / ${en}, ${since(r.list.effectiveOn, 'en')}`,
  );
  if (r.list.layout === 'lineage') io.out(`  ${n(r.counts.links)} liên kết / links`);
  else {
    io.out(
      `  ${n(r.counts.provinces)} tỉnh, ${n(r.counts.districts)} huyện, ${n(r.counts.communes)} xã / ` +
        `provinces, districts, communes`,
    );
  }
  if (r.status === 'unchanged') {
    io.out('  Danh mục này đã được nạp: không có thay đổi / already imported: no changes');
    return;
  }
  const u = r.changes.units;
  const l = r.changes.lineage;
  io.out(
    `  Đơn vị: thêm ${n(u.inserted)}, cập nhật ${n(u.updated)}, bỏ ${n(u.removed)} / ` +
      `units: ${n(u.inserted)} added, ${n(u.updated)} updated, ${n(u.removed)} removed`,
  );
  io.out(
    `  Kế thừa: thêm ${n(l.added)}, cập nhật ${n(l.updated)}, bỏ ${n(l.removed)} / ` +
      `lineage: ${n(l.added)} added, ${n(l.updated)} updated, ${n(l.removed)} removed`,
  );
  if (l.pending > 0) {
    io.out(
      `  ${n(l.pending)} liên kết chờ đơn vị chưa có trong danh mục nào / links waiting for units in no list: ` +
        l.pendingExamples.join(', '),
    );
  }
  if (r.replaced > 0)
    io.out('  Đã thay danh mục cùng loại, cùng ngày nạp trước đó / replaced the earlier list of that date');
  if (r.warnings.length > 0) {
    io.out(`  ${n(r.warnings.length)} dòng đã được sửa tự động / rows repaired:`);
    for (const w of r.warnings.slice(0, 20)) io.out(`    ${w.path}: ${w.message}`);
    if (r.warnings.length > 20) io.out(`    … (+${n(r.warnings.length - 20)})`);
  }
}

export const unitsCommands: Command[] = [
  {
    name: ['units', 'import'],
    usage: 'nhipso units import <file.csv|xlsx>… [--valid-from YYYY-MM-DD]',
    description: 'Nạp danh mục đơn vị hành chính / import an official unit list',
    valueOptions: ['valid-from'],
    needsDatabase: true,
    run: async (args, ctx, io) => {
      if (!ctx) return 2;
      if (args.positionals.length === 0) {
        io.err(
          'Cần ít nhất một tệp / at least one file is needed\nusage: nhipso units import <file>… [--valid-from YYYY-MM-DD]',
        );
        return 2;
      }
      const validFrom = typeof args.options['valid-from'] === 'string' ? args.options['valid-from'] : null;
      // several lists are imported in the order given, each in its own transaction
      for (const file of args.positionals) {
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(readFileSync(resolve(file)));
        } catch (e) {
          io.err(`Không đọc được tệp / cannot read ${file}: ${(e as Error).message}`);
          return 1;
        }
        io.out(`Đang nạp / importing ${basename(file)}…`);
        try {
          report(await importUnitList(ctx, { fileName: basename(file), bytes, validFrom }), io);
        } catch (e) {
          return reportAppError(e, io);
        }
      }
      return 0;
    },
  },
  {
    name: ['units', 'lists'],
    usage: 'nhipso units lists',
    description: 'Các danh mục đơn vị đã nạp / the unit lists loaded',
    needsDatabase: true,
    run: async (_args, ctx, io) => {
      if (!ctx) return 2;
      const { items } = await listStoredUnitLists(ctx);
      for (const l of items) {
        const [vi] = layoutName[l.layout] ?? [l.layout];
        io.out(
          `#${l.id}\t${l.fileName}\t${vi}\t${since(l.effectiveOn, 'vi')}\t${formatNumber(l.rowCount, 'vi')} dòng\t` +
            `nạp ${formatDate(l.importedAt.slice(0, 10))}`,
        );
      }
      return 0;
    },
  },
];
