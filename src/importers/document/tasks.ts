/**
 * Tasks: the groups of the tasks part (numbered sections under "Nhiệm vụ,
 * giải pháp") and the tasks in them, with lead and cooperating units — from
 * the task's own words ("Sở Y tế chủ trì, phối hợp với …") and from the
 * implementation part ("Sở Y tế: Chủ trì triển khai các nhiệm vụ … tại mục
 * II/5.1"; "Chủ trì nội dung phát triển Chính phủ số") — deadlines and tags.
 */
import { readDeadline } from './deadlines';
import type { Block, Layout } from './structure';
import { type Cell, findTables, taskColumns } from './tables';
import { tagTask } from './tags';
import { splitClauses } from './targets';
import { capitalize, foldKeepLength, romanToNumber, squash } from './text';
import type { Section, Task } from './types';
import { findUnitMentions, type UnitMention } from './unit-aliases';

interface Assignment {
  section: number;
  units: string[];
  mentions: string[];
  role: 'lead' | 'cooperating';
  /** A named section or topic beats a whole part. */
  specific: boolean;
}

function children(sections: Section[], index: number): Section[] {
  return sections.filter((s) => s.parent === index);
}

function isDescendant(sections: Section[], index: number, of: number): boolean {
  let at: number | null = index;
  while (at !== null) {
    if (at === of) return true;
    at = (sections[at] as Section).parent;
  }
  return false;
}

/** A section with a heading of its own (not a lettered paragraph). */
function isHeaded(layout: Layout, section: Section, blockOf: Map<number, Block>): boolean {
  if (section.kind === 'ordinal' || section.kind === 'roman' || section.kind === 'part') return true;
  if (children(layout.sections, section.index).some((c) => c.kind !== 'bullet')) return true;
  const block = blockOf.get(section.index);
  if (!block) return false;
  if (block.strongEnd !== null && block.strongEnd > block.contentStart) return true;
  const rest = layout.clean.slice(section.headingSpan[1], block.end).replace(/^[\s:.;]+/, '');
  return rest.length === 0 && section.headingSpan[1] - block.contentStart <= 200;
}

/** The groups of the tasks part, in document order. */
function taskGroups(layout: Layout, blockOf: Map<number, Block>): Section[] {
  const { sections } = layout;
  return sections.filter((s) => {
    if (s.kind === 'bullet' || s.role !== 'tasks' || s.parent === null) return false;
    const parent = sections[s.parent] as Section;
    if (parent.role !== 'tasks') return false;
    return isHeaded(layout, s, blockOf);
  });
}

const leadVerb = /(?:^|[^a-z])chu tri(?![a-z])/;
const coopVerb = /(?:^|[^a-z])phoi hop(?![a-z])/;

/** Leads and cooperating units a clause names around "chủ trì" / "phối hợp". */
function unitsOfClause(
  layout: Layout,
  from: number,
  to: number,
): { leads: UnitMention[]; cooperating: UnitMention[] } {
  const folded = layout.folded.slice(from, to);
  const mentions = findUnitMentions(layout.text, layout.folded, from, to);
  const leads: UnitMention[] = [];
  const cooperating: UnitMention[] = [];
  const lead = leadVerb.exec(folded);
  const coop = coopVerb.exec(folded);
  if (!lead && !coop) return { leads, cooperating };
  const leadAt = lead ? from + lead.index : -1;
  const coopAt = coop ? from + coop.index : -1;
  // "Cơ quan chủ trì: Sở A; cơ quan phối hợp: Sở B, Sở C"
  const labelled = /(co quan|don vi)\s+chu tri\s*:/.exec(folded);
  for (const m of mentions) {
    if (labelled) {
      const coopLabel = /(co quan|don vi)\s+phoi hop\s*:/.exec(folded);
      if (coopLabel && m.start >= from + coopLabel.index) cooperating.push(m);
      else if (m.start > from + labelled.index) leads.push(m);
      continue;
    }
    if (coop && m.start > coopAt && (!lead || coopAt > leadAt || m.start > coopAt)) cooperating.push(m);
    else if (lead && (m.end <= leadAt || (m.start > leadAt && (!coop || m.start < coopAt)))) leads.push(m);
  }
  return { leads, cooperating };
}

