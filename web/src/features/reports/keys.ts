// Query keys of the reports feature, one factory per root: a page's query and every
// invalidation that must refresh it name the same root, here or in another feature.
export const reportsKeys = {
  documentTypes: (...parts: unknown[]) => ['document-types', ...parts] as const,
  documents: (...parts: unknown[]) => ['documents', ...parts] as const,
  reportDraft: (...parts: unknown[]) => ['report-draft', ...parts] as const,
  reportEvidence: (...parts: unknown[]) => ['report-evidence', ...parts] as const,
  reportEvidencePage: (...parts: unknown[]) => ['report-evidence-page', ...parts] as const,
  reportJob: (...parts: unknown[]) => ['report-job', ...parts] as const,
};
