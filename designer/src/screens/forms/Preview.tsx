/**
 * The form as applicants see it (the shared ApplicantForm: the antd rjsf theme, the same format
 * checks and wording as the server, hidden fields dropped as the applicant types) with the
 * sample data filled in; a submit shows the data that would be sent.
 */
import { Alert, Button, Card, Flex, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApplicantForm } from '../../components/ApplicantForm';

const NOT_SUBMITTED = Symbol('not submitted');

export function Preview({ schema, uiSchema, sampleData, onUseAsSample }: { schema: unknown; uiSchema: unknown; sampleData: unknown; onUseAsSample: (data: unknown) => void }) {
  const { t } = useTranslation('forms');
  const [data, setData] = useState<unknown>(sampleData);
  const [submitted, setSubmitted] = useState<unknown>(NOT_SUBMITTED);
  useEffect(() => {
    setData(sampleData);
    setSubmitted(NOT_SUBMITTED);
  }, [sampleData]);

  return (
    // Flex, not Space: Space hands its children a new context value on every render, which makes React walk the whole form per keystroke.
    <Flex vertical gap="middle" style={{ width: '100%' }}>
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
        <ApplicantForm
          schema={schema}
          uiSchema={uiSchema}
          formData={data}
          onChange={setData}
          onSubmit={setSubmitted}
          onError={() => setSubmitted(NOT_SUBMITTED)}
          renderFailure={(error) => <Alert type="error" showIcon title={t('previewFailed', { detail: error.message })} />}
        />
      </Card>
      {submitted !== NOT_SUBMITTED && (
        <Alert
          type="success"
          showIcon
          title={t('previewSubmitted')}
          description={<pre data-testid="preview-submitted" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(submitted ?? null, null, 2)}</pre>}
        />
      )}
    </Flex>
  );
}
