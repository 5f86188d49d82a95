import { parseTemplate } from '../../../../cli/template/load-template';
import { buildSymbolTable, NO_VALUE, partitionOf } from '../../../../cli/template/symbol-table';

const template = parseTemplate(`
Parameters:
  Mode: { Type: String, Default: json }
  Seconds: { Type: Number, Default: 16200 }
  Enabled: { Type: String, Default: true }
  Names: { Type: CommaDelimitedList, Default: "x,y" }
  Ids: { Type: List<String> }
  Required: { Type: String }
Resources: {}
`);

describe('buildSymbolTable', () => {
  test('takes each Default as text, lists split, and leaves parameters without one out', () => {
    // Act
    const { parameters } = buildSymbolTable(template, new Map(), 'us-east-1');

    // Assess
    expect(Object.fromEntries(parameters)).toEqual({ Mode: 'json', Seconds: '16200', Enabled: 'true', Names: ['x', 'y'] });
  });

  test('puts overrides over Defaults and gives list parameters their items', () => {
    const overrides = new Map([['Mode', 'drop'], ['Ids', 'a, b'], ['Required', 'given']]);

    const { parameters } = buildSymbolTable(template, overrides, 'us-east-1');

    expect(parameters.get('Mode')).toBe('drop');
    expect(parameters.get('Ids')).toEqual(['a', 'b']);
    expect(parameters.get('Required')).toBe('given');
  });

  test('fakes the pseudo parameters for the region it is given', () => {
    const { pseudo, region } = buildSymbolTable(template, new Map(), 'us-gov-west-1');

    expect(region).toBe('us-gov-west-1');
    expect(pseudo.get('AWS::Partition')).toBe('aws-us-gov');
    expect(pseudo.get('AWS::AccountId')).toBe('123456789012');
    expect(pseudo.get('AWS::NoValue')).toBe(NO_VALUE);
    expect(pseudo.get('AWS::NotificationARNs')).toEqual([]);
  });

  test('lets an AWS:: override replace a pseudo parameter but never AWS::NoValue', () => {
    const overrides = new Map([['AWS::Region', 'eu-central-1'], ['AWS::StackName', 'mine'], ['AWS::NoValue', 'x']]);

    const { pseudo, region } = buildSymbolTable(template, overrides, 'us-east-1');

    expect(region).toBe('eu-central-1');
    expect(pseudo.get('AWS::Region')).toBe('eu-central-1');
    expect(pseudo.get('AWS::StackName')).toBe('mine');
    expect(pseudo.get('AWS::NoValue')).toBe(NO_VALUE);
  });
});

describe('partitionOf', () => {
  test('maps China and GovCloud regions to their partitions', () => {
    expect(partitionOf('cn-northwest-1')).toBe('aws-cn');
    expect(partitionOf('us-gov-east-1')).toBe('aws-us-gov');
    expect(partitionOf('ap-southeast-2')).toBe('aws');
  });
});
