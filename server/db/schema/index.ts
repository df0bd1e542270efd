export * from './imports';
export * from './lifecycle';
export * from './members';
export * from './org-units';
export * from './platform';
