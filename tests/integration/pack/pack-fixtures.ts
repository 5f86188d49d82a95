/** Shared set-up for the pack's integration tests: a management API pointed at a fake OpenObserve. */
import { PACK_CONTENT } from '../../../functions/shared/pack/content';
import type { InstallOptions } from '../../../functions/shared/pack/install';
import { ManagementApi } from '../../../functions/shared/pack/management-api';
import { createManagementClient } from '../../../functions/shared/pack/management-client';
import type { FakeOpenObserveManagement } from '../../helpers/fake-openobserve-management';

export const ADMIN = { username: 'admin@example.com', secret: 'Complexpass#123' };
export const WEBHOOK = 'https://hooks.example.com/services/T0000/B0000/webhook-SECRET-c0ffee';
export const NOW = Date.UTC(2026, 10, 26, 9, 0, 0);

export function apiFor(fake: FakeOpenObserveManagement, credentials = ADMIN, org = 'default'): ManagementApi {
  return new ManagementApi(createManagementClient({ baseUrl: fake.url, credentials, timeoutMs: 5_000 }), org);
}

export function installOptions(fake: FakeOpenObserveManagement, overrides: Partial<InstallOptions> = {}): InstallOptions {
  return {
    api: apiFor(fake),
    stream: 'cognito_events',
    thresholds: PACK_CONTENT.thresholds,
    enableAlerts: true,
    webhookUrl: WEBHOOK,
    dryRun: false,
    now: () => NOW,
    ...overrides,
  };
}
