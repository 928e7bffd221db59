/**
 * The definition loader: validate shape, then resolve names and semantics; resolve the bundle
 * one case runs on. See docs in each module; this file only gathers the public entry points.
 */
export { validateShape } from './validate-shape.js';
export { loadDefinitions, type LoadInput, type LoadResult } from './load-definitions.js';
export { getDefinition, getEntry, entriesOf, type DefinitionEntry, type DefinitionSet } from './definition-set.js';
export { resolveBundle, templateIdsOf } from './resolve-bundle.js';
export { ajvProblems } from './ajv-problems.js';
export { checkAdoption } from './check-adoption.js';
export { diffDocuments, isSameValue, type Change } from './diff.js';
export { namedDefinitions } from './check-references.js';
export { planUpgrade, type FieldChange, type UpgradeConflict, type UpgradeInput, type UpgradePlan } from './upgrade.js';
