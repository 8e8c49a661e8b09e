/**
 * The audit trail is a hash chain: each entry's hash covers its content and
 * the previous entry's hash, so editing, deleting or reordering a row breaks
 * the chain from that row on. Hashing itself is injected (no node:* here).
 */

/** The content of an audit entry that the hash covers. */
export interface AuditContent {
  seq: number;
  at: string;
  actorUserId: number | null;
  actorLabel: string;
  actorIp: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  unitId: number | null;
  before: unknown;
  after: unknown;
}

/** JSON with object keys sorted at every depth, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The text that is hashed for an entry: the previous hash, then the canonical content. */
export function auditHashInput(prevHash: string, content: AuditContent): string {
  return `${prevHash}\n${canonicalJson(content)}`;
}
