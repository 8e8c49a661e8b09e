import { describeVerification, verifyAuditChain } from '../../services/audit.service';
import type { Command } from '../command';

export const auditCommands: Command[] = [
  {
    name: ['audit', 'verify'],
    usage: 'nhipso audit verify',
    description: 'Kiểm tra chuỗi băm của nhật ký / verify the audit hash chain (exit 1 when tampered)',
    needsDatabase: true,
    run: async (_args, ctx, io) => {
      if (!ctx) return 2;
      const v = await verifyAuditChain(ctx);
      const write = v.ok ? io.out : io.err;
      write(describeVerification('vi', v));
      write(describeVerification('en', v));
      return v.ok ? 0 : 1;
    },
  },
];
