/**
 * The portal's routes: public pages (/progress, /faq, /assessments) and the applicant's (/portal/…, signed in).
 * A fragment of <Route>s, so App.tsx adds the portal with one line. The screens load with the portal's chunk.
 */
import { Navigate, Route } from 'react-router-dom';
import { lazyGroup } from '../lazy-screens';

const screen = lazyGroup(() => import('./portal-screens'), ['/portal', '/progress', '/faq', '/assessments']);
const ApplyPage = screen('ApplyPage');
const AssessmentResultsPage = screen('AssessmentResultsPage');
const CasePage = screen('CasePage');
const ConsultationsPage = screen('ConsultationsPage');
const FaqPage = screen('FaqPage');
const FeedbackPage = screen('FeedbackPage');
const ImprovementsPage = screen('ImprovementsPage');
const MyCasesPage = screen('MyCasesPage');
const PortalLayout = screen('PortalLayout');
const ProgressLookupPage = screen('ProgressLookupPage');

export const portalRoutes = (
  <>
    <Route element={<PortalLayout />}>
      <Route path="/progress" element={<ProgressLookupPage />} />
      <Route path="/faq" element={<FaqPage />} />
      <Route path="/assessments" element={<AssessmentResultsPage />} />
      {/* Public (改进举措公开): no sign-in, though under /portal. */}
      <Route path="/portal/improvements" element={<ImprovementsPage />} />
    </Route>
    <Route path="/portal" element={<PortalLayout isSignInRequired />}>
      <Route index element={<Navigate to="cases" replace />} />
      <Route path="apply/:itemId" element={<ApplyPage />} />
      <Route path="cases" element={<MyCasesPage />} />
      <Route path="cases/:caseId" element={<CasePage />} />
      <Route path="consultations" element={<ConsultationsPage />} />
      <Route path="feedback" element={<FeedbackPage />} />
    </Route>
  </>
);