function names(mentions: UnitMention[]): string[] {
  return [...new Set(mentions.map((m) => m.name))];
}

function written(layout: Layout, mentions: UnitMention[]): string[] {
  return [...new Set(mentions.map((m) => squash(layout.text.slice(m.start, m.end))))];
}

/** Sections named by "mục II/5.1", "mục 5.2, phần II", "điểm a khoản 1 mục III", "mục II". */
export function readSectionReferences(folded: string): string[] {
  const refs: string[] = [];
  const re =
    /(?:cac\s+)?(muc|tieu muc|diem|khoan|phan)\s+((?:[ivxlc]+|\d+(?:\.\d+)*\.?|[a-z])(?:\s*(?:\/|,|va|\.)\s*(?:[ivxlc]+|\d+(?:\.\d+)*\.?|[a-z])(?![a-z]))*)/g;
  let part: string | null = null;
  let items: string[] = [];
  let khoan: string[] = [];
  let diem: string[] = [];
  for (const m of folded.matchAll(re)) {
    const word = m[1] as string;
    const list = (m[2] as string)
      .split(/\s*(?:,|\bva\b)\s*/)
      .map((x) => x.trim().replace(/\.$/, ''))
      .filter(Boolean);
    if (word === 'phan') part = list[0]?.toUpperCase() ?? part;
    else if (word === 'khoan') khoan = list;
    else if (word === 'diem') diem = list;
    else items.push(...list);
  }
  if (!items.length && part) items = [part];
  for (const raw of items) {
    const pieces = raw.split(/\s*[/.]\s*/).filter(Boolean);
    const head = pieces[0] ?? '';
    let path = pieces
      .map((p) => (romanToNumber(p.toUpperCase()) !== null && /^[ivxlc]+$/.test(p) ? p.toUpperCase() : p))
      .join('.');
    if (part && !/^[IVXLC]+$/.test(path.split('.')[0] ?? '') && !/^[ivxlc]+$/.test(head))
      path = `${part}.${path}`;
    for (const k of khoan.length ? khoan : [null]) {
      for (const d of diem.length ? diem : [null]) refs.push([path, k, d].filter(Boolean).join('.'));
    }
  }
  return [...new Set(refs)];
}

const SYNONYMS: [RegExp, string][] = [
  [/chinh phu so/g, 'chinh quyen so'],
  [/chinh phu dien tu/g, 'chinh quyen dien tu'],
  [/cntt/g, 'cong nghe thong tin'],
];
const TOPIC_STOP = new Set(
  'mot so cac nhung nhiem vu giai phap noi dung ve trong linh vuc cua tai theo va de cho phat trien thuc hien trien khai chuyen doi so'.split(
    ' ',
  ),
);

function topicWords(folded: string): string[] {
  let t = folded;
  for (const [re, to] of SYNONYMS) t = t.replace(re, to);
  // keep "so" (digital) only inside a phrase such as "chinh quyen so"
  const words = t.split(/[^a-z0-9]+/).filter(Boolean);
  const out: string[] = [];
  words.forEach((w, i) => {
    if (w === 'so' && i > 0 && !TOPIC_STOP.has(words[i - 1] as string)) out.push(`${words[i - 1]}_so`);
    else if (!TOPIC_STOP.has(w)) out.push(w);
  });
  return out;
}

/** The group a topic names ("phát triển Chính phủ số" → "Một số nhiệm vụ, giải pháp phát triển Chính quyền số"). */
function groupOfTopic(groups: Section[], topic: string): Section | null {
  const wanted = topicWords(topic);
  if (!wanted.length) return null;
  let best: Section | null = null;
  let bestExtra = Number.POSITIVE_INFINITY;
  for (const g of groups) {
    const words = new Set(topicWords(foldKeepLength(g.heading)));
    if (!wanted.every((w) => words.has(w))) continue;
    const extra = words.size - wanted.length;
    if (extra < bestExtra) {
      best = g;
      bestExtra = extra;
    }
  }
  return best;
}

