import { expect } from 'chai';
import { loadDefinitions, resolveBundle } from '../../../engine/load/index.js';
import { pledgeBundle, pledgeDefinitions } from '../../fixtures/bundles/pledge.js';

describe('the pledge fixture bundle', () => {
  it('given its definition files, when loaded and resolved by the engine\'s loader, then there are no problems and the bundle matches', () => {
    const loaded = loadDefinitions(Object.entries(pledgeDefinitions()).map(([file, doc]) => ({ file, doc })));
    if (!loaded.ok) expect.fail(JSON.stringify(loaded.problems, null, 2));
    const resolved = resolveBundle(loaded.set, 'patent-pledge-agency', 'mianyang');
    if (!resolved.ok) expect.fail(JSON.stringify(resolved.problems, null, 2));
    expect(resolved.value).to.deep.equal(pledgeBundle());
  });
});
