/**
 * The personal-data key every test database is opened with (the product derives it from the
 * deployment secret): ID numbers and phones are stored sealed in tests exactly as in production.
 */
import { PersonalDataKeyring } from '../../storage/personal-data/keyring.js';

export const TEST_DEPLOYMENT_SECRET = 'test-deployment-secret-for-personal-data';

export const testKeyring = PersonalDataKeyring.fromSecrets([TEST_DEPLOYMENT_SECRET]);