/** The units a heading is the name of ("4. Sở Giáo dục và Đào tạo"), or none when it says more than a name. */
function unitHeading(layout: Layout, section: Section): UnitMention[] {
  const [hs, he] = [section.contentStart, section.headingSpan[1]];
  const mentions = findUnitMentions(layout.text, layout.folded, hs, he);
  const covered = mentions.reduce((n, m) => n + (m.end - m.start), 0);
  // the heading is the unit's name (and nothing much else)
  return mentions.length && covered >= (he - hs) * 0.6 ? mentions : [];
}

/** Units named by the item of the implementation part that a block belongs to ("4. Sở Giáo dục và Đào tạo"). */
function subjectOfItem(layout: Layout, section: Section | null): UnitMention[] {
  let at: Section | null = section;
  while (at && at.role === 'implementation') {
    const mentions = unitHeading(layout, at);
    if (mentions.length) return mentions;
    at = at.parent === null ? null : (layout.sections[at.parent] as Section);
  }
  return [];
}

/** What the implementation part assigns: who leads or cooperates on which section. */
function implementationAssignments(layout: Layout, groups: Section[]): Assignment[] {
  const out: Assignment[] = [];
  const { sections, folded, clean } = layout;
  const byPath = new Map<string, Section>();
  for (const s of sections) if (!byPath.has(s.path)) byPath.set(s.path, s);
  const resolve = (path: string): Section | null => {
    const exact = byPath.get(path);
    if (exact) return exact;
    const tail = sections.filter(
      (s) => s.kind !== 'bullet' && s.role === 'tasks' && s.path.endsWith(`.${path}`),
    );
    return tail.length === 1 ? (tail[0] as Section) : null;
  };
  for (const block of layout.blocks) {
    if (block.endMatter || block.section === null) continue;
    const section = sections[block.section] as Section;
    if (section.role !== 'implementation') continue;
    const itemSubject = subjectOfItem(layout, section);
    for (const [cs, ce] of splitClauses(clean, block.contentStart, block.end, false)) {
      const clause = folded.slice(cs, ce);
      const lead = leadVerb.exec(clause);
      if (!lead) {
        // "UBND các huyện, thành phố: Phối hợp thực hiện các nhiệm vụ tại phần III"
        const coop = /(?:^|[^a-z])phoi hop\s+(?:thuc hien|trien khai|voi)/.exec(clause);
        if (!coop) continue;
        const coopAt = cs + coop.index;
        const before = findUnitMentions(layout.text, folded, cs, coopAt + 1).filter(
          (m) => m.end <= coopAt + 1,
        );
        const subject = before.length ? before : itemSubject;
        if (!subject.length) continue;
        for (const ref of readSectionReferences(clause.slice(coop.index))) {
          const s = resolve(ref);
          if (s)
            out.push({
              section: s.index,
              units: names(subject),
              mentions: written(layout, subject),
              role: 'cooperating',
              specific: false,
            });
        }
        continue;
      }
      const leadAt = cs + lead.index;
      // who: the units before "chủ trì" in the clause, else the item's heading
      const before = findUnitMentions(layout.text, folded, cs, leadAt + 1).filter((m) => m.end <= leadAt + 1);
      const subject = before.length ? before : itemSubject;
      if (!subject.length) continue;
      const after = clause.slice(lead.index);
      const andCoop = /^\W*chu tri\s*(?:va|,)\s*phoi hop/.test(after);
      const coopUnits = /phoi hop\s+(?:voi\s+)?/.test(after)
        ? findUnitMentions(layout.text, folded, leadAt, ce).filter(
            (m) => !subject.some((s) => s.name === m.name),
          )
        : [];
      const targets: { section: Section; specific: boolean }[] = [];
      for (const ref of readSectionReferences(after)) {
        const s = resolve(ref);
        if (s)
          targets.push({
            section: s,
            specific:
              groups.some((g) => isDescendant(sections, g.index, s.index) && g.index !== s.index) === false,
          });
      }
      if (!targets.length) {
        const topic =
          /chu tri\s+(?:trien khai\s+|thuc hien\s+|to chuc thuc hien\s+|to chuc trien khai\s+)?(?:cac\s+)?(?:noi dung|nhiem vu(?:,? giai phap)?|giai phap|linh vuc|chuong trinh)\s+(?:ve\s+)?(.{4,120}?)\s*(?:(?:tai|trong|theo|cua|thuoc)\s+(?:ke hoach|nghi quyet|chuong trinh|de an)|[.;]|$)/.exec(
            after,
          );
        const g = topic ? groupOfTopic(groups, topic[1] as string) : null;
        if (g) targets.push({ section: g, specific: true });
      }
      for (const t of targets) {
        out.push({
          section: t.section.index,
          units: names(subject),
          mentions: written(layout, subject),
          role: 'lead',
          specific: t.specific && !andCoop,
        });
        if (coopUnits.length)
          out.push({
            section: t.section.index,
            units: names(coopUnits),
            mentions: written(layout, coopUnits),
            role: 'cooperating',
            specific: t.specific,
          });
      }
    }
  }
  return out;
}

