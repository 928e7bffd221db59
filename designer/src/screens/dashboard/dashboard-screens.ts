/** The statistics dashboard's chunk: the screen and, with it, ECharts (loaded by the first dashboard page only, see lazy-screens.ts). */
export { DashboardScreen } from './DashboardScreen';
