/**
 * Picks items to add to a list from every item the platform can see: its own, and the province
 * library it inherits (adopting a library item into a list needs no copy; the platform
 * localizes the item itself only if it wants to change unlocked facts).
 */
import { Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textOf, type DefinitionSummary } from '../../api/definitions';
import { useVisibleDefinitions } from '../items/useDefinitionOptions';

type Source = 'all' | 'own' | 'library';

export function ItemPicker({ open, exclude, onAdd, onClose }: { open: boolean; exclude: readonly string[]; onAdd(ids: string[]): void; onClose(): void }) {
  const { t, i18n } = useTranslation('lists');
  const items = useVisibleDefinitions('ServiceItem');
  const [query, setQuery] = useState('');
  const [source, setSource] = useState<Source>('all');
  const [selected, setSelected] = useState<string[]>([]);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (items ?? []).filter(
      (d) =>
        !exclude.includes(d.id) &&
        (source === 'all' || (source === 'library') === d.isInherited) &&
        (!q || d.id.includes(q) || textOf(d.title, i18n.language).toLowerCase().includes(q)),
    );
  }, [items, exclude, source, query, i18n.language]);
  const close = () => {
    setSelected([]);
    onClose();
  };
  const add = () => {
    if (selected.length === 0) return;
    onAdd(selected);
    close();
  };
  return (
    <Modal
      open={open}
      title={t('pickerTitle')}
      width={820}
      okText={t('pickerAdd', { count: selected.length })}
      okButtonProps={{ disabled: selected.length === 0, 'data-testid': 'picker-add' } as never}
      onOk={add}
      onCancel={close}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Segmented<Source>
            value={source}
            onChange={setSource}
            options={[
              { value: 'all', label: t('pickerAll') },
              { value: 'own', label: t('pickerOwn') },
              { value: 'library', label: t('pickerLibrary') },
            ]}
          />
          <Input.Search allowClear autoFocus aria-label={t('pickerSearch')} placeholder={t('pickerSearch')} onChange={(e) => setQuery(e.target.value)} onPressEnter={add} style={{ width: 280 }} />
        </Space>
        <Table<DefinitionSummary>
          rowKey="id"
          size="small"
          loading={items === undefined}
          dataSource={shown}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          data-testid="item-picker"
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), preserveSelectedRowKeys: true }}
          columns={[
            { title: t('titleField', { ns: 'common' }), render: (_, d) => textOf(d.title, i18n.language) },
            { title: t('id', { ns: 'common' }), dataIndex: 'id', render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
            {
              title: t('pickerSource'),
              render: (_, d) => (d.isInherited ? <Tag color="blue">{t('libraryTag', { platform: d.platformId })}</Tag> : <Tag>{t('own', { ns: 'common' })}</Tag>),
            },
            { title: t('status', { ns: 'common' }), dataIndex: 'status', render: (s: string) => <Tag color={s === 'published' ? 'green' : 'gold'}>{t(`status_${s}`, { ns: 'common' })}</Tag> },
          ]}
        />
      </Space>
    </Modal>
  );
}
