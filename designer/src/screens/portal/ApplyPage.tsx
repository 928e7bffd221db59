/**
 * Apply for an item: its form (the shared ApplicantForm, checked as the server checks), then
 * the checklist's materials with an upload each (required-ness follows the form data, as the
 * engine decides it), "保存草稿" to resume later (the page loads an existing draft), "提交".
 * The answer is the notice the server rendered: the one-time notice or the receipt.
 */
import { Alert, App, Button, Card, Flex, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { evaluateChecklist } from '../../../../engine/checklist/evaluate.js';
import { formFindings } from '../../../../engine/forms/form-findings.js';
import type { Checklist, Material } from '../../../../engine/kinds/checklist.js';
import { catalogApi, type ItemGuide } from '../../api/catalog';
import { ApiError, type Problem } from '../../api/client';
import { portalApi, type CaseView, type Notice } from '../../api/portal';
import { useSubmissionKey } from '../../api/submission-key';
import { ApplicantForm, type ApplicantFormHandle } from '../../components/ApplicantForm';
import { ProblemList } from '../../components/ProblemList';
import { useSession } from '../../session/session';
import { IdentityNote } from './IdentityNote';
import { MaterialUploadList } from './MaterialUploads';
import { formatDateTime } from '../../components/time';
import { draftFiles } from './draft-files';
import { SubmittedResult } from './SubmittedResult';
import { useMaterialUploads } from './useMaterialUploads';

export function ApplyPage() {
  const { t } = useTranslation('portal');
  const { message } = App.useApp();
  const { itemId = '' } = useParams();
  const { me } = useSession();
  const platformId = me?.platformId ?? '';
  const [guide, setGuide] = useState<ItemGuide | undefined>();
  const [loadError, setLoadError] = useState<string | null>(null);
  const [data, setData] = useState<unknown>({});
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [isBusy, setBusy] = useState(false);
  const [submitted, setSubmitted] = useState<{ kase: CaseView; notices: Notice[] } | null>(null);
  const form = useRef<ApplicantFormHandle>(null);
  // One Idempotency-Key per submission: pressing 提交 again after no answer resends the same one.
  const submission = useSubmissionKey();
  const uploads = useMaterialUploads(itemId);
  const { reset } = uploads;

  useEffect(() => {
    if (!platformId) return;
    Promise.all([catalogApi.guide(platformId, itemId), portalApi.draft(itemId)]).then(
      ([loaded, draft]) => {
        setGuide(loaded);
        if (draft) {
          setData(draft.data);
          setSavedAt(draft.savedAt);
          reset(draftFiles(draft));
        }
      },
      (failure: Error) => setLoadError(failure.message),
    );
  }, [platformId, itemId, reset]);

  const materials = useMemo(() => (guide?.materials ?? []) as Material[], [guide]);
  // The identity policy as the server runs it: warnings, and soft rejects the applicant confirms.
  const found = useMemo(() => (guide ? formFindings(guide.form.schema, data) : []), [guide, data]);
  // The same findings keep the same array, so the notes below (and the form's props) stay put while the applicant types.
  const foundKey = JSON.stringify(found);
  const findings = useMemo(() => JSON.parse(foundKey) as typeof found, [foundKey]);
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const unconfirmed = findings.filter((f) => f.level === 'confirm' && !confirmed.has(f.path));
  const fieldNotes = useMemo(() => {
    const notes: Record<string, ReactNode[]> = {};
    for (const finding of findings) {
      const confirm = (isOn: boolean) => setConfirmed((before) => new Set([...before].filter((p) => p !== finding.path).concat(isOn ? [finding.path] : [])));
      (notes[finding.path] ??= []).push(<IdentityNote key={finding.code} finding={finding} isConfirmed={confirmed.has(finding.path)} onConfirm={confirm} />);
    }
    return notes;
  }, [findings, confirmed]);

  const rows = useMemo(() => {
    const state = evaluateChecklist({ checklist: { materials } as Checklist, data: (data ?? {}) as Record<string, unknown>, materials: {} });
    return state.materials.map((m) => ({ material: m.material, isRequired: m.isRequired }));
  }, [materials, data]);

  async function saveDraft() {
    setBusy(true);
    try {
      const saved = await portalApi.saveDraft(itemId, { data: data ?? {}, fileRefs: uploads.fileRefs });
      setSavedAt(saved.savedAt);
      void message.success(t('draftSaved'));
    } catch (failure) {
      setProblems(failure instanceof ApiError ? failure.problems : []);
      void message.error(t('draftFailed', { detail: (failure as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  async function submit() {
    setProblems([]);
    if (!form.current?.validateForm()) {
      void message.error(t('formHasErrors'));
      return;
    }
    if (unconfirmed.length > 0) {
      void message.error(t('confirmFirst'));
      return;
    }
    setBusy(true);
    try {
      const confirmations = findings.filter((f) => f.level === 'confirm').map((f) => `/data${f.path}`);
      const kase = await portalApi.apply({ itemId, data: data ?? {}, fileRefs: uploads.fileRefs, confirmations }, submission.current());
      submission.settle();
      const notices = await portalApi.notices(kase.id);
      setSubmitted({ kase, notices });
      window.scrollTo({ top: 0 });
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'idempotency.key-reused') submission.settle();
      const found = failure instanceof ApiError ? failure.problems : [];
      const rest = uploads.placeProblems(found);
      if (found.length === 0) setProblems([{ code: 'submit.failed', path: '', message: (failure as Error).message }]);
      else setProblems(rest.length > 0 ? rest : [{ code: 'submit.materials', path: '', message: t('seeMaterials') }]);
    } finally {
      setBusy(false);
    }
  }

  if (submitted) return <SubmittedResult kase={submitted.kase} notices={submitted.notices} />;
  if (loadError) return <Alert type="error" showIcon title={t('loadFailed', { detail: loadError })} />;
  if (!guide) return <Spin />;
  return (
    // Flex, not Space: Space hands its children a new context value on every render, and React then walks the
    // whole form looking for readers of it on every keystroke.
    <Flex vertical gap="large" style={{ width: '100%' }} data-testid="apply-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('applyFor', { title: guide.title })}
        </Typography.Title>
        {savedAt && (
          <Typography.Text type="secondary" data-testid="draft-saved-at">
            {t('draftSavedAt', { at: formatDateTime(savedAt) })}
          </Typography.Text>
        )}
      </Space>
      <Card title={t('formSection')} data-testid="application-form">
        <ApplicantForm
          schema={guide.form.schema}
          uiSchema={guide.form.uiSchema}
          formData={data}
          onChange={setData}
          hasOwnSubmit
          formRef={form}
          fieldNotes={fieldNotes}
          renderFailure={(error) => <Alert type="error" showIcon title={t('formFailed', { detail: error.message })} />}
        />
      </Card>
      <Card title={t('materialsSection')} data-testid="materials">
        <MaterialUploadList rows={rows} uploads={uploads} isDisabled={isBusy} />
      </Card>
      <ProblemList problems={problems} title={t('submitProblems', { count: problems.length })} />
      <Space className="apply-actions">
        <Button onClick={() => void saveDraft()} loading={isBusy} disabled={uploads.isUploading} data-testid="save-draft">
          {t('saveDraft')}
        </Button>
        <Button type="primary" onClick={() => void submit()} loading={isBusy} disabled={uploads.isUploading} data-testid="submit-application">
          {t('submit')}
        </Button>
        {uploads.isUploading && <Typography.Text type="secondary">{t('waitForUploads')}</Typography.Text>}
      </Space>
    </Flex>
  );
}
