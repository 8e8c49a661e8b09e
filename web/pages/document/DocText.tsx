/**
 * A document's text as read, with highlighted spans (proposed targets and
 * tasks), section anchors for the table of contents, and text selection
 * reported as offsets into the original text.
 *
 * Every character of the text stays in the DOM — Markdown marks left by the
 * conversion are only hidden — so a selection's offset, counted over the DOM
 * text, is exactly an offset into the stored text, and the spans the reader
 * reported land on the right words.
 */
import { type MouseEvent, type ReactNode, useMemo, useRef } from 'react';

export interface TextHighlight {
  key: string;
  start: number;
  end: number;
  className: string;
  /** A short badge shown before the highlight (CSS only, not part of the text). */
  label?: string;
  title?: string;
}

export interface TextAnchor {
  id: string;
  start: number;
  /** End of the heading line, shown in bold. */
  headingEnd: number;
}

interface Segment {
  start: number;
  end: number;
  covering: TextHighlight[];
  heading: boolean;
  anchors: TextAnchor[];
}

// Markdown left by the conversion: emphasis stars, escapes, heading hashes, rules
const MARKS = /\*{1,3}|\\(?=[-.*_#()[\]!+])|^#{1,6}[ \t]+|^-{3,}[ \t]*$/gm;

function plain(chunk: string, keyBase: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of chunk.matchAll(MARKS)) {
    const at = m.index ?? 0;
    if (at > last) out.push(chunk.slice(last, at));
    out.push(
      <span className="md-mark" key={`${keyBase}-${at}`}>
        {m[0]}
      </span>,
    );
    last = at + m[0].length;
  }
  if (last < chunk.length) out.push(chunk.slice(last));
  return out;
}

function segmentsOf(text: string, highlights: TextHighlight[], anchors: TextAnchor[]): Segment[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const points = new Set<number>([0, text.length]);
  for (const h of highlights) {
    points.add(clamp(h.start));
    points.add(clamp(h.end));
  }
  for (const a of anchors) {
    points.add(clamp(a.start));
    points.add(clamp(a.headingEnd));
  }
  const sorted = [...points].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < sorted.length - 1; i++) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    if (end <= start) continue;
    segments.push({
      start,
      end,
      // innermost first: a target inside a task is what a click means
      covering: highlights
        .filter((h) => h.start <= start && h.end >= end)
        .sort((a, b) => a.end - a.start - (b.end - b.start)),
      heading: anchors.some((a) => a.start <= start && a.headingEnd >= end),
      anchors: anchors.filter((a) => a.start === start),
    });
  }
  return segments;
}

/** Offset of a DOM position inside `root`, counted over its text (hidden marks included). */
function offsetIn(root: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** Scrolls the first highlight with this key into view. */
export function scrollToHighlight(root: HTMLElement | null, key: string): void {
  const el = root?.querySelector(`[data-keys~="${CSS.escape(key)}"]`);
  el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

export function DocText({
  text,
  highlights = [],
  anchors = [],
  activeKey,
  onHighlightClick,
  onSelection,
  rootRef,
  className,
}: {
  text: string;
  highlights?: TextHighlight[];
  anchors?: TextAnchor[];
  activeKey?: string | null;
  onHighlightClick?: (key: string) => void;
  /** Called with the selected span (trimmed of surrounding spaces), or null when the selection is cleared. */
  onSelection?: (span: [number, number] | null) => void;
  rootRef?: (el: HTMLDivElement | null) => void;
  className?: string;
}) {
  const ref = useRef<HTMLDivElement | null>(null);
  const segments = useMemo(() => segmentsOf(text, highlights, anchors), [text, highlights, anchors]);

  const onMouseUp = () => {
    if (!onSelection || !ref.current) return;
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return onSelection(null);
    const range = sel.getRangeAt(0);
    if (!ref.current.contains(range.commonAncestorContainer)) return onSelection(null);
    let start = offsetIn(ref.current, range.startContainer, range.startOffset);
    let end = offsetIn(ref.current, range.endContainer, range.endOffset);
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    onSelection(end > start ? [start, end] : null);
  };

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    if (!onHighlightClick) return;
    if (!window.getSelection()?.isCollapsed) return;
    const mark = (e.target as HTMLElement).closest('mark[data-keys]');
    const key = mark?.getAttribute('data-keys')?.split(' ')[0];
    if (key) onHighlightClick(key);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: selecting text is a pointer gesture; every action also exists in the side list
    // biome-ignore lint/a11y/useKeyWithClickEvents: the highlighted items are reachable from the side list by keyboard
    <div
      className={`doc-text ${className ?? ''}`}
      ref={(el) => {
        ref.current = el;
        rootRef?.(el);
      }}
      onMouseUp={onMouseUp}
      onClick={onClick}
      lang="vi"
    >
      {segments.map((s) => {
        const chunk = text.slice(s.start, s.end);
        let node: ReactNode = plain(chunk, String(s.start));
        if (s.heading) node = <strong className="doc-heading">{node}</strong>;
        if (s.covering.length > 0) {
          const keys = s.covering.map((h) => h.key);
          const first = s.covering.find((h) => h.start === s.start && h.label);
          const classes = [...new Set(s.covering.map((h) => h.className))];
          if (activeKey && keys.includes(activeKey)) classes.push('is-active');
          node = (
            <mark
              className={classes.join(' ')}
              data-keys={keys.join(' ')}
              data-label={first?.label}
              title={s.covering[0]?.title}
            >
              {node}
            </mark>
          );
        }
        return (
          <span key={s.start}>
            {s.anchors.map((a) => (
              <span key={a.id} id={a.id} className="doc-anchor" />
            ))}
            {node}
          </span>
        );
      })}
    </div>
  );
}
