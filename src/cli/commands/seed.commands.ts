/**
 * `nhipso seed demo` (npm run seed:demo): loads the demo data set — five
 * years of reporting for the three seed provinces, marked "Dữ liệu minh họa /
 * demo data" — through the same services a province uses.
 */
import { seedDemoData } from '../../services/demo.service';
import type { Command } from '../command';

export const seedCommands: Command[] = [
  {
    name: ['seed', 'demo'],
    usage: 'nhipso seed demo [--units-dir ../shared/data/units]',
    description:
      'Nạp dữ liệu minh họa 2021–2025 cho ba tỉnh mẫu / load the 2021–2025 demo data for the seed provinces',
    valueOptions: ['units-dir'],
    needsDatabase: true,
    run: async (args, ctx, io) => {
      if (!ctx) return 2;
      const unitsDir = typeof args.options['units-dir'] === 'string' ? args.options['units-dir'] : undefined;
      io.out('Nạp dữ liệu minh họa / loading demo data…');
      const r = await seedDemoData(ctx, {
        ...(unitsDir ? { unitsDir } : {}),
        onProgress: (p) => {
          if (p.phase === 'units') io.out('  danh mục đơn vị hành chính / official unit lists');
          else if (p.phase === 'people') io.out('  người dùng minh họa / demo people');
          else if (p.phase === 'rounds') io.out(`  [${p.done + 1}/${p.total}] ${p.message}`);
        },
      });
      io.out(
        `Xong / done: ${r.rounds} đợt / rounds, ${r.reports.toLocaleString('vi-VN')} báo cáo / reports, ` +
          `${r.values.toLocaleString('vi-VN')} số liệu / figures, ${r.taskUpdates} cập nhật nhiệm vụ / task updates ` +
          `trong / in ${r.seconds} s`,
      );
      return 0;
    },
  },
];
