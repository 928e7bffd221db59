/**
 * A material file in a drawer: images and PDFs shown in place (fetched as a blob, since the
 * server serves files as attachments), anything else offered as a download.
 */
import { Alert, Button, Drawer, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deskApi } from '../../api/desk';

export interface PreviewFile {
  id: string;
  name: string;
  mediaType: string;
}

export function FilePreviewDrawer({ file, onClose }: { file: PreviewFile | null; onClose: () => void }) {
  const { t } = useTranslation('desk');
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!file) return;
    let objectUrl: string | null = null;
    let isCurrent = true;
    setUrl(null);
    setError(null);
    deskApi.fileBlob(file.id).then(
      (blob) => {
        if (!isCurrent) return;
        objectUrl = URL.createObjectURL(new Blob([blob], { type: file.mediaType }));
        setUrl(objectUrl);
      },
      (failure: Error) => isCurrent && setError(failure.message),
    );
    return () => {
      isCurrent = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [file]);

  const isImage = file?.mediaType.startsWith('image/') ?? false;
  const isPdf = file?.mediaType === 'application/pdf';
  return (
    <Drawer
      open={file !== null}
      onClose={onClose}
      title={file?.name}
      size="large"
      destroyOnHidden
      extra={
        url && (
          <a href={url} download={file?.name}>
            <Button size="small">{t('download')}</Button>
          </a>
        )
      }
    >
      <div data-testid="file-preview" data-media-type={file?.mediaType} style={{ height: '100%' }}>
        {error && <Alert type="error" showIcon title={t('previewFailed', { detail: error })} />}
        {!url && !error && <Spin />}
        {url && isImage && <img src={url} alt={file?.name} style={{ maxWidth: '100%' }} />}
        {url && isPdf && <iframe src={url} title={file?.name} style={{ width: '100%', height: '100%', minHeight: 600, border: 0 }} />}
        {url && !isImage && !isPdf && <Alert type="info" showIcon title={t('noInlinePreview')} />}
      </div>
    </Drawer>
  );
}
