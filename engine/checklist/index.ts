/** Material checklists at run time: judging a case's materials and checking uploads. */
export { evaluateChecklist } from './evaluate.js';
export type { ChecklistState, MaterialEvaluation, MaterialStatus, ToSupply } from './evaluate.js';
export { checkUploads, DEFAULT_MAX_FILES } from './check-uploads.js';
export { evaluateEligibility, type EligibilityLine, type EligibilityState } from './eligibility.js';
