/** The portal's layout and screens: one chunk, loaded by the first portal page (see lazy-screens.ts). */
export { ApplyPage } from './ApplyPage';
export { AssessmentResultsPage } from './AssessmentResultsPage';
export { CasePage } from './CasePage';
export { ConsultationsPage } from './ConsultationsPage';
export { FaqPage } from './FaqPage';
export { FeedbackPage } from '../feedback/FeedbackPage';
export { ImprovementsPage } from '../feedback/ImprovementsPage';
export { MyCasesPage } from './MyCasesPage';
export { PortalLayout } from './PortalLayout';
export { ProgressLookupPage } from './ProgressLookupPage';
