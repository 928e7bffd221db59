/**
 * The studio's screens by path. Each kind has an index (what the platform owns and inherits)
 * and an editor; the editor is the kind's designer.
 */
import type { ReactElement } from 'react';
import { useParams } from 'react-router-dom';
import { DefinitionIndex } from '../components/DefinitionIndex';
import { GenericEditor } from '../components/GenericEditor';
import type { Kind } from '../api/definitions';
import { TemplateDesigner } from './templates/TemplateDesigner';
import { TransferScreen } from './transfer/TransferScreen';
import { NetworkScreen } from './network/NetworkScreen';
import { AssessmentsScreen } from './assessments/AssessmentsScreen';
import { PackagesScreen } from './packages/PackagesScreen';
import { ItemDesigner } from './items/ItemEditor';
import { ListDesigner } from './lists/ListEditor';
import { ListsIndex } from './lists/ListsIndex';
import { ChecklistDesigner } from './checklists/ChecklistDesigner';
import { FlowDesigner } from './flows/FlowDesigner';
import { FormDesignerScreen } from './forms/FormDesigner';

function Editor({ kind }: { kind: Kind }) {
  const { id = '' } = useParams();
  return <GenericEditor key={id} kind={kind} id={id} />;
}

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
    { path: `${path}/:id`, element: editor ?? <Editor kind={kind} /> },
  ]),
  { path: 'transfer', element: <TransferScreen /> },
  { path: 'network', element: <NetworkScreen /> },
  { path: 'assessments', element: <AssessmentsScreen /> },
  { path: 'packages', element: <PackagesScreen /> },
];
