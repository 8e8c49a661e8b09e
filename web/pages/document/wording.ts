/**
 * How the document pages put targets, kinds and links into words, in the
 * current language (vi-VN numbers: decimal comma, thousands dot).
 */

import { useMemo } from 'react';
import type { DocumentKind } from '../../../src/contracts/document';
import {
  formatTarget,
  formatTargetValue,
  type TargetWording,
} from '../../../src/domain/document/target-text';
import { useI18n } from '../../i18n';

type TargetLike = Parameters<typeof formatTarget>[0];

/** Formatting helpers bound to the current language. */
export function useDocumentWording() {
  const { t, number } = useI18n();
  // stable per language, so pages can memoise on it
  return useMemo(() => wordingFor(t, number), [t, number]);
}

function wordingFor(
  t: (key: string, params?: Record<string, string | number | boolean | null | undefined>) => string,
  number: (v: number, digits?: number) => string,
) {
  const wording: TargetWording = { number: (v) => number(v, 2), t: (key, params) => t(key, params) };
  return {
    wording,
    /** "≥ 90% — cấp tỉnh — năm 2025" */
    target: (x: TargetLike) => formatTarget(x, wording),
    /** "≥ 90%" */
    value: (x: Parameters<typeof formatTargetValue>[0]) => formatTargetValue(x, wording),
    kind: (k: DocumentKind | null | undefined) => (k ? t(`documents.kind.${k}`) : ''),
    level: (l: string | null) => t(`documents.level.${l ?? 'none'}`),
  };
}

/** A document's short name for headings and pickers: "Nghị quyết 09-NQ/TU" or its title. */
export function documentLabel(
  d: { kind: DocumentKind; number: string | null; title: string; provinceName?: string | null },
  kindLabel: (k: DocumentKind) => string,
): string {
  const place = d.provinceName ? ` — ${d.provinceName.replace(/^(Tỉnh|Thành phố)\s+/u, '')}` : '';
  return d.number ? `${kindLabel(d.kind)} ${d.number}${place}` : `${kindLabel(d.kind)}${place}: ${d.title}`;
}
