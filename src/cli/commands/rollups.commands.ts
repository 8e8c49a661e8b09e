/**
 * `nhipso rollups check` compares the maintained roll-ups with a
 * recomputation from the figures; `nhipso rollups rebuild` replaces them with
 * it (repair after a restore or a manual change in the database).
 */
import { compareRollups, rebuildRollups } from '../../services/rollup.service';
import type { Command } from '../command';

export const rollupsCommands: Command[] = [
  {
    name: ['rollups', 'check'],
    usage: 'nhipso rollups check [--period 2025]',
    description: 'So sánh số tổng hợp với số tính lại từ số liệu / compare roll-ups with a recomputation',
    valueOptions: ['period'],
    needsDatabase: true,
    run: async (args, ctx, io) => {
      if (!ctx) return 2;
      const period = typeof args.options.period === 'string' ? args.options.period : null;
      const r = await compareRollups(ctx.db, period);
      io.out(
        `Dòng tổng hợp / roll-up rows: ${r.maintainedRows} đang lưu / stored, ${r.expectedRows} tính lại / recomputed`,
      );
      if (r.differenceCount === 0) {
        io.out('Khớp hoàn toàn / all equal');
        return 0;
      }
      io.out(`Khác nhau / differing: ${r.differenceCount}`);
      for (const d of r.differences.slice(0, 20))
        io.out(`  ${d.key}: ${JSON.stringify(d.maintained)} ≠ ${JSON.stringify(d.expected)}`);
      io.out('Chạy / run: nhipso rollups rebuild');
      return 1;
    },
  },
  {
    name: ['rollups', 'rebuild'],
    usage: 'nhipso rollups rebuild [--period 2025]',
    description: 'Tính lại toàn bộ số tổng hợp từ số liệu / recompute every roll-up from the figures',
    valueOptions: ['period'],
    needsDatabase: true,
    run: async (args, ctx, io) => {
      if (!ctx) return 2;
      const period = typeof args.options.period === 'string' ? args.options.period : null;
      const started = Date.now();
      const r = await rebuildRollups(ctx, { periodId: period });
      io.out(
        `Đã tính lại / rebuilt ${r.rows} dòng tổng hợp / roll-up rows${period ? ` (${period})` : ''} trong / in ${Date.now() - started} ms; ` +
          `trước đó lệch / differing before: ${r.before.differenceCount}`,
      );
      return 0;
    },
  },
];
