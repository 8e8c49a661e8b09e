/**
 * Evidence files for figures and task updates: PDF, images (PNG, JPEG, WebP,
 * GIF), DOCX and XLSX up to 10 MB. The type is read from the file's bytes,
 * not trusted from the browser, and must agree with its extension; files are
 * served back as attachments with their stored type and `nosniff`.
 */
import { createHash } from 'node:crypto';
import type { Evidence } from '../contracts/submission';
import { actorUserId } from '../domain/auth/actor';
import { AppError, notFound } from '../domain/errors';
import { isEditable } from '../domain/submission/workflow';
import { insertRevisions, insertValues, lockValues } from '../repositories/data-value.repository';
import {
  deleteEvidence as deleteEvidenceRow,
  findEvidenceOwner,
  insertEvidence,
  readEvidenceContent,
} from '../repositories/data-value-evidence.repository';
import { inTransaction } from '../repositories/db';
import {
  askedIndicatorsByRoundKind,
  listRoundTaskIds,
  listRoundUnits,
} from '../repositories/round.repository';
import { findSubmission, findSubmissionOf } from '../repositories/submission.repository';
import { findTaskUpdates, insertTaskUpdate } from '../repositories/task-update.repository';
import { recordAudit } from './audit';
import { requirePermission } from './authorize';
import type { ServiceContext } from './context';
import { roundTaskLeads } from './round.service';

/** The largest evidence file accepted. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const extensions: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
  [DOCX]: ['docx'],
  [XLSX]: ['xlsx'],
};

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Whether a ZIP archive holds an entry whose name starts with `prefix` (names are stored uncompressed). */
function zipHasEntry(b: Uint8Array, prefix: string): boolean {
  const needle = ascii(prefix);
  // local file headers: PK\x03\x04, name length at 26, name at 30
  for (let i = 0; i + 30 < b.length; ) {
    if (!startsWith(b, [0x50, 0x4b, 0x03, 0x04], i)) break;
    const nameLen = (b[i + 26] as number) | ((b[i + 27] as number) << 8);
    const extraLen = (b[i + 28] as number) | ((b[i + 29] as number) << 8);
    const compSize =
      ((b[i + 18] as number) |
        ((b[i + 19] as number) << 8) |
        ((b[i + 20] as number) << 16) |
        ((b[i + 21] as number) << 24)) >>>
      0;
    if (startsWith(b, needle, i + 30)) return true;
    const flags = (b[i + 6] as number) | ((b[i + 7] as number) << 8);
    // sizes after the data (bit 3): cannot walk on; search the central directory instead
    if (flags & 0x08) break;
    i += 30 + nameLen + extraLen + compSize;
  }
  // central directory entries: PK\x01\x02, name at 46
  for (let i = b.length - 46; i >= 0; i--) {
    if (startsWith(b, [0x50, 0x4b, 0x01, 0x02], i) && startsWith(b, needle, i + 46)) return true;
  }
  return false;
}

/**
 * The media type of a file from its bytes, or null when it is not one of the
 * accepted kinds.
 * @example detectEvidenceType(new TextEncoder().encode('%PDF-1.7 …')) // 'application/pdf'
 */
