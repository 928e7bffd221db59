/**
 * A list's rows as the standard's table: 序号, the appendix's columns read from the items, 备注.
 * Rows reorder by dragging the handle (mouse, or Space + arrow keys on the focused handle) or
 * with the up/down buttons; each row can be removed or its item opened.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, HolderOutlined } from '@ant-design/icons';
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { createContext, useContext, useMemo, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { textOf } from '../../../../engine/text';
import { factColumns, type ListType } from './listColumns';
import type { ItemRow } from './useListItems';

export interface Entry {
  item: string;
  note?: string;
}

type Handle = Pick<ReturnType<typeof useSortable>, 'attributes' | 'listeners' | 'setActivatorNodeRef'>;
const HandleContext = createContext<Handle | null>(null);

function SortableRow(props: HTMLAttributes<HTMLTableRowElement> & { 'data-row-key': string }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: props['data-row-key'] });
  const handle = useMemo(() => ({ attributes, listeners, setActivatorNodeRef }), [attributes, listeners, setActivatorNodeRef]);
  const style = { ...props.style, transform: CSS.Translate.toString(transform), transition, ...(isDragging ? { position: 'relative' as const, zIndex: 10, background: '#fafafa' } : {}) };
  return (
    <HandleContext.Provider value={handle}>
      <tr {...props} ref={setNodeRef} style={style} />
    </HandleContext.Provider>
  );
}

function DragHandle({ label }: { label: string }) {
  const handle = useContext(HandleContext);
  return (
    <Button
      type="text"
      size="small"
      icon={<HolderOutlined />}
      style={{ cursor: 'grab' }}
      ref={handle?.setActivatorNodeRef}
      {...handle?.attributes}
      {...handle?.listeners}
      aria-label={label}
      data-testid="drag-handle"
    />
  );
}

export function ListTable({
  listType,
  entries,
  rows,
  onChange,
}: {
  listType: ListType;
  entries: readonly Entry[];
  rows: ReadonlyMap<string, ItemRow>;
  onChange(next: Entry[]): void;
}) {
  const { t, i18n } = useTranslation('lists');
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const titleOf = (id: string) => {
    const item = rows.get(id)?.item;
    return item ? textOf(item.title, i18n.language === 'en' ? 'en' : 'zh-CN') : id;
  };
  const move = (from: number, to: number) => onChange(arrayMove([...entries], from, to));
  const setNote = (index: number, note: string) =>
    onChange(entries.map((e, i) => (i !== index ? e : note === '' ? { item: e.item } : { ...e, note })));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    move(
      entries.findIndex((e) => e.item === active.id),
      entries.findIndex((e) => e.item === over.id),
    );
  };
  const facts = factColumns[listType].map((column) => ({
    title: t(column.header),
    key: column.header,
    width: column.width,
    render: (_: unknown, entry: Entry) => {
      const row = rows.get(entry.item);
      const isName = column.header === 'col_itemName' || column.header === 'col_serviceName';
      if (!row) return '';
      if (!row.item) return isName ? <Typography.Text type="danger">{t('itemMissing', { id: entry.item })}</Typography.Text> : '';
      return isName && row.version?.status === 'draft' ? (
        <Space size={4}>
          {column.cell(row)}
          <Tag color="gold">{t('itemDraft')}</Tag>
        </Space>
      ) : (
        column.cell(row)
      );
    },
  }));
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <SortableContext items={entries.map((e) => e.item)} strategy={verticalListSortingStrategy}>
        <Table<Entry>
          rowKey="item"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          components={{ body: { row: SortableRow } }}
          dataSource={[...entries]}
          data-testid="list-table"
          onRow={(entry) => ({ 'data-item': entry.item }) as HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'drag', width: 40, title: '', render: (_, entry) => <DragHandle label={t('dragLabel', { item: titleOf(entry.item) })} /> },
            { key: 'seq', width: 56, title: t('col_seq'), render: (_, __, index) => <span data-testid="seq">{index + 1}</span> },
            ...facts,
            {
              key: 'note',
              width: 180,
              title: t('col_note'),
              render: (_, entry, index) => <Input size="small" value={entry.note ?? ''} aria-label={t('noteLabel', { item: titleOf(entry.item) })} onChange={(e) => setNote(index, e.target.value)} />,
            },
            {
              key: 'actions',
              width: 140,
              fixed: 'right',
              title: t('actions', { ns: 'common' }),
              render: (_, entry, index) => (
                <Space size={0}>
                  <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} aria-label={t('moveUp', { item: titleOf(entry.item) })} onClick={() => move(index, index - 1)} />
                  <Button
                    type="text"
                    size="small"
                    icon={<ArrowDownOutlined />}
                    disabled={index === entries.length - 1}
                    aria-label={t('moveDown', { item: titleOf(entry.item) })}
                    onClick={() => move(index, index + 1)}
                  />
                  <Tooltip title={t('openItem')}>
                    <Link to={`/studio/items/${encodeURIComponent(entry.item)}`} aria-label={`${t('openItem')} ${titleOf(entry.item)}`}>
                      <Button type="text" size="small" icon={<EditOutlined />} tabIndex={-1} />
                    </Link>
                  </Tooltip>
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('removeRow', { item: titleOf(entry.item) })} onClick={() => onChange(entries.filter((_, i) => i !== index))} />
                </Space>
              ),
            },
          ]}
        />
      </SortableContext>
    </DndContext>
  );
}
