// Text copied out of a PDF or an e-mail comes wrapped at a fixed width, with no
// blank line between paragraphs. Read that way, a seed must give the same
// targets and leads as its original.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocumentText } from './reader';
import type { ReaderResult } from './types';

const seedsDir = process.env.NHIPSO_SEEDS_DIR ?? resolve(__dirname, '../../../../shared/seeds');

/** Greedy wrap at `width` characters, paragraphs on consecutive lines. */
function wrap(text: string, width = 78): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const words = paragraph.trim().split(/\s+/).filter(Boolean);
    let line = '';
    for (const word of words) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
  }
  return lines.join('\n');
}

const figures = (r: ReaderResult) =>
  r.targets.map((t) => [t.year, t.level, t.comparator, t.value, t.valueMax, t.unit, t.indicator]);
const leads = (r: ReaderResult) => r.tasks.filter((t) => t.kind === 'group').map((t) => [t.section, t.leads]);

describe.each([
  '000_f506bdecc2baf188.txt',
  '002_0f025bfebca71001.txt',
  '003_5414e6799773eb5d.txt',
  '004_baca7c75e75a0424.txt',
])('seed %s wrapped at 78 characters', (seed) => {
  it('gives the same targets and leads', () => {
    const text = readFileSync(resolve(seedsDir, seed), 'utf8');
    const original = readDocumentText(text);
    const wrapped = readDocumentText(wrap(text));
    expect(figures(wrapped)).toEqual(figures(original));
    expect(leads(wrapped)).toEqual(leads(original));
    expect(wrapped.targets.length).toBeGreaterThan(0);
  });
});
