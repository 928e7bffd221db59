/**
 * The checklist's materials in guide order: select one to edit it, drag (mouse or keyboard,
 * via @dnd-kit) or use the up/down buttons to reorder.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined, PlusOutlined } from '@ant-design/icons';
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Material } from '../../../../engine/kinds/checklist';
import { materialFormLabels } from '../../../../engine/labels';

interface RowProps {
  material: Material;
  index: number;
  count: number;
  isSelected: boolean;
  hasProblem: boolean;
  onSelect: () => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

function MaterialRow({ material, index, count, isSelected, hasProblem, onSelect, onMove, onRemove }: RowProps) {
  const { t } = useTranslation('checklists');
  const { attributes, listeners, setNodeRef, transform, transition } = useSortable({ id: `m${index}` });
  const requiredTag =
    material.required === true ? <Tag color="blue">{t('necessary')}</Tag> : material.required === false ? <Tag>{t('unnecessary')}</Tag> : <Tag color="purple">{t('conditional')}</Tag>;
  return (
    <div
      ref={setNodeRef}
      style={{
        transform: CSS.Transform.toString(transform),
        transition,
        display: 'flex',
        alignItems: 'center',
        gap: 8,
        padding: '8px 8px',
        marginBottom: 4,
        border: `1px solid ${hasProblem ? '#ff4d4f' : isSelected ? '#1f5fbf' : '#f0f0f0'}`,
        background: isSelected ? '#f0f5ff' : '#fff',
        borderRadius: 4,
      }}
      data-testid={`material-${index}`}
      data-key={material.key}
    >
      <Button type="text" size="small" icon={<HolderOutlined />} aria-label={t('dragToMove')} {...attributes} {...listeners} style={{ cursor: 'grab' }} />
      <div role="button" tabIndex={0} onClick={onSelect} onKeyDown={(e) => e.key === 'Enter' && onSelect()} style={{ flex: 1, cursor: 'pointer', minWidth: 0 }}>
        <Typography.Text strong ellipsis>
          {index + 1}. {material.name}
        </Typography.Text>
        <div>
          {requiredTag}
          <Tag>{materialFormLabels[material.form]}</Tag>
          <Tag>×{material.count}</Tag>
          {material.isDeferrable && <Tag color="green">{t('deferrableTag')}</Tag>}
        </div>
      </div>
      <Space size={0}>
        <Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label={t('moveUp')} disabled={index === 0} onClick={() => onMove(index - 1)} />
        <Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label={t('moveDown')} disabled={index === count - 1} onClick={() => onMove(index + 1)} />
        <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('removeMaterial')} disabled={count === 1} onClick={onRemove} />
      </Space>
    </div>
  );
}

export function MaterialList({
  materials,
  selected,
  problemIndexes,
  onSelect,
  onMove,
  onRemove,
  onAdd,
}: {
  materials: Material[];
  selected: number | undefined;
  problemIndexes: Set<number>;
  onSelect: (index: number) => void;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
  onAdd: () => void;
}) {
  const { t } = useTranslation('checklists');
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  // Ids are positions: materials have no id of their own while their key is being typed.
  const ids = materials.map((_, i) => `m${i}`);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) onMove(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };
  return (
    <div data-testid="material-list">
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          {materials.map((material, index) => (
            <MaterialRow
              key={ids[index]}
              material={material}
              index={index}
              count={materials.length}
              isSelected={selected === index}
              hasProblem={problemIndexes.has(index)}
              onSelect={() => onSelect(index)}
              onMove={(to) => onMove(index, to)}
              onRemove={() => onRemove(index)}
            />
          ))}
        </SortableContext>
      </DndContext>
      <Button block type="dashed" icon={<PlusOutlined />} onClick={onAdd} data-testid="add-material" style={{ marginTop: 8 }}>
        {t('addMaterial')}
      </Button>
    </div>
  );
}
