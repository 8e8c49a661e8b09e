/** Periods (`2025`, `2025Q3`, `2025-09`) and reporting regimes (cut-off windows, deadlines). */
export * from './period';
export * from './regime';
