/**
 * What a template asks every province to set. The ministry's template
 * resolution names kinds of objective without values: "Các mục tiêu về phát
 * triển chính quyền số (xác định rõ chỉ tiêu về tỷ lệ dịch vụ công trực tuyến
 * mức độ 4; tỷ lệ hồ sơ công việc …; …)". Each named kind is a requirement a
 * province's program is checked against.
 */
import type { Span } from './quote';

/** One kind of objective a template names, with where it is written. */
export interface RequiredObjectivePhrase {
  text: string;
  span: Span;
}

// "xác định rõ chỉ tiêu về", "các chỉ tiêu về", "chỉ tiêu cụ thể về"
const LEAD = /chỉ tiêu(?:\s+cụ thể)?\s+về\s+/giu;
// the list ends at a bracket (an example follows, or the aside closes), an ellipsis, the end of the sentence or line
const END = /[()]|…|\.\.\.|\.(?:\s|$)|\n/u;
// "Các địa phương có thể chọn lựa … chỉ tiêu về …": what a province may choose is not required
const OPTIONAL = /(?:^|[\s,;])(?:có thể|tùy chọn|khuyến khích)(?=[\s,;:]|$)/iu;

/**
 * The kinds of objective named in "chỉ tiêu về A; B; C; …" lists, one
 * phrase per item, with spans into the text.
 * @example extractRequiredObjectivePhrases('(*xác định rõ chỉ tiêu về tỷ lệ A; tỷ lệ B; ...*)')
 * // [{ text: 'tỷ lệ A', span: [..] }, { text: 'tỷ lệ B', span: [..] }]
 */
export function extractRequiredObjectivePhrases(text: string): RequiredObjectivePhrase[] {
  const found: RequiredObjectivePhrase[] = [];
  for (const m of text.matchAll(LEAD)) {
    const at = m.index ?? 0;
    const sentenceStart = Math.max(text.lastIndexOf('.', at), text.lastIndexOf('\n', at)) + 1;
    if (OPTIONAL.test(text.slice(sentenceStart, at))) continue;
    const start = at + m[0].length;
    const rest = text.slice(start);
    const end = rest.search(END);
    const list = end >= 0 ? rest.slice(0, end) : rest;
    let offset = start;
    for (const part of list.split(';')) {
      const lead = part.length - part.trimStart().length;
      const clean = part.replace(/[*_]+/g, ' ').trim();
      if (clean.length >= 6 && /\p{L}/u.test(clean)) {
        const s = offset + lead;
        found.push({ text: clean.replace(/\s+/g, ' '), span: [s, s + part.trim().length] });
      }
      offset += part.length + 1;
    }
  }
  return found;
}
