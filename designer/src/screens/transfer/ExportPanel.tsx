/** Export the platform's definitions as one JSON file: own only or with the inherited ones, drafts or published. */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { useSession } from '../../session/session';
import { buildExport, download, type Scope, type Which } from './definitionSet';

export function ExportPanel() {
  const { t } = useTranslation('transfer');
  const { message } = App.useApp();
  const { me } = useSession();
  const [scope, setScope] = useState<Scope>('own');
  const [versions, setVersions] = useState<Which>('drafts');
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>();

  async function onExport() {
    setProgress({ done: 0, total: 0 });
    try {
      const set = await buildExport({ scope, versions, onProgress: (done, total) => setProgress({ done, total }) });
      if (set.definitions.length === 0) return void message.info(t('exportEmpty'));
      download(`definitions-${me?.platformId ?? 'platform'}-${set.exportedAt.slice(0, 10)}.json`, set);
      message.success(t('exported', { count: set.definitions.length }));
    } catch (error) {
      message.error(t('exportFailed', { detail: (error as ApiError).message }));
    } finally {
      setProgress(undefined);
    }
  }

  return (
    <Flex vertical gap={12} data-testid="export-panel">
      <Form layout="vertical" component="div">
        <Form.Item label={t('scope')} style={{ marginBottom: 12 }}>
          <Radio.Group value={scope} onChange={(e) => setScope(e.target.value as Scope)} data-testid="export-scope">
            <Radio value="own">{t('scope_own')}</Radio>
            <Radio value="all">{t('scope_all')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('versions')} style={{ marginBottom: 12 }}>
          <Radio.Group value={versions} onChange={(e) => setVersions(e.target.value as Which)} data-testid="export-versions">
            <Radio value="drafts">{t('versions_drafts')}</Radio>
            <Radio value="published">{t('versions_published')}</Radio>
          </Radio.Group>
        </Form.Item>
      </Form>
      <Flex gap={12} align="center">
        <Button type="primary" icon={<DownloadOutlined />} loading={progress !== undefined} onClick={() => void onExport()} data-testid="export-button">
          {t('exportButton')}
        </Button>
        {progress && progress.total > 0 && <Typography.Text type="secondary">{t('exporting', progress)}</Typography.Text>}
      </Flex>
    </Flex>
  );
}
