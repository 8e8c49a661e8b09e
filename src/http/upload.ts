/**
 * Reading a multipart upload: the file of field `file` and the form's text
 * fields. A body that is not a form, or a form without a file (or with an
 * empty one, when `nonEmpty`), is a 400 naming `form.file` with the route's
 * own message code.
 */
import type { Context } from 'hono';
import { AppError } from '../domain/errors';

export interface UploadForm {
  file: File;
  /** A text field, or undefined when absent or empty. */
  text: (name: string) => string | undefined;
  /** The file's bytes. */
  bytes: () => Promise<Uint8Array>;
}

export async function readUploadForm(
  c: Context,
  missingCode: string,
  options: { nonEmpty?: boolean } = {},
): Promise<UploadForm> {
  const missing = () =>
    new AppError('request.invalid', { status: 400, details: [{ path: 'form.file', code: missingCode }] });
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch {
    throw missing();
  }
  const file = form.file;
  if (!(file instanceof File) || (options.nonEmpty && file.size === 0)) throw missing();
  return {
    file,
    text: (name) => {
      const v = form[name];
      return typeof v === 'string' && v !== '' ? v : undefined;
    },
    bytes: async () => new Uint8Array(await file.arrayBuffer()),
  };
}
