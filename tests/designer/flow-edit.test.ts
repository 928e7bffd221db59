/** The flow designer's pure edits and graph, checked with the engine's own workflow checks. No DOM. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { addAction, addStep, removeStep, renameStep } from '../../designer/src/screens/flows/flow-edit.js';
import { flowGraph, layoutGraph, NODE_HEIGHT } from '../../designer/src/screens/flows/flow-graph.js';
import type { Workflow } from '../../engine/kinds/workflow.js';
import { checkWorkflowGraph } from '../../engine/load/check-workflow.js';

const standard = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'definitions', 'province', 'workflows', 'standard-service.json'), 'utf8')) as Workflow;
const codes = (workflow: Workflow) => checkWorkflowGraph({ kind: 'Workflow', definition: workflow }).map((p) => `${p.path} ${p.code}`);

describe('flow designer edits', () => {
  it('given the standard flow, when a bare step is added and then connected both ways, then the engine flags it and then does not', () => {
    const added = addStep(standard, 'expertReview', { title: '专家评审', stage: 'implement' });
    expect(codes(added)).to.deep.equal(['/steps/expertReview workflow.step.dead-end', '/steps/expertReview workflow.step.unreachable']);
    const out = addAction(added, 'expertReview', 'feedback', '评审完成');
    expect(out.name).to.equal('toFeedback');
    expect(codes(out.workflow)).to.deep.equal(['/steps/expertReview workflow.step.unreachable']);
    const into = addAction(out.workflow, 'implement', 'expertReview', '提交评审');
    expect(into.name).to.equal('toExpertReview');
    expect(codes(into.workflow)).to.deep.equal([]);
    expect(standard.steps.expertReview, 'the input is not changed').to.equal(undefined);
  });

  it('given an action name already used in the step, when another action to the same target is added, then it gets a fresh name', () => {
    const once = addAction(standard, 'accept', 'implement', 'a').workflow;
    expect(Object.keys(once.steps.accept!.actions!)).to.include('toImplement');
    expect(addAction(once, 'accept', 'implement', 'b').name).to.equal('toImplement2');
  });

  it('given a step renamed, when the flow is read, then the start, actions and branches follow and the order is kept', () => {
    const renamed = renameStep(standard, 'check', 'materialCheck');
    expect(Object.keys(renamed.steps)).to.deep.equal(Object.keys(standard.steps).map((k) => (k === 'check' ? 'materialCheck' : k)));
    expect(renamed.steps.consult!.actions!.submit!.to).to.equal('materialCheck');
    expect(renamed.steps.supplement!.actions!.resubmit!.to).to.equal('materialCheck');
    expect(codes(renamed)).to.deep.equal([]);
    expect(renameStep(standard, 'consult', 'start').start).to.equal('start');
    expect(renameStep(standard, 'check', 'accept'), 'a taken name is refused').to.equal(standard);
  });

  it('given a step removed, when the flow is read, then the actions and branches leading to it are gone too', () => {
    const removed = removeStep(standard, 'supplement');
    expect(removed.steps.supplement).to.equal(undefined);
    expect(Object.keys(removed.steps.accept!.actions!)).to.not.include('return');
    expect(removed.steps.check!.next!.map((b) => b.to)).to.deep.equal(['accept']);
    expect(codes(removed)).to.deep.equal([]);
  });

  it('given the standard flow, when drawn, then every action and branch is an edge and the start step is on top', () => {
    const graph = flowGraph(standard);
    const actions = Object.values(standard.steps).reduce((n, s) => n + Object.keys(s.actions ?? {}).length + (s.next ?? []).length, 0);
    expect(graph.edges).to.have.length(actions);
    expect(graph.nodes.find((n) => n.id === 'accept')!.data.roles).to.have.members(['staff', 'applicant']);
    const positions = layoutGraph(graph, standard.start);
    const top = Math.min(...Object.values(positions).map((p) => p.y));
    expect(positions.consult!.y).to.equal(top);
    expect(positions.check!.y).to.be.greaterThan(positions.consult!.y + NODE_HEIGHT - 1);
    expect(positions.closed!.y).to.be.greaterThan(positions.implement!.y);
  });
});
