/**
 * One of my cases: where it stands (status, step, due date, verification code), the progress
 * nodes, the notices to view and print, and what I may do now — supplement a returned case,
 * withdraw it (confirmed), evaluate it once finished — and the platform's reply to my evaluation.
 */
import { Alert, App, Button, Card, Col, Descriptions, Row, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { portalApi, type CaseEvent, type CaseView, type Notice } from '../../api/portal';
import { ProblemList } from '../../components/ProblemList';
import { CaseNotices } from './CaseNotices';
import { progressNodes, ProgressTimeline } from './CaseProgress';
import { EvaluateForm, EvaluationShown } from './EvaluatePanel';
import { LinkButton } from './LinkButton';
import { formatDateTime } from '../../components/time';
import { DueDate, StatusTag } from './status';
import { SupplementPanel } from './SupplementPanel';

interface Loaded {
  kase: CaseView;
  events: CaseEvent[];
  notices: Notice[];
}

export function CasePage() {
  const { t } = useTranslation('portal');
  const { message, modal } = App.useApp();
  const { caseId = '' } = useParams();
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    const [kase, events, notices] = await Promise.all([portalApi.case(caseId), portalApi.events(caseId), portalApi.notices(caseId)]);
    setLoaded({ kase, events, notices });
  }, [caseId]);
  useEffect(() => {
    load().catch((failure: Error) => setError(failure.message));
  }, [load]);

  const act = useCallback(
    async (action: string, body: Parameters<typeof portalApi.act>[2], done: string) => {
      if (!loaded) return;
      setActionError(null);
      try {
        await portalApi.act(loaded.kase, action, body);
        void message.success(done);
      } catch (failure) {
        if (failure instanceof ApiError && failure.status === 409) void message.warning(t('conflict'));
        else if (failure instanceof ApiError) setActionError(failure);
        else throw failure;
      }
      await load();
    },
    [loaded, load, message, t],
  );

  if (error) return <Alert type="error" showIcon title={t('loadFailed', { detail: error })} />;
  if (!loaded) return <Spin />;
  const { kase, events, notices } = loaded;
  const actionNamed = (predicate: (a: CaseView['actions'][number]) => boolean) => kase.actions.find(predicate);
  const supplement = actionNamed((a) => a.acceptsMaterials);
  const evaluate = actionNamed((a) => a.isEvaluation);
  const withdraw = actionNamed((a) => a.name === 'withdraw');
  const evaluation = kase.evaluation ?? null;

  const confirmWithdraw = () =>
    modal.confirm({
      title: t('withdrawConfirmTitle'),
      content: t('withdrawConfirm', { number: kase.number }),
      okText: t('withdraw'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-withdraw' } as never,
      cancelText: t('cancel', { ns: 'common' }),
      onOk: () => act(withdraw!.name, {}, t('withdrawn')),
    });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="case-page">
      <Space className="no-print" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <LinkButton to="/portal/cases">{t('backToCases')}</LinkButton>
        {withdraw && (
          <Button danger onClick={confirmWithdraw} data-testid="withdraw">
            {t('withdraw')}
          </Button>
        )}
      </Space>
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{kase.item.title}</Typography.Title>}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('caseNumber')}>
            <span data-testid="case-number">{kase.number}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('verificationCode')}>
            <Typography.Text copyable={!!kase.verificationCode} data-testid="verification-code">
              {kase.verificationCode ?? '—'}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('status')}>
            <StatusTag status={kase.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('currentStep')}>
            <span data-testid="case-step">{kase.stepTitle}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('dueDate')}>
            <DueDate dueAt={kase.dueAt} dueState={kase.dueState} />
          </Descriptions.Item>
          <Descriptions.Item label={t('submittedAt')}>{formatDateTime(kase.createdAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      {actionError && <ProblemList problems={actionError.problems.length > 0 ? actionError.problems : [{ code: actionError.code, path: '', message: actionError.message }]} />}
      {supplement && <SupplementPanel kase={kase} action={supplement} onSubmit={(fileRefs) => act(supplement.name, { fileRefs }, t('resubmitted'))} />}
      {evaluate && (
        <EvaluateForm
          action={evaluate}
          onSubmit={({ level, comment, indicators }) => act(evaluate.name, { payload: { level, ...(comment ? { comment } : {}), ...(Object.keys(indicators).length > 0 ? { indicators } : {}) } }, t('evaluated'))}
        />
      )}
      {evaluation && <EvaluationShown evaluation={evaluation} evaluations={kase.evaluations} />}
      <Row gutter={[24, 24]}>
        <Col xs={24} md={10}>
          <Card title={t('progressTitle')}>
            <ProgressTimeline nodes={progressNodes(events, t)} />
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Space orientation="vertical" style={{ width: '100%' }} size="large">
            <Card title={t('noticesTitle')}>
              <CaseNotices notices={notices} />
            </Card>
            <Card title={t('materialsTitle')} data-testid="case-materials">
              {kase.materials.map((m) => (
                <div key={m.key} style={{ marginBottom: 6 }}>
                  <Tag color={m.status === 'provided' ? 'green' : m.status === 'notRequired' ? 'default' : 'orange'}>{t(`material_${m.status}`, { defaultValue: m.status })}</Tag>
                  {m.name}
                  {m.files.length > 0 && <Typography.Text type="secondary">（{m.files.map((f) => f.name).join('、')}）</Typography.Text>}
                </div>
              ))}
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
