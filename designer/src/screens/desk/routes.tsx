/** The desk's routes (/desk/…, staff): a fragment of <Route>s, so App.tsx adds the desk with one line. */
import { Route } from 'react-router-dom';
import { DeskLayout } from '../../layout/DeskLayout';
import { CaseScreen } from './CaseScreen';
import { ConsultationsScreen } from './ConsultationsScreen';
import { CounterScreen } from './CounterScreen';
import { InboxScreen } from './InboxScreen';
import { ReviewsScreen } from './ReviewsScreen';

export const deskRoutes = (
  <Route path="/desk" element={<DeskLayout />}>
    <Route index element={<InboxScreen />} />
    <Route path="cases/:caseId" element={<CaseScreen />} />
    <Route path="counter" element={<CounterScreen />} />
    <Route path="consultations" element={<ConsultationsScreen />} />
    <Route path="reviews" element={<ReviewsScreen />} />
  </Route>
);
