/**
 * A form as applicants fill it in, shared by the studio's preview and the portal's apply page:
 * the antd rjsf theme with the form's own schema and uiSchema, the same format checks and Chinese
 * wording as the server (previewValidator), rjsf's own words in the page's language, stand-ins
 * for widgets the front end lacks. Fields hidden by a rule are dropped from the data as the
 * applicant types (omitExtraData + liveOmit), so a hidden field is neither required nor submitted.
 */
import Form from '@rjsf/antd';
import type { IChangeEvent } from '@rjsf/core';
import type { RJSFValidationError } from '@rjsf/utils';
import { Component, useMemo, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { countedParts } from '../../../engine/load/check-limits.js';
import { isNode } from '../screens/forms/json-path';
import { fallbacksFor } from '../screens/forms/preview-fallbacks';
import { previewValidator } from '../screens/forms/preview-validator';
import { rjsfStrings, submitText } from '../screens/forms/rjsf-zh';
import { ApplicantArrayItemTemplate, ApplicantFieldTemplate } from './form-templates';
import { useHeldFormData } from './useHeldFormData';

/** Keeps a schema rjsf cannot render from taking the page down; tries again when the schema changes. */
class FormBoundary extends Component<{ resetKey: unknown; render: (error: Error) => ReactNode; children: ReactNode }, { error?: Error; key?: unknown }> {
  override state: { error?: Error; key?: unknown } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  static getDerivedStateFromProps(props: { resetKey: unknown }, state: { error?: Error; key?: unknown }) {
    return props.resetKey === state.key ? null : { error: undefined, key: props.resetKey };
  }
  override render() {
    return this.state.error ? this.props.render(this.state.error) : this.props.children;
  }
}

/** In Chinese the message already names the field (the server's wording), so the error list shows it alone. */
/** From this many fields on, sections and group rows mount one at a time (see useStaggeredMount.ts); the province's forms have fewer than 40. */
const STAGGERED_FROM_FIELDS = 100;

/** One object for every render: rjsf compares its registry deeply, a constant compares at once. */
const templates = { FieldTemplate: ApplicantFieldTemplate, ArrayFieldItemTemplate: ApplicantArrayItemTemplate };

function withMessageAsStack(errors: RJSFValidationError[]): RJSFValidationError[] {
  return errors.map((error) => ({ ...error, stack: error.message ?? error.stack }));
}

/** What a caller may do with the form from outside: check it (showing the errors) as a submit would. */
export interface ApplicantFormHandle {
  validateForm(): boolean;
}

export interface ApplicantFormProps {
  schema: unknown;
  uiSchema: unknown;
  formData: unknown;
  onChange(data: unknown): void;
  onSubmit?(data: unknown): void;
  /** Called when a submit found errors (the form shows them itself). */
  onError?(): void;
  /** Hides rjsf's own submit button, for pages whose submit also sends other things (materials). */
  hasOwnSubmit?: boolean;
  isReadonly?: boolean;
  formRef?: Ref<ApplicantFormHandle>;
  /** What to show when rjsf cannot draw the schema. */
  renderFailure(error: Error): ReactNode;
  /** Shown under a field, by its JSON Pointer into the data (e.g. the identity policy's warnings). */
  fieldNotes?: Record<string, ReactNode>;
}

export function ApplicantForm(props: ApplicantFormProps) {
  const { schema, uiSchema, hasOwnSubmit = false } = props;
  const { i18n } = useTranslation();
  const validator = useMemo(() => previewValidator(schema, i18n.language), [schema, i18n.language]);
  const { widgets, fields } = useMemo(() => fallbacksFor(uiSchema), [uiSchema]);
  const translate = useMemo(() => rjsfStrings(i18n.language), [i18n.language]);
  const isChinese = !i18n.language.startsWith('en');
  const rjsfSchema = (isNode(schema) ? schema : {}) as never;
  // The form's own submit options win; only the button's default text follows the page's language.
  const rjsfUiSchema = useMemo(() => {
    const ui = isNode(uiSchema) ? uiSchema : {};
    const submit = isNode(ui['ui:submitButtonOptions']) ? ui['ui:submitButtonOptions'] : {};
    const options = hasOwnSubmit ? { ...submit, norender: true } : { submitText: submitText(i18n.language), ...submit };
    return { ...ui, 'ui:submitButtonOptions': options } as never;
  }, [uiSchema, i18n.language, hasOwnSubmit]);

  const isStaggered = useMemo(() => (countedParts.Form?.count({ schema }) ?? 0) >= STAGGERED_FROM_FIELDS, [schema]);
  const formContext = useMemo(() => ({ fieldNotes: props.fieldNotes ?? {}, isStaggered }), [props.fieldNotes, isStaggered]);
  const { held, report } = useHeldFormData(props.formData, [rjsfSchema, rjsfUiSchema, validator, widgets, fields, translate, formContext, props.isReadonly, isChinese]);
  // Serialising a large schema costs milliseconds: once per schema, not once per keystroke.
  const resetKey = useMemo(() => `${JSON.stringify(schema)}|${JSON.stringify(uiSchema)}`, [schema, uiSchema]);

  return (
    <FormBoundary resetKey={resetKey} render={props.renderFailure}>
      <Form
        ref={props.formRef as never}
        schema={rjsfSchema}
        uiSchema={rjsfUiSchema}
        formData={held}
        validator={validator}
        widgets={widgets}
        fields={fields}
        translateString={translate}
        readonly={props.isReadonly}
        className="rjsf applicant-form"
        noHtml5Validate
        omitExtraData
        liveOmit
        onChange={(event: IChangeEvent) => {
          report(event.formData);
          props.onChange(event.formData);
        }}
        onSubmit={(event: IChangeEvent) => props.onSubmit?.(event.formData)}
        // rjsf logs a failed submit as a console error unless someone listens; the form shows the errors itself.
        onError={() => props.onError?.()}
        transformErrors={isChinese ? withMessageAsStack : undefined}
        templates={templates}
        formContext={formContext}
      />
    </FormBoundary>
  );
}

