import { describe, expect, it } from 'vitest';
import { comparePrograms, templateCoverage } from './compare';
import type { ProgramTarget } from './program';

let nextId = 1;
function target(over: Partial<ProgramTarget>): ProgramTarget {
  return {
    id: nextId++,
    indicator: 'GOV.WORKFILE_ONLINE',
    level: 'province',
    year: 2025,
    comparator: '=',
    value: 90,
    valueMax: null,
    unit: 'percent',
    quote: 'q',
    ...over,
  };
}

describe('comparePrograms', () => {
  it('reports targets on the same indicator, level and year whose values differ', () => {
    const resolution = [
      target({ indicator: 'ECO.DIGITAL_ECONOMY_GRDP', level: null, year: 2025, value: 20 }),
      target({ indicator: 'ECO.DIGITAL_ECONOMY_GRDP', level: null, year: 2030, value: 30 }),
    ];
    const plan = [
      target({ indicator: 'ECO.DIGITAL_ECONOMY_GRDP', level: null, year: 2025, value: 10 }),
      target({
        indicator: 'ECO.DIGITAL_ECONOMY_GRDP',
        level: null,
        year: 2030,
        comparator: 'range',
        value: 15,
        valueMax: 20,
      }),
    ];
    const r = comparePrograms(resolution, plan);
    expect(r.differing.map((d) => [d.indicator, d.year, d.kind, d.a[0]?.value, d.b[0]?.value])).toEqual([
      ['ECO.DIGITAL_ECONOMY_GRDP', 2025, 'value', 20, 10],
      ['ECO.DIGITAL_ECONOMY_GRDP', 2030, 'value', 30, 15],
    ]);
    expect(r.agreeing).toEqual([]);
    expect(r.onlyInA).toEqual([]);
    expect(r.onlyInB).toEqual([]);
  });

  it('treats the same values on the same objective as agreement, and each level as its own objective', () => {
    const a = [
      target({ level: 'province', value: 90 }),
      target({ level: 'district', value: 80 }),
      target({ level: 'commune', value: 60 }),
    ];
    const b = [target({ level: 'province', value: 90 }), target({ level: 'district', value: 70 })];
    const r = comparePrograms(a, b);
    expect(r.agreeing.map((m) => m.level)).toEqual(['province']);
    expect(r.differing.map((d) => [d.level, d.a[0]?.value, d.b[0]?.value])).toEqual([['district', 80, 70]]);
    expect(r.onlyInA.map((g) => g.level)).toEqual(['commune']);
    expect(r.onlyInB).toEqual([]);
  });

  it('lists objectives present in only one program, on either side', () => {
    const a = [target({ indicator: 'SOC.EPAYMENT_ACCOUNTS', comparator: '>', value: 50 })];
    const b = [target({ indicator: 'SOC.FIBRE_HOUSEHOLDS', value: 80 })];
    const r = comparePrograms(a, b);
    expect(r.onlyInA.map((g) => g.indicator)).toEqual(['SOC.EPAYMENT_ACCOUNTS']);
    expect(r.onlyInB.map((g) => g.indicator)).toEqual(['SOC.FIBRE_HOUSEHOLDS']);
    expect(r.differing).toEqual([]);
  });

  it('tells a different comparator on the same value apart from a different value', () => {
    const r = comparePrograms(
      [target({ comparator: '>', value: 50 })],
      [target({ comparator: '>=', value: 50 })],
    );
    expect(r.differing.map((d) => d.kind)).toEqual(['comparator']);
    const u = comparePrograms([target({ unit: 'percent', value: 5 })], [target({ unit: 'count', value: 5 })]);
    expect(u.differing.map((d) => d.kind)).toEqual(['unit']);
  });

  it('pairs a target with no stated level with the only one the other side sets on that indicator and year', () => {
    const a = [target({ indicator: 'SOC.EPAYMENT_ACCOUNTS', level: 'province', comparator: '>', value: 50 })];
    const b = [target({ indicator: 'SOC.EPAYMENT_ACCOUNTS', level: null, comparator: '>', value: 40 })];
    const r = comparePrograms(a, b);
    expect(r.differing).toHaveLength(1);
    expect(r.differing[0]).toMatchObject({ level: 'province', levelInferred: true, kind: 'value' });
  });

  it('does not pair two different stated levels', () => {
    const r = comparePrograms(
      [target({ level: 'district', value: 80 })],
      [target({ level: 'commune', value: 60 })],
    );
    expect(r.differing).toEqual([]);
    expect(r.onlyInA).toHaveLength(1);
    expect(r.onlyInB).toHaveLength(1);
  });

  it('keeps targets without an indicator aside instead of pairing them', () => {
    const r = comparePrograms([target({ indicator: null })], [target({ indicator: null, value: 1 })]);
    expect(r.unlinkedA).toHaveLength(1);
    expect(r.unlinkedB).toHaveLength(1);
    expect(r.differing).toEqual([]);
  });

  it('ignores a target stated twice with the same value in one document', () => {
    const a = [target({ value: 90 }), target({ value: 90 })];
    const r = comparePrograms(a, [target({ value: 90 })]);
    expect(r.differing).toEqual([]);
    expect(r.agreeing).toHaveLength(1);
  });
});

describe('templateCoverage', () => {
  it('lists the kinds of objective the template sets and the program lacks', () => {
    const template = [
      target({ indicator: 'GOV.WORKFILE_ONLINE', level: 'province' }),
      target({ indicator: 'GOV.WORKFILE_ONLINE', level: 'commune', value: 60 }),
      target({ indicator: 'GOV.REPORT_ONLINE', value: 100 }),
      target({ indicator: 'SOC.FIBRE_HOUSEHOLDS', value: 80 }),
      target({ indicator: null, value: 1 }),
    ];
    // other values and years still cover the kind; an indicator the template does not set is not asked for
    const program = [
      target({ indicator: 'GOV.WORKFILE_ONLINE', level: 'district', value: 70, year: 2030 }),
      target({ indicator: 'ECO.DIGITAL_ECONOMY_GRDP', value: 20 }),
    ];
    const c = templateCoverage(template, program);
    expect(c.required).toBe(3);
    expect(c.covered).toBe(1);
    expect(c.missing).toEqual(['GOV.REPORT_ONLINE', 'SOC.FIBRE_HOUSEHOLDS']);
    const workfile = c.items.find((i) => i.indicator === 'GOV.WORKFILE_ONLINE');
    expect(workfile?.template).toHaveLength(2);
    expect(workfile?.program.map((t) => t.value)).toEqual([70]);
  });
});
