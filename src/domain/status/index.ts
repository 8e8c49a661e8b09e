/**
 * Target status: is a target met, on track, at risk, off track, or without
 * data — judged by a stated method whose inputs, parameters, formula and
 * outputs stay with the result. See docs/methods.md.
 */
export { assessTargetStatus, resolveStatusParameters, type StatusParameterOverrides } from './assess';
export { compoundAnnualGrowth } from './cagr';
export { timeWeights, weightedTrend } from './escap';
export { type LevelReading, type LevelReadingOptions, readLevelTarget, type UnitFigure } from './level';
export { describeTarget, exceedsTarget, goalOf, meetsTarget, upperBound } from './target-rule';
export * from './types';
