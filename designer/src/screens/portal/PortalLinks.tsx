/** The portal's pages as buttons, for the public home page's header. */
import { useTranslation } from 'react-i18next';
import { LinkButton } from './LinkButton';

export function PortalLinks() {
  const { t } = useTranslation('portal');
  return (
    <>
      <LinkButton type="text" style={{ color: '#fff' }} to="/portal/cases" data-testid="to-my-cases">
        {t('navMyCases')}
      </LinkButton>
      <LinkButton type="text" style={{ color: '#fff' }} to="/portal/consultations">
        {t('navConsult')}
      </LinkButton>
      <LinkButton type="text" style={{ color: '#fff' }} to="/faq">
        {t('navFaq')}
      </LinkButton>
      <LinkButton type="text" style={{ color: '#fff' }} to="/progress" data-testid="to-progress">
        {t('navProgress')}
      </LinkButton>
      <LinkButton type="text" style={{ color: '#fff' }} to="/assessments" data-testid="to-assessments">
        {t('navAssessments')}
      </LinkButton>
    </>
  );
}
