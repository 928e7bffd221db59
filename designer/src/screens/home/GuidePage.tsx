/** One item's service guide (办事指南), rendered by the server from the item's guide template. */
import { Alert, Button, Card, Layout, Space, Spin } from 'antd';
import DOMPurify from 'dompurify';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { catalogApi, type ItemGuide } from '../../api/catalog';
import { LinkButton } from '../portal/LinkButton';

export function GuidePage() {
  const { t } = useTranslation('home');
  const { platformId = '', itemId = '' } = useParams();
  const [guide, setGuide] = useState<ItemGuide | undefined>();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    catalogApi.guide(platformId, itemId).then(setGuide, (failure: Error) => setError(failure.message));
  }, [platformId, itemId]);
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Layout.Content style={{ padding: 24, maxWidth: 960, margin: '0 auto', width: '100%' }}>
        <Link to={`/?platform=${encodeURIComponent(platformId)}`}>
          <Button style={{ marginBottom: 16 }}>{t('backToLists')}</Button>
        </Link>
        {error && <Alert type="error" showIcon title={error} />}
        {!guide && !error && <Spin />}
        {guide && (
          <Card
            title={guide.title}
            extra={
              // Signing in (when needed) happens on the way: the portal sends to the login page and back.
              <Space>
                <LinkButton to={`/portal/consultations?item=${encodeURIComponent(itemId)}`}>{t('navConsult', { ns: 'portal' })}</LinkButton>
                <LinkButton to={`/portal/apply/${encodeURIComponent(itemId)}`} type="primary" data-testid="apply-online">
                  {t('applyOnline', { ns: 'portal' })}
                </LinkButton>
              </Space>
            }
          >
            {/* The guide is HTML the server rendered with escaping; sanitizing again guards against a hostile template. */}
            <div className="guide" data-testid="guide" dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(guide.guideHtml) }} />
          </Card>
        )}
      </Layout.Content>
    </Layout>
  );
}
