/**
 * validateForm (engine/forms/validate.ts) reports the soft rejects it found beside the problems,
 * so decide takes the review flags from the same validation instead of looking again.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import type { Form } from '../../../engine/kinds/form.js';
import { validateForm, validateFormData } from '../../../engine/forms/validate.js';
import { consultationData } from '../../fixtures/form-data.js';

const form = JSON.parse(readFileSync('definitions/province/forms/public-service-request.json', 'utf8')) as Form;
/** A real registered code whose check character fails: a soft reject (identity.uscc-check). */
const softUscc = '91350203M0001FUE2P';
const now = '2026-09-21T01:00:00Z';

describe('validateForm', () => {
  it('given a soft reject not confirmed, then it is both a problem and confirmable', () => {
    const checked = validateForm(form, consultationData({ certificateNo: softUscc }), { now });
    expect(checked.confirmable.map((f) => [f.path, f.code])).to.deep.equal([['/certificateNo', 'identity.uscc-check']]);
    expect(checked.problems.map((p) => p.path)).to.deep.equal(['/certificateNo']);
    expect(checked.problems).to.deep.equal(validateFormData(form, consultationData({ certificateNo: softUscc }), { now }));
  });

  it('given the soft reject confirmed, then no problem remains and it is still confirmable (a review flag to be)', () => {
    const checked = validateForm(form, consultationData({ certificateNo: softUscc }), { now, confirmations: ['/certificateNo'] });
    expect(checked.problems).to.deep.equal([]);
    expect(checked.confirmable.map((f) => f.path)).to.deep.equal(['/certificateNo']);
  });

  it('given clean data, then neither problems nor confirmable findings', () => {
    expect(validateForm(form, consultationData(), { now })).to.deep.equal({ problems: [], confirmable: [] });
  });
});
