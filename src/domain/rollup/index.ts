/** Roll-ups over units (ratio as Σ numerators ÷ Σ denominators) and the two readings of a level target. */
export * from './level-target';
export * from './rollup';
