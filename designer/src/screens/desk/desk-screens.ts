/** The desk's layout and screens: one chunk, loaded by the first desk page (see lazy-screens.ts). */
export { DeskLayout } from '../../layout/DeskLayout';
export { CaseScreen } from './CaseScreen';
export { ConsultationsScreen } from './ConsultationsScreen';
export { CounterScreen } from './CounterScreen';
export { InboxScreen } from './InboxScreen';
export { ReviewsScreen } from './ReviewsScreen';
export { FeedbackInboxScreen } from '../feedback/FeedbackInboxScreen';
export { ImprovementsScreen } from '../feedback/ImprovementsScreen';
