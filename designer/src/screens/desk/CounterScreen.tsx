/**
 * Counter mode (窗口受理, /desk/counter): staff register an offline application on behalf of an
 * applicant — the item, who applies (name, phone, ID number), the item's form as applicants
 * fill it in, the materials uploaded per checklist entry — and submit it; the new case opens.
 */
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { evaluateChecklist } from '../../../../engine/checklist/evaluate.js';
import type { Checklist, Material } from '../../../../engine/kinds/checklist.js';
import { catalogApi, type ItemGuide } from '../../api/catalog';
import { ApiError } from '../../api/client';
import { deskApi } from '../../api/desk';
import { useSubmissionKey } from '../../api/submission-key';
import { ApplicantForm, type ApplicantFormHandle } from '../../components/ApplicantForm';
import { ProblemList } from '../../components/ProblemList';
import { useSession } from '../../session/session';
import { MaterialUploadList } from '../portal/MaterialUploads';
import { useMaterialUploads } from '../portal/useMaterialUploads';
import { problemsOf } from './format';

interface Applicant {
  name: string;
  phone: string;
  idNumber: string;
}

const PHONE = /^1\d{10}$/;

export function CounterScreen() {
  const { t } = useTranslation('desk');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { me } = useSession();
  const [items, setItems] = useState<Array<{ value: string; label: string }>>([]);
  const [itemId, setItemId] = useState<string>();
  const [guide, setGuide] = useState<ItemGuide>();
  const [data, setData] = useState<unknown>({});
  const [applicant, setApplicant] = useState<Applicant>({ name: '', phone: '', idNumber: '' });
  const [failure, setFailure] = useState<ReturnType<typeof problemsOf> | null>(null);
  const [isBusy, setBusy] = useState(false);
  const formRef = useRef<ApplicantFormHandle>(null);
  // One Idempotency-Key per registration: pressing again after no answer resends the same one.
  const submission = useSubmissionKey();
  const uploads = useMaterialUploads(itemId ?? '');
  const resetUploads = uploads.reset;

  useEffect(() => {
    if (!me) return;
    catalogApi.platform(me.platformId).then((catalog) => {
      const seen = new Map<string, string>();
      for (const row of catalog.lists.flatMap((list) => list.rows)) if (!seen.has(row.itemId)) seen.set(row.itemId, row.title);
      setItems([...seen].map(([value, label]) => ({ value, label })));
    }, (error: Error) => setFailure({ message: error.message, problems: [] }));
  }, [me]);
  useEffect(() => {
    setGuide(undefined);
    setData({});
    resetUploads({});
    if (!itemId || !me) return;
    catalogApi.guide(me.platformId, itemId).then(setGuide, (error: Error) => setFailure({ message: error.message, problems: [] }));
  }, [itemId, me, resetUploads]);

  const rows = useMemo(() => {
    const materials = (guide?.materials ?? []) as Material[];
    const state = evaluateChecklist({ checklist: { materials } as Checklist, data: (data ?? {}) as Record<string, unknown>, materials: {} });
    return state.materials.map((m) => ({ material: m.material, isRequired: m.isRequired }));
  }, [guide, data]);

  const isApplicantValid = applicant.name.trim() !== '' && PHONE.test(applicant.phone.trim());

  async function submit() {
    if (!itemId || !guide || !isApplicantValid || !formRef.current?.validateForm()) return;
    setBusy(true);
    setFailure(null);
    try {
      const idNumber = applicant.idNumber.trim();
      const created = await deskApi.startCase({
        item: itemId,
        data: (data ?? {}) as Record<string, unknown>,
        applicant: { name: applicant.name.trim(), phone: applicant.phone.trim(), ...(idNumber ? { idNumber } : {}) },
        fileRefs: uploads.fileRefs,
      }, submission.current());
      submission.settle();
      void message.success(t('registered', { number: created.number }));
      navigate(`/desk/cases/${created.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'idempotency.key-reused') submission.settle();
      setFailure(problemsOf(error));
    } finally {
      setBusy(false);
    }
  }

  const field = (key: keyof Applicant) => ({ value: applicant[key], onChange: (e: { target: { value: string } }) => setApplicant({ ...applicant, [key]: e.target.value }) });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('counterTitle')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('counterHint')}</Typography.Text>
      <Card>
        <Form layout="vertical">
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Form.Item label={t('counterItem')} htmlFor="counter-item" required>
                <Select id="counter-item" showSearch optionFilterProp="label" value={itemId} onChange={setItemId} options={items} placeholder={t('chooseItem')} data-testid="counter-item" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label={t('applicantName')} htmlFor="counter-name" required>
                <Input id="counter-name" autoComplete="off" {...field('name')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label={t('applicantPhone')}
                htmlFor="counter-phone"
                required
                validateStatus={applicant.phone && !PHONE.test(applicant.phone.trim()) ? 'error' : undefined}
                help={applicant.phone && !PHONE.test(applicant.phone.trim()) ? t('phoneInvalid') : undefined}
              >
                <Input id="counter-phone" autoComplete="off" inputMode="tel" {...field('phone')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('applicantIdNumber')} htmlFor="counter-id">
                <Input id="counter-id" autoComplete="off" {...field('idNumber')} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {guide && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card title={t('formData')} data-testid="counter-form">
              <ApplicantForm
                schema={guide.form.schema}
                uiSchema={guide.form.uiSchema}
                formData={data}
                onChange={setData}
                hasOwnSubmit
                formRef={formRef}
                renderFailure={(error) => <Alert type="error" showIcon title={error.message} />}
              />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card title={t('materials')}>
              <MaterialUploadList rows={rows} uploads={uploads} isDisabled={isBusy} />
            </Card>
          </Col>
        </Row>
      )}
      {failure && (failure.problems.length > 0 ? <ProblemList problems={failure.problems} /> : <Alert type="error" showIcon title={failure.message} />)}
      <Button type="primary" size="large" disabled={!guide || !isApplicantValid || uploads.isUploading || isBusy} loading={isBusy} onClick={() => void submit()} data-testid="counter-submit">
        {t('submitOnBehalf')}
      </Button>
    </Space>
  );
}
