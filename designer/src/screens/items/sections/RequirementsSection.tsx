/**
 * 办理要求: legal basis, conditions, grounds for refusal, the time limit and the fee. On an
 * adopted item an unlocked time limit may only get shorter in the same unit, so the unit is
 * fixed and the hint names the inherited limit.
 */
import { Card, Checkbox, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { limitText, limitUnitLabels } from '../../../../../engine/labels';
import { controlId, Field, useItemForm } from '../ItemFieldContext';
import { withKey, type ItemDoc } from '../itemDoc';
import { StringListInput } from '../StringListInput';

type LineField = 'legalBasis' | 'conditions' | 'refusalGrounds';

function LinesField({ name }: { name: LineField }) {
  const { t } = useTranslation('items');
  const { doc, setField } = useItemForm();
  const label = t(`f_${name}`);
  return (
    <Field name={name} label={label}>
      {(isLocked) => (
        <StringListInput
          id={controlId(name)}
          label={label}
          disabled={isLocked}
          value={doc[name] ?? []}
          onChange={(lines) => setField(name, name === 'legalBasis' || lines.length > 0 ? lines : undefined)}
        />
      )}
    </Field>
  );
}

function TimeLimitField() {
  const { t } = useTranslation('items');
  const { doc, setField, inherited, locked } = useItemForm();
  const limit = doc.timeLimit;
  const isTightenOnly = inherited !== undefined && !locked.has('timeLimit');
  const set = (next: Partial<ItemDoc['timeLimit']>) => setField('timeLimit', { ...limit, ...next });
  return (
    <Field
      name="timeLimit"
      label={t('f_timeLimit')}
      htmlFor={controlId('timeLimit', 'value')}
      hint={isTightenOnly && inherited ? <span data-testid="tighten-only">{t('tightenOnly', { limit: limitText(inherited.timeLimit) })}</span> : undefined}
    >
      {(isLocked) => (
        <Space wrap>
          <InputNumber
            id={controlId('timeLimit', 'value')}
            aria-label={t('f_timeLimitValue')}
            disabled={isLocked}
            min={1}
            max={isTightenOnly && inherited ? inherited.timeLimit.value : 3650}
            precision={0}
            value={limit.value}
            onChange={(value) => value !== null && set({ value })}
          />
          <Select
            aria-label={t('f_timeLimitUnit')}
            disabled={isLocked || isTightenOnly}
            style={{ width: 120 }}
            value={limit.unit}
            options={Object.entries(limitUnitLabels).map(([value, label]) => ({ value, label: label.replace(/^个/, '') }))}
            onChange={(unit: ItemDoc['timeLimit']['unit']) => set({ unit })}
          />
          <Input
            aria-label={t('f_timeLimitNote')}
            placeholder={t('f_timeLimitNote')}
            disabled={isLocked}
            style={{ width: 360 }}
            value={limit.note ?? ''}
            onChange={(e) => setField('timeLimit', withKey(limit, 'note', e.target.value))}
          />
        </Space>
      )}
    </Field>
  );
}

function FeeField() {
  const { t } = useTranslation('items');
  const { doc, setField } = useItemForm();
  const fee = doc.fee;
  return (
    <Field name="fee" label={t('f_fee')} htmlFor={controlId('fee', 'free')}>
      {(isLocked) => (
        <Space wrap>
          <Checkbox
            id={controlId('fee', 'free')}
            disabled={isLocked}
            checked={fee.isFree}
            onChange={(e) => setField('fee', e.target.checked ? withKey({ ...fee, isFree: true }, 'amount', undefined) : { ...fee, isFree: false })}
          >
            {t('f_feeIsFree')}
          </Checkbox>
          <InputNumber
            aria-label={t('f_feeAmount')}
            placeholder={t('f_feeAmount')}
            disabled={isLocked || fee.isFree}
            min={0}
            value={fee.amount ?? null}
            onChange={(amount) => setField('fee', withKey(fee, 'amount', amount ?? undefined))}
          />
          <Input
            aria-label={t('f_feeDescription')}
            placeholder={t('f_feeDescription')}
            disabled={isLocked}
            style={{ width: 360 }}
            value={fee.description ?? ''}
            onChange={(e) => setField('fee', withKey(fee, 'description', e.target.value))}
          />
        </Space>
      )}
    </Field>
  );
}

export function RequirementsSection() {
  const { t } = useTranslation('items');
  return (
    <Card title={t('groupRequirements')} size="small" style={{ marginBottom: 16 }} data-testid="group-requirements">
      <LinesField name="legalBasis" />
      <LinesField name="conditions" />
      <LinesField name="refusalGrounds" />
      <TimeLimitField />
      <FeeField />
    </Card>
  );
}
