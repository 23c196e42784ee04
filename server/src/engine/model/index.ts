// The engine's shared vocabulary; imports nothing else from the repository.
export * from './text';
export * from './segment';
export * from './statement';
export * from './finding';
export * from './shift';
export * from './apply-edits';
export * from './query-shape';
export * from './parse';
