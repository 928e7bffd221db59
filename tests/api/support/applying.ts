/**
 * Applying by reference over HTTP: upload one material file (POST /api/uploads) and name the
 * uploads in fileRefs.
 */
import { expect } from 'chai';
import type { ApiClient, ApiResponse, UploadFile } from '../../support/api-client.js';
import { PLEDGE_ITEM, tinyPdf } from './pledge.js';

/** POST /api/uploads with the item and material sent before the file, as the portal sends them. */
export function upload(client: ApiClient, input: { itemId: string; materialKey: string; file: UploadFile }): Promise<ApiResponse> {
  const form = new FormData();
  form.append('itemId', input.itemId);
  form.append('materialKey', input.materialKey);
  form.append('file', new Blob([input.file.content], { type: input.file.type ?? 'application/pdf' }), input.file.name);
  return client.request('POST', '/api/uploads', { form });
}

/** Uploads a tiny PDF for each material of the pledge item; answers fileRefs. */
export async function uploadPledgeFiles(client: ApiClient, materialKeys: string[]): Promise<Record<string, string[]>> {
  const refs: Record<string, string[]> = {};
  for (const materialKey of materialKeys) {
    const answer = await upload(client, { itemId: PLEDGE_ITEM, materialKey, file: tinyPdf(`${materialKey}.pdf`) });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    refs[materialKey] = [answer.body.fileId];
  }
  return refs;
}

/** Every material of an agent's pledge application. */
export const AGENT_PLEDGE_MATERIALS = ['applicationForm', 'pledgeContract', 'partyIdentity', 'powerOfAttorney', 'agentIdentity'];
