import type { Command } from '../command';

export const dbCommands: Command[] = [
  {
    name: ['db', 'migrate'],
    usage: 'nhipso db migrate',
    description: 'Áp dụng các di chuyển CSDL còn thiếu / apply pending database migrations',
    needsDatabase: true,
    // opening the database applies the migrations; the runner prints what it applied
    run: async (_args, _ctx, io) => {
      io.out('Cơ sở dữ liệu đã cập nhật / database is up to date');
      return 0;
    },
  },
];
