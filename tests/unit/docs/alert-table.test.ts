import { PACK_CONTENT } from '../../../functions/shared/pack/content';
import { alertTable, techniquesOf } from '../../../scripts/readme/alert-table';

describe('the alert table of docs/security-pack.md', () => {
  test('has one row per pack alert with its techniques, its condition with threshold names, and its defaults', () => {
    // Act
    const rows = alertTable().split('\n').slice(2);
    const spraying = rows.find((row) => row.startsWith('| `cognito_password_spraying` |'));

    // Assess
    expect(rows).toHaveLength(PACK_CONTENT.alerts.length);
    expect(spraying).toContain('| T1110.003 | One source IP failed to sign in as `min_users` or more accounts within `period_minutes` minutes');
    expect(spraying).toMatch(/\| `min_users` 10; `max_success_percent` 50; period 15, frequency 5, silence 15 \|$/);
    expect(rows.find((row) => row.startsWith('| `cognito_auth_config_change` |'))).toMatch(/\| real-time; silence 0 \|$/);
    expect(rows.find((row) => row.startsWith('| `cognito_new_country_sign_in` |'))).toMatch(/\| look-back 10080, recent 30, frequency 15, silence 15 \|$/);
    expect(alertTable()).not.toContain('{{');
  });

  test('reads the techniques from the head of a description only', () => {
    expect(techniquesOf('ATT&CK T1078.004 Valid Accounts (after T1110 Brute Force): more about T9999.')).toEqual(['T1078.004', 'T1110']);
    expect(techniquesOf('No technique: T1110.')).toEqual([]);
  });
});
