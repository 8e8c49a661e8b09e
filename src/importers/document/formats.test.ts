// A seed as a Word document and as a PDF with a text layer gives the same
// targets (and task leads) as its text file. The DOCX is made here with the
// `docx` package (Markdown marks become bold runs and headings, as in a real
// document); the PDF is that DOCX printed by LibreOffice headless. Both are
// cached under test-results/ by the content they are made from.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocumentFile, readDocumentText } from './reader';
import type { ReaderResult } from './types';

const root = resolve(__dirname, '../../..');
const seedsDir = process.env.NHIPSO_SEEDS_DIR ?? resolve(root, '../shared/seeds');
const cacheDir = resolve(root, 'test-results/reader-formats');
const GENERATOR = 'docx-v2';

/** One paragraph of the DOCX from one line of the seed: Markdown marks become formatting. */
function paragraphOf(line: string): Paragraph {
  const heading = /^\s*(#{1,6})\s+/.exec(line);
  const body = line.replace(/^\s*#{1,6}\s+/, '').replace(/\s+$/, '');
  const runs: TextRun[] = [];
  // **bold** runs; single *emphasis* and \* escapes are dropped marks
  for (const part of body.split(/(\*\*[^*]+\*\*)/)) {
    if (!part) continue;
    const bold = /^\*\*([^*]+)\*\*$/.exec(part);
    const text = (bold ? (bold[1] as string) : part)
      .replace(/\\\*/g, '*')
      .replace(/(^|\s)\*(?=\S)|(?<=\S)\*(?=\s|$|[.,;:)])/g, '$1');
    runs.push(
      new TextRun({ text, bold: Boolean(bold) || Boolean(heading), font: 'Times New Roman', size: 26 }),
    );
  }
  return new Paragraph({
    children: runs,
    heading: heading ? HeadingLevel.HEADING_2 : undefined,
    alignment: AlignmentType.JUSTIFIED,
    spacing: { after: 120 },
  });
}

async function makeDocx(text: string): Promise<Buffer> {
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !/^\s*-{3,}\s*$/.test(l));
  const doc = new Document({
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
    sections: [{ children: lines.map(paragraphOf) }],
  });
  return Packer.toBuffer(doc);
}

function toPdf(docxPath: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'nhipso-lo-'));
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        docxPath,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return docxPath.replace(/\.docx$/, '.pdf');
}

/** The figures of the targets, in order: what must not change with the format. */
function figures(result: ReaderResult) {
  return result.targets.map((t) => [t.year, t.level, t.comparator, t.value, t.valueMax, t.unit]);
}

function leads(result: ReaderResult) {
  return result.tasks.filter((t) => t.kind === 'group').map((t) => [t.section, t.leads]);
}

describe.each([
  '004_baca7c75e75a0424.txt',
  '002_0f025bfebca71001.txt',
  '000_f506bdecc2baf188.txt',
  '003_5414e6799773eb5d.txt',
])('seed %s as DOCX and PDF', (seed) => {
  const seedPath = resolve(seedsDir, seed);
  let fromText: ReaderResult;
  let docxPath: string;
  let pdfPath: string;

  beforeAll(async () => {
    execFileSync('bash', [resolve(root, 'scripts/ensure-libreoffice.sh')], {
      stdio: 'inherit',
      timeout: 600_000,
    });
    const text = readFileSync(seedPath, 'utf8');
    fromText = readDocumentText(text);
    const key = createHash('sha256').update(GENERATOR).update(text).digest('hex').slice(0, 16);
    mkdirSync(cacheDir, { recursive: true });
    docxPath = join(cacheDir, `${seed.slice(0, 3)}-${key}.docx`);
    pdfPath = docxPath.replace(/\.docx$/, '.pdf');
    if (!existsSync(docxPath)) writeFileSync(docxPath, await makeDocx(text));
    if (!existsSync(pdfPath)) toPdf(docxPath, cacheDir);
  }, 600_000);

  it('the text file has targets to compare', () => {
    expect(fromText.targets.length).toBeGreaterThan(10);
  });

  it('the DOCX gives the same targets and task leads', async () => {
    const fromDocx = await readDocumentFile(new Uint8Array(readFileSync(docxPath)), 'van-ban.docx');
    expect(fromDocx.format).toBe('docx');
    expect(figures(fromDocx)).toEqual(figures(fromText));
    expect(leads(fromDocx)).toEqual(leads(fromText));
    for (const t of fromDocx.targets) expect(fromDocx.text.slice(t.span[0], t.span[1])).toBe(t.quote);
  });

  it('the PDF (text layer) gives the same targets and task leads', async () => {
    const fromPdf = await readDocumentFile(new Uint8Array(readFileSync(pdfPath)), 'van-ban.pdf');
    expect(fromPdf.format).toBe('pdf');
    expect(figures(fromPdf)).toEqual(figures(fromText));
    expect(leads(fromPdf)).toEqual(leads(fromText));
    for (const t of fromPdf.targets) expect(fromPdf.text.slice(t.span[0], t.span[1])).toBe(t.quote);
  });
});
