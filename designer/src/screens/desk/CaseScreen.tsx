/**
 * A case at the desk (/desk/cases/:id): header with due-date warnings, form data, materials with
 * preview and verdicts, the actions allowed now, 转办, the timeline, printable notices. When
 * another member of staff acted first (409), the case is reloaded with a clear message, and
 * what this user typed stays in its field (or is shown, if its action is gone).
 */
import { Alert, App, Button, Card, Col, Row, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Problem } from '../../api/client';
import { catalogApi } from '../../api/catalog';
import { deskApi, type CaseAction, type Notice, type StaffMember, type Verdicts } from '../../api/desk';
import { ProblemList } from '../../components/ProblemList';
import { useSession } from '../../session/session';
import type { FormParts } from '../forms/field-list';
import { ActionPanel, type Drafts } from './ActionPanel';
import { actBody, blockersFor, withoutDrafts } from './case-actions';
import { CaseHeader } from './CaseHeader';
import { CaseTimeline } from './CaseTimeline';
import { CaseEvaluations } from './CaseEvaluations';
import { DataFindings } from './DataFindings';
import { FormDataView } from './FormDataView';
import { MaterialsPanel, verdictsFrom } from './MaterialsPanel';
import { NoticeList, NoticeModal } from './NoticeView';
import { ReassignControl } from './ReassignControl';
import { useDeskCase } from './useDeskCase';

/** The notice an action produces, opened for printing once it arrives. */
const noticeAfter: Record<string, string> = { accept: 'receipt', return: 'oneTimeNotice', complete: 'result' };

export function CaseScreen() {
  const { caseId = '' } = useParams();
  const { t } = useTranslation('desk');
  const { message } = App.useApp();
  const { me } = useSession();
  const desk = useDeskCase(caseId);
  const { view } = desk;
  const [drafts, setDrafts] = useState<Drafts>({});
  const [verdicts, setVerdicts] = useState<Verdicts>({});
  const [form, setForm] = useState<FormParts>();
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [awaited, setAwaited] = useState<{ purpose: string; known: Set<string> } | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; problems: Problem[] } | null>(null);

  const itemKey = view ? `${view.platformId}/${view.item.id}` : '';
  // The form's titles, once per item (not again for every new version of the case).
  useEffect(() => {
    if (!view) return;
    catalogApi.guide(view.platformId, view.item.id).then((guide) => setForm({ schema: guide.form.schema, uiSchema: guide.form.uiSchema }), () => setForm(undefined));
  }, [itemKey]);
  useEffect(() => {
    deskApi.staff().then(setStaff, () => setStaff([]));
  }, []);
  // Verdicts start from the first view of the case; later views come through take(), which decides.
  useEffect(() => {
    if (view) setVerdicts(verdictsFrom(view.materials));
  }, [view?.id]);
  useEffect(() => {
    if (!awaited) return;
    const produced = desk.notices.find((n) => n.purpose === awaited.purpose && !awaited.known.has(n.noticeId));
    if (produced) {
      setNotice(produced);
      setAwaited(null);
    }
  }, [awaited, desk.notices]);

  const names = useMemo(() => {
    const known: Record<string, string> = Object.fromEntries(staff.map((s) => [s.id, s.displayName]));
    if (me) known[me.id] = me.displayName;
    if (view?.applicantName) known[view.applicantId] = view.applicantName;
    if (view?.assigneeId && view.assigneeName) known[view.assigneeId] = view.assigneeName;
    return known;
  }, [staff, me, view]);

  if (desk.error && !view) return <Alert type="error" showIcon title={t('loadFailed', { detail: desk.error })} />;
  if (!view) return <Spin />;

  const canJudge = view.actions.some((a) => a.acceptsVerdicts);
  const blockers = blockersFor(view.materials, verdicts, t);
  const actionTitles = Object.fromEntries(view.actions.map((a) => [a.name, a.title]));
  const available = new Set(view.actions.map((a) => a.name));
  const stranded = Object.entries(drafts).filter(([key, value]) => value.trim() !== '' && !available.has(key.split('.')[0] as string));

  async function take(action: CaseAction) {
    if (!view) return;
    setRefusal(null);
    const known = new Set(desk.notices.map((n) => n.noticeId));
    const outcome = await desk.act(action.name, actBody(action, { drafts, materials: view.materials, verdicts, t }));
    if (outcome.kind === 'done') {
      setDrafts((current) => withoutDrafts(current, action.name));
      setVerdicts(verdictsFrom(outcome.view.materials));
      void message.success(t('actionDone', { action: action.name === 'return' ? t('issueOneTimeNotice') : action.title }));
      const purpose = noticeAfter[action.name];
      if (purpose) setAwaited({ purpose, known });
    } else if (outcome.kind === 'refused') {
      setRefusal({ message: outcome.message, problems: outcome.problems });
    }
  }

  async function assign(userId: string): Promise<boolean> {
    setRefusal(null);
    const outcome = await desk.assign(userId);
    if (outcome.kind === 'done') void message.success(t('reassigned', { name: names[userId] ?? userId }));
    if (outcome.kind === 'refused') setRefusal({ message: outcome.message, problems: outcome.problems });
    return outcome.kind === 'done';
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/desk">{t('backToInbox')}</Link>
      {desk.hasConflict && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: desk.dismissConflict }}
          data-testid="conflict-alert"
          title={t('conflict')}
          description={
            stranded.length > 0 && (
              <Space orientation="vertical" size={0}>
                <Typography.Text>{t('conflictKept')}</Typography.Text>
                {stranded.map(([key, value]) => (
                  <Typography.Text key={key} copyable data-testid={`stranded-${key}`}>
                    {value}
                  </Typography.Text>
                ))}
              </Space>
            )
          }
        />
      )}
      {refusal && (refusal.problems.length > 0 ? <ProblemList problems={refusal.problems} /> : <Alert type="error" showIcon title={refusal.message} data-testid="action-refused" />)}
      <Card>
        <CaseHeader view={view} events={desk.events} names={names} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('materials')} data-testid="materials">
              <MaterialsPanel materials={view.materials} verdicts={verdicts} canJudge={canJudge} onChange={setVerdicts} />
            </Card>
            <Card title={t('formData')}>
              <DataFindings view={view} />
              <FormDataView form={form} data={view.data} caseId={view.id} masked={view.masked} />
            </Card>
            <Card title={t('timeline')}>
              <CaseTimeline events={desk.events} names={names} materials={view.materials} actionTitles={actionTitles} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('process')}>
              <ActionPanel
                actions={view.actions}
                drafts={drafts}
                onDraft={(key, value) => setDrafts((current) => ({ ...current, [key]: value }))}
                blockers={blockers}
                isBusy={desk.isBusy}
                onAct={(action) => void take(action)}
              />
            </Card>
            {(view.evaluations?.length ?? 0) > 0 && (
              <Card title={t('evaluation')}>
                <CaseEvaluations caseId={view.id} caseNumber={view.number} evaluations={view.evaluations ?? []} />
              </Card>
            )}
            {view.status === 'open' && (
              <Card title={t('reassign')}>
                <ReassignControl staff={staff} assigneeId={view.assigneeId} isBusy={desk.isBusy} onAssign={assign} />
              </Card>
            )}
            <Card title={t('notices')} extra={<Button size="small" onClick={() => void desk.reload()}>{t('refresh')}</Button>}>
              <NoticeList notices={desk.notices} onOpen={setNotice} />
            </Card>
          </Space>
        </Col>
      </Row>
      <NoticeModal notice={notice} onClose={() => setNotice(null)} />
    </Space>
  );
}
