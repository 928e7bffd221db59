/**
 * The portal's routes: public pages (/progress, /faq, /assessments) and the applicant's (/portal/…, signed in).
 * A fragment of <Route>s, so App.tsx adds the portal with one line.
 */
import { Navigate, Route } from 'react-router-dom';
import { ApplyPage } from './ApplyPage';
import { AssessmentResultsPage } from './AssessmentResultsPage';
import { CasePage } from './CasePage';
import { ConsultationsPage } from './ConsultationsPage';
import { FaqPage } from './FaqPage';
import { MyCasesPage } from './MyCasesPage';
import { PortalLayout } from './PortalLayout';
import { ProgressLookupPage } from './ProgressLookupPage';

export const portalRoutes = (
  <>
    <Route element={<PortalLayout />}>
      <Route path="/progress" element={<ProgressLookupPage />} />
      <Route path="/faq" element={<FaqPage />} />
      <Route path="/assessments" element={<AssessmentResultsPage />} />
    </Route>
    <Route path="/portal" element={<PortalLayout isSignInRequired />}>
      <Route index element={<Navigate to="cases" replace />} />
      <Route path="apply/:itemId" element={<ApplyPage />} />
      <Route path="cases" element={<MyCasesPage />} />
      <Route path="cases/:caseId" element={<CasePage />} />
      <Route path="consultations" element={<ConsultationsPage />} />
    </Route>
  </>
);
