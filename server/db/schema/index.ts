export * from './imports';
export * from './inspection';
export * from './lifecycle';
export * from './meetings';
export * from './members';
export * from './org-units';
export * from './platform';
export * from './resolutions';
