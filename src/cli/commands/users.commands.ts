import { loadConfig } from '../../runtime/config';
import { createAdminLink } from '../../services/auth.service';
import { passwordLinkForEmail } from '../../services/user.service';
import type { Command } from '../command';

/** The address users reach the server at, for printed links. */
function baseUrl(): string {
  const config = loadConfig();
  return (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
}

function expiry(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return d.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });
}

export const usersCommands: Command[] = [
  {
    name: ['users', 'create-admin-link'],
    usage: 'nhipso users create-admin-link',
    description: 'Liên kết dùng một lần để tạo quản trị viên / a one-time link to create an administrator',
    needsDatabase: true,
    run: async (_args, ctx, io) => {
      if (!ctx) return 2;
      const link = await createAdminLink(ctx);
      io.out('Liên kết tạo quản trị viên (dùng một lần) / one-time link to create an administrator:');
      io.out(`  ${baseUrl()}${link.path}`);
      io.out(`Hết hạn / expires: ${expiry(link.expiresAt)}`);
      return 0;
    },
  },
  {
    name: ['users', 'password-link'],
    usage: 'nhipso users password-link <email>',
    description: 'Liên kết đặt lại mật khẩu cho một tài khoản / a set-password link for an account',
    needsDatabase: true,
    run: async (args, ctx, io) => {
      const email = args.positionals[0];
      if (!ctx || !email) {
        io.err('usage: nhipso users password-link <email>');
        return 2;
      }
      const link = await passwordLinkForEmail(ctx, email);
      io.out(`Liên kết đặt mật khẩu cho / set-password link for ${email}:`);
      io.out(`  ${baseUrl()}${link.path}`);
      io.out(`Hết hạn / expires: ${expiry(link.expiresAt)}`);
      return 0;
    },
  },
];
