// The document reader's speed: a 40 KB policy document read in well under
// 200 ms (issue 4). The document is made of the seeds (read through their
// path, NHIPSO_SEEDS_DIR or ../shared/seeds), cut to 40 KB of UTF-8.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { parseStructure, readDocumentFile, readDocumentText } from '../src/importers/document/index';
import type { BenchCase } from './harness';

const seedsDir = process.env.NHIPSO_SEEDS_DIR ?? resolve(process.cwd(), '../shared/seeds');
const seeds = ['003_5414e6799773eb5d.txt', '004_baca7c75e75a0424.txt'].map((f) => resolve(seedsDir, f));
const TARGET_BYTES = 40 * 1024;

let text = '';
let docx: Uint8Array = new Uint8Array();

function build40k(): string {
  if (!seeds.every(existsSync)) throw new Error(`seeds not found in ${seedsDir}`);
  const joined = seeds.map((f) => readFileSync(f, 'utf8')).join('\n\n');
  // cut at a line end once 40 KB of UTF-8 is reached
  const encoder = new TextEncoder();
  let cut = joined.length;
  for (let i = 0, bytes = 0; i < joined.length; i++) {
    bytes += encoder.encode(joined[i] as string).length;
    if (bytes >= TARGET_BYTES) {
      const nl = joined.indexOf('\n', i);
      cut = nl < 0 ? joined.length : nl;
      break;
    }
  }
  return joined.slice(0, cut);
}

const kb = (s: string) => `${(new TextEncoder().encode(s).length / 1024).toFixed(1)} KB`;

export const cases: BenchCase[] = [
  {
    name: 'read a 40 KB document',
    setup: () => {
      text = build40k();
      const r = readDocumentText(text);
      return `${kb(text)}, ${r.targets.length} targets, ${r.tasks.length} tasks`;
    },
    run: () => readDocumentText(text),
    iterations: 50,
    budgetMs: 200,
  },
  {
    name: 'parse the sections of a 40 KB document',
    setup: () => {
      text = build40k();
      return kb(text);
    },
    run: () => parseStructure(text),
    iterations: 50,
  },
  {
    name: 'read a 40 KB document from DOCX',
    setup: async () => {
      text = build40k();
      const doc = new Document({
        sections: [
          {
            children: text
              .split('\n')
              .filter((l) => l.trim())
              .map(
                (l) =>
                  new Paragraph({
                    children: [new TextRun({ text: l.replace(/[*#]/g, ''), font: 'Times New Roman' })],
                  }),
              ),
          },
        ],
      });
      docx = new Uint8Array(await Packer.toBuffer(doc));
      return `${(docx.length / 1024).toFixed(1)} KB file`;
    },
    run: () => readDocumentFile(docx, 'ke-hoach.docx'),
    iterations: 20,
  },
];