/** A group's heading without who leads it or by when ("…; Văn phòng UBND tỉnh chủ trì; hoàn thành trong Quý II/2022"). */
function groupTitle(heading: string): string {
  const who = /chủ trì|phối hợp|hoàn thành|thời gian|thời hạn|cơ quan/iu;
  let title = heading.replace(/\s*\([^()]*\)/gu, (m) => (who.test(m) ? '' : m));
  const parts = title.split(/\s*;\s*/u);
  while (parts.length > 1 && who.test(parts[parts.length - 1] as string)) parts.pop();
  title = parts.join('; ');
  return capitalize(title.replace(/[:.;]\s*$/u, '').trim());
}

/** The units a table cell names; names the reader does not know are kept as written. */
function cellUnits(layout: Layout, cell: Cell): UnitMention[] {
  const found = findUnitMentions(layout.text, layout.folded, cell.start, cell.end);
  if (found.length) return found;
  const out: UnitMention[] = [];
  let at = cell.start;
  for (const part of layout.text.slice(cell.start, cell.end).split(/([,;]|\bvà\b)/u)) {
    const name = part.trim();
    if (name && !/^[,;]$|^và$/u.test(name) && /\p{Lu}/u.test(name.charAt(0)))
      out.push({ name, start: at, end: at + part.length, collective: false });
    at += part.length;
  }
  return out;
}

/** A deadline cell: "Quý III/2024", "Năm 2024", "2024", "30/6/2024", "Tháng 9/2024". */
function readCellDeadline(layout: Layout, cell: Cell): string | null {
  const stated = readDeadline(layout.folded, cell.start, cell.end);
  if (stated) return stated.value;
  const f = cell.folded.trim();
  const date = /^(\d{1,2})[/.-](\d{1,2})[/.-](20\d\d)$/.exec(f);
  if (date)
    return `${date[3]}-${(date[2] as string).padStart(2, '0')}-${(date[1] as string).padStart(2, '0')}`;
  const month = /^thang\s+(\d{1,2})\s*[/-]\s*(20\d\d)$/.exec(f);
  if (month) {
    const y = Number(month[2]);
    const m = Number(month[1]);
    const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return m >= 1 && m <= 12 ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null;
  }
  const year = /^(?:nam\s+)?(20\d\d)$/.exec(f);
  return year ? (year[1] as string) : null;
}

function firstSentence(text: string, max = 160): string {
  // "(Cơ quan chủ trì: …; thời gian: …)" says who and when, not what
  const s = squash(text).replace(/\s*\([^()]*?(chủ trì|phối hợp|thời gian|thời hạn|cơ quan)[^()]*\)/giu, '');
  const cut = s.search(/[.;:](\s|$)/);
  let out = cut > 0 ? s.slice(0, cut) : s;
  if (out.length > max) {
    out = out.slice(0, max);
    out = `${out.slice(0, Math.max(out.lastIndexOf(' '), max - 20))}…`;
  }
  return capitalize(out);
}

