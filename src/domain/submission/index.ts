/** The workflow of a unit's report in a round, and where it stands against the deadline. */
export * from './deadline';
export * from './workflow';
