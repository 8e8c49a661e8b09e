// Policy texts of other provinces, written for these tests in the style of
// real ones (test/fixtures/documents/), each with its targets, task groups,
// leads and deadlines written by hand beside it: the reader must read them
// as it reads the seeds, by the rules of the language.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../domain/text';
import { readDocumentText } from './reader';

interface Expected {
  document: Record<string, string | null>;
  targets: {
    year: number | null;
    level: string | null;
    comparator: string;
    value: number;
    valueMax: number | null;
    unit: string;
    indicator?: string;
    quote: string;
  }[];
  taskGroups: { section: string; title: string; leads: string[]; cooperating?: string[] }[];
  deadlines: { task: string; deadline: string }[];
}

const dir = resolve(__dirname, '../../../test/fixtures/documents');
const fixtures = [
  'hoa-binh-ke-hoach-2022.txt',
  'binh-dinh-nghi-quyet-2021.md',
  'quang-ninh-quyet-dinh-2023.txt',
  'thanh-hoa-ke-hoach-2022.txt',
];

describe.each(fixtures)('%s', (file) => {
  const text = readFileSync(resolve(dir, file), 'utf8');
  const expected = JSON.parse(
    readFileSync(resolve(dir, file.replace(/\.(txt|md)$/, '.expected.json')), 'utf8'),
  ) as Expected;
  const result = readDocumentText(text, { fileName: file });

  it('reads the identity of the document', () => {
    const { kind, number, issuer, date, province, title } = result.document;
    expect({ kind, number, issuer, date, province, title }).toEqual(expected.document);
  });

  it('finds every target, with its values, and nothing else', () => {
    const left = [...result.targets];
    for (const want of expected.targets) {
      const at = text.indexOf(want.quote);
      expect(at, `quote not in the fixture: ${want.quote}`).toBeGreaterThanOrEqual(0);
      const i = left.findIndex(
        (t) =>
          t.year === want.year &&
          t.level === want.level &&
          t.comparator === want.comparator &&
          t.value === want.value &&
          t.valueMax === want.valueMax &&
          t.unit === want.unit &&
          t.span[0] < at + want.quote.length &&
          at < t.span[1],
      );
      expect(i, `missing target: ${JSON.stringify(want)}`).toBeGreaterThanOrEqual(0);
      const [found] = left.splice(i, 1);
      if (want.indicator) expect(found?.indicator, want.quote).toBe(want.indicator);
    }
    expect(left.map((t) => t.quote)).toEqual([]);
  });

  it('finds the task groups with their leads', () => {
    const groups = result.tasks.filter((t) => t.kind === 'group');
    expect(groups.map((g) => [g.section, g.title])).toEqual(
      expected.taskGroups.map((g) => [g.section, g.title]),
    );
    for (const want of expected.taskGroups) {
      const group = groups.find((g) => g.section === want.section);
      expect(group?.leads.map(foldVietnamese).sort(), want.section).toEqual(
        want.leads.map(foldVietnamese).sort(),
      );
      if (want.cooperating)
        expect(group?.cooperating.map(foldVietnamese).sort(), want.section).toEqual(
          want.cooperating.map(foldVietnamese).sort(),
        );
    }
  });

  it('reads the deadlines of tasks', () => {
    for (const want of expected.deadlines) {
      const task = result.tasks.find((t) => t.kind === 'task' && t.text.startsWith(want.task));
      expect(task?.deadline, want.task).toBe(want.deadline);
    }
  });
});
