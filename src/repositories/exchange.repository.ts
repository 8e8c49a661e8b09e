/**
 * Reads the exchange of figures by code needs: units by their official or
 * internal code (every interval of each), and the secret that signs Excel
 * templates.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from './db';

/** A unit as a code names it, with its interval of validity. */
export interface CodedUnit {
  id: number;
  code: string;
  codeSystem: 'dvhc' | 'internal';
  name: string;
  kind: string;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
}

/** Every unit row whose code is one of these (a code may name several rows over time). */
export async function unitsByCodes(db: Db, codes: readonly string[]): Promise<CodedUnit[]> {
  const unique = [...new Set(codes.filter((c) => c !== ''))];
  if (unique.length === 0) return [];
  const out: CodedUnit[] = [];
  for (let i = 0; i < unique.length; i += 5000) {
    out.push(
      ...(await db
        .selectFrom('unit')
        .select(['id', 'code', 'codeSystem', 'name', 'kind', 'parentId', 'validFrom', 'validTo'])
        .where('code', 'in', unique.slice(i, i + 5000))
        .orderBy('id')
        .execute()),
    );
  }
  return out;
}

const TEMPLATE_KEY = 'exchange.template_key';

/**
 * The key that signs Excel templates (made on first use, kept in
 * `app_setting`). Two processes making it at once agree: the first insert wins.
 */
export async function templateSigningKey(db: Db): Promise<Buffer> {
  const read = async () =>
    (await db.selectFrom('appSetting').select('value').where('key', '=', TEMPLATE_KEY).executeTakeFirst())
      ?.value as string | undefined;
  const stored = await read();
  if (typeof stored === 'string') return Buffer.from(stored, 'base64');
  await db
    .insertInto('appSetting')
    .values({ key: TEMPLATE_KEY, value: JSON.stringify(randomBytes(32).toString('base64')) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return Buffer.from((await read()) as string, 'base64');
}
