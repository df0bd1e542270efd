// The face of reconciliation (with the national member database): what the app may use.
export { reconciliationRoutes } from './reconciliation.routes';
