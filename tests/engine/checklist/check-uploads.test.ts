import { expect } from 'chai';
import { checkUploads } from '../../../engine/checklist/check-uploads.js';
import type { FileRef } from '../../../engine/runtime/case.js';
import { pledgeBundle } from '../../fixtures/bundles/pledge.js';

const { checklist } = pledgeBundle();
const file = (name: string, size = 1024): FileRef => ({ id: name, name, size, sha256: '', mediaType: '' });
const MB = 1024 * 1024;

describe('checkUploads', () => {
  it('given accepted files, when checked, then there are no problems (extensions compare case-insensitively)', () => {
    expect(checkUploads({ checklist, files: { application: [file('申请表.PDF')], identity: [file('a.jpg'), file('b.png')] } })).to.deep.equal([]);
  });

  it('given an unknown material key, when checked, then material.unknown suggests the close key', () => {
    const problems = checkUploads({ checklist, files: { contrat: [file('c.pdf')] } });
    expect(problems).to.have.length(1);
    expect(problems[0]).to.include({ code: 'material.unknown', path: '/files/contrat', suggestion: 'contract' });
    expect(problems[0]?.message).to.contain('Did you mean "contract"?');
  });

  it('given a wrong type and an oversize file, when checked, then each points at its file', () => {
    const problems = checkUploads({ checklist, files: { powerOfAttorney: [file('poa.jpg'), file('poa.docx'), file('big.pdf', 6 * MB)] } });
    expect(problems.map((p) => [p.code, p.path])).to.deep.equal([
      ['material.file-type', '/files/powerOfAttorney/1'],
      ['material.file-size', '/files/powerOfAttorney/2'],
    ]);
    expect(problems[0]?.message).to.contain('pdf、jpg');
  });

  it('given a file exactly at the size limit, when checked, then it is accepted', () => {
    expect(checkUploads({ checklist, files: { powerOfAttorney: [file('poa.pdf', 5 * MB)] } })).to.deep.equal([]);
  });

  it('given more files than maxFiles (or the default 5), when checked, then material.too-many-files', () => {
    const contract = checkUploads({ checklist, files: { contract: [file('1.pdf'), file('2.pdf'), file('3.pdf')] } });
    expect(contract.map((p) => [p.code, p.path])).to.deep.equal([['material.too-many-files', '/files/contract']]);
    const six = Array.from({ length: 6 }, (_, i) => file(`${i}.pdf`));
    expect(checkUploads({ checklist, files: { application: six } }).map((p) => p.code)).to.deep.equal(['material.too-many-files']);
    expect(checkUploads({ checklist, files: { application: six.slice(0, 5) } })).to.deep.equal([]);
  });

  it('given a file without extension, when checked, then its type is refused', () => {
    expect(checkUploads({ checklist, files: { application: [file('pdf')] } }).map((p) => p.code)).to.deep.equal(['material.file-type']);
  });
});
