/**
 * `nhipso boundaries import <file.geojson> [--layout 34|63]` and
 * `nhipso boundaries remove [--layout 34|63]`: the real province boundaries
 * the maps draw instead of tiles.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { boundaryLayoutSchema } from '../../contracts/boundary';
import { formatNumber } from '../../i18n/format';
import { importBoundaries, removeBoundaries } from '../../services/boundary.service';
import { type Command, type CommandArgs, type CommandIo, reportAppError } from '../command';

function layoutOf(args: CommandArgs, io: CommandIo) {
  const parsed = boundaryLayoutSchema.safeParse(args.options.layout ?? '34');
  if (!parsed.success) io.err('--layout phải là 34 hoặc 63 / must be 34 or 63');
  return parsed.success ? parsed.data : null;
}

export const boundariesCommands: Command[] = [
  {
    name: ['boundaries', 'import'],
    usage: 'nhipso boundaries import <file.geojson> [--layout 34|63]',
    description: 'Nạp ranh giới tỉnh (GeoJSON) cho bản đồ / import province boundaries for the maps',
    valueOptions: ['layout'],
    needsDatabase: true,
    run: async (args, ctx, io) => {
      if (!ctx) return 2;
      const layout = layoutOf(args, io);
      const file = args.positionals[0];
      if (!layout || !file) {
        if (!file) io.err('Cần một tệp GeoJSON / a GeoJSON file is needed');
        io.err('usage: nhipso boundaries import <file.geojson> [--layout 34|63]');
        return 2;
      }
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(readFileSync(resolve(file)));
      } catch (e) {
        io.err(`Không đọc được tệp / cannot read ${file}: ${(e as Error).message}`);
        return 1;
      }
      try {
        const r = await importBoundaries(ctx, { layout, fileName: basename(file), bytes });
        const n = (x: number) => formatNumber(x, 'vi');
        io.out(
          `${r.fileName}: ranh giới ${n(r.imported.length)} tỉnh / boundaries of ${n(r.imported.length)} provinces ` +
            `(${n(r.imported.reduce((s, b) => s + b.points, 0))} điểm / points)`,
        );
        if (r.complete)
          io.out(`Đủ ${layout} tỉnh: bản đồ vẽ ranh giới thật / all ${layout}: the maps draw them`);
        else
          io.out(
            `Còn thiếu / missing (${n(r.missing.length)}): ${r.missing.map((p) => `${p.code} ${p.name}`).join(', ')}`,
          );
        return 0;
      } catch (e) {
        return reportAppError(e, io);
      }
    },
  },
  {
    name: ['boundaries', 'remove'],
    usage: 'nhipso boundaries remove [--layout 34|63]',
    description: 'Xóa ranh giới, bản đồ dùng lại ô / remove the boundaries, the maps use tiles',
    valueOptions: ['layout'],
    needsDatabase: true,
    run: async (args, ctx, io) => {
      if (!ctx) return 2;
      const layout = layoutOf(args, io);
      if (!layout) return 2;
      try {
        const r = await removeBoundaries(ctx, layout);
        io.out(`Đã xóa ranh giới ${r.removed} tỉnh / removed ${r.removed} boundaries`);
        return 0;
      } catch (e) {
        return reportAppError(e, io);
      }
    },
  },
];
