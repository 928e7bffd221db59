/** The properties of one material: every field of the Material kind, each with its label. */
import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Material } from '../../../../engine/kinds/checklist';
import { materialFormLabels } from '../../../../engine/labels';
import type { RuleField } from '../../components/rule-model';
import { commonFileTypes, KEY_PATTERN } from './material-edit';
import { RequiredInput } from './RequiredInput';

const FILE_TYPE = /^[a-z0-9]{2,5}$/;

export function MaterialPanel({
  material,
  fields,
  isKeyTaken,
  onChange,
}: {
  material: Material;
  fields: RuleField[];
  /** Another material of the checklist has the same key. */
  isKeyTaken: boolean;
  onChange: (patch: Partial<Material>) => void;
}) {
  const { t } = useTranslation('checklists');
  const keyError = !KEY_PATTERN.test(material.key) ? t('keyInvalid') : isKeyTaken ? t('keyDuplicate', { key: material.key }) : undefined;
  const optional = <K extends keyof Material>(key: K, value: Material[K] | null | '') => onChange({ [key]: value === null || value === '' ? undefined : value } as Partial<Material>);
  return (
    <Form layout="vertical" data-testid="material-panel" onSubmitCapture={(e) => e.preventDefault()}>
      <Form.Item label={t('name')} htmlFor="material-name" required>
        <Input id="material-name" value={material.name} onChange={(e) => onChange({ name: e.target.value })} status={material.name === '' ? 'error' : undefined} />
      </Form.Item>
      <Form.Item label={t('key')} htmlFor="material-key" required validateStatus={keyError ? 'error' : undefined} help={keyError} extra={t('keyHelp')}>
        <Input id="material-key" value={material.key} onChange={(e) => onChange({ key: e.target.value.trim() })} maxLength={64} />
      </Form.Item>
      <RequiredInput material={material} fields={fields} onChange={onChange} />
      <div style={{ display: 'flex', gap: 16 }}>
        <Form.Item label={t('form')} htmlFor="material-form" style={{ flex: 1 }}>
          <Select
            id="material-form"
            value={material.form}
            onChange={(form: Material['form']) => onChange({ form })}
            options={Object.entries(materialFormLabels).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label={t('count')} htmlFor="material-count">
          <InputNumber id="material-count" min={1} max={99} precision={0} value={material.count} onChange={(count) => count !== null && onChange({ count })} />
        </Form.Item>
      </div>
      <Form.Item label={t('fileTypes')} htmlFor="material-file-types">
        <Select
          id="material-file-types"
          mode="tags"
          value={material.fileTypes}
          options={commonFileTypes.map((value) => ({ value, label: value }))}
          onChange={(types: string[]) => {
            const valid = [...new Set(types.map((type) => type.trim().toLowerCase().replace(/^\./, '')))].filter((type) => FILE_TYPE.test(type));
            if (valid.length > 0) onChange({ fileTypes: valid });
          }}
          tokenSeparators={[',', ' ', '，']}
        />
      </Form.Item>
      <div style={{ display: 'flex', gap: 16 }}>
        <Form.Item label={t('maxSizeMB')} htmlFor="material-max-size" style={{ flex: 1 }}>
          <InputNumber id="material-max-size" min={0.1} max={200} value={material.maxSizeMB} onChange={(size) => size !== null && size > 0 && onChange({ maxSizeMB: size })} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('maxFiles')} htmlFor="material-max-files" extra={t('maxFilesHelp')} style={{ flex: 1 }}>
          <InputNumber id="material-max-files" min={1} max={50} precision={0} value={material.maxFiles ?? null} onChange={(n) => optional('maxFiles', n)} style={{ width: '100%' }} />
        </Form.Item>
      </div>
      <Form.Item label={t('sample')} htmlFor="material-sample" extra={t('sampleHelp')}>
        <Input id="material-sample" value={material.sample ?? ''} onChange={(e) => optional('sample', e.target.value)} />
      </Form.Item>
      <Form.Item label={t('deferrable')} htmlFor="material-deferrable">
        <Switch id="material-deferrable" checked={material.isDeferrable === true} onChange={(on) => onChange({ isDeferrable: on ? true : undefined })} />
      </Form.Item>
      <Form.Item label={t('note')} htmlFor="material-note">
        <Input.TextArea id="material-note" rows={2} value={material.note ?? ''} onChange={(e) => optional('note', e.target.value)} />
      </Form.Item>
    </Form>
  );
}
