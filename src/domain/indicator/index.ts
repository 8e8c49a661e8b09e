/** Indicators: kinds, aggregations, directions, definition rules and reported-value checks. */
export * from './indicator';
export * from './search';
