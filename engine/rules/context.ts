/**
 * The data a workflow rule (JSON Logic) reads. Loading checks that every {"var": "..."} a rule
 * uses starts with one of these roots, and that `form.…` paths exist in the item's form;
 * checklist rules may read `form.…` only.
 */
export interface RuleContext {
  /** The case's form data. */
  form: Record<string, unknown>;
  case: {
    step: string;
    status: string;
    fields: Record<string, unknown>;
    /**
     * How many times the case came back to its current step through a loop: at `check` after
     * check → supplement → check it is 1. Rules at a review step read it as "times returned".
     */
    returns: number;
    /**
     * The case's sample number 0–99, a hash of its case number (engine/runtime/follow-up-sample.ts):
     * the follow-up sample picks the cases whose number is below the platform's rate.
     */
    sample: number;
    /**
     * True when the case falls in the platform's follow-up sample (sample < the platform's
     * `followUp.sampleRate`): the condition the rule builder's rows can say.
     */
    isSampled: boolean;
  };
  materials: {
    /** Keys of required materials with no file. */
    missing: string[];
    /** Keys of materials staff found deficient. */
    deficient: string[];
    missingCount: number;
    deficientCount: number;
    /** missing + deficient, excluding deferrable (容缺) missing ones: what blocks acceptance. */
    blockingCount: number;
  };
  /** The item's acceptance conditions (受理条件) against the form data. */
  eligibility: {
    /** Keys of the conditions that apply and do not hold. */
    unmet: string[];
    unmetCount: number;
  };
  /** The payload of the command being decided (reason, note, result, level, comment …). */
  command: Record<string, unknown>;
  actor: { roles: string[] };
  /** The platform's settings a rule may read. */
  platform: {
    /** Percent of good reviews that get a follow-up visit (回访抽样), 0–100; default 10. */
    followUp: { sampleRate: number };
  };
}

export const ruleRoots = ['form', 'case', 'materials', 'eligibility', 'command', 'actor', 'platform'] as const;
/** Paths under the fixed roots a rule may read (form and command are open). */
export const ruleFixedPaths = [
  'case.step',
  'case.status',
  'case.fields',
  'case.returns',
  'case.sample',
  'case.isSampled',
  'materials.missing',
  'materials.deficient',
  'materials.missingCount',
  'materials.deficientCount',
  'materials.blockingCount',
  'eligibility.unmet',
  'eligibility.unmetCount',
  'actor.roles',
  'platform.followUp.sampleRate',
] as const;
