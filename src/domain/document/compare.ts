/**
 * Where two programs disagree. Two documents of one province (a resolution
 * and the plan that carries it out, or a province's program and the national
 * one) set targets; targets on the same indicator, level and year are the
 * same objective, and their values should agree. Also: which kinds of
 * objective the ministry's template sets that a province's program lacks.
 */
import { compareTargetOrder, type ProgramTarget, type TargetLevel } from './program';

/** Targets of one program that share an indicator, level and year. */
export interface TargetGroup {
  indicator: string;
  level: TargetLevel | null;
  year: number | null;
  targets: ProgramTarget[];
}

/** How two groups on the same objective differ. */
export type DifferenceKind = 'value' | 'comparator' | 'unit';

/** One objective both programs set, with what each says. */
export interface MatchedObjective {
  indicator: string;
  /** The level of the pair (A's when the two name different ones, see `levelInferred`). */
  level: TargetLevel | null;
  year: number | null;
  a: ProgramTarget[];
  b: ProgramTarget[];
  /** True when one side states no level and was paired with the other's only group. */
  levelInferred: boolean;
}

export interface TargetDifference extends MatchedObjective {
  kind: DifferenceKind;
}

/** The result of comparing program A with program B. */
export interface ProgramComparison {
  /** Same indicator, level and year, different values (or comparator, or unit). */
  differing: TargetDifference[];
  /** Same objective, same values. */
  agreeing: MatchedObjective[];
  onlyInA: TargetGroup[];
  onlyInB: TargetGroup[];
  /** Targets not linked to an indicator cannot be paired; listed so they are not silently ignored. */
  unlinkedA: ProgramTarget[];
  unlinkedB: ProgramTarget[];
}

const keyOf = (indicator: string, level: TargetLevel | null, year: number | null) =>
  `${indicator}|${level ?? '-'}|${year ?? '-'}`;

function groupTargets(targets: readonly ProgramTarget[]): {
  groups: Map<string, TargetGroup>;
  unlinked: ProgramTarget[];
} {
  const groups = new Map<string, TargetGroup>();
  const unlinked: ProgramTarget[] = [];
  for (const t of [...targets].sort(compareTargetOrder)) {
    if (!t.indicator) {
      unlinked.push(t);
      continue;
    }
    const key = keyOf(t.indicator, t.level, t.year);
    const g = groups.get(key);
    if (g) g.targets.push(t);
    else groups.set(key, { indicator: t.indicator, level: t.level, year: t.year, targets: [t] });
  }
  return { groups, unlinked };
}

const valueSignature = (t: ProgramTarget) => `${t.value}|${t.valueMax ?? ''}`;
const fullSignature = (t: ProgramTarget) => `${t.comparator}|${valueSignature(t)}|${t.unit}`;

function sameMultiset(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((v, i) => v === y[i]);
}

