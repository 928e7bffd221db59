/** The desk's routes (/desk/…, staff): a fragment of <Route>s, so App.tsx adds the desk with one line. The screens load with the desk's chunk. */
import { Route } from 'react-router-dom';
import { DashboardScreen } from '../dashboard/lazy';
import { lazyGroup } from '../lazy-screens';

const screen = lazyGroup(() => import('./desk-screens'), ['/desk']);
const DeskLayout = screen('DeskLayout');
const CaseScreen = screen('CaseScreen');
const ConsultationsScreen = screen('ConsultationsScreen');
const CounterScreen = screen('CounterScreen');
const InboxScreen = screen('InboxScreen');
const ReviewsScreen = screen('ReviewsScreen');
const FeedbackInboxScreen = screen('FeedbackInboxScreen');
const ImprovementsScreen = screen('ImprovementsScreen');

export const deskRoutes = (
  <Route path="/desk" element={<DeskLayout />}>
    <Route index element={<InboxScreen />} />
    <Route path="cases/:caseId" element={<CaseScreen />} />
    <Route path="counter" element={<CounterScreen />} />
    <Route path="consultations" element={<ConsultationsScreen />} />
    <Route path="reviews" element={<ReviewsScreen />} />
    <Route path="feedback" element={<FeedbackInboxScreen />} />
    <Route path="improvements" element={<ImprovementsScreen />} />
    <Route path="statistics" element={<DashboardScreen />} />
  </Route>
);
