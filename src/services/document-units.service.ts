/**
 * Resolving the units a document names ("Sở Y tế", "Văn phòng UBND tỉnh") to
 * the province's departments and agencies.
 */
import { notFound } from '../domain/errors';
import { matchUnitMention, withMentionAliases } from '../domain/unit';
import {
  findDocument,
  listProvinceUnits,
  type UnitCandidate,
  unitNames,
} from '../repositories/document.repository';
import type { ServiceContext } from './context';

/**
 * The unit a mention names among the province's units, or null — by the
 * units' names, short names and the aliases documents use for them ("Sở
 * TT&TT", "Sở Y tế tỉnh Nghệ An"). Collective mentions ("UBND các huyện")
 * name no single unit and stay unresolved.
 * @example matchMention('Sở TT&TT', departments, ['Nghệ An']) // { name: 'Sở Thông tin và Truyền thông', … }
 */
export function matchMention(
  mention: string,
  candidates: readonly UnitCandidate[],
  placeNames: readonly string[] = [],
): UnitCandidate | null {
  if (!mention.trim() || candidates.length === 0) return null;
  const match = matchUnitMention(mention, candidates.map(withMentionAliases), { placeNames });
  if (!match) return null;
  const { aliases: _aliases, ...unit } = match.unit;
  return unit;
}

/** The ways a document names its own province ("Tỉnh Nghệ An", "Nghệ An"), to ignore after a unit's name. */
export async function placeNamesOf(db: ServiceContext['db'], provinceId: number | null): Promise<string[]> {
  if (provinceId === null) return [];
  const unit = (await unitNames(db, [provinceId])).get(provinceId);
  if (!unit) return [];
  return [...new Set([unit.name, unit.name.replace(/^(Tỉnh|Thành phố)\s+/iu, '')])];
}

/** Public: the units a task of the document may name (its province's departments and agencies). */
export async function listDocumentUnits(
  ctx: ServiceContext,
  documentId: number,
): Promise<{ items: { id: number; code: string; name: string; kind: string }[] }> {
  const doc = await findDocument(ctx.db, documentId);
  if (!doc) throw notFound('document', documentId);
  if (doc.provinceId === null) return { items: [] };
  let units = doc.issuedOn ? await listProvinceUnits(ctx.db, doc.provinceId, doc.issuedOn) : [];
  if (units.length === 0) units = await listProvinceUnits(ctx.db, doc.provinceId, 'any');
  return { items: units.map((u) => ({ id: u.id, code: u.code, name: u.name, kind: u.kind })) };
}
