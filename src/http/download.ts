/**
 * Responses that hand the browser a file to save: one place for the
 * Content-Disposition of a Vietnamese file name (an ASCII fallback for old
 * clients, the exact name as RFC 6266 `filename*`), no content sniffing, and
 * no caching of private files.
 */

/** `attachment; filename="…"; filename*=UTF-8''…` for any file name, diacritics included. */
export function attachmentDisposition(fileName: string, fallback = 'tep'): string {
  const ascii =
    fileName
      .normalize('NFD')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '_') || fallback;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A file download. `private`: figures before publication, evidence — never kept by a shared cache. */
export function fileResponse(
  body: Uint8Array | string | ReadableStream<Uint8Array>,
  file: { fileName: string; mediaType: string; private?: boolean; headers?: Record<string, string> },
): Response {
  const headers: Record<string, string> = {
    'Content-Type': file.mediaType,
    'Content-Disposition': attachmentDisposition(file.fileName),
    'X-Content-Type-Options': 'nosniff',
    ...(file.private === false ? {} : { 'Cache-Control': 'private, no-store' }),
    ...file.headers,
  };
  if (body instanceof Uint8Array) headers['Content-Length'] = String(body.byteLength);
  return new Response(body instanceof Uint8Array ? new Uint8Array(body) : body, { headers });
}
