import { expect } from 'chai';
import { loadDefinitions } from '../../../engine/load/index.js';
import { invalidCase, invalidCases } from './fixtures.js';

describe('loadDefinitions over the invalid fixtures', () => {
  it('given the fixture folder, then it holds at least 18 distinct cases', () => {
    expect(invalidCases().length).to.be.at.least(18);
  });

  for (const name of invalidCases()) {
    describe(`given the "${name}" case`, () => {
      const { inputs, expected } = invalidCase(name);
      const result = loadDefinitions(inputs);

      it('when loaded, then no set is returned (nothing is published partially)', () => {
        expect(result.ok).to.equal(false);
        expect(result).to.not.have.property('set');
      });

      it('when loaded, then every expected problem is reported with its file, path and code', () => {
        const problems = result.ok ? [] : result.problems;
        for (const want of expected) {
          const found = problems.find((p) => p.file === want.file && p.path === want.path && p.code === want.code);
          expect(found, `${want.code} at ${want.file}#${want.path}; got ${JSON.stringify(problems, null, 2)}`).to.not.equal(undefined);
          expect(found!.message).to.be.a('string').and.not.equal('');
          if (want.suggestion !== undefined) {
            expect(found!.suggestion).to.equal(want.suggestion);
            expect(found!.message).to.contain(`Did you mean "${want.suggestion}"?`);
          }
        }
      });

      it('when loaded, then every problem names its file and has a non-empty message', () => {
        for (const problem of result.ok ? [] : result.problems) {
          expect(problem.file, JSON.stringify(problem)).to.be.a('string');
          expect(problem.message).to.not.equal('');
        }
      });
    });
  }
});
