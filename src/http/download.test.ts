import { describe, expect, it } from 'vitest';
import { attachmentDisposition, fileResponse } from './download';

describe('file downloads', () => {
  it('names a Vietnamese file exactly for today’s browsers and in ASCII for old ones', () => {
    expect(attachmentDisposition('Báo cáo Đà Nẵng "2025".xlsx')).toBe(
      `attachment; filename="Bao cao Da Nang _2025_.xlsx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%C4%90%C3%A0%20N%E1%BA%B5ng%20%222025%22.xlsx`,
    );
  });

  it('keeps private files out of shared caches and stops sniffing', async () => {
    const r = fileResponse(new TextEncoder().encode('abc'), { fileName: 'a.txt', mediaType: 'text/plain' });
    expect(r.headers.get('cache-control')).toBe('private, no-store');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-length')).toBe('3');
    expect(await r.text()).toBe('abc');
    const open = fileResponse('x', { fileName: 'b.csv', mediaType: 'text/csv', private: false });
    expect(open.headers.get('cache-control')).toBeNull();
  });
});
