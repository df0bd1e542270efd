// The face of backup: what other modules, the app and the seed may use. Anything not exported
// here is the module's own business (checked by the dependency rule in .dependency-cruiser.cjs).
export { BACKUP_EXTENSION } from './backup.format';
export { backupRoutes } from './backup.routes';
export { createBackup, inspectBackup, restoreBackup } from './backup.service';
