// `npm run i18n:check`: every message exists in both languages, every error
// code thrown in src/ has a message, and no message is left empty.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { messages } from '../src/i18n';

const problems: string[] = [];
const vi = messages.vi;
const en = messages.en;
for (const k of Object.keys(vi)) if (!(k in en)) problems.push(`missing in en: ${k}`);
for (const k of Object.keys(en)) if (!(k in vi)) problems.push(`missing in vi: ${k}`);
for (const [lang, m] of Object.entries(messages)) {
  for (const [k, v] of Object.entries(m)) if (!v.trim()) problems.push(`empty in ${lang}: ${k}`);
}

function* walk(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) yield p;
  }
}
// codes passed to `new AppError('…'` and detail objects `code: '…'`
const codePattern = /(?:new AppError\(\s*|\bcode:\s*)'([a-z_]+(?:\.[a-z_0-9]+)+)'/g;
for (const file of [...walk('src'), ...walk('web')]) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(codePattern)) {
    const code = m[1] as string;
    if (!(code in vi)) problems.push(`${file}: error code without a message: ${code}`);
  }
}

if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} i18n problem(s)`);
  process.exit(1);
}
console.log(`i18n: ${Object.keys(vi).length} messages in vi and en, all error codes covered`);
