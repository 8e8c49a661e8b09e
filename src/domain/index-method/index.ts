/**
 * Composite indexes as versioned data (DTI and the province's own methods),
 * scored by a pure engine. See docs/methods.md.
 */
export { rankCompetition } from './ranking';
export {
  hasProvisionalParts,
  inputsFromCatalog,
  methodForYear,
  requiresEvidence,
  type ScoreOptions,
  scoreUnits,
} from './score';
export * from './types';
export { validateIndexMethod } from './validate';
