/**
 * Kysely's view of the tables of migrations/, in camelCase (CamelCasePlugin
 * maps them to snake_case). Keep in step with every migration.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Id = Generated<number>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** JSON stored in jsonb: written as a JSON string or object, read as parsed JSON. */
export type Json = ColumnType<unknown, string | null, string | null>;

export interface SchemaMigrationTable {
  version: number;
  name: string;
  checksum: string;
  appliedAt: Generated<Date>;
}

export interface UnitTable {
  id: Id;
  code: string;
  codeSystem: Generated<'dvhc' | 'internal'>;
  kind: 'nation' | 'province' | 'department' | 'district' | 'commune' | 'agency';
  subkind: string | null;
  name: string;
  nameEn: string | null;
  shortName: string | null;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
  searchText: string;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface UnitLineageTable {
  id: Id;
  fromUnitId: number;
  toUnitId: number;
  effectiveOn: string;
  kind: 'full' | 'partial' | 'rename';
  share: number | null;
  source: string | null;
  createdAt: CreatedAt;
}

export interface UnitListTable {
  id: Id;
  layout: 'dvhc3' | 'dvhc2' | 'builtin-provinces' | 'lineage';
  effectiveOn: string | null;
  fileName: string;
  sha256: string;
  rowCount: number;
  importedAt: CreatedAt;
  importedBy: number | null;
}

export interface UnitListEntryTable {
  listId: number;
  kind: 'province' | 'district' | 'commune';
  code: string;
  name: string;
  subkind: string | null;
  parentCode: string | null;
}

/** 0002: one old → new link of an imported lineage list, by codes. */
export interface UnitListLinkTable {
  listId: number;
  rowNumber: number;
  fromKind: 'province' | 'district' | 'commune';
  fromCode: string;
  fromName: string;
  toKind: 'province' | 'district' | 'commune';
  toCode: string;
  toName: string;
  kind: 'full' | 'partial' | 'rename';
}

export interface IndicatorTable {
  id: Id;
  code: string;
  nameVi: string;
  nameEn: string;
  pillar: 'government' | 'economy' | 'society' | 'foundation';
  kind: 'ratio' | 'count' | 'amount' | 'rank' | 'boolean';
  unitOfMeasure: string;
  aggregation: 'ratio' | 'sum' | 'mean' | 'min' | 'max' | 'none';
  direction: 'higher_better' | 'lower_better';
  numeratorVi: string | null;
  numeratorEn: string | null;
  denominatorVi: string | null;
  denominatorEn: string | null;
  definitionVi: string | null;
  definitionEn: string | null;
  legalBasis: string | null;
  dataSource: string | null;
  unitKinds: Generated<string[]>;
  keywords: Generated<string[]>;
  ownerUnitId: number | null;
  searchText: string;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
  // 0003_indicator_catalog
  unitOfMeasureEn: string | null;
  dataSourceEn: string | null;
  legalBasisEn: string | null;
  position: Generated<number>;
}

export interface ProgramDocumentTable {
  id: Id;
  kind: 'resolution' | 'plan' | 'outline' | 'template' | 'decision' | 'other';
  number: string | null;
  issuer: string | null;
  issuedOn: string | null;
  provinceId: number | null;
  title: string;
  body: string;
  sourceFileName: string | null;
  sourceFormat: 'txt' | 'md' | 'docx' | 'pdf';
  sha256: string;
  version: Generated<number>;
  supersedesId: number | null;
  horizonYears: Generated<number[]>;
  isSeed: Generated<boolean>;
  readAt: Date | null;
  readerVersion: string | null;
  createdBy: number | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface DocumentLinkTable {
  fromDocumentId: number;
  toDocumentId: number | null;
  toReference: string;
  relation: 'implements' | 'follows_template' | 'explains' | 'revises';
}

export interface DocumentSectionTable {
  id: Id;
  documentId: number;
  parentId: number | null;
  ordinal: number;
  depth: number;
  label: string;
  path: string;
  heading: string;
  spanStart: number;
  spanEnd: number;
}

export type ReviewState = 'proposed' | 'confirmed' | 'rejected';

export interface TargetTable {
  id: Id;
  documentId: number;
  sectionId: number | null;
  indicatorId: number | null;
  indicatorConfidence: number | null;
  year: number | null;
  level: 'province' | 'district' | 'commune' | null;
  scopeUnitId: number | null;
  comparator: '>=' | '>' | '<=' | '<' | '=' | 'range' | 'top';
  value: number;
  valueMax: number | null;
  unit: 'percent' | 'count' | 'rank' | 'amount' | 'other';
  unitLabel: string | null;
  quote: string;
  spanStart: number;
  spanEnd: number;
  origin: Generated<'reader' | 'manual'>;
  reviewState: Generated<ReviewState>;
  reviewedBy: number | null;
  reviewedAt: Date | null;
  note: string | null;
  /** 0005: the confirmed item of an earlier version this one was carried over from. */
  carriedFromId: number | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface TaskTable {
  id: Id;
  documentId: number;
  parentId: number | null;
  sectionId: number | null;
  sectionLabel: string;
  title: string;
  text: string;
  spanStart: number;
  spanEnd: number;
  deadline: string | null;
  deadlineText: string | null;
  tags: Generated<string[]>;
  origin: Generated<'reader' | 'manual'>;
  reviewState: Generated<ReviewState>;
  reviewedBy: number | null;
  reviewedAt: Date | null;
  /** 0005: unit mentions not resolved to a unit of the province, kept as written. */
  unresolvedLeads: Generated<string[]>;
  unresolvedCooperating: Generated<string[]>;
  carriedFromId: number | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface TaskUnitTable {
  taskId: number;
  unitId: number;
  role: 'lead' | 'cooperating';
  mention: string | null;
}

export interface PeriodTable {
  id: string;
  kind: 'year' | 'quarter' | 'month';
  startsOn: string;
  endsOn: string;
}

export interface ReportingRegimeTable {
  id: Id;
  code: string;
  nameVi: string;
  nameEn: string;
  periodKind: 'year' | 'quarter' | 'month';
  cutoffDay: number;
  deadlineMonth: number | null;
  deadlineDay: number | null;
  legalBasis: string | null;
  /** The deadline rule (domain/period/regime.ts `DeadlineRule`), 0006. */
  deadline: Json;
}

export interface ReportingRoundTable {
  id: Id;
  provinceId: number;
  name: string;
  periodId: string;
  regimeId: number | null;
  windowStart: string;
  windowEnd: string;
  dueOn: string;
  state: Generated<'draft' | 'open' | 'closed'>;
  isDemo: Generated<boolean>;
  createdBy: number | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
  description: string | null;
  dueBefore: Generated<boolean>;
  reminderDays: Generated<number[]>;
  openedAt: Date | null;
  closedAt: Date | null;
}

export interface RoundUnitTable {
  roundId: number;
  unitId: number;
}

export interface RoundIndicatorTable {
  roundId: number;
  indicatorId: number;
  unitKind: 'province' | 'department' | 'district' | 'commune' | 'agency';
  required: Generated<boolean>;
}

export interface RoundTaskTable {
  roundId: number;
  taskId: number;
}

export type SubmissionState = 'draft' | 'submitted' | 'returned' | 'approved';

export interface SubmissionTable {
  id: Id;
  roundId: number;
  unitId: number;
  state: Generated<SubmissionState>;
  version: Generated<number>;
  submittedAt: Date | null;
  submittedBy: number | null;
  decidedAt: Date | null;
  decidedBy: number | null;
  comment: string | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface SubmissionEventTable {
  id: Id;
  submissionId: number;
  fromState: SubmissionState | null;
  toState: SubmissionState;
  actorId: number | null;
  comment: string | null;
  at: Generated<Date>;
}

export interface DataValueTable {
  id: Id;
  unitId: number;
  indicatorId: number;
  periodId: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  comment: string | null;
  submissionId: number | null;
  status: Generated<'draft' | 'submitted' | 'approved'>;
  revision: Generated<number>;
  isDemo: Generated<boolean>;
  updatedBy: number | null;
  updatedAt: UpdatedAt;
}

export interface DataValueRevisionTable {
  id: Id;
  dataValueId: number;
  revision: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  comment: string | null;
  status: string;
  reason: string | null;
  changedBy: number | null;
  changedAt: Generated<Date>;
  source: Generated<'form' | 'excel' | 'api' | 'dhis2' | 'workflow' | 'demo'>;
}

export interface TaskUpdateTable {
  id: Id;
  taskId: number;
  unitId: number;
  periodId: string;
  submissionId: number | null;
  status: 'not_started' | 'in_progress' | 'done' | 'cancelled';
  percent: number | null;
  note: string | null;
  revision: Generated<number>;
  updatedBy: number | null;
  updatedAt: UpdatedAt;
}

export interface RollupTable {
  unitId: number;
  indicatorId: number;
  periodId: string;
  view: 'approved' | 'submitted';
  memberKind: Generated<'all' | 'province' | 'department' | 'agency' | 'district' | 'commune'>;
  numeratorSum: Generated<number>;
  denominatorSum: Generated<number>;
  valueSum: Generated<number>;
  reportingUnits: Generated<number>;
  updatedAt: UpdatedAt;
}

export interface EvidenceFileTable {
  id: Id;
  sha256: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  content: Buffer;
  dataValueId: number | null;
  taskUpdateId: number | null;
  uploadedBy: number | null;
  uploadedAt: CreatedAt;
}

export type RoleName = 'admin' | 'coordinator' | 'approver' | 'reporter' | 'viewer';

export interface AppUserTable {
  id: Id;
  email: string;
  displayName: string;
  passwordHash: string | null;
  oidcIssuer: string | null;
  oidcSubject: string | null;
  locale: Generated<'vi' | 'en'>;
  isActive: Generated<boolean>;
  /** 0004: the unit the person works at (coordinators manage the people of their subtree). */
  unitId: number | null;
  lastSignInAt: Date | string | null;
  passwordChangedAt: Date | string | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface RoleAssignmentTable {
  id: Id;
  userId: number;
  role: RoleName;
  unitId: number;
  createdBy: number | null;
  createdAt: CreatedAt;
}

export interface UserSessionTable {
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: CreatedAt;
  lastSeenAt: UpdatedAt;
  expiresAt: Date | string;
  ip: string | null;
  userAgent: string | null;
  /** 0004 */
  authMethod: Generated<'password' | 'oidc' | 'set_password'>;
}

/** 0004: an OpenID Connect sign-in between the redirect and the callback. */
export interface OidcRequestTable {
  stateHash: string;
  nonce: string;
  codeVerifier: string;
  returnTo: Generated<string>;
  createdAt: CreatedAt;
  expiresAt: Date | string;
}

export interface OneTimeTokenTable {
  tokenHash: string;
  purpose: 'bootstrap' | 'set_password';
  userId: number | null;
  createdAt: CreatedAt;
  expiresAt: Date | string;
  usedAt: Date | string | null;
}

export interface ApiTokenTable {
  id: Id;
  name: string;
  tokenHash: string;
  prefix: string;
  role: Exclude<RoleName, 'admin'>;
  unitId: number;
  createdBy: number;
  createdAt: CreatedAt;
  expiresAt: Date | string | null;
  lastUsedAt: Date | string | null;
  revokedAt: Date | string | null;
}

export interface SignInAttemptTable {
  id: Id;
  email: string;
  ip: string;
  succeeded: boolean;
  at: Generated<Date>;
}

export interface AuditEventTable {
  id: Id;
  seq: number;
  at: Date | string;
  actorUserId: number | null;
  actorLabel: string;
  actorIp: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  unitId: number | null;
  before: Json;
  after: Json;
  prevHash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  lastSeq: number;
  lastHash: string;
}

export interface NotificationTable {
  id: Id;
  userId: number;
  unitId: number | null;
  roundId: number | null;
  kind: 'reminder' | 'overdue' | 'returned' | 'approved' | 'reopened' | 'round_opened';
  messageKey: string;
  params: Json;
  link: string | null;
  dedupeKey: string | null;
  createdAt: CreatedAt;
  readAt: Date | null;
  emailSentAt: Date | null;
  emailError: string | null;
  emailClaimedAt: Date | null;
}

export interface AppSettingTable {
  key: string;
  value: Json;
  updatedAt: UpdatedAt;
}

/** 0008: the status method a province uses by default. */
export interface StatusSettingTable {
  provinceId: number;
  method: Generated<'linear' | 'cagr' | 'escap'>;
  parameters: Json;
  updatedBy: number | null;
  updatedAt: UpdatedAt;
}

/** 0008: a target's own status method and the baseline its document states. */
export interface TargetStatusSettingTable {
  targetId: number;
  method: 'linear' | 'cagr' | 'escap' | null;
  baselineValue: number | null;
  baselineYear: number | null;
  note: string | null;
  updatedBy: number | null;
  updatedAt: UpdatedAt;
}

/** 0008: a province's results for a year made public, frozen as published. */
export interface PublicationTable {
  id: Id;
  provinceId: number;
  periodId: string;
  publishedAt: Date | string;
  publishedBy: number | null;
  note: string | null;
  isDemo: Generated<boolean>;
  summary: Json;
}

/** 0008: one target's judgement as published. */
export interface PublicationTargetTable {
  publicationId: number;
  targetId: number;
  status: 'met' | 'on_track' | 'at_risk' | 'off_track' | 'no_data';
  method: 'linear' | 'cagr' | 'escap';
  result: Json;
}

/** 0008: one unit's index score as published. */
export interface PublicationIndexScoreTable {
  publicationId: number;
  methodId: number;
  unitId: number;
  total: number;
  maxTotal: number;
  normalized: number;
  rank: number | null;
  peers: number;
  result: Json;
}

/** 0008: an index method version (shipped, or a province's own). */
export interface IndexMethodTable {
  id: Id;
  code: string;
  version: string;
  ownerUnitId: number | null;
  validFrom: number;
  validTo: number | null;
  definition: Json;
  isBuiltin: Generated<boolean>;
  builtinHash: string | null;
  note: string | null;
  createdBy: number | null;
  createdAt: CreatedAt;
}

/** 0008: a manual index item's value for a unit and year. */
export interface IndexInputTable {
  id: Id;
  methodCode: string;
  unitId: number;
  year: number;
  subIndicator: string;
  valueNumber: number | null;
  valueBoolean: boolean | null;
  note: string | null;
  enteredBy: number | null;
  enteredAt: Generated<Date>;
}

/** 0008: evidence of a manual index item: a link or a file. */
export interface IndexEvidenceTable {
  id: Id;
  inputId: number;
  url: string | null;
  fileName: string | null;
  mediaType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  content: Buffer | null;
  uploadedBy: number | null;
  uploadedAt: Generated<Date>;
}

/** 0008: a reviewer's override of a sub-indicator's points, with the reason. */
export interface IndexAdjustmentTable {
  id: Id;
  methodCode: string;
  unitId: number;
  year: number;
  subIndicator: string;
  points: number;
  reason: string;
  adjustedBy: number | null;
  adjustedAt: Date | string;
}

/** 0011: a province's real boundary (GeoJSON geometry, simplified at import). */
export interface UnitBoundaryTable {
  unitId: number;
  geometry: unknown;
  sourceFile: string;
  sourceSha256: string;
  points: number;
  importedBy: number | null;
  importedAt: Generated<Date>;
}

export interface Database {
  schemaMigration: SchemaMigrationTable;
  unit: UnitTable;
  unitLineage: UnitLineageTable;
  unitList: UnitListTable;
  unitListEntry: UnitListEntryTable;
  unitListLink: UnitListLinkTable;
  indicator: IndicatorTable;
  programDocument: ProgramDocumentTable;
  documentLink: DocumentLinkTable;
  documentSection: DocumentSectionTable;
  target: TargetTable;
  task: TaskTable;
  taskUnit: TaskUnitTable;
  period: PeriodTable;
  reportingRegime: ReportingRegimeTable;
  reportingRound: ReportingRoundTable;
  roundUnit: RoundUnitTable;
  roundIndicator: RoundIndicatorTable;
  roundTask: RoundTaskTable;
  submission: SubmissionTable;
  submissionEvent: SubmissionEventTable;
  dataValue: DataValueTable;
  dataValueRevision: DataValueRevisionTable;
  taskUpdate: TaskUpdateTable;
  rollup: RollupTable;
  evidenceFile: EvidenceFileTable;
  appUser: AppUserTable;
  roleAssignment: RoleAssignmentTable;
  userSession: UserSessionTable;
  oneTimeToken: OneTimeTokenTable;
  apiToken: ApiTokenTable;
  signInAttempt: SignInAttemptTable;
  oidcRequest: OidcRequestTable;
  auditEvent: AuditEventTable;
  auditHead: AuditHeadTable;
  appSetting: AppSettingTable;
  notification: NotificationTable;
  statusSetting: StatusSettingTable;
  targetStatusSetting: TargetStatusSettingTable;
  publication: PublicationTable;
  publicationTarget: PublicationTargetTable;
  publicationIndexScore: PublicationIndexScoreTable;
  indexMethod: IndexMethodTable;
  indexInput: IndexInputTable;
  indexEvidence: IndexEvidenceTable;
  indexAdjustment: IndexAdjustmentTable;
  unitBoundary: UnitBoundaryTable;
}

export type UnitRow = Selectable<UnitTable>;
export type NewUnitRow = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;
