/** The template's own fields: name, description, purpose, variables available (context), format and subject line. */
import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Text } from '../../api/definitions';
import type { TemplateDoc } from './TemplateDesigner';

const purposes = ['guide', 'receipt', 'oneTimeNotice', 'result', 'notice', 'sms', 'report'] as const;
const contexts = ['item', 'case'] as const;
const formats = ['html', 'text'] as const;

/** The Chinese text of a Text, for an input. */
const chineseOf = (text: Text | undefined): string => (text === undefined ? '' : typeof text === 'string' ? text : text['zh-CN']);

/** Writes the Chinese text back, keeping an English one when the text has it. */
function withChinese(text: Text | undefined, value: string): Text {
  return text !== undefined && typeof text === 'object' ? { ...text, 'zh-CN': value } : value;
}

export function TemplateFields({ doc, onChange }: { doc: TemplateDoc; onChange: (patch: Partial<TemplateDoc>) => void }) {
  const { t } = useTranslation('templates');
  const select = <V extends string>(name: 'purpose' | 'context' | 'format', values: readonly V[]) => (
    <Form.Item label={t(name)} htmlFor={`template-${name}`} style={{ marginBottom: 12 }}>
      <Select
        id={`template-${name}`}
        value={doc[name] as V}
        onChange={(value: V) => onChange({ [name]: value })}
        options={values.map((value) => ({ value, label: t(`${name}_${value}`) }))}
        data-testid={`template-${name}`}
      />
    </Form.Item>
  );
  return (
    <Form layout="vertical" component="div">
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label={t('fieldTitle')} htmlFor="template-title" style={{ marginBottom: 12 }}>
            <Input id="template-title" value={chineseOf(doc.title)} onChange={(e) => onChange({ title: withChinese(doc.title, e.target.value) })} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item label={t('fieldDescription')} htmlFor="template-description" style={{ marginBottom: 12 }}>
            <Input
              id="template-description"
              value={chineseOf(doc.description)}
              onChange={(e) => onChange({ description: e.target.value === '' && typeof doc.description !== 'object' ? undefined : withChinese(doc.description, e.target.value) })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={5}>
          {select('purpose', purposes)}
        </Col>
        <Col xs={24} md={7}>
          {select('context', contexts)}
        </Col>
        <Col xs={24} md={4}>
          {select('format', formats)}
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('subject')} htmlFor="template-subject" tooltip={t('subjectHelp')} style={{ marginBottom: 12 }}>
            <Input
              id="template-subject"
              value={doc.subject ?? ''}
              onChange={(e) => onChange({ subject: e.target.value === '' ? undefined : e.target.value })}
              style={{ fontFamily: 'ui-monospace, monospace' }}
            />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
