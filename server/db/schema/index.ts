export * from './evaluations';
export * from './imports';
export * from './inspection';
export * from './lifecycle';
export * from './members';
export * from './org-units';
export * from './platform';
