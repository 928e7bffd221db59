/**
 * The dashboard as a lazily loaded screen, for the studio's and the desk's routes alike: its
 * chunk (with ECharts) is fetched when a dashboard page is first shown, never by the first page.
 */
import { lazyGroup } from '../lazy-screens';

export const DashboardScreen = lazyGroup(() => import('./dashboard-screens'), ['/studio/dashboard', '/desk/statistics'])('DashboardScreen');
