/**
 * The province item 专利权质押登记 (patent-pledge-registration) as an applicant fills it in over
 * HTTP: realistic form data, tiny real PDF files per material, and the step from application to
 * acceptance that several suites start from.
 */
import { expect } from 'chai';
import type { ApiClient, ApiResponse, UploadFile } from '../../support/api-client.js';
import { pledgeData } from '../../fixtures/form-data.js';

export const PLEDGE_ITEM = 'patent-pledge-registration';

/** A one-page PDF, small but real (header, catalog, page, xref, trailer). */
export function tinyPdf(name: string): UploadFile {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(text.length);
    text += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  text += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return { name, content: new TextEncoder().encode(text), type: 'application/pdf' };
}

export { pledgeData };

/** The files of an agent's application; the agent's identity paper only when asked for. */
export function pledgeFiles(options: { hasAgentIdentity: boolean }): Record<string, UploadFile[]> {
  return {
    applicationForm: [tinyPdf('专利权质押登记申请表.pdf')],
    pledgeContract: [tinyPdf('专利权质押合同.pdf')],
    partyIdentity: [tinyPdf('出质人营业执照.pdf'), tinyPdf('质权人营业执照.pdf')],
    powerOfAttorney: [tinyPdf('委托书.pdf')],
    ...(options.hasAgentIdentity ? { agentIdentity: [tinyPdf('被委托人身份证.pdf')] } : {}),
  };
}

/** The applicant applies for a pledge registration and submits it; answers the case view. */
export async function submitPledge(client: ApiClient, options: { hasAgentIdentity: boolean; data?: Record<string, unknown> }): Promise<ApiResponse> {
  return client.postMultipart('/api/cases', { item: PLEDGE_ITEM, data: options.data ?? pledgeData() }, pledgeFiles(options));
}

/** Takes a JSON action on a case at the version the caller saw. */
export function act(client: ApiClient, kase: { id: string; version: number }, action: string, body: Record<string, unknown> = {}): Promise<ApiResponse> {
  return client.post(`/api/cases/${kase.id}/actions/${action}`, { version: kase.version, ...body });
}

/** Verdict "ok" on every material that has files, as a counter clerk accepting gives them. */
export function allOk(view: { materials: Array<{ key: string; files: unknown[] }> }): Record<string, { status: 'ok' }> {
  return Object.fromEntries(view.materials.filter((m) => m.files.length > 0).map((m) => [m.key, { status: 'ok' as const }]));
}

/** A complete application, submitted by `applicant` and accepted by `staff`: the case in `implement`. */
export async function acceptedPledge(input: { applicant: ApiClient; staff: ApiClient }): Promise<any> {
  const submitted = await submitPledge(input.applicant, { hasAgentIdentity: true });
  expect(submitted.status, JSON.stringify(submitted.body)).to.equal(201);
  expect(submitted.body.step).to.equal('accept');
  const accepted = await act(input.staff, submitted.body, 'accept', { verdicts: allOk(submitted.body) });
  expect(accepted.status, JSON.stringify(accepted.body)).to.equal(200);
  expect(accepted.body.step).to.equal('implement');
  return accepted.body;
}

/** An accepted application completed by `staff` with a result: the case waits in supervise for the evaluation. */
export async function completedPledge(input: { applicant: ApiClient; staff: ApiClient }): Promise<any> {
  const accepted = await acceptedPledge(input);
  const completed = await act(input.staff, accepted, 'complete', { payload: { result: '准予登记' } });
  expect(completed.status, JSON.stringify(completed.body)).to.equal(200);
  expect(completed.body.step).to.equal('supervise');
  return completed.body;
}
