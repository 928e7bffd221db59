/**
 * Every route of the API. The router, the OpenAPI document and the access tests read this one
 * list; a route that is not here does not exist.
 */
import { Type } from '@sinclair/typebox';
import { buildOpenApi } from '../http/openapi.js';
import { defineRoute, type Route } from '../http/route.js';
import { applicationRoutes } from './applications.js';
import { caseRoutes } from './cases.js';
import { personalDataRoutes } from './personal-data.js';
import { catalogRoutes } from './catalog.js';
import { consultationRoutes } from './consultations.js';
import { definitionRoutes } from './definitions.js';
import { evaluationAppealRoutes } from './evaluation-appeals.js';
import { exportRoutes } from './exports.js';
import { federationRoutes } from './federation.js';
import { feedbackRoutes } from './feedback.js';
import { followUpRoutes } from './follow-up.js';
import { improvementRoutes } from './improvements.js';
import { inboxRoutes } from './inbox.js';
import { keyRoutes } from './keys.js';
import { networkOverviewRoutes } from './network-overview.js';
import { registryRoutes } from './network-registry.js';
import { assessmentRoutes } from './assessments.js';
import { auditRoutes } from './audit.js';
import { packageRoutes } from './packages.js';
import { passwordRoutes } from './password.js';
import { reportRoutes } from './reports.js';
import { sessionRoutes } from './session.js';
import { statisticsRoutes } from './statistics.js';
import { templateRoutes } from './templates.js';
import { workbookRoutes } from './workbooks.js';

export const API_VERSION = '0.1.0';

const businessRoutes: Route[] = [...sessionRoutes, ...passwordRoutes, ...definitionRoutes, ...catalogRoutes, ...caseRoutes, ...personalDataRoutes, ...applicationRoutes, ...inboxRoutes, ...workbookRoutes, ...exportRoutes, ...templateRoutes, ...consultationRoutes, ...followUpRoutes, ...evaluationAppealRoutes, ...feedbackRoutes, ...improvementRoutes, ...networkOverviewRoutes, ...registryRoutes, ...assessmentRoutes, ...auditRoutes, ...statisticsRoutes, ...reportRoutes];

const openApiRoute = defineRoute({
  method: 'get',
  path: '/api/openapi.json',
  summary: 'This API described as OpenAPI 3.1',
  tag: 'meta',
  access: 'public',
  responses: { 200: Type.Object({ openapi: Type.String() }, { additionalProperties: true }) },
  async handler() {
    return { body: openApiDocument() };
  },
});

/** Signed packages, keys and federation between deployments. */
const distributionRoutes: Route[] = [...packageRoutes, ...keyRoutes, ...federationRoutes];

export const routes: Route[] = [...businessRoutes, ...distributionRoutes, openApiRoute];

let document: Record<string, unknown> | undefined;
export function openApiDocument(): Record<string, unknown> {
  document ??= buildOpenApi(routes, API_VERSION);
  return document;
}
