/**
 * The index engine: scores units with an index method, pure and explainable.
 * Each sub-indicator's points come from its rule (ratio, tiered, yes/no with
 * evidence, rank); reviewer adjustments replace the rule's points and are kept
 * with their reason; pillars and the total are normalised to 0–1; units are
 * ranked among their peers with standard competition ranking (1, 2, 2, 4).
 */
import { AppError, type ErrorDetail } from '../errors';
import { bilingual, formatFigure } from '../status/explain';
import type { Text } from '../status/types';
import { rankCompetition } from './ranking';
import type {
  AppliedAdjustment,
  IndexInput,
  IndexMainIndicator,
  IndexMethod,
  IndexPillar,
  IndexSubIndicator,
  MainIndicatorScore,
  PillarScore,
  SubIndicatorScore,
  UnitIndexInput,
  UnitIndexScore,
} from './types';
import { validateIndexMethod } from './validate';

/** Options of a scoring run. */
export interface ScoreOptions {
  /** The year of the data; the method must be valid for it. */
  year?: number;
  /** Catalog codes that catalog-fed sub-indicators may use (checked when given). */
  knownIndicators?: ReadonlySet<string>;
}

interface FlatSub {
  pillar: IndexPillar;
  main: IndexMainIndicator;
  sub: IndexSubIndicator;
}

function flatten(method: IndexMethod): FlatSub[] {
  return method.pillars.flatMap((pillar) =>
    pillar.mainIndicators.flatMap((main) => main.subIndicators.map((sub) => ({ pillar, main, sub }))),
  );
}

function applies(sub: IndexSubIndicator, kind: string | undefined): boolean {
  return !sub.appliesTo || sub.appliesTo.length === 0 || (kind !== undefined && sub.appliesTo.includes(kind));
}

/** Evidence is required for yes/no rules and manual items unless the method says otherwise. */
export function requiresEvidence(sub: IndexSubIndicator): boolean {
  return sub.evidenceRequired ?? (sub.rule.kind === 'boolean' || sub.source.kind === 'manual');
}

