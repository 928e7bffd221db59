/**
 * Widgets and fields a form names that this studio does not have (a playground's
 * `RatingWidget`, `toggle`, a custom field `geo`) would make rjsf throw or silently fall back.
 * The preview registers each unknown name with a stand-in: the standard control for the
 * field's type and a visible note, so the form still shows and the designer sees why.
 */
import { getDefaultRegistry } from '@rjsf/core';
import { Widgets as antdWidgets } from '@rjsf/antd';
import { getSchemaType, type FieldProps, type RegistryFieldsType, type RegistryWidgetsType, type WidgetProps } from '@rjsf/utils';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isNode } from './json-path';

/** The widget aliases rjsf resolves by schema type (its `widgetMap`, not exported). */
const widgetAliases = [
  'checkbox', 'radio', 'select', 'hidden', 'text', 'password', 'email', 'hostname', 'ipv4', 'ipv6', 'uri', 'data-url',
  'textarea', 'date', 'datetime', 'date-time', 'alt-date', 'alt-datetime', 'time', 'color', 'file', 'updown', 'range',
  'checkboxes', 'files',
];

const registry = getDefaultRegistry();
const knownWidgets = new Set([...widgetAliases, ...Object.keys(registry.widgets), ...Object.keys(antdWidgets)]);
const knownFields = new Set(Object.keys(registry.fields));

/** The string widget and field names a uiSchema uses, at any depth. */
function namesIn(ui: unknown, found: { widgets: Set<string>; fields: Set<string> }): void {
  if (Array.isArray(ui)) ui.forEach((item) => namesIn(item, found));
  if (!isNode(ui)) return;
  const options = isNode(ui['ui:options']) ? ui['ui:options'] : {};
  for (const widget of [ui['ui:widget'], options.widget]) if (typeof widget === 'string') found.widgets.add(widget);
  for (const field of [ui['ui:field'], options.field]) if (typeof field === 'string') found.fields.add(field);
  Object.values(ui).forEach((value) => namesIn(value, found));
}

function FallbackNote({ text }: { text: string }) {
  return (
    <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="preview-fallback">
      {text}
    </Typography.Text>
  );
}

const widgetCache = new Map<string, RegistryWidgetsType[string]>();
const fieldCache = new Map<string, RegistryFieldsType[string]>();

function fallbackWidget(name: string): RegistryWidgetsType[string] {
  const cached = widgetCache.get(name);
  if (cached) return cached;
  function FallbackWidget(props: WidgetProps) {
    const { t } = useTranslation('forms');
    const type = getSchemaType(props.schema);
    const standard = type === 'boolean' ? 'CheckboxWidget' : type === 'number' || type === 'integer' ? 'UpDownWidget' : props.options.enumOptions ? 'SelectWidget' : 'TextWidget';
    const Standard = props.registry.widgets[standard] ?? props.registry.widgets.TextWidget;
    return (
      <div>
        {Standard && <Standard {...props} />}
        <FallbackNote text={t('fallbackWidget', { name })} />
      </div>
    );
  }
  widgetCache.set(name, FallbackWidget);
  return FallbackWidget;
}

const fieldByType: Record<string, string> = {
  object: 'ObjectField',
  array: 'ArrayField',
  string: 'StringField',
  number: 'NumberField',
  integer: 'NumberField',
  boolean: 'BooleanField',
  null: 'NullField',
};

function fallbackField(name: string): RegistryFieldsType[string] {
  const cached = fieldCache.get(name);
  if (cached) return cached;
  function FallbackField(props: FieldProps) {
    const { t } = useTranslation('forms');
    const type = getSchemaType(props.schema);
    const Standard = props.registry.fields[fieldByType[Array.isArray(type) ? (type[0] ?? '') : (type ?? 'object')] ?? 'ObjectField'];
    const { 'ui:field': _ignored, ...uiSchema } = props.uiSchema ?? {};
    return (
      <div>
        <FallbackNote text={t('fallbackField', { name })} />
        {Standard && <Standard {...props} uiSchema={uiSchema} />}
      </div>
    );
  }
  fieldCache.set(name, FallbackField);
  return FallbackField;
}

/** Stand-ins for every widget and field name the uiSchema uses that rjsf and the antd theme do not know. */
export function fallbacksFor(uiSchema: unknown): { widgets: RegistryWidgetsType; fields: RegistryFieldsType } {
  const found = { widgets: new Set<string>(), fields: new Set<string>() };
  namesIn(uiSchema, found);
  const widgets = Object.fromEntries([...found.widgets].filter((n) => !knownWidgets.has(n)).map((n) => [n, fallbackWidget(n)]));
  const fields = Object.fromEntries([...found.fields].filter((n) => !knownFields.has(n)).map((n) => [n, fallbackField(n)]));
  return { widgets, fields };
}
