import path from 'node:path';
import { loadTemplate } from '../../cli/template/load-template';
import { intrinsicResolver } from '../../cli/template/resolve-intrinsics';
import { buildSymbolTable } from '../../cli/template/symbol-table';

const template = loadTemplate(path.join(__dirname, '..', '..', 'template.yaml'));

/** The DashboardUrl output as a stack in `region` would show it. */
function dashboardUrl(region: string): string {
  const resolver = intrinsicResolver({ template, symbols: buildSymbolTable(template, new Map(), region) });
  return String(resolver.resolve(template.Outputs?.DashboardUrl?.Value));
}

describe('DashboardUrl output', () => {
  test.each([
    ['eu-west-1', 'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards:name='],
    ['cn-north-1', 'https://cn-north-1.console.amazonaws.cn/cloudwatch/home?region=cn-north-1#dashboards:name='],
    ['us-gov-west-1', 'https://console.amazonaws-us-gov.com/cloudwatch/home?region=us-gov-west-1#dashboards:name='],
  ])('links to the console of the partition of %s', (region, prefix) => {
    expect(dashboardUrl(region)).toMatch(new RegExp(`^${prefix.replace(/[.?]/g, '\\$&')}\\S+$`));
  });
});
