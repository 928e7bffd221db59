/**
 * The actions this user may take on the case now, as the server lists them: each with the
 * fields its payload requires (进展说明, 办理结果, 理由 …) and one button. "退回补正" reads as
 * 出具一次性告知书: it sends every verdict and the applicant gets the one-time notice. What is
 * typed lives in the screen's drafts, so a refused or conflicting attempt loses nothing.
 */
import { Button, Card, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseAction } from '../../api/desk';

export type Drafts = Record<string, string>;

export const draftKey = (action: string, field: string) => `${action}.${field}`;

/** Actions whose button reads differently at the desk than the flow's own title. */
const deskTitles: Record<string, string> = { return: 'issueOneTimeNotice' };
/** Actions that end the case for the applicant: asked twice. */
const confirmed = new Set(['reject']);
/** Payload fields the desk may fill in itself when left empty. */
const optional = new Set([draftKey('return', 'reason')]);

export function ActionPanel({
  actions,
  drafts,
  onDraft,
  blockers,
  isBusy,
  onAct,
}: {
  actions: CaseAction[];
  drafts: Drafts;
  onDraft: (key: string, value: string) => void;
  /** Why an action cannot go now (e.g. accept with a deficient material), by action name. */
  blockers: Record<string, string | undefined>;
  isBusy: boolean;
  onAct: (action: CaseAction) => void;
}) {
  const { t } = useTranslation('desk');
  const shown = actions.filter((a) => !a.isEvaluation);
  if (shown.length === 0) return <Typography.Text type="secondary">{t('noActions')}</Typography.Text>;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="action-panel">
      {shown.map((action) => {
        const title = deskTitles[action.name] ? t(deskTitles[action.name] as string) : action.title;
        const isMissing = action.requires.some((field) => !optional.has(draftKey(action.name, field)) && (drafts[draftKey(action.name, field)] ?? '').trim() === '');
        const blocker = blockers[action.name];
        const button = (
          <Button
            type={action.name === 'reject' ? 'default' : 'primary'}
            danger={action.name === 'reject'}
            disabled={isMissing || blocker !== undefined || isBusy}
            loading={isBusy}
            htmlType={confirmed.has(action.name) ? 'button' : 'submit'}
            data-testid={`action-${action.name}`}
          >
            {title}
          </Button>
        );
        return (
          <Card key={action.name} size="small" title={title} data-testid={`action-card-${action.name}`}>
            <Form layout="vertical" onFinish={() => !isMissing && blocker === undefined && !confirmed.has(action.name) && onAct(action)}>
              {action.requires.map((field) => {
                const key = draftKey(action.name, field);
                const label = t(`field_${action.name}_${field}`, { defaultValue: t(`field_${field}`, { defaultValue: field }) });
                return (
                  <Form.Item key={field} label={label} htmlFor={`draft-${action.name}-${field}`} required={!optional.has(key)}>
                    <Input.TextArea
                      id={`draft-${action.name}-${field}`}
                      autoSize={{ minRows: 2, maxRows: 6 }}
                      value={drafts[key] ?? ''}
                      onChange={(event) => onDraft(key, event.target.value)}
                      placeholder={optional.has(key) ? t('composedWhenEmpty') : undefined}
                      data-testid={`draft-${action.name}-${field}`}
                    />
                  </Form.Item>
                );
              })}
              {blocker && (
                <Typography.Paragraph type="warning" data-testid={`blocker-${action.name}`}>
                  {blocker}
                </Typography.Paragraph>
              )}
              {confirmed.has(action.name) ? (
                <Popconfirm title={t('confirmAction', { action: title })} onConfirm={() => onAct(action)} okText={t('confirm', { ns: 'common' })} cancelText={t('cancel', { ns: 'common' })}>
                  {button}
                </Popconfirm>
              ) : (
                button
              )}
            </Form>
          </Card>
        );
      })}
    </Space>
  );
}
