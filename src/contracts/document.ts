/**
 * Program documents over the API: the list, one document with its sections
 * and links, and the result of an upload.
 */
import { z } from 'zod';
import { idSchema } from './common';
import { documentKinds } from './document-read';

export const documentKindSchema = z.enum(documentKinds).meta({
  description:
    'resolution (nghị quyết), plan (kế hoạch), outline (đề cương), template (mẫu), decision (quyết định), other',
});
export type DocumentKind = z.infer<typeof documentKindSchema>;

export const documentRelations = ['implements', 'follows_template', 'explains', 'revises'] as const;
export const documentRelationSchema = z.enum(documentRelations);

/** `GET /api/documents` filters. */
export const documentListQuerySchema = z.object({
  provinceId: idSchema.optional(),
  kind: documentKindSchema.optional(),
});

/** A document in lists (the province page uses exactly the first eight fields). */
export const documentListItemSchema = z
  .object({
    id: z.number().int(),
    kind: documentKindSchema,
    number: z.string().nullable(),
    title: z.string(),
    issuedOn: z.string().nullable().meta({ description: 'YYYY-MM-DD' }),
    provinceId: z.number().int().nullable(),
    provinceName: z.string().nullable(),
    isSeed: z.boolean(),
    issuer: z.string().nullable(),
    provinceCode: z.string().nullable(),
    version: z.number().int(),
    supersedesId: z.number().int().nullable(),
    supersededById: z.number().int().nullable(),
    counts: z.object({
      proposed: z.number().int(),
      confirmed: z.number().int(),
      rejected: z.number().int(),
    }),
  })
  .meta({ id: 'DocumentListItem' });
export type DocumentListItem = z.infer<typeof documentListItemSchema>;

export const documentListSchema = z
  .object({ items: z.array(documentListItemSchema) })
  .meta({ id: 'DocumentList' });
export type DocumentList = z.infer<typeof documentListSchema>;

export const documentSectionSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  depth: z.number().int(),
  label: z.string().meta({ description: 'As numbered in the document: "II", "2.1", "a"' }),
  path: z.string().meta({ description: 'Parent labels joined with ".": "II.2.1"' }),
  heading: z.string(),
  span: z.tuple([z.number().int(), z.number().int()]),
});
export type DocumentSection = z.infer<typeof documentSectionSchema>;

export const documentLinkSchema = z.object({
  relation: documentRelationSchema,
  /** `out`: this document → the other; `in`: the other → this one. */
  direction: z.enum(['out', 'in']),
  /** The other document's number as written (it may not be stored, e.g. 749/QĐ-TTg). */
  reference: z.string(),
  documentId: z.number().int().nullable(),
  title: z.string().nullable(),
  number: z.string().nullable(),
  kind: documentKindSchema.nullable(),
});
export type DocumentLink = z.infer<typeof documentLinkSchema>;

/** `GET /api/documents/:id`. */
export const documentDetailSchema = documentListItemSchema
  .extend({
    body: z.string(),
    sourceFileName: z.string().nullable(),
    sourceFormat: z.enum(['txt', 'md', 'docx', 'pdf']),
    horizonYears: z.array(z.number().int()),
    readerVersion: z.string().nullable(),
    sections: z.array(documentSectionSchema),
    links: z.array(documentLinkSchema),
    taskCounts: z.object({
      proposed: z.number().int(),
      confirmed: z.number().int(),
      rejected: z.number().int(),
    }),
    /** Whether the caller may review this document's proposals. */
    canReview: z.boolean(),
  })
  .meta({ id: 'DocumentDetail' });
export type DocumentDetail = z.infer<typeof documentDetailSchema>;

/** Form fields of `POST /api/documents` besides the file. */
export const documentUploadFieldsSchema = z.object({
  /** The province by its official code (`40`); else `provinceId`, else the one the document names. */
  province: z.string().trim().min(1).max(20).optional(),
  /** The province by unit id. */
  provinceId: idSchema.optional(),
  kind: documentKindSchema.optional(),
  /** The document this one replaces (a revised version); else found by number. */
  supersedesId: idSchema.optional(),
});
export type DocumentUploadFields = z.infer<typeof documentUploadFieldsSchema>;

/** The result of an upload. */
export const documentImportResultSchema = z
  .object({
    document: documentListItemSchema,
    sections: z.number().int(),
    targets: z.number().int(),
    tasks: z.number().int(),
    links: z.array(
      z.object({
        relation: documentRelationSchema,
        reference: z.string(),
        documentId: z.number().int().nullable(),
      }),
    ),
    /** What a revised version kept from the version it replaces. */
    carriedOver: z.object({
      targets: z.number().int(),
      tasks: z.number().int(),
      /** Confirmed items of the old version whose words changed: they need a new review. */
      changed: z.number().int(),
    }),
    /** Lead or cooperating units the document names that are not units of the province. */
    unresolvedUnits: z.array(z.string()),
  })
  .meta({ id: 'DocumentImportResult' });
export type DocumentImportResult = z.infer<typeof documentImportResultSchema>;

/** A unit a task may name as lead or cooperating (the province's departments and agencies). */
export const documentUnitSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
});
export const documentUnitsSchema = z.object({ items: z.array(documentUnitSchema) });
