/**
 * Changing one's own password (goal C4): a button for the user menu, a warning banner from
 * day 83, and the dialog, which opens by itself and cannot be dismissed while the password has
 * expired or was a one-time password (the server then answers 403 to everything else). Each
 * rule the server refuses is shown at its field.
 */
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useSession } from './session';

/** The user-menu entry that opens the dialog. */
export function ChangePasswordButton({ className }: { className?: string }) {
  const { t } = useTranslation();
  const { setPasswordDialogOpen } = useSession();
  return (
    <Button size="small" className={className} onClick={() => setPasswordDialogOpen(true)} data-testid="change-password">
      {t('changePassword')}
    </Button>
  );
}

/** The warning banner (from day 83) and the dialog; place once per layout, above the page. */
export function PasswordCare() {
  const { t } = useTranslation();
  const { me, isPasswordDialogOpen, setPasswordDialogOpen } = useSession();
  if (!me) return null;
  const { state, daysLeft } = me.password;
  return (
    <>
      {state === 'warn' && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          message={t('passwordExpiresSoon', { count: daysLeft ?? 0 })}
          action={
            <Button size="small" onClick={() => setPasswordDialogOpen(true)}>
              {t('changePasswordNow')}
            </Button>
          }
        />
      )}
      {(isPasswordDialogOpen || state === 'expired') && <PasswordDialog isForced={state === 'expired'} onClose={() => setPasswordDialogOpen(false)} />}
    </>
  );
}

interface Values {
  currentPassword?: string;
  newPassword: string;
  repeat: string;
}

function PasswordDialog({ isForced, onClose }: { isForced: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { me, changePassword, signOut } = useSession();
  const [form] = Form.useForm<Values>();
  const [isRunning, setRunning] = useState(false);
  const [failure, setFailure] = useState<string>();
  const isOneTime = me?.password.reason === 'one-time';
  const submit = async ({ currentPassword, newPassword }: Values) => {
    setRunning(true);
    setFailure(undefined);
    try {
      await changePassword(isOneTime ? { newPassword } : { currentPassword, newPassword });
      form.resetFields();
      onClose();
      // The page behind was refused (403) while the password had to change: load it again.
      if (isForced) window.location.reload();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const at = (path: string) => error.problems.filter((p) => p.path === path).map((p) => p.message);
      form.setFields([
        { name: 'currentPassword', errors: at('/currentPassword') },
        { name: 'newPassword', errors: at('/newPassword') },
      ]);
      if (error.problems.length === 0) setFailure(error.message);
    } finally {
      setRunning(false);
    }
  };
  return (
    <Modal
      open
      title={t('changePassword')}
      closable={!isForced}
      maskClosable={!isForced}
      keyboard={!isForced}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      {isForced && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t(isOneTime ? 'passwordOneTime' : 'passwordExpired')} data-testid="password-forced" />
      )}
      <Typography.Paragraph type="secondary">{t('passwordRules')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
        {!isOneTime && (
          <Form.Item name="currentPassword" label={t('currentPassword')} rules={[{ required: true, message: t('required', { field: t('currentPassword') }) }]}>
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
        )}
        <Form.Item name="newPassword" label={t('newPassword')} rules={[{ required: true, message: t('required', { field: t('newPassword') }) }]}>
          <Input.Password autoComplete="new-password" autoFocus={isOneTime} maxLength={256} />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('repeatPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('required', { field: t('repeatPassword') }) },
            ({ getFieldValue }) => ({ validator: async (_rule, value) => (value === getFieldValue('newPassword') ? undefined : Promise.reject(new Error(t('passwordsDiffer')))) }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={256} />
        </Form.Item>
        {failure && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={failure} />}
        <div style={{ display: 'flex', justifyContent: 'space-between' }}>
          {isForced ? <Button onClick={() => void signOut()}>{t('signOut')}</Button> : <Button onClick={onClose}>{t('cancel')}</Button>}
          <Button type="primary" htmlType="submit" loading={isRunning}>
            {t('changePassword')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
