/**
 * 办理流程 as the guide prints it: one text per stage of the standard flow (Appendix E). An
 * empty text leaves the stage out; entries keep their place in the document, so editing one
 * stage never reorders or drops the others.
 */
import { Card, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { stageTitles } from '../../../../../engine/labels';
import { controlId, Field, useItemForm } from '../ItemFieldContext';
import type { ItemDoc } from '../itemDoc';

type Steps = ItemDoc['steps'];
type Stage = Steps[number]['stage'];
const stages = Object.keys(stageTitles) as Stage[];

/** The steps with `stage` described as `description`: replaced in place, inserted in stage order, or removed when empty. */
export function withStep(steps: Steps, stage: Stage, description: string): Steps {
  const at = steps.findIndex((s) => s.stage === stage);
  if (description === '') return at < 0 ? steps : steps.filter((_, i) => i !== at);
  if (at >= 0) return steps.map((s, i) => (i === at ? { ...s, description } : s));
  const order = stages.indexOf(stage);
  const before = steps.findIndex((s) => stages.indexOf(s.stage) > order);
  const next = [...steps];
  next.splice(before < 0 ? steps.length : before, 0, { stage, description });
  return next;
}

export function StepsSection() {
  const { t } = useTranslation('items');
  const { doc, setField } = useItemForm();
  return (
    <Card title={t('groupSteps')} size="small" style={{ marginBottom: 16 }} data-testid="group-steps">
      <Field name="steps" label={t('f_steps')} htmlFor={controlId('steps', stages[0])}>
        {(isLocked) => (
          <div>
            {stages.map((stage) => (
              <div key={stage} style={{ marginBottom: 8 }}>
                <label htmlFor={controlId('steps', stage)} style={{ display: 'block', marginBottom: 4 }}>
                  {stageTitles[stage]}
                </label>
                <Input.TextArea
                  id={controlId('steps', stage)}
                  disabled={isLocked}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  placeholder={t('stepPlaceholder')}
                  value={doc.steps.find((s) => s.stage === stage)?.description ?? ''}
                  onChange={(e) => setField('steps', withStep(doc.steps, stage, e.target.value))}
                />
              </div>
            ))}
          </div>
        )}
      </Field>
    </Card>
  );
}

export function ContactSection() {
  const { t } = useTranslation('items');
  const { doc, setField } = useItemForm();
  const contact = doc.contact ?? {};
  const parts = ['phone', 'address', 'hours'] as const;
  const label = { phone: t('f_contactPhone'), address: t('f_contactAddress'), hours: t('f_contactHours') };
  const set = (part: (typeof parts)[number], value: string) => {
    const next = { ...contact, [part]: value };
    if (value === '') delete next[part];
    setField('contact', Object.keys(next).length === 0 ? undefined : next);
  };
  return (
    <Card title={t('groupContact')} size="small" style={{ marginBottom: 16 }} data-testid="group-contact">
      {parts.map((part) => (
        <Field key={part} name="contact" label={label[part]} htmlFor={controlId('contact', part)} part={part === 'phone' ? undefined : part} otherParts={part === 'phone' ? ['address', 'hours'] : []}>
          {(isLocked) => <Input id={controlId('contact', part)} disabled={isLocked} value={contact[part] ?? ''} onChange={(e) => set(part, e.target.value)} />}
        </Field>
      ))}
    </Card>
  );
}
