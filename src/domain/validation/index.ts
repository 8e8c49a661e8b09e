/** Validation of reports (figures, tasks, consistency rules) shared by the web form and the server. */
export * from './number';
export * from './rules';
export * from './validate';
