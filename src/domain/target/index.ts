/** Targets: comparing a value with a target (met, exceeded, gap, achievement). */
export * from './compare';
export * from './value-max';
