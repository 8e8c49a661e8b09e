/** The unit tree: kinds, validity, tree walks, official codes, list reconciliation, mention matching. */
export * from './codes';
export * from './mention';
export * from './reconcile';
export * from './unit';
