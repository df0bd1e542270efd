// Query keys of the evaluations feature, one factory per root: a page's query and every
// invalidation that must refresh it name the same root, here or in another feature.
export const evaluationsKeys = {
  evaluationCampaign: (...parts: unknown[]) => ['evaluation-campaign', ...parts] as const,
  evaluationCampaigns: (...parts: unknown[]) => ['evaluation-campaigns', ...parts] as const,
  evaluationDecisionCheck: (...parts: unknown[]) =>
    ['evaluation-decision-check', ...parts] as const,
  evaluationDrill: (...parts: unknown[]) => ['evaluation-drill', ...parts] as const,
  evaluationRecord: (...parts: unknown[]) => ['evaluation-record', ...parts] as const,
  evaluationRecords: (...parts: unknown[]) => ['evaluation-records', ...parts] as const,
  evaluationResults: (...parts: unknown[]) => ['evaluation-results', ...parts] as const,
};
