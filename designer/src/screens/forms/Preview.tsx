/**
 * The form as applicants see it: the antd rjsf theme with the form's own schema and uiSchema,
 * the sample data filled in, the same format checks as the server. Fields hidden by a rule are
 * dropped from the data as the applicant types (omitExtraData + liveOmit), so a hidden field is
 * neither required nor submitted; a submit shows the data that would be sent.
 */
import Form from '@rjsf/antd';
import type { IChangeEvent } from '@rjsf/core';
import type { RJSFValidationError } from '@rjsf/utils';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { Component, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isNode } from './json-path';
import { fallbacksFor } from './preview-fallbacks';
import { previewValidator } from './preview-validator';
import { rjsfStrings, submitText } from './rjsf-zh';

/** Keeps a schema rjsf cannot render from taking the studio down; tries again when the schema changes. */
class PreviewBoundary extends Component<{ resetKey: unknown; render: (error: Error) => ReactNode; children: ReactNode }, { error?: Error; key?: unknown }> {
  override state: { error?: Error; key?: unknown } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  static getDerivedStateFromProps(props: { resetKey: unknown }, state: { error?: Error; key?: unknown }) {
    return props.resetKey === state.key ? null : { error: undefined, key: props.resetKey };
  }
  override render() {
    return this.state.error ? this.props.render(this.state.error) : this.props.children;
  }
}

const NOT_SUBMITTED = Symbol('not submitted');

/** In Chinese the message already names the field (the server's wording), so the error list shows it alone. */
function withMessageAsStack(errors: RJSFValidationError[]): RJSFValidationError[] {
  return errors.map((error) => ({ ...error, stack: error.message ?? error.stack }));
}

export function Preview({ schema, uiSchema, sampleData, onUseAsSample }: { schema: unknown; uiSchema: unknown; sampleData: unknown; onUseAsSample: (data: unknown) => void }) {
  const { t, i18n } = useTranslation('forms');
  const [data, setData] = useState<unknown>(sampleData);
  const [submitted, setSubmitted] = useState<unknown>(NOT_SUBMITTED);
  useEffect(() => {
    setData(sampleData);
    setSubmitted(NOT_SUBMITTED);
  }, [sampleData]);
  const validator = useMemo(() => previewValidator(schema, i18n.language), [schema, i18n.language]);
  const { widgets, fields } = useMemo(() => fallbacksFor(uiSchema), [uiSchema]);
  const translate = useMemo(() => rjsfStrings(i18n.language), [i18n.language]);
  const isChinese = !i18n.language.startsWith('en');
  const rjsfSchema = (isNode(schema) ? schema : {}) as never;
  // The form's own submit options win; only the button's default text follows the studio's language.
  const rjsfUiSchema = useMemo(() => {
    const ui = isNode(uiSchema) ? uiSchema : {};
    const submit = isNode(ui['ui:submitButtonOptions']) ? ui['ui:submitButtonOptions'] : {};
    return { ...ui, 'ui:submitButtonOptions': { submitText: submitText(i18n.language), ...submit } } as never;
  }, [uiSchema, i18n.language]);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('previewNote')}</Typography.Text>
        <Space>
          <Button onClick={() => setData(sampleData)} data-testid="preview-reset">
            {t('resetSample')}
          </Button>
          <Button onClick={() => onUseAsSample(data)} data-testid="preview-use-as-sample">
            {t('useAsSample')}
          </Button>
        </Space>
      </Space>
      <Card data-testid="preview">
        <PreviewBoundary resetKey={`${JSON.stringify(schema)}|${JSON.stringify(uiSchema)}`} render={(error) => <Alert type="error" showIcon title={t('previewFailed', { detail: error.message })} />}>
          <Form
            schema={rjsfSchema}
            uiSchema={rjsfUiSchema}
            formData={data}
            validator={validator}
            widgets={widgets}
            fields={fields}
            translateString={translate}
            noHtml5Validate
            omitExtraData
            liveOmit
            onChange={(event: IChangeEvent) => setData(event.formData)}
            onSubmit={(event: IChangeEvent) => setSubmitted(event.formData)}
            // rjsf logs a failed submit as a console error unless someone listens; the form shows the errors itself.
            onError={() => setSubmitted(NOT_SUBMITTED)}
            transformErrors={isChinese ? withMessageAsStack : undefined}
          />
        </PreviewBoundary>
      </Card>
      {submitted !== NOT_SUBMITTED && (
        <Alert
          type="success"
          showIcon
          title={t('previewSubmitted')}
          description={<pre data-testid="preview-submitted" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(submitted ?? null, null, 2)}</pre>}
        />
      )}
    </Space>
  );
}
