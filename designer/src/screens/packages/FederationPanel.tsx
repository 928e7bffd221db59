/**
 * 从上游同步: the upstream deployment's URL (GET/PUT /api/federation/source), 拉取 its latest
 * package (verified here, with the entries against what is held), then 导入 the pulled package
 * by its hash.
 */
import { CloudDownloadOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { federationApi, type PullResult } from '../../api/packages';
import { formatDateTime } from '../../components/time';
import { InspectionView } from './InspectionView';
import { RefusalAlert } from './RefusalAlert';
import { useAttempt } from '../../components/useAttempt';
import { useLoaded } from './useLoaded';

export function FederationPanel() {
  const { t } = useTranslation('packages');
  const { message } = App.useApp();
  const source = useLoaded(federationApi.source);
  const [url, setUrl] = useState('');
  const { result: pulled, error: pullError, isBusy: isPulling, attempt } = useAttempt<PullResult>();
  useEffect(() => setUrl(source.value?.url ?? ''), [source.value]);

  const save = async () => {
    if (await source.run(() => federationApi.setSource(url.trim()))) message.success(t('sourceSaved'));
  };

  const pull = async () => {
    const result = await attempt(federationApi.pull);
    if (result) message.success(t('pulled', { source: result.source }));
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="federation-panel">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('sourceIntro')}</Typography.Paragraph>
      <Form layout="inline" onFinish={() => void save()}>
        <Form.Item label={t('sourceUrl')} style={{ flex: 1, minWidth: 320 }}>
          <Input value={url} onChange={(e) => setUrl(e.target.value)} placeholder={t('sourcePlaceholder')} data-testid="source-url" />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={source.isBusy} disabled={url.trim() === '' || url.trim() === source.value?.url} data-testid="source-save">
            {t('sourceSave')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button type="primary" icon={<CloudDownloadOutlined />} loading={isPulling} disabled={!source.value?.url} onClick={() => void pull()} data-testid="pull">
            {t('pull')}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Text type="secondary" data-testid="source-state">
        {source.value?.url ? t('sourceSetAt', { at: formatDateTime(source.value.setAt) }) : t('sourceNone')}
      </Typography.Text>
      <RefusalAlert error={source.error} testId="source-refusal" />
      <RefusalAlert error={pullError} testId="pull-refusal" />
      {pulled && (
        <InspectionView
          key={pulled.packageHash}
          inspection={pulled}
          onImport={() => federationApi.importPulled(pulled.packageHash)}
          extra={[
            { label: t('sourceUrl'), value: pulled.source },
            { label: t('pulledAt'), value: formatDateTime(pulled.pulledAt) },
          ]}
        />
      )}
    </Space>
  );
}
