/**
 * What every field of the item form needs to know: the working copy and how to change one
 * field, which fields the inherited template locks, and the problems at each field. One
 * `Field` frame shows a label (with a lock when locked), the control, and the problems, so
 * locks and problems look the same on every field.
 */
import { LockOutlined } from '@ant-design/icons';
import { Form, Space, Tag, Tooltip } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../api/client';
import type { ItemDoc, ItemField } from './itemDoc';

export interface ItemFormState {
  doc: ItemDoc;
  /** Sets one top-level field; `undefined` removes an optional one. */
  setField<K extends ItemField | 'locked'>(field: K, value: ItemDoc[K] | undefined): void;
  setDoc(next: (current: ItemDoc) => ItemDoc): void;
  /** Fields the inherited version locks (empty when the item is not adopted). */
  locked: ReadonlySet<string>;
  /** The inherited version, when the platform adopts a parent's item. */
  inherited: ItemDoc | undefined;
  problems: Map<string, Problem[]>;
  /** Province admins set the locks of their items. */
  canEditLocks: boolean;
  /** Fields this platform changed from the inherited version (本地修改). */
  overridden: ReadonlySet<string>;
}

const ItemFormContext = createContext<ItemFormState | null>(null);
export const ItemFormProvider = ItemFormContext.Provider;

export function useItemForm(): ItemFormState {
  const state = useContext(ItemFormContext);
  if (!state) throw new Error('useItemForm needs an ItemFormProvider above it');
  return state;
}

/** The DOM id of a field's main control, so a label and a problem can point at it. */
export const controlId = (field: string, part = '') => `item-${field}${part ? `-${part}` : ''}`;

/** One problem as a person reads it: a known code in the user's language, else the server's sentence. */
export function useProblemText(): (problem: Problem) => string {
  const { t } = useTranslation('items');
  return (problem) => {
    const key = `problem_${problem.code.replace(/\./g, '_')}`;
    return t(key, { defaultValue: problem.message });
  };
}

export function Field({
  name,
  label,
  children,
  hint,
  htmlFor,
  part,
  otherParts = [],
}: {
  name: ItemField;
  label: string;
  /** For a control of one part of the field (e.g. "uscc" of department): only problems under it. */
  part?: string;
  /** Parts other controls show, left out here. */
  otherParts?: string[];
  /** The control, told whether the field is locked. */
  children: (isLocked: boolean) => ReactNode;
  hint?: ReactNode;
  /** The control the label names; the field's id by default. */
  htmlFor?: string;
}) {
  const { t } = useTranslation('items');
  const { locked, problems, overridden } = useItemForm();
  const problemText = useProblemText();
  const isLocked = locked.has(name);
  const under = (p: Problem, sub: string) => p.path === `/${name}/${sub}` || p.path.startsWith(`/${name}/${sub}/`);
  const found = (problems.get(name) ?? []).filter((p) => (part === undefined ? !otherParts.some((sub) => under(p, sub)) : under(p, part)));
  const title = (
    <Space size={4}>
      {label}
      {isLocked && (
        <Tooltip title={t('lockedTooltip')}>
          <LockOutlined aria-label={t('lockedTooltip')} data-testid={`lock-${name}`} style={{ color: '#8c8c8c' }} />
        </Tooltip>
      )}
      {part === undefined && overridden.has(name) && (
        <Tag color="gold" data-testid={`override-${name}`}>
          {t('localMark')}
        </Tag>
      )}
    </Space>
  );
  const help =
    found.length > 0 ? (
      <div data-testid={`field-problems-${name}`}>
        {found.map((p, i) => (
          <div key={i} data-problem-code={p.code}>
            {problemText(p)}
          </div>
        ))}
      </div>
    ) : (
      hint
    );
  return (
    <div data-testid={`field-${name}${part ? `-${part}` : ''}`} data-locked={isLocked ? 'true' : undefined}>
      <Form.Item label={title} htmlFor={htmlFor ?? controlId(name)} validateStatus={found.length > 0 ? 'error' : undefined} help={help}>
        {children(isLocked)}
      </Form.Item>
    </div>
  );
}
