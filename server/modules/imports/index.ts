// The face of imports: what other modules, the app and the seed may use. Anything not exported
// here is the module's own business (checked by the dependency rule in .dependency-cruiser.cjs).

export { type CellValue, type ParsedSheet, parseSpreadsheet } from './imports.parse';
export { importsRoutes } from './imports.routes';
export { commitImport, previewImport, uploadImport } from './imports.service';
