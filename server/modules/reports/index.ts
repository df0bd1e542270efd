// The face of reports: what other modules, the app and the seed may use. Anything not exported
// here is the module's own business (checked by the dependency rule in .dependency-cruiser.cjs).
export { renderAnnexXlsx } from './report-annex';
export { gatherReportData } from './report-data';
// The printed forms (server/modules/forms) share the report's document format and header.
export { type DocumentFormat, defaultDocumentFormat, renderReportDocx } from './report-docx';
export {
  documentDateProblem,
  placeFromSuperior,
  type ReportHeader,
  reportHeader,
  settingKeys,
} from './report-header';
export { convertDocxToPdf, findSoffice } from './report-pdf';
export { reportsRoutes } from './reports.routes';
export { composeSnapshot, renderSnapshot } from './reports.service';
