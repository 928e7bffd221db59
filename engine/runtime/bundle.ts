/**
 * A bundle is everything one case runs on, resolved and pinned: the item and the form,
 * checklist, workflow and templates it names, and the platform it runs on.
 */
import type { Checklist } from '../kinds/checklist.js';
import type { Form } from '../kinds/form.js';
import type { Platform } from '../kinds/platform.js';
import type { ServiceItem } from '../kinds/service-item.js';
import type { Template } from '../kinds/template.js';
import type { Workflow } from '../kinds/workflow.js';

export interface Bundle {
  item: ServiceItem;
  form: Form;
  checklist: Checklist;
  workflow: Workflow;
  /** Every template the workflow or item names, by id. */
  templates: Record<string, Template>;
  platform: Platform;
}
