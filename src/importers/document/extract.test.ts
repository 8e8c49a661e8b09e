import { describe, expect, it } from 'vitest';
import { type AppError, isAppError } from '../../domain/errors';
import { t } from '../../i18n';
import { extractText, MAX_DOCUMENT_BYTES } from './extract';

async function refusal(bytes: Uint8Array, name = 'tep.bin'): Promise<AppError> {
  try {
    await extractText(bytes, name);
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error('the file was accepted');
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** A PDF with one empty page and no text: what a scan without OCR looks like to the reader. */
function pdfWithoutText(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    '<< /Length 34 >>\nstream\n0.5 g 50 50 200 200 re f\nendstream',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return utf8(body);
}

describe('extractText accepts texts', () => {
  it('reads UTF-8 with and without a BOM, keeping the text as written', async () => {
    const text = 'I. MỤC TIÊU\r\n- 90% hồ sơ công việc cấp tỉnh';
    expect((await extractText(utf8(text), 'kh.txt')).text).toBe(text);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    expect(await extractText(withBom, 'kh.md')).toEqual({ text, format: 'markdown' });
  });

  it('reads UTF-16 with a BOM, little and big endian', async () => {
    const text = 'Kế hoạch chuyển đổi số tỉnh Nghệ An';
    const le = new Uint8Array(2 + text.length * 2);
    const be = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      le[2 + i * 2] = c & 0xff;
      le[3 + i * 2] = c >> 8;
      be[2 + i * 2] = c >> 8;
      be[3 + i * 2] = c & 0xff;
    }
    expect((await extractText(le, 'a.txt')).text).toBe(text);
    expect((await extractText(be, 'a.txt')).text).toBe(text);
  });

  it('composes decomposed diacritics (NFD) so that spans match what is shown', async () => {
    const nfd = 'Kế hoạch'.normalize('NFD');
    expect((await extractText(utf8(nfd), 'a.txt')).text).toBe('Kế hoạch');
  });
});

describe('extractText refuses what is not a document', () => {
  it('an empty file, or one of only spaces', async () => {
    expect((await refusal(new Uint8Array(0), 'rong.txt')).code).toBe('reader.empty_file');
    expect((await refusal(utf8(' \n\t\n'), 'rong.txt')).code).toBe('reader.empty_file');
  });

  it('an image, whatever its name', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const e = await refusal(png, 'ke-hoach.pdf');
    expect([e.code, e.params.kind, e.status]).toEqual(['reader.image', 'PNG', 415]);
    expect(t('vi', e.code, e.params)).toBe(
      'Tệp “ke-hoach.pdf” là ảnh PNG, không phải văn bản. Hãy tải lên tệp TXT, Markdown, DOCX hoặc PDF có lớp văn bản',
    );
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
    expect((await refusal(jpeg, 'scan.jpg')).params.kind).toBe('JPEG');
  });

  it('a 50 MB blob, before looking inside it', async () => {
    const blob = new Uint8Array(50 * 1024 * 1024);
    const e = await refusal(blob, 'lon.txt');
    expect([e.code, e.status, e.params.sizeMb, e.params.maxMb]).toEqual([
      'reader.too_large',
      413,
      50,
      MAX_DOCUMENT_BYTES / 1048576,
    ]);
  });

  it('binary junk', async () => {
    const junk = new Uint8Array(4096);
    let seed = 7;
    for (let i = 0; i < junk.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      junk[i] = seed & 0xff;
    }
    junk[0] = 0x01;
    expect((await refusal(junk, 'x.txt')).code).toBe('reader.not_a_document');
  });

  it('a text in a legacy encoding, asking for UTF-8', async () => {
    // "Kế hoạch" in Windows-1258 bytes is not valid UTF-8
    const cp1258 = new Uint8Array([0x4b, 0xea, 0xd2, 0x20, 0x68, 0x6f, 0x61, 0xb5, 0x63, 0x68]);
    expect((await refusal(cp1258, 'kh.txt')).code).toBe('reader.encoding');
  });

  it('a ZIP that is not a DOCX, naming what it is', async () => {
    // a central-directory record naming "xl/workbook.xml"
    const name = utf8('xl/workbook.xml');
    const zip = new Uint8Array(4 + 46 + name.length + 8);
    zip.set([0x50, 0x4b, 0x03, 0x04]);
    zip.set([0x50, 0x4b, 0x01, 0x02], 4);
    zip[4 + 28] = name.length;
    zip.set(name, 4 + 46);
    const e = await refusal(zip, 'bao-cao.docx');
    expect([e.code, e.params.kind]).toEqual(['reader.zip_not_docx', 'XLSX']);
  });

  it('an old binary Word file', async () => {
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await refusal(doc, 'nq.doc')).code).toBe('reader.legacy_office');
  });

  it('a PDF without a text layer', async () => {
    const e = await refusal(pdfWithoutText(), 'ban-quet.pdf');
    expect(e.code).toBe('reader.pdf_no_text');
    expect(t('vi', e.code, e.params)).toContain('PDF không có lớp văn bản');
    expect(t('en', e.code, e.params)).toContain('The PDF has no text layer');
  });

  it('has a Vietnamese and an English message for every refusal', () => {
    for (const code of [
      'reader.empty_file',
      'reader.too_large',
      'reader.image',
      'reader.zip_not_docx',
      'reader.legacy_office',
      'reader.unsupported_format',
      'reader.not_a_document',
      'reader.encoding',
      'reader.docx_unreadable',
      'reader.pdf_unreadable',
      'reader.pdf_encrypted',
      'reader.pdf_no_text',
    ]) {
      expect(t('vi', code)).not.toBe(code);
      expect(t('en', code)).not.toBe(code);
    }
  });
});
