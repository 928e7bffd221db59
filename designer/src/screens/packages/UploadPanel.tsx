/**
 * 上传定义包文件: choose a package file, verify it as it is (its exact bytes), review the entries
 * and import. A refusal (unknown or revoked key, a changed entry, a bad signature, not JSON at
 * line/column) is shown in full; after trusting a key, 核验并查看 verifies the same file again.
 */
import { InboxOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { packagesApi, type Inspection } from '../../api/packages';
import { InspectionView } from './InspectionView';
import { RefusalAlert } from './RefusalAlert';
import { useAttempt } from '../../components/useAttempt';

export function UploadPanel() {
  const { t } = useTranslation('packages');
  const [file, setFile] = useState<File>();
  const { result: inspection, error, isBusy, attempt } = useAttempt<Inspection>();
  const inspect = (chosen: File) => attempt(() => packagesApi.inspect(chosen));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="upload-panel">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('uploadIntro')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".json,application/json"
        showUploadList={false}
        multiple={false}
        beforeUpload={(chosen) => {
          setFile(chosen);
          void inspect(chosen);
          return false;
        }}
        data-testid="package-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('chooseFile')}</p>
        <p className="ant-upload-hint">{t('chooseFileHint')}</p>
      </Upload.Dragger>
      {file && (
        <Space wrap>
          <Typography.Text data-testid="package-file-name">{t('fileChosen', { name: file.name, size: file.size })}</Typography.Text>
          <Button icon={<SafetyCertificateOutlined />} loading={isBusy} onClick={() => void inspect(file)} data-testid="inspect-package">
            {t('inspect')}
          </Button>
        </Space>
      )}
      <RefusalAlert error={error} testId="inspect-refusal" />
      {inspection && file && <InspectionView key={inspection.packageHash} inspection={inspection} onImport={() => packagesApi.import(file)} />}
    </Space>
  );
}