/** Reads the task groups and tasks of a document. */
export function extractTasks(layout: Layout): Task[] {
  const { sections, clean } = layout;
  const blockOf = new Map<number, Block>();
  for (const b of layout.blocks) if (b.marker && b.section !== null) blockOf.set(b.section, b);
  const groups = taskGroups(layout, blockOf);
  const groupSet = new Set(groups.map((g) => g.index));
  const tasks: Task[] = [];
  const groupTask = new Map<number, number>();

  const makeTask = (
    kind: 'group' | 'task',
    sectionIndex: number,
    path: string,
    title: string,
    span: [number, number],
    parent: number | null,
  ): Task => {
    const text = squash(clean.slice(span[0], span[1]));
    const tags = tagTask(title, text);
    return {
      kind,
      section: path,
      title,
      text,
      leads: [],
      cooperating: [],
      leadMentions: [],
      cooperatingMentions: [],
      deadline: null,
      deadlineText: null,
      span,
      parent,
      sectionIndex,
      ...tags,
    };
  };
  const addUnits = (task: Task, leads: UnitMention[], coop: UnitMention[]) => {
    for (const n of names(leads)) if (!task.leads.includes(n)) task.leads.push(n);
    for (const n of names(coop))
      if (!task.cooperating.includes(n) && !task.leads.includes(n)) task.cooperating.push(n);
    for (const n of written(layout, leads)) if (!task.leadMentions.includes(n)) task.leadMentions.push(n);
    for (const n of written(layout, coop))
      if (!task.cooperatingMentions.includes(n)) task.cooperatingMentions.push(n);
  };

  // tasks listed by unit ("1. Sở Nội vụ" then what it does): the heading's unit leads what is under it
  const groupSubject = new Map<number, UnitMention[]>();
  for (const g of groups) {
    let parentGroup: number | null = null;
    let inherited: UnitMention[] = [];
    for (let p = g.parent; p !== null; p = (sections[p] as Section).parent)
      if (groupSet.has(p)) {
        parentGroup = groupTask.get(p) ?? null;
        inherited = groupSubject.get(p) ?? [];
        break;
      }
    const group = makeTask('group', g.index, g.path, groupTitle(g.heading), g.span, parentGroup);
    groupTask.set(g.index, tasks.length);
    tasks.push(group);
    const own = { leads: [] as UnitMention[], coop: [] as UnitMention[] };
    const headingUnits = unitsOfClause(layout, g.headingSpan[0], g.headingSpan[1]);
    own.leads.push(...headingUnits.leads);
    own.coop.push(...headingUnits.cooperating);
    const named = headingUnits.leads.length || headingUnits.cooperating.length ? [] : unitHeading(layout, g);
    const subject = named.length ? named : inherited;
    groupSubject.set(g.index, subject);
    if (named.length) own.leads.push(...named);
    else if (own.leads.length === 0 && inherited.length) own.leads.push(...inherited);

    // the group's own items: bullets and paragraphs directly in it, and the words after its heading
    const items: [number, number, boolean][] = [];
    const block = blockOf.get(g.index);
    if (block && g.headingSpan[1] < block.end) {
      const rest = clean.slice(g.headingSpan[1], block.end);
      const skip = rest.length - rest.replace(/^[\s:.;]+/, '').length;
      if (block.end - (g.headingSpan[1] + skip) > 10) items.push([g.headingSpan[1] + skip, block.end, false]);
    }
    for (const b of layout.blocks) {
      if (b.endMatter || b === block) continue;
      if (b.start < g.span[0] || b.start >= g.span[1]) continue;
      if (!b.marker && b.section === g.index) items.push([b.start, b.end, false]);
      else if (b.marker && b.section !== null) {
        const s = sections[b.section] as Section;
        if (s.parent === g.index && !groupSet.has(s.index)) items.push([s.span[0], s.span[1], true]);
      }
    }
    items.sort((a, b) => a[0] - b[0]);
    for (const [s, e, marked] of items) {
      const start = marked ? (layout.blocks.find((b) => b.start === s)?.contentStart ?? s) : s;
      const task = makeTask(
        'task',
        g.index,
        g.path,
        firstSentence(clean.slice(start, e)),
        [start, e],
        groupTask.get(g.index) ?? null,
      );
      for (const [cs, ce] of splitClauses(clean, s, e, false)) {
        const u = unitsOfClause(layout, cs, ce);
        addUnits(task, u.leads, u.cooperating);
      }
      // "Chủ trì rà soát …", "Phối hợp Sở A …" under "1. Sở Nội vụ": the heading's unit leads it
      if (task.leads.length === 0 && subject.length) addUnits(task, subject, []);
      const deadline = readDeadline(layout.folded, s, e);
      if (deadline) {
        task.deadline = deadline.value;
        task.deadlineText = squash(layout.text.slice(deadline.start, deadline.end));
      }
      tasks.push(task);
    }
    addUnits(group, own.leads, own.coop);
    const deadline = readDeadline(layout.folded, g.headingSpan[0], g.headingSpan[1]);
    if (deadline) {
      group.deadline = deadline.value;
      group.deadlineText = squash(layout.text.slice(deadline.start, deadline.end));
    }
  }

  // task tables: rows inside a group are its tasks; a table of its own makes a group of each numbered row
  for (const table of findTables(layout)) {
    const columns = taskColumns(table);
    if (!columns) continue;
    let holder: Section | null = null;
    for (let at = table.section; at !== null; at = (sections[at] as Section).parent)
      if (groupSet.has(at)) {
        holder = sections[at] as Section;
        break;
      }
    const base = table.section === null ? '' : (sections[table.section] as Section).path;
    const rowGroups = new Map<string, number>();
    for (const row of table.body) {
      const what = row[columns.task];
      if (!what || !/[a-z]{2}/.test(what.folded)) continue;
      const number =
        columns.number === null
          ? ''
          : (layout.text.slice(row[columns.number]?.start ?? 0, row[columns.number]?.end ?? 0).trim() ?? '');
      const first = row[0] as Cell;
      const last = row[row.length - 1] as Cell;
      const span: [number, number] = [first.start, last.end];
      const title = firstSentence(layout.text.slice(what.start, what.end));
      const lead = row[columns.lead];
      const coop = columns.cooperating === null ? undefined : row[columns.cooperating];
      const when = columns.deadline === null ? undefined : row[columns.deadline];
      let task: Task;
      if (holder) {
        task = makeTask('task', holder.index, holder.path, title, span, groupTask.get(holder.index) ?? null);
      } else {
        const key = number.replace(/\.$/, '');
        const parentKey = key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : null;
        const path = key ? (base ? `${base}.${key}` : key) : base;
        task = makeTask(
          'group',
          table.section ?? 0,
          path,
          title,
          span,
          parentKey ? (rowGroups.get(parentKey) ?? null) : null,
        );
        if (key) rowGroups.set(key, tasks.length);
      }
      if (lead) addUnits(task, cellUnits(layout, lead), coop ? cellUnits(layout, coop) : []);
      else if (coop) addUnits(task, [], cellUnits(layout, coop));
      const deadline = when ? readCellDeadline(layout, when) : null;
      if (deadline) {
        task.deadline = deadline;
        task.deadlineText = squash(layout.text.slice(when?.start ?? 0, when?.end ?? 0));
      }
      tasks.push(task);
    }
  }

  // what the implementation part assigns, the most specific first
  const assignments = implementationAssignments(layout, groups);
  const specificLead = new Set<number>();
  for (const a of assignments) if (a.specific && a.role === 'lead') specificLead.add(a.section);
  for (const g of groups) {
    const task = tasks[groupTask.get(g.index) as number] as Task;
    for (const a of assignments) {
      if (!isDescendant(sections, g.index, a.section)) continue;
      const direct = a.section === g.index;
      // a department named for this group (or a group above it) leads; a whole part's units then cooperate
      const namedHere = [...specificLead].some((s) => isDescendant(sections, g.index, s));
      let role = a.role;
      if (a.role === 'lead' && !a.specific && namedHere) role = 'cooperating';
      if (a.role === 'lead' && a.specific && !direct && !isDescendant(sections, g.index, a.section)) continue;
      const list = role === 'lead' ? task.leads : task.cooperating;
      const mentionList = role === 'lead' ? task.leadMentions : task.cooperatingMentions;
      for (const n of a.units) if (!list.includes(n)) list.push(n);
      for (const n of a.mentions) if (!mentionList.includes(n)) mentionList.push(n);
    }
    task.cooperating = task.cooperating.filter((n) => !task.leads.includes(n));
  }
  // a group no one is named for is led by whoever its own tasks name as leading
  for (const g of groups) {
    const task = tasks[groupTask.get(g.index) as number] as Task;
    if (task.leads.length) continue;
    for (const t of tasks)
      if (t.kind === 'task' && t.sectionIndex === g.index)
        for (const n of t.leads) if (!task.leads.includes(n)) task.leads.push(n);
    task.cooperating = task.cooperating.filter((n) => !task.leads.includes(n));
  }
  return tasks;
}
