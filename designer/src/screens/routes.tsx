/**
 * The studio's screens by path. Each kind has an index (what the platform owns and inherits)
 * and an editor; the editor is the kind's designer. The screens load with the studio's chunk.
 */
import type { ReactElement } from 'react';
import type { Kind } from '../api/definitions';
import { DashboardScreen } from './dashboard/lazy';
import { lazyGroup } from './lazy-screens';

const screen = lazyGroup(() => import('./studio-screens'), ['/studio']);
/** The studio's frame; with it comes the whole studio chunk. */
export const StudioLayout = screen('StudioLayout');
const DefinitionIndex = screen('DefinitionIndex');
const KindEditor = screen('KindEditor');
const TemplateDesigner = screen('TemplateDesigner');
const TransferScreen = screen('TransferScreen');
const NetworkScreen = screen('NetworkScreen');
const AssessmentsScreen = screen('AssessmentsScreen');
const PackagesScreen = screen('PackagesScreen');
const ItemDesigner = screen('ItemDesigner');
const ListDesigner = screen('ListDesigner');
const ListsIndex = screen('ListsIndex');
const ChecklistDesigner = screen('ChecklistDesigner');
const FlowDesigner = screen('FlowDesigner');
const FormDesignerScreen = screen('FormDesignerScreen');

const kinds: Array<{ path: string; kind: Kind; ns: string; index?: ReactElement; editor?: ReactElement }> = [
  { path: 'lists', kind: 'ServiceList', ns: 'lists', index: <ListsIndex />, editor: <ListDesigner /> },
  { path: 'items', kind: 'ServiceItem', ns: 'items', editor: <ItemDesigner /> },
  { path: 'forms', kind: 'Form', ns: 'forms', editor: <FormDesignerScreen /> },
  { path: 'checklists', kind: 'Checklist', ns: 'checklists', editor: <ChecklistDesigner /> },
  { path: 'flows', kind: 'Workflow', ns: 'flows', editor: <FlowDesigner /> },
  { path: 'templates', kind: 'Template', ns: 'templates', editor: <TemplateDesigner /> },
];

export const studioRoutes: Array<{ path: string; element: ReactElement }> = [
  ...kinds.flatMap(({ path, kind, ns, index, editor }) => [
    { path, element: index ?? <DefinitionIndex kind={kind} ns={ns} basePath={`/studio/${path}`} /> },
    { path: `${path}/:id`, element: editor ?? <KindEditor kind={kind} /> },
  ]),
  { path: 'transfer', element: <TransferScreen /> },
  { path: 'network', element: <NetworkScreen /> },
  { path: 'assessments', element: <AssessmentsScreen /> },
  { path: 'packages', element: <PackagesScreen /> },
  { path: 'dashboard', element: <DashboardScreen /> },
];