function sameSet(a: string[], b: string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

/** Null when the two sides agree, else what differs first: the unit, the values, or only the comparator. */
function differenceOf(a: ProgramTarget[], b: ProgramTarget[]): DifferenceKind | null {
  // a document may state the same objective twice (summary and detail): compare distinct statements
  if (sameSet(a.map(fullSignature), b.map(fullSignature))) return null;
  if (
    !sameSet(
      a.map((t) => t.unit),
      b.map((t) => t.unit),
    )
  )
    return 'unit';
  if (!sameMultiset([...new Set(a.map(valueSignature))], [...new Set(b.map(valueSignature))])) return 'value';
  return 'comparator';
}

/**
 * Compares the targets of two programs.
 *
 * Targets are paired by indicator, level and year. A target whose document
 * names no level is paired with the other side's target on the same indicator
 * and year when that is the only one left (a plan often drops "cấp tỉnh").
 * @example
 * comparePrograms(resolution, plan).differing
 * // [{ indicator: 'ECO.DIGITAL_ECONOMY_GRDP', year: 2025, kind: 'value', a: [≈20%], b: [≈10%] }, …]
 */
export function comparePrograms(a: readonly ProgramTarget[], b: readonly ProgramTarget[]): ProgramComparison {
  const ga = groupTargets(a);
  const gb = groupTargets(b);
  const pairs: { ga: TargetGroup; gb: TargetGroup; inferred: boolean }[] = [];
  const usedA = new Set<string>();
  const usedB = new Set<string>();

  for (const [key, groupA] of ga.groups) {
    const groupB = gb.groups.get(key);
    if (groupB) {
      pairs.push({ ga: groupA, gb: groupB, inferred: false });
      usedA.add(key);
      usedB.add(key);
    }
  }

  // second pass: an unstated level pairs with the other side's only remaining group
  const remaining = (
    groups: Map<string, TargetGroup>,
    used: Set<string>,
    indicator: string,
    year: number | null,
  ) => [...groups.entries()].filter(([k, g]) => !used.has(k) && g.indicator === indicator && g.year === year);
  for (const [key, groupA] of ga.groups) {
    if (usedA.has(key)) continue;
    const candidatesB = remaining(gb.groups, usedB, groupA.indicator, groupA.year);
    const candidatesA = remaining(ga.groups, usedA, groupA.indicator, groupA.year);
    if (candidatesB.length !== 1 || candidatesA.length !== 1) continue;
    const [keyB, groupB] = candidatesB[0]!;
    if (groupA.level !== null && groupB.level !== null) continue;
    pairs.push({ ga: groupA, gb: groupB, inferred: true });
    usedA.add(key);
    usedB.add(keyB);
  }

  const differing: TargetDifference[] = [];
  const agreeing: MatchedObjective[] = [];
  for (const p of pairs) {
    const matched: MatchedObjective = {
      indicator: p.ga.indicator,
      level: p.ga.level ?? p.gb.level,
      year: p.ga.year,
      a: p.ga.targets,
      b: p.gb.targets,
      levelInferred: p.inferred,
    };
    const kind = differenceOf(p.ga.targets, p.gb.targets);
    if (kind) differing.push({ ...matched, kind });
    else agreeing.push(matched);
  }
  const byObjective = (
    x: { indicator: string; year: number | null; level: TargetLevel | null },
    y: typeof x,
  ) => compareTargetOrder(x, y);
  return {
    differing: differing.sort(byObjective),
    agreeing: agreeing.sort(byObjective),
    onlyInA: [...ga.groups.entries()].filter(([k]) => !usedA.has(k)).map(([, g]) => g),
    onlyInB: [...gb.groups.entries()].filter(([k]) => !usedB.has(k)).map(([, g]) => g),
    unlinkedA: ga.unlinked,
    unlinkedB: gb.unlinked,
  };
}

/** One kind of objective the template sets, and whether the program sets it too. */
export interface CoverageItem {
  indicator: string;
  /** The template's targets on it (what "required" looks like). */
  template: ProgramTarget[];
  /** The program's targets on it; empty when the program lacks it. */
  program: ProgramTarget[];
  covered: boolean;
}

export interface TemplateCoverage {
  items: CoverageItem[];
  /** Indicator codes the template sets and the program does not. */
  missing: string[];
  covered: number;
  required: number;
}

/**
 * Which kinds of objective (indicators) of the template a program sets. A
 * program covers an indicator when it sets any target on it, whatever the
 * level, year or value — values are the province's choice, the kind is not.
 * @example templateCoverage(template001, ngheAn).missing // ['GOV.REPORT_ONLINE', …]
 */
export function templateCoverage(
  template: readonly ProgramTarget[],
  program: readonly ProgramTarget[],
): TemplateCoverage {
  const byIndicator = new Map<string, CoverageItem>();
  for (const t of [...template].sort(compareTargetOrder)) {
    if (!t.indicator) continue;
    const item = byIndicator.get(t.indicator) ?? {
      indicator: t.indicator,
      template: [],
      program: [],
      covered: false,
    };
    item.template.push(t);
    byIndicator.set(t.indicator, item);
  }
  for (const t of [...program].sort(compareTargetOrder)) {
    const item = t.indicator ? byIndicator.get(t.indicator) : undefined;
    if (!item) continue;
    item.program.push(t);
    item.covered = true;
  }
  const items = [...byIndicator.values()].sort((x, y) => (x.indicator < y.indicator ? -1 : 1));
  const missing = items.filter((i) => !i.covered).map((i) => i.indicator);
  return { items, missing, covered: items.length - missing.length, required: items.length };
}
