/**
 * A readable difference between the `before` and `after` of an audit entry:
 * one line per field that was added, removed or changed, with dotted paths
 * into nested objects (`roles.0.unitId`).
 */
import { canonicalJson } from './audit-chain';

/** One changed field. */
export interface FieldChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Leaves of a JSON value by dotted path; arrays of scalars stay whole. */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0 && prefix) out.set(prefix, value);
    for (const k of keys) flatten(value[k], prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  if (Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null)) {
    value.forEach((v, i) => {
      flatten(v, prefix ? `${prefix}.${i}` : String(i), out);
    });
    return;
  }
  out.set(prefix, value);
}

/**
 * The fields that differ, in the order they appear (before's order, then new ones).
 * @example diffAudit({ name: 'A', kind: 'x' }, { name: 'B', kind: 'x' })
 * // [{ path: 'name', kind: 'changed', before: 'A', after: 'B' }]
 */
export function diffAudit(before: unknown, after: unknown): FieldChange[] {
  const b = new Map<string, unknown>();
  const a = new Map<string, unknown>();
  if (before !== null && before !== undefined) flatten(before, '', b);
  if (after !== null && after !== undefined) flatten(after, '', a);
  const changes: FieldChange[] = [];
  for (const [path, bv] of b) {
    if (!a.has(path)) changes.push({ path, kind: 'removed', before: bv, after: undefined });
    else if (canonicalJson(bv) !== canonicalJson(a.get(path)))
      changes.push({ path, kind: 'changed', before: bv, after: a.get(path) });
  }
  for (const [path, av] of a) {
    if (!b.has(path)) changes.push({ path, kind: 'added', before: undefined, after: av });
  }
  return changes;
}
