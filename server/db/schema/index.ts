export * from './imports';
export * from './inspection';
export * from './lifecycle';
export * from './members';
export * from './org-units';
export * from './plans';
export * from './platform';
export * from './reports';
