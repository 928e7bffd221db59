/** /studio/transfer: a definition set to and from JSON — export on the left, import on the right. */
import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';

export function TransferScreen() {
  const { t } = useTranslation('transfer');
  return (
    <div data-testid="transfer">
      <Typography.Title level={4}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Card title={t('exportTitle')}>
            <ExportPanel />
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card title={t('importTitle')}>
            <ImportPanel />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
