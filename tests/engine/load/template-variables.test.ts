import { expect } from 'chai';
import type { TSchema } from '@sinclair/typebox';
import { CaseContext, ItemContext } from '../../../engine/templates/context.js';
import { checkTemplateSource, templateVariables } from '../../../engine/templates/variables.js';

const codes = (source: string, context: TSchema = CaseContext) => checkTemplateSource(source, context).map((i) => [i.code, i.name]);

describe('template variables', () => {
  it('given known variables, helpers and subexpressions, when checked, then nothing is reported', () => {
    const source = '{{case.number}} {{date case.acceptedAt}} {{#if (eq case.status "open")}}{{applicant.name}}{{else}}-{{/if}} {{form.anything.below}} {{case.fields.x.y}}';
    expect(codes(source)).to.deep.equal([]);
  });

  it('given a misspelt path, when checked, then the full dotted path is suggested', () => {
    const [issue] = checkTemplateSource('{{case.numbr}}', CaseContext);
    expect(issue).to.include({ code: 'template.variable-unknown', name: 'case.numbr', suggestion: 'case.number', line: 1 });
  });

  it('given each over an array, when checked, then the scope is the element, with this, @index, @first, @last and ../', () => {
    const source = '{{#each materials.toSupply}}{{@index}}{{#if @first}}{{/if}}{{@last}}{{name}} {{this.formLabel}} {{../case.number}} {{@root.item.title}}{{/each}}';
    expect(codes(source)).to.deep.equal([]);
    expect(codes('{{#each materials.toSupply}}{{nmae}}{{/each}}')).to.deep.equal([['template.variable-unknown', 'nmae']]);
    expect(checkTemplateSource('{{#each materials.toSupply}}{{nam}}{{/each}}', CaseContext)[0]!.suggestion).to.equal('name');
  });

  it('given each with block params, when checked, then the params name the element and index', () => {
    expect(codes('{{#each checklist as |m i|}}{{inc i}} {{m.name}} {{m.nope}}{{/each}}', ItemContext)).to.deep.equal([['template.variable-unknown', 'm.nope']]);
  });

  it('given with, when checked, then the scope changes inside and not in else', () => {
    expect(codes('{{#with applicant}}{{name}}{{phone}}{{else}}{{case.number}}{{/with}}')).to.deep.equal([]);
    expect(codes('{{#with applicant}}{{case.number}}{{/with}}')).to.deep.equal([['template.variable-unknown', 'case.number']]);
  });

  it('given @index outside each, when checked, then it is unknown', () => {
    expect(codes('{{@index}}')).to.deep.equal([['template.variable-unknown', '@index']]);
  });

  it('given the item context, when a case variable is used, then it is unknown there', () => {
    expect(codes('{{case.number}}', ItemContext)).to.deep.equal([['template.variable-unknown', 'case.number']]);
  });

  it('given unknown helpers in mustaches, blocks and subexpressions, when checked, then each is reported', () => {
    expect(codes('{{formatDate case.createdAt}}{{#repeat 3}}x{{/repeat}}{{#if (same 1 1)}}{{/if}}')).to.deep.equal([
      ['template.helper-unknown', 'formatDate'],
      ['template.helper-unknown', 'repeat'],
      ['template.helper-unknown', 'same'],
    ]);
  });

  it('given a syntax error, when checked, then one issue with its line', () => {
    const [issue, ...rest] = checkTemplateSource('line one\n{{#if case.number}}\n{{/each}}', CaseContext);
    expect(rest).to.deep.equal([]);
    expect(issue).to.include({ code: 'template.syntax', line: 2 });
    expect(checkTemplateSource('a\n\n{{case.number}', CaseContext)[0]).to.include({ code: 'template.syntax', line: 3 });
  });

  it('given a partial, when checked, then it is refused', () => {
    expect(codes('{{> header}}')).to.deep.equal([['template.partial-unsupported', undefined]]);
  });

  it('given a template, when its variables are listed, then helpers are left out', () => {
    expect(templateVariables('{{date case.acceptedAt}} {{#each materials.missing}}{{name}}{{/each}} {{case.number}}')).to.deep.equal([
      'case.acceptedAt', 'materials.missing', 'name', 'case.number',
    ]);
  });
});
