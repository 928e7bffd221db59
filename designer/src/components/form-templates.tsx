/**
 * The applicant form's field templates. Leaf fields keep antd's (a Form.Item) with whatever the
 * page puts under them; sections and repeating groups get a plain wrapper instead. Why: a
 * Form.Item hands its children a fresh status context on every render, and React re-renders
 * every consumer of a changed context whatever memo says, so a Form.Item around a section (or
 * around the whole form, the root object) made each keystroke re-render every field and input
 * below it: about a second per key on a 300-field form. Without it, a keystroke re-renders the
 * field typed in and the containers on its path, and rjsf's memoised fields skip the rest.
 *
 * In a large form (`isStaggered` in formContext) each section and group row mounts in its own
 * turn (useStaggeredMount.ts), so the first fields take input before the last ones are drawn.
 *
 * Rows of a repeating group: rjsf copies the form data on every change, so each row gets new
 * data and re-renders its template; the row's buttons (four antd buttons with icons, which cost
 * more than the row's fields) are memoised on what they show, so only the edited row redraws them.
 */
import { Templates } from '@rjsf/antd';
import { deepEquals, getTemplate, getUiOptions, type ArrayFieldItemButtonsTemplateProps, type ArrayFieldItemTemplateProps, type FieldTemplateProps } from '@rjsf/utils';
import { ConfigProvider, Space } from 'antd';
import { memo, useContext, type ReactNode } from 'react';
import './applicant-form.css';
import { useStaggeredMount } from './useStaggeredMount';

const AntdFieldTemplate = Templates.FieldTemplate as (props: FieldTemplateProps) => ReactNode;

/** The JSON Pointer of a field (`/agent/idNumber`), as problems and findings name it. */
function pointerOf(path: ReadonlyArray<string | number>): string {
  return path.map((token) => `/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** A section or group: its own template draws title and fields; this adds description, help and errors as antd would. */
function ContainerFieldTemplate(props: FieldTemplateProps) {
  const { getPrefixCls } = useContext(ConfigProvider.ConfigContext);
  const item = getPrefixCls('form-item');
  const WrapIfAdditionalTemplate = getTemplate('WrapIfAdditionalTemplate', props.registry, getUiOptions(props.uiSchema));
  const isStaggered = (props.registry.formContext as { isStaggered?: boolean } | undefined)?.isStaggered === true && props.fieldPathId.path.length > 0;
  const isMounted = useStaggeredMount(isStaggered);
  if (props.hidden) return <div className="rjsf-field-hidden">{props.children}</div>;
  if (!isMounted) return <div className="rjsf-container rjsf-pending" style={{ minHeight: 48 }} />;
  const hasErrors = (props.rawErrors?.length ?? 0) > 0;
  const below = hasErrors ? props.errors : props.rawHelp ? props.help : undefined;
  return (
    <WrapIfAdditionalTemplate {...props}>
      <div className={`${item} rjsf-container${hasErrors ? ` ${item}-has-error` : ''}`} id={`${props.id}__container`}>
        {props.children}
        {props.rawDescription && <div className={`${item}-extra`}>{props.description}</div>}
        {below && <div className={`${item}-explain ${item}-explain-connected${hasErrors ? ` ${item}-explain-error` : ''}`}>{below}</div>}
      </div>
    </WrapIfAdditionalTemplate>
  );
}

/** Every field: containers as above, leaves as antd draws them, then the page's note for the field (`fieldNotes` in formContext, by JSON Pointer). */
export function ApplicantFieldTemplate(props: FieldTemplateProps) {
  const type = props.schema.type;
  if (type === 'object' || type === 'array') {
    // A checkbox group or file list is an array drawn as one control: it keeps its Form.Item.
    const isOneControl = type === 'array' && props.displayLabel;
    if (!isOneControl) return <ContainerFieldTemplate {...props} />;
  }
  const notes = (props.registry.formContext as { fieldNotes?: Record<string, ReactNode> } | undefined)?.fieldNotes;
  const path = pointerOf(props.fieldPathId.path);
  return (
    <>
      <AntdFieldTemplate {...props} />
      {path === '' ? null : notes?.[path]}
    </>
  );
}

const BUTTONS_STYLE = { width: '100%', justifyContent: 'flex-end' };
const BUTTON_STYLE = { width: 'calc(100% / 4)' };

/** A row's buttons, as the antd theme draws them; redrawn only when what they show changes (handlers are stable in rjsf). */
const RowButtons = memo(function RowButtons(props: ArrayFieldItemButtonsTemplateProps) {
  const Buttons = getTemplate('ArrayFieldItemButtonsTemplate', props.registry, getUiOptions(props.uiSchema));
  return (
    <Space.Compact style={BUTTONS_STYLE}>
      <Buttons {...props} style={BUTTON_STYLE} />
    </Space.Compact>
  );
}, deepEquals);

const alignments = { top: 'flex-start', middle: 'center', bottom: 'flex-end' } as const;

/**
 * One row of a repeating group: the antd theme's layout (the row's fields, then its buttons in a
 * 120px column) with {@link RowButtons}, in plain flex boxes: a hundred antd Rows and Cols
 * re-rendered on every keystroke cost more than the rest of the row.
 */
export function ApplicantArrayItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, displayLabel, hasDescription, hasToolbar, registry } = props;
  const { rowGutter = 24, toolbarAlign = displayLabel ? 'middle' : 'top' } = registry.formContext as { rowGutter?: number; toolbarAlign?: keyof typeof alignments };
  const margin = hasDescription ? -8 : 16;
  return (
    <div className="rjsf-array-item" style={{ display: 'flex', alignItems: alignments[toolbarAlign], gap: rowGutter }}>
      <div style={{ flex: '1 1 auto', minWidth: 0 }}>{children}</div>
      {hasToolbar && (
        <div style={{ flex: '0 0 120px', marginTop: displayLabel ? `${margin}px` : undefined }}>
          <RowButtons {...buttonsProps} />
        </div>
      )}
    </div>
  );
}
