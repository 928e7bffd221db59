import { expect } from 'chai';
import { evaluateChecklist } from '../../../engine/checklist/evaluate.js';
import type { MaterialState } from '../../../engine/runtime/case.js';
import { pledgeBundle } from '../../fixtures/bundles/pledge.js';

const { checklist } = pledgeBundle();
const supplied = (...keys: string[]): Record<string, MaterialState> =>
  Object.fromEntries(keys.map((k) => [k, { files: [{ id: k, name: `${k}.pdf`, size: 1, sha256: '', mediaType: 'application/pdf' }] }]));

describe('evaluateChecklist', () => {
  it('given an agent and no 委托书, when evaluated, then 委托书 is required and missing', () => {
    const state = evaluateChecklist({ checklist, data: { isAgent: true }, materials: supplied('application', 'contract', 'identity', 'license') });
    const poa = state.materials.find((m) => m.key === 'powerOfAttorney');
    expect(poa).to.include({ isRequired: true, status: 'missing', fileCount: 0 });
    expect(state.missing).to.deep.equal(['powerOfAttorney']);
    expect(state.counts).to.deep.equal({ missing: ['powerOfAttorney'], deficient: [], missingCount: 1, deficientCount: 0, blockingCount: 1 });
  });

  it('given no agent, when evaluated, then 委托书 is not required and nothing blocks', () => {
    const state = evaluateChecklist({ checklist, data: { isAgent: false }, materials: supplied('application', 'contract', 'identity', 'license') });
    expect(state.materials.find((m) => m.key === 'powerOfAttorney')?.status).to.equal('notRequired');
    expect(state.materials.find((m) => m.key === 'other')?.status).to.equal('notRequired');
    expect(state.counts.blockingCount).to.equal(0);
    expect(state.toSupply).to.deep.equal([]);
  });

  it('given a deferrable material missing, when evaluated, then it is deferred: listed and counted missing but not blocking', () => {
    const state = evaluateChecklist({ checklist, data: { isAgent: false }, materials: supplied('application', 'contract', 'identity') });
    expect(state.materials.find((m) => m.key === 'license')?.status).to.equal('deferred');
    expect(state.missing).to.deep.equal(['license']);
    expect(state.counts.missingCount).to.equal(1);
    expect(state.counts.blockingCount).to.equal(0);
    expect(state.toSupply).to.deep.equal([{ key: 'license', status: 'deferred', isDeferrable: true }]);
  });

  it('given a deficient verdict, when evaluated, then the material is deficient with its reason and blocks', () => {
    const materials = supplied('application', 'contract', 'identity', 'license');
    materials['contract'] = { ...materials['contract']!, verdict: { status: 'deficient', reason: '缺少质权人签章', by: 's', at: '2026-01-05T00:00:00Z' } };
    const state = evaluateChecklist({ checklist, data: { isAgent: false }, materials });
    expect(state.deficient).to.deep.equal(['contract']);
    expect(state.toSupply).to.deep.equal([{ key: 'contract', status: 'deficient', isDeferrable: false, reason: '缺少质权人签章' }]);
    expect(state.counts).to.include({ deficientCount: 1, blockingCount: 1 });
  });

  it('given several materials to supply, when evaluated, then toSupply keeps checklist order', () => {
    const state = evaluateChecklist({ checklist, data: { isAgent: true }, materials: supplied('identity') });
    expect(state.toSupply.map((t) => t.key)).to.deep.equal(['application', 'contract', 'powerOfAttorney', 'license']);
    expect(state.counts.blockingCount).to.equal(3);
  });

  it('given an optional material supplied and an ok verdict, when evaluated, then both read provided', () => {
    const materials = supplied('application', 'contract', 'identity', 'license', 'other');
    materials['identity'] = { ...materials['identity']!, verdict: { status: 'ok', by: 's', at: '2026-01-05T00:00:00Z' } };
    const state = evaluateChecklist({ checklist, data: { isAgent: false }, materials });
    expect(state.materials.filter((m) => m.status === 'provided').map((m) => m.key)).to.deep.equal([
      'application', 'contract', 'identity', 'license', 'other',
    ]);
  });
});
