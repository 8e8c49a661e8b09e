/**
 * Signatures of the Excel template: an HMAC-SHA-256 with the installation's
 * key over what the hidden sheet says (the round) and over each data row
 * (its unit and indicator codes and what it held when the template was
 * made). A code changed in the sheet no longer matches its signature, so an
 * upload names the cell instead of saving a figure under another unit or
 * indicator; without the key no one can make a matching signature.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  metaSignedText,
  rowSignedText,
  type TemplateMeta,
  type TemplateRowIdentity,
} from '../../contracts/exchange-template';

const mac = (key: Buffer, text: string, length: number) =>
  createHmac('sha256', key).update(text, 'utf8').digest('base64url').slice(0, length);

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The signature of the hidden sheet. */
export function signMeta(key: Buffer, meta: Omit<TemplateMeta, 'signature'>): string {
  return mac(key, metaSignedText(meta), 43);
}

/** True when the hidden sheet is as the installation wrote it. */
export function verifyMeta(key: Buffer, meta: TemplateMeta): boolean {
  return same(signMeta(key, meta), meta.signature);
}

/**
 * A data row's signature: `<unit part>.<row part>` — the first covers the
 * unit code alone, so a changed unit code is told apart from a changed
 * indicator code.
 */
export function signRow(key: Buffer, r: TemplateRowIdentity): string {
  const unit = mac(key, `unit|${r.roundId}|${r.sheetKind}|${r.unitCode}`, 16);
  return `${unit}.${mac(key, rowSignedText(r), 22)}`;
}

/** Which part of a data row no longer matches its signature: `unit`, `row`, or null when it matches. */
export function checkRow(key: Buffer, r: TemplateRowIdentity, signature: string): 'unit' | 'row' | null {
  const [unitPart = '', rowPart = ''] = signature.split('.');
  const expected = signRow(key, r).split('.');
  if (!same(expected[0] ?? '', unitPart)) return 'unit';
  if (!same(expected[1] ?? '', rowPart)) return 'row';
  return null;
}
