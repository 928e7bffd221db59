/**
 * Where the drill-down is: the viewer's own scope, then each platform looked into. A crumb
 * before the last climbs back up to it (a button, so Tab and Enter reach it).
 */
import { Breadcrumb, Button } from 'antd';
import { useTranslation } from 'react-i18next';

export interface Crumb {
  /** Undefined: the viewer's own scope (no platformId asked). */
  id: string | undefined;
  title: string;
}

export function ScopeBreadcrumb({ crumbs, onClimb }: { crumbs: Crumb[]; onClimb: (crumb: Crumb) => void }) {
  const { t } = useTranslation('dashboard');
  return (
    <nav aria-label={t('breadcrumb')} data-testid="dashboard-breadcrumb">
      <Breadcrumb
        items={crumbs.map((crumb, index) => ({
          key: crumb.id ?? '',
          title:
            index < crumbs.length - 1 ? (
              <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => onClimb(crumb)} data-testid={`crumb-${crumb.id ?? 'home'}`}>
                {crumb.title}
              </Button>
            ) : (
              <strong aria-current="page">{crumb.title}</strong>
            ),
        }))}
      />
    </nav>
  );
}
