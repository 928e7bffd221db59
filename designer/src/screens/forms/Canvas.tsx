/**
 * The form's fields as applicants meet them, top to bottom, sections and repeating groups
 * holding their own fields. A row selects its field; its handle drags it (mouse, or Space and
 * the arrow keys); the up/down buttons move it too, and the bin removes it.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined } from '@ant-design/icons';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Space, Tag, Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { labelOf, type Container, type FieldInfo, type RuleRef } from './field-list';
import { fieldTypeIcons } from './Palette';

/** What a canvas drag carries, and what a drop on an empty place names. */
export interface FieldDrag {
  kind: 'field';
  field: FieldInfo;
}
export interface ContainerDrop {
  kind: 'container';
  container: Container;
}

interface RowActions {
  selected: string | undefined;
  onSelect: (id: string) => void;
  onMove: (field: FieldInfo, toIndex: number) => void;
  onRemove: (field: FieldInfo) => void;
  /** A rule in words, for the tags' tooltips. */
  describe: (field: FieldInfo, rule: RuleRef) => string;
}

function FieldRow({ field, index, count, actions }: { field: FieldInfo; index: number; count: number; actions: RowActions }) {
  const { t } = useTranslation('forms');
  const { token } = theme.useToken();
  const drag: FieldDrag = { kind: 'field', field };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: field.id, data: drag });
  const isSelected = actions.selected === field.id;
  const label = labelOf(field);
  const stop = (run: () => void) => (event: { stopPropagation(): void }) => {
    event.stopPropagation();
    run();
  };
  return (
    <div
      ref={setNodeRef}
      style={{
        transform: CSS.Translate.toString(transform),
        transition,
        opacity: isDragging ? 0.6 : 1,
        border: `1px solid ${isSelected ? token.colorPrimary : token.colorBorderSecondary}`,
        boxShadow: isSelected ? `0 0 0 1px ${token.colorPrimary}` : undefined,
        borderRadius: token.borderRadius,
        background: token.colorBgContainer,
        marginBottom: 8,
      }}
      data-testid="canvas-field"
      data-field-id={field.id}
      data-key={field.key}
      data-label={label}
      data-selected={isSelected}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '6px 8px', cursor: 'pointer' }} onClick={() => actions.onSelect(field.id)}>
        <Button type="text" size="small" icon={<HolderOutlined />} ref={setActivatorNodeRef} {...attributes} {...listeners} aria-label={t('dragHandle')} style={{ cursor: 'grab', touchAction: 'none' }} />
        {fieldTypeIcons[field.type ?? 'other']}
        <button
          type="button"
          onClick={stop(() => actions.onSelect(field.id))}
          style={{ all: 'unset', cursor: 'pointer', fontWeight: 500 }}
          data-testid="canvas-field-label"
          aria-pressed={isSelected}
        >
          {label}
        </button>
        <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
          {field.key}
        </Typography.Text>
        {field.isRequired && <Tag color="red">{t('tagRequired')}</Tag>}
        {field.requiredWhen.length > 0 && (
          <Tooltip title={field.requiredWhen.map((rule) => t('requiredWhenWords', { words: actions.describe(field, rule) })).join('；')}>
            <Tag color="orange">{t('tagRequiredWhen')}</Tag>
          </Tooltip>
        )}
        {field.visibleWhen && (
          <Tooltip title={t('shownWhenWords', { words: actions.describe(field, field.visibleWhen) })}>
            <Tag color="blue" data-testid="tag-conditional">
              {t('tagConditional')}
            </Tag>
          </Tooltip>
        )}
        <Space size={0} style={{ marginLeft: 'auto' }}>
          <Tooltip title={t('moveUp')}>
            <Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label={t('moveUp')} disabled={index === 0} onClick={stop(() => actions.onMove(field, index - 1))} />
          </Tooltip>
          <Tooltip title={t('moveDown')}>
            <Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label={t('moveDown')} disabled={index === count - 1} onClick={stop(() => actions.onMove(field, index + 1))} />
          </Tooltip>
          <Tooltip title={t('removeField')}>
            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('removeField')} onClick={stop(() => actions.onRemove(field))} />
          </Tooltip>
        </Space>
      </div>
      {field.inner && (
        <div style={{ padding: '0 8px 8px 32px' }}>
          <FieldList fields={field.children ?? []} container={field.inner} actions={actions} />
        </div>
      )}
    </div>
  );
}

function FieldList({ fields, container, actions }: { fields: FieldInfo[]; container: Container; actions: RowActions }) {
  const { t } = useTranslation('forms');
  const { token } = theme.useToken();
  const drop: ContainerDrop = { kind: 'container', container };
  const { setNodeRef, isOver } = useDroppable({ id: `container:${container.id}`, data: drop });
  return (
    <div
      ref={setNodeRef}
      style={{ minHeight: 44, padding: 8, borderRadius: token.borderRadius, border: `1px dashed ${isOver ? token.colorPrimary : token.colorBorder}`, background: isOver ? token.colorPrimaryBg : undefined }}
      data-testid="canvas-container"
      data-container-id={container.id}
    >
      <SortableContext items={fields.map((f) => f.id)} strategy={verticalListSortingStrategy}>
        {fields.map((field, index) => (
          <FieldRow key={field.id} field={field} index={index} count={fields.length} actions={actions} />
        ))}
      </SortableContext>
      {fields.length === 0 && <Typography.Text type="secondary">{container.id === '' ? t('emptyForm') : t('emptyContainer')}</Typography.Text>}
    </div>
  );
}

export function Canvas({ fields, container, ...actions }: { fields: FieldInfo[]; container: Container } & RowActions) {
  return (
    <div data-testid="canvas">
      <FieldList fields={fields} container={container} actions={actions} />
    </div>
  );
}
