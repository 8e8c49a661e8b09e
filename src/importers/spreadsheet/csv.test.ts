import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads the semicolons of Vietnamese Excel, quoted fields with delimiters, doubled quotes and line breaks', () => {
    const t = parseCsv('ma;ten;ghi chú\r\n01;"Hà Nội; thủ đô";"nói ""xin chào""\nrồi đi"\n\n02;Huế;\n');
    expect(t.delimiter).toBe(';');
    expect(t.rows).toEqual([
      { line: 1, fields: ['ma', 'ten', 'ghi chú'] },
      { line: 2, fields: ['01', 'Hà Nội; thủ đô', 'nói "xin chào"\nrồi đi'] },
      { line: 5, fields: ['02', 'Huế', ''] },
    ]);
    expect(t.unclosedQuoteLine).toBeNull();
  });

  it('names the line of a quote never closed', () => {
    const t = parseCsv('a,b\n1,2\n3,"bốn\n5,6\n');
    expect(t.unclosedQuoteLine).toBe(3);
  });

  it('takes the most frequent delimiter of the header, outside quotes', () => {
    expect(detectDelimiter('"a,b";c;d\n1,2')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('abc')).toBe(',');
  });

  it('drops spaces before an opening quote', () => {
    expect(parseCsv('a, "b, c"\n').rows[0]?.fields).toEqual(['a', 'b, c']);
  });
});