export function detectEvidenceType(b: Uint8Array): string | null {
  if (startsWith(b, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) {
    if (zipHasEntry(b, 'word/')) return DOCX;
    if (zipHasEntry(b, 'xl/')) return XLSX;
  }
  return null;
}

/** Checks a file; returns its media type or throws 413/415 saying why. */
export function checkEvidenceFile(fileName: string, bytes: Uint8Array): string {
  if (bytes.byteLength === 0)
    throw new AppError('evidence.empty', { status: 422, params: { file: fileName } });
  if (bytes.byteLength > MAX_EVIDENCE_BYTES)
    throw new AppError('evidence.too_large', { status: 413, params: { file: fileName, max: '10 MB' } });
  const type = detectEvidenceType(bytes);
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (!type || !(extensions[type] ?? []).includes(ext)) {
    throw new AppError('evidence.type_not_allowed', { status: 415, params: { file: fileName } });
  }
  return type;
}

/**
 * Attaches a file to a unit's figure (`indicatorId`) or task update
 * (`taskId`) in a round, while its report is editable.
 */
export async function uploadEvidence(
  ctx: ServiceContext,
  input: {
    roundId: number;
    unitId: number;
    indicatorId?: number;
    taskId?: number;
    fileName: string;
    bytes: Uint8Array;
  },
): Promise<Evidence> {
  await requirePermission(ctx, 'figures.enter', input.unitId);
  if ((input.indicatorId === undefined) === (input.taskId === undefined)) {
    throw new AppError('evidence.target_required', {
      status: 400,
      details: [{ path: 'form.indicatorId', code: 'evidence.target_required' }],
    });
  }
  const fileName = (input.fileName.split(/[\\/]/).pop() || 'minh-chung').slice(0, 200);
  const mediaType = checkEvidenceFile(fileName, input.bytes);
  return inTransaction(ctx.db, async (trx) => {
    const at = ctx.now();
    const by = actorUserId(ctx.actor);
    const sub = await findSubmissionOf(trx, input.roundId, input.unitId, true);
    if (!sub) throw notFound('submission', `${input.roundId}/${input.unitId}`);
    if (sub.roundState !== 'open') throw new AppError('submission.round_not_open', { status: 409 });
    if (!isEditable(sub.state))
      throw new AppError('data_value.locked', { status: 409, params: { state: sub.state } });
    let dataValueId: number | null = null;
    let taskUpdateId: number | null = null;
    if (input.indicatorId !== undefined) {
      const asked = await askedIndicatorsByRoundKind(trx, [input.roundId]);
      if (!asked.get(`${input.roundId}:${sub.unitKind}`)?.has(input.indicatorId)) {
        throw new AppError('data_value.indicator_not_asked', {
          status: 422,
          params: { indicator: input.indicatorId, unit: input.unitId },
        });
      }
      const key = { unitId: input.unitId, indicatorId: input.indicatorId, periodId: sub.periodId };
      const stored = [...(await lockValues(trx, [key])).values()][0];
      if (stored) dataValueId = stored.id;
      else {
        // the file comes before the figure: keep an empty figure to attach it to
        const [row] = await insertValues(
          trx,
          [
            {
              ...key,
              numerator: null,
              denominator: null,
              value: null,
              comment: null,
              submissionId: sub.id,
              status: 'draft',
              isDemo: sub.isDemo,
            },
          ],
          by,
          at,
        );
        await insertRevisions(
          trx,
          [
            {
              dataValueId: row!.id,
              revision: 1,
              numerator: null,
              denominator: null,
              value: null,
              comment: null,
              status: 'draft',
              reason: 'evidence',
              source: 'form',
            },
          ],
          by,
          at,
        );
        dataValueId = row!.id;
      }
    } else {
      const taskId = input.taskId as number;
      const units = new Set((await listRoundUnits(trx, input.roundId)).map((u) => u.unitId));
      const leads = await roundTaskLeads(trx, await listRoundTaskIds(trx, input.roundId), units);
      if (!leads.get(taskId)?.leads.includes(input.unitId))
        throw new AppError('task_update.not_led', { status: 422 });
      const [stored] = await findTaskUpdates(
        trx,
        { unitIds: [input.unitId], periodId: sub.periodId, taskIds: [taskId] },
        true,
      );
      taskUpdateId =
        stored?.id ??
        (
          await insertTaskUpdate(
            trx,
            {
              taskId,
              unitId: input.unitId,
              periodId: sub.periodId,
              submissionId: sub.id,
              status: 'in_progress',
              percent: null,
              note: null,
              updatedBy: by,
            },
            at,
          )
        ).id;
    }
    const sha256 = createHash('sha256').update(input.bytes).digest('hex');
    const id = await insertEvidence(
      trx,
      { sha256, fileName, mediaType, content: input.bytes, dataValueId, taskUpdateId, uploadedBy: by },
      at,
    );
    await recordAudit(trx, ctx, {
      action: 'evidence.upload',
      entityType: 'evidence_file',
      entityId: id,
      unitId: input.unitId,
      after: {
        fileName,
        mediaType,
        sizeBytes: input.bytes.byteLength,
        sha256,
        dataValueId,
        taskUpdateId,
        submissionId: sub.id,
      },
    });
    return {
      id,
      fileName,
      mediaType,
      sizeBytes: input.bytes.byteLength,
      uploadedAt: at.toISOString(),
      uploadedBy: ctx.actor.kind === 'user' || ctx.actor.kind === 'token' ? ctx.actor.label : null,
    };
  });
}

/** A file's bytes, for whoever may read the unit's figures. */
export async function downloadEvidence(
  ctx: ServiceContext,
  id: number,
): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
  const owner = await findEvidenceOwner(ctx.db, id);
  if (!owner) throw notFound('evidence', id);
  await requirePermission(ctx, 'figures.read', owner.unitId);
  const content = await readEvidenceContent(ctx.db, id);
  if (!content) throw notFound('evidence', id);
  return { fileName: owner.fileName, mediaType: owner.mediaType, content };
}

/** Removes a file while its report is editable. */
export async function deleteEvidence(ctx: ServiceContext, id: number): Promise<void> {
  const owner = await findEvidenceOwner(ctx.db, id);
  if (!owner) throw notFound('evidence', id);
  await requirePermission(ctx, 'figures.enter', owner.unitId);
  await inTransaction(ctx.db, async (trx) => {
    const sub = owner.submissionId ? await findSubmission(trx, owner.submissionId, true) : undefined;
    if (sub && (sub.roundState !== 'open' || !isEditable(sub.state))) {
      throw new AppError('data_value.locked', { status: 409, params: { state: sub.state } });
    }
    await deleteEvidenceRow(trx, id);
    await recordAudit(trx, ctx, {
      action: 'evidence.delete',
      entityType: 'evidence_file',
      entityId: id,
      unitId: owner.unitId,
      before: { fileName: owner.fileName, mediaType: owner.mediaType, sizeBytes: owner.sizeBytes },
    });
  });
}
