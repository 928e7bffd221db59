/**
 * The field types, as buttons: click or Enter adds one at the end of the chosen place (the
 * form, or a section or group), or drag one onto the canvas to put it where it drops.
 */
import {
  AlignLeftOutlined,
  BankOutlined,
  BlockOutlined,
  CalendarOutlined,
  CheckCircleOutlined,
  CheckSquareOutlined,
  ContainerOutlined,
  DownSquareOutlined,
  EnvironmentOutlined,
  FontSizeOutlined,
  HomeOutlined,
  IdcardOutlined,
  MobileOutlined,
  NumberOutlined,
  PaperClipOutlined,
  QuestionOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { useDraggable } from '@dnd-kit/core';
import { Button, Select, Space, Typography } from 'antd';
import type { PointerEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Container, FieldInfo } from './field-list';
import { fieldTypeIds, type FieldTypeId } from './field-types';

export const fieldTypeIcons: Record<FieldTypeId | 'other', ReactNode> = {
  text: <FontSizeOutlined />,
  textarea: <AlignLeftOutlined />,
  number: <NumberOutlined />,
  date: <CalendarOutlined />,
  select: <DownSquareOutlined />,
  radio: <CheckCircleOutlined />,
  checkbox: <CheckSquareOutlined />,
  checkboxes: <UnorderedListOutlined />,
  file: <PaperClipOutlined />,
  residentId: <IdcardOutlined />,
  uscc: <BankOutlined />,
  phone: <MobileOutlined />,
  region: <EnvironmentOutlined />,
  address: <HomeOutlined />,
  group: <BlockOutlined />,
  section: <ContainerOutlined />,
  other: <QuestionOutlined />,
};

/** What a palette drag carries, read by the designer's drop handler. */
export interface PaletteDrag {
  kind: 'palette';
  type: FieldTypeId;
}

function PaletteItem({ type, onAdd }: { type: FieldTypeId; onAdd: (type: FieldTypeId) => void }) {
  const { t } = useTranslation('forms');
  const data: PaletteDrag = { kind: 'palette', type };
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: `palette:${type}`, data });
  // Only the pointer starts a drag here: Enter and Space stay a plain click that adds the field.
  return (
    <Button
      ref={setNodeRef}
      block
      size="small"
      icon={fieldTypeIcons[type]}
      title={t(`type_${type}`)}
      onClick={() => onAdd(type)}
      onPointerDown={listeners?.onPointerDown as PointerEventHandler<HTMLElement> | undefined}
      style={{ justifyContent: 'flex-start', overflow: 'hidden', fontSize: 13, opacity: isDragging ? 0.5 : 1, touchAction: 'none' }}
      data-testid={`palette-${type}`}
    >
      {t(`type_${type}`)}
    </Button>
  );
}

export function Palette({
  targets,
  target,
  onTarget,
  onAdd,
}: {
  /** The places a field can be added: the form, then each section and group. */
  targets: Array<{ container: Container; owner?: FieldInfo }>;
  target: string;
  onTarget: (containerId: string) => void;
  onAdd: (type: FieldTypeId) => void;
}) {
  const { t } = useTranslation('forms');
  const nameOf = (owner: FieldInfo) => (typeof owner.schema.title === 'string' && owner.schema.title !== '' ? owner.schema.title : owner.key);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="palette">
      <Typography.Text strong>{t('paletteTitle')}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('paletteHint')}
      </Typography.Text>
      <label htmlFor="palette-target" style={{ fontSize: 12 }}>
        {t('addTo')}
      </label>
      <Select
        id="palette-target"
        style={{ width: '100%' }}
        value={target}
        onChange={onTarget}
        options={targets.map(({ container, owner }) => ({ value: container.id, label: owner ? t('addToContainer', { name: nameOf(owner) }) : t('addToForm') }))}
        data-testid="palette-target"
      />
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 6 }}>
        {fieldTypeIds.map((type) => (
          <PaletteItem key={type} type={type} onAdd={onAdd} />
        ))}
      </div>
    </Space>
  );
}
