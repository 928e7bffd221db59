/** The studio's layout, indexes and designers: one chunk, loaded by the first studio page (see lazy-screens.ts). */
import { useParams } from 'react-router-dom';
import type { Kind } from '../api/definitions';
import { GenericEditor } from '../components/GenericEditor';

export { StudioLayout } from '../layout/StudioLayout';
export { DefinitionIndex } from '../components/DefinitionIndex';
export { TemplateDesigner } from './templates/TemplateDesigner';
export { TransferScreen } from './transfer/TransferScreen';
export { NetworkScreen } from './network/NetworkScreen';
export { AssessmentsScreen } from './assessments/AssessmentsScreen';
export { PackagesScreen } from './packages/PackagesScreen';
export { ItemDesigner } from './items/ItemEditor';
export { ListDesigner } from './lists/ListEditor';
export { ListsIndex } from './lists/ListsIndex';
export { ChecklistDesigner } from './checklists/ChecklistDesigner';
export { FlowDesigner } from './flows/FlowDesigner';
export { FormDesignerScreen } from './forms/FormDesigner';

/** The generic editor of a kind without its own designer, for the id in the path. */
export function KindEditor({ kind }: { kind: Kind }) {
  const { id = '' } = useParams();
  return <GenericEditor key={id} kind={kind} id={id} />;
}