/** The value an input gives a sub-indicator: a ratio is divided out; null when there is none. */
function resolveValue(sub: IndexSubIndicator, input: IndexInput | undefined): number | boolean | null {
  if (!input) return null;
  const rule = sub.rule;
  if (rule.kind === 'ratio' && typeof input.numerator === 'number' && typeof input.denominator === 'number') {
    if (!(input.denominator > 0) || !Number.isFinite(input.numerator)) return null;
    return (input.numerator / input.denominator) * (rule.percent ? 100 : 1);
  }
  const v = input.value;
  if (typeof v === 'boolean') return rule.kind === 'boolean' ? v : v ? 1 : 0;
  if (typeof v === 'number' && Number.isFinite(v)) return rule.kind === 'boolean' ? v !== 0 : v;
  return null;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** Points by rule for a value, with the explanation. `peerRank` is needed by peer-value rank rules. */
function pointsByRule(
  sub: IndexSubIndicator,
  value: number | boolean,
  peerRank: { rank: number; of: number } | null,
): { points: number; explanation: Text } {
  const max = sub.maxPoints;
  const rule = sub.rule;
  switch (rule.kind) {
    case 'ratio': {
      const v = Number(value);
      const zero = rule.zero ?? 0;
      const share = clamp01((v - zero) / (rule.full - zero));
      const points = max * share;
      return {
        points,
        explanation: bilingual((f, l) =>
          l === 'vi'
            ? `(${f(v)} − ${f(zero)}) ÷ (${f(rule.full)} − ${f(zero)}) = ${f(share)} (giới hạn 0–1) × ${f(max)} = ${f(points)} điểm`
            : `(${f(v)} − ${f(zero)}) ÷ (${f(rule.full)} − ${f(zero)}) = ${f(share)} (capped to 0–1) × ${f(max)} = ${f(points)} points`,
        ),
      };
    }
    case 'tiered': {
      const v = Number(value);
      const reached = rule.tiers.filter((t) =>
        rule.direction === 'higher_better' ? v >= t.threshold : v <= t.threshold,
      );
      const best = reached.reduce<(typeof rule.tiers)[number] | null>(
        (a, t) => (a === null || t.points > a.points ? t : a),
        null,
      );
      const points = best?.points ?? 0;
      const sign = rule.direction === 'higher_better' ? '≥' : '≤';
      return {
        points,
        explanation: bilingual((f, l) =>
          best === null
            ? l === 'vi'
              ? `${f(v)} chưa đạt ngưỡng nào → 0 điểm`
              : `${f(v)} reaches no threshold → 0 points`
            : l === 'vi'
              ? `${f(v)} ${sign} ngưỡng ${f(best.threshold)} → ${f(points)} điểm`
              : `${f(v)} ${sign} threshold ${f(best.threshold)} → ${f(points)} points`,
        ),
      };
    }
    case 'boolean': {
      const yes = value === true;
      const points = yes ? max : 0;
      return {
        points,
        explanation: bilingual((f, l) =>
          l === 'vi'
            ? `${yes ? 'Có' : 'Không'} → ${f(points)} điểm`
            : `${yes ? 'Yes' : 'No'} → ${f(points)} points`,
        ),
      };
    }
    case 'rank': {
      if (rule.mode === 'given_rank') {
        const r = Number(value);
        const share = clamp01((rule.outOf - r) / (rule.outOf - 1));
        const points = max * share;
        return {
          points,
          explanation: bilingual((f, l) =>
            l === 'vi'
              ? `Hạng ${f(r)}/${f(rule.outOf)}: (${f(rule.outOf)} − ${f(r)}) ÷ (${f(rule.outOf)} − 1) × ${f(max)} = ${f(points)} điểm`
              : `Rank ${f(r)}/${f(rule.outOf)}: (${f(rule.outOf)} − ${f(r)}) ÷ (${f(rule.outOf)} − 1) × ${f(max)} = ${f(points)} points`,
          ),
        };
      }
      const { rank, of } = peerRank ?? { rank: 1, of: 1 };
      const share = of <= 1 ? 1 : (of - rank) / (of - 1);
      const points = max * share;
      return {
        points,
        explanation: bilingual((f, l) =>
          l === 'vi'
            ? `Giá trị ${f(Number(value))} xếp hạng ${rank}/${of} đơn vị cùng nhóm: ${of <= 1 ? '1' : `(${of} − ${rank}) ÷ (${of} − 1)`} × ${f(max)} = ${f(points)} điểm`
            : `Value ${f(Number(value))} ranks ${rank}/${of} among peers: ${of <= 1 ? '1' : `(${of} − ${rank}) ÷ (${of} − 1)`} × ${f(max)} = ${f(points)} points`,
        ),
      };
    }
  }
}

function checkRun(method: IndexMethod, units: readonly UnitIndexInput[], options: ScoreOptions): void {
  const methodProblems = validateIndexMethod(method, options.knownIndicators);
  if (methodProblems.length > 0)
    throw new AppError('index_method.invalid', { status: 422, details: methodProblems });
  if (
    options.year !== undefined &&
    (options.year < method.validFrom || (method.validTo !== null && options.year > method.validTo))
  ) {
    throw new AppError('index.method_not_valid_for_year', {
      status: 422,
      params: { method: `${method.code} ${method.version}`, year: options.year },
    });
  }
  const subs = new Map(flatten(method).map((x) => [x.sub.code, x.sub]));
  const details: ErrorDetail[] = [];
  units.forEach((u, i) => {
    for (const code of Object.keys(u.inputs)) {
      if (!subs.has(code))
        details.push({
          path: `units.${i}.inputs.${code}`,
          code: 'index.unknown_sub_indicator',
          params: { code },
        });
    }
    const adjusted = new Set<string>();
    (u.adjustments ?? []).forEach((a, j) => {
      const path = `units.${i}.adjustments.${j}`;
      const sub = subs.get(a.subIndicator);
      if (!sub) {
        details.push({
          path: `${path}.subIndicator`,
          code: 'index.unknown_sub_indicator',
          params: { code: a.subIndicator },
        });
        return;
      }
      if (adjusted.has(a.subIndicator))
        details.push({ path, code: 'index.adjustment_duplicate', params: { code: a.subIndicator } });
      adjusted.add(a.subIndicator);
      if (!a.reason || a.reason.trim() === '')
        details.push({ path: `${path}.reason`, code: 'index.adjustment_reason_required' });
      if (!applies(sub, u.unit.kind))
        details.push({ path, code: 'index.adjustment_not_applicable', params: { code: a.subIndicator } });
      if (!(a.points >= 0 && a.points <= sub.maxPoints)) {
        details.push({
          path: `${path}.points`,
          code: 'index.adjustment_out_of_range',
          params: { max: sub.maxPoints },
        });
      }
    });
  });
  if (details.length > 0) throw new AppError('index.invalid_input', { status: 422, details });
}

/**
 * Scores units with a method and ranks them among their peers.
 * Returns one result per unit, ordered by peer group, then rank, then name.
 * @example scoreUnits(dti922, [{ unit: { id: 37, name: 'Ninh Bình' }, inputs: { … } }], { year: 2024 })
 */
export function scoreUnits(
  method: IndexMethod,
  units: readonly UnitIndexInput[],
  options: ScoreOptions = {},
): UnitIndexScore[] {
  checkRun(method, units, options);
  const flat = flatten(method);
  const groupOf = (u: UnitIndexInput) => u.unit.peerGroup ?? '';

  // values of every unit, and the evidence check, once
  const resolved = units.map((u) =>
    flat.map(({ sub }) => {
      const input = u.inputs[sub.code];
      const value = applies(sub, u.unit.kind) ? resolveValue(sub, input) : null;
      const evidenceCount = input?.evidence?.filter((e) => e.ref.trim() !== '').length ?? 0;
      const lacksEvidence = value !== null && value !== false && requiresEvidence(sub) && evidenceCount === 0;
      return { value, evidenceCount, lacksEvidence };
    }),
  );

  // peer ranks for rank-by-value rules, within each peer group
  const peerRanks = new Map<string, { rank: number; of: number }>();
  const groups = [...new Set(units.map(groupOf))];
  flat.forEach(({ sub }, k) => {
    if (sub.rule.kind !== 'rank' || sub.rule.mode !== 'peer_value') return;
    const direction = sub.rule.direction;
    for (const g of groups) {
      const members = units.map((u, i) => ({ u, i })).filter((x) => groupOf(x.u) === g);
      const usable = members.filter((x) => {
        const r = resolved[x.i]?.[k];
        return r !== undefined && typeof r.value === 'number' && !r.lacksEvidence;
      });
      const ranks = rankCompetition(usable, (x) => resolved[x.i]?.[k]?.value as number, direction);
      usable.forEach((x, n) => {
        const rank = ranks[n];
        if (rank !== null && rank !== undefined)
          peerRanks.set(`${x.i}:${sub.code}`, { rank, of: usable.length });
      });
    }
  });

  const scores = units.map((u, i): UnitIndexScore => {
    const adjustments = new Map((u.adjustments ?? []).map((a) => [a.subIndicator, a]));
    const applied: AppliedAdjustment[] = [];
    let covered = 0;
    const byIndicator: MainIndicatorScore[] = [];
    const byPillar: PillarScore[] = [];
    let k = 0;
    for (const pillar of method.pillars) {
      let pPoints = 0;
      let pMax = 0;
      for (const main of pillar.mainIndicators) {
        let mPoints = 0;
        let mMax = 0;
        const subScores: SubIndicatorScore[] = [];
        for (const sub of main.subIndicators) {
          const r = resolved[i]?.[k] ?? { value: null, evidenceCount: 0, lacksEvidence: false };
          k += 1;
          const isApplicable = applies(sub, u.unit.kind);
          let state: SubIndicatorScore['state'];
          let computed = 0;
          let explanation: Text;
          if (!isApplicable) {
            state = 'not_applicable';
            explanation = {
              vi: 'Không áp dụng cho loại đơn vị này',
              en: 'Does not apply to this kind of unit',
            };
          } else if (r.value === null) {
            state = 'missing';
            explanation = { vi: 'Chưa có số liệu → 0 điểm', en: 'No data → 0 points' };
          } else if (r.lacksEvidence) {
            state = 'no_evidence';
            explanation = { vi: 'Chưa có minh chứng → 0 điểm', en: 'No evidence attached → 0 points' };
          } else {
            const byRule = pointsByRule(sub, r.value, peerRanks.get(`${i}:${sub.code}`) ?? null);
            computed = byRule.points;
            explanation = byRule.explanation;
            state = pillar.scored ? 'scored' : 'unscored';
          }
          if (!pillar.scored && state !== 'not_applicable') {
            state = 'unscored';
            computed = 0;
          }
          const adj = adjustments.get(sub.code);
          const points = adj ? adj.points : computed;
          if (adj) {
            applied.push({ ...adj, fromPoints: computed, maxPoints: sub.maxPoints });
            explanation = {
              vi: `${explanation.vi}. Người thẩm định điều chỉnh thành ${formatFigure(adj.points, 'vi')} điểm: ${adj.reason}`,
              en: `${explanation.en}. Adjusted by the reviewer to ${formatFigure(adj.points, 'en')} points: ${adj.reason}`,
            };
          }
          const applicableMax = isApplicable ? sub.maxPoints : 0;
          if (isApplicable && pillar.scored && r.value !== null) covered += sub.maxPoints;
          mPoints += points;
          mMax += applicableMax;
          subScores.push({
            code: sub.code,
            name: sub.name,
            maxPoints: applicableMax,
            ruleKind: sub.rule.kind,
            source: sub.source,
            value: r.value,
            computedPoints: computed,
            points,
            state,
            adjusted: adj !== undefined,
            evidenceCount: r.evidenceCount,
            provisional: Boolean(
              sub.provisional || main.provisional || pillar.provisional || method.provisional,
            ),
            explanation,
          });
        }
        byIndicator.push({
          code: main.code,
          name: main.name,
          points: mPoints,
          maxPoints: mMax,
          normalized: mMax > 0 ? mPoints / mMax : null,
          subIndicators: subScores,
        });
        pPoints += mPoints;
        pMax += mMax;
      }
      byPillar.push({
        code: pillar.code,
        name: pillar.name,
        scored: pillar.scored,
        points: pillar.scored ? pPoints : 0,
        maxPoints: pillar.scored ? pMax : 0,
        normalized: pillar.scored && pMax > 0 ? pPoints / pMax : null,
        rank: null,
      });
    }
    let total = 0;
    let maxTotal = 0;
    let weighted = 0;
    let weights = 0;
    method.pillars.forEach((pillar, p) => {
      const ps = byPillar[p];
      if (!ps || !pillar.scored) return;
      total += ps.points;
      maxTotal += ps.maxPoints;
      if (ps.normalized !== null) {
        const w = pillar.weight ?? ps.maxPoints;
        weighted += w * ps.normalized;
        weights += w;
      }
    });
    return {
      unit: u.unit,
      method: { code: method.code, version: method.version },
      total,
      maxTotal,
      normalized: weights > 0 ? weighted / weights : 0,
      coverage: maxTotal > 0 ? Math.min(1, covered / maxTotal) : 0,
      byPillar,
      byIndicator,
      adjustments: applied,
      rank: 0,
      peers: 0,
    };
  });

  // rank overall and per pillar, within each peer group
  for (const g of groups) {
    const members = scores.filter((_, i) => groupOf(units[i] as UnitIndexInput) === g);
    const ranks = rankCompetition(members, (s) => s.normalized);
    members.forEach((s, n) => {
      s.rank = ranks[n] ?? members.length;
      s.peers = members.length;
    });
    method.pillars.forEach((pillar, p) => {
      if (!pillar.scored) return;
      const pillarRanks = rankCompetition(members, (s) => s.byPillar[p]?.normalized ?? null);
      members.forEach((s, n) => {
        const ps = s.byPillar[p];
        if (ps) ps.rank = pillarRanks[n] ?? null;
      });
    });
  }

  const collator = new Intl.Collator('vi');
  return scores
    .map((s, i) => ({ s, g: groupOf(units[i] as UnitIndexInput) }))
    .sort(
      (a, b) =>
        collator.compare(a.g, b.g) || a.s.rank - b.s.rank || collator.compare(a.s.unit.name, b.s.unit.name),
    )
    .map((x) => x.s);
}

/**
 * Maps catalog figures (by indicator code) to a method's catalog-fed sub-indicators.
 * Manual items are left to the caller.
 */
export function inputsFromCatalog(
  method: IndexMethod,
  figures: Readonly<Record<string, IndexInput>>,
): Record<string, IndexInput> {
  const out: Record<string, IndexInput> = {};
  for (const { sub } of flatten(method)) {
    if (sub.source.kind !== 'catalog') continue;
    const figure = figures[sub.source.indicator];
    if (figure) out[sub.code] = figure;
  }
  return out;
}

/** The version of a method (by code) in force for a year, or null. */
export function methodForYear(
  methods: readonly IndexMethod[],
  code: string,
  year: number,
): IndexMethod | null {
  return (
    methods.find(
      (m) => m.code === code && m.validFrom <= year && (m.validTo === null || year <= m.validTo),
    ) ?? null
  );
}

/** True when any part of a method is marked provisional (not yet checked against the official text). */
export function hasProvisionalParts(m: IndexMethod): boolean {
  return Boolean(
    m.provisional ||
      m.pillars.some(
        (p) =>
          p.provisional ||
          p.mainIndicators.some((x) => x.provisional || x.subIndicators.some((s) => s.provisional)),
      ),
  );
}
