export { checkAwardTitle, checkPlatformName, compileNamePattern, MAX_NAME_LENGTH, namingRuleFor } from './check-platform-name.js';
export { checkStatusChange, isRegistryStatus, nextStatuses, registryStatusLabels } from './lifecycle.js';
