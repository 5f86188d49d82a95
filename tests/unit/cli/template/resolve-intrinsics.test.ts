import { UnresolvableIntrinsicError } from '../../../../cli/template/errors';
import { parseTemplate } from '../../../../cli/template/load-template';
import { intrinsicResolver, isIntrinsic } from '../../../../cli/template/resolve-intrinsics';
import { buildSymbolTable, NO_VALUE } from '../../../../cli/template/symbol-table';

const TEMPLATE = `
Parameters:
  Stage: { Type: String, Default: dev }
  Count: { Type: Number, Default: 3 }
  Names: { Type: CommaDelimitedList, Default: "a, b,c" }
  NoDefault: { Type: String }
Mappings:
  Sizes:
    dev: { Memory: 128 }
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
  IsDev: !Not [!Condition IsProd]
  CountIsThree: !Equals [!Ref Count, 3]
  DevAndThree: !And [!Condition IsDev, !Condition CountIsThree]
  ProdOrThree: !Or [!Condition IsProd, !Condition CountIsThree]
  Loop: !Not [!Condition Loop]
Resources:
  Bucket: { Type: AWS::S3::Bucket }
  Worker: { Type: AWS::Serverless::Function, Properties: { FunctionName: worker-fn } }
`;

function resolverFor(overrides: Record<string, string> = {}, region = 'eu-west-1') {
  const template = parseTemplate(TEMPLATE);
  const placeholders: string[] = [];
  const symbols = buildSymbolTable(template, new Map(Object.entries(overrides)), region);
  const resolver = intrinsicResolver({ template, symbols, onPlaceholder: (what) => placeholders.push(what) });
  return { resolver, placeholders };
}

/** Resolves one YAML value, written with the short forms, e.g. `!Sub '\${Stage}'`. */
function resolveYaml(yaml: string, overrides: Record<string, string> = {}) {
  const { resolver, placeholders } = resolverFor(overrides);
  const value = parseTemplate(`Resources: {}\nValue: ${yaml}\n`).Value;
  return { value: resolver.resolve(value), placeholders };
}

describe('intrinsicResolver: Ref', () => {
  test('gives a parameter its Default, and an override over it', () => {
    expect(resolveYaml('!Ref Stage').value).toBe('dev');
    expect(resolveYaml('!Ref Stage', { Stage: 'prod' }).value).toBe('prod');
  });

  test('gives a Number Default as text, the way Lambda sees every variable', () => {
    expect(resolveYaml('!Ref Count').value).toBe('3');
  });

  test('gives a CommaDelimitedList parameter as a trimmed list', () => {
    expect(resolveYaml('!Ref Names').value).toEqual(['a', 'b', 'c']);
  });

  test('resolves the pseudo parameters as SAM CLI fakes them, in the given region', () => {
    expect(resolveYaml('!Ref AWS::Region').value).toBe('eu-west-1');
    expect(resolveYaml('!Ref AWS::AccountId').value).toBe('123456789012');
    expect(resolveYaml('!Ref AWS::StackName').value).toBe('local');
    expect(resolveYaml('!Ref AWS::Partition').value).toBe('aws');
    expect(resolveYaml('!Ref AWS::URLSuffix').value).toBe('amazonaws.com');
    expect(resolveYaml('!Ref AWS::StackId').value).toMatch(/^arn:aws:cloudformation:eu-west-1:123456789012:stack\/local\//);
    expect(resolveYaml('!Ref AWS::NoValue').value).toBe(NO_VALUE);
  });

  test('lets --parameter-overrides AWS::Region change the region and what derives from it', () => {
    expect(resolveYaml('!Sub "${AWS::Partition} ${AWS::URLSuffix}"', { 'AWS::Region': 'cn-north-1' }).value).toBe(
      'aws-cn amazonaws.com.cn',
    );
  });

  test('gives a resource its logical id and reports the placeholder', () => {
    const { value, placeholders } = resolveYaml('!Ref Bucket');
    expect(value).toBe('Bucket');
    expect(placeholders).toEqual([expect.stringContaining('Ref Bucket')]);
  });

  test('gives a parameter without Default its name and says how to pass one', () => {
    const { value, placeholders } = resolveYaml('!Ref NoDefault');
    expect(value).toBe('NoDefault');
    expect(placeholders[0]).toContain('--parameter-overrides NoDefault=');
  });

  test('rejects a Ref to nothing', () => {
    expect(() => resolveYaml('!Ref Missing')).toThrow(UnresolvableIntrinsicError);
  });
});

describe('intrinsicResolver: Fn::GetAtt', () => {
  test('makes up a Lambda ARN for Arn, using the FunctionName when there is one', () => {
    expect(resolveYaml('!GetAtt Worker.Arn').value).toBe('arn:aws:lambda:eu-west-1:123456789012:function:worker-fn');
    expect(resolveYaml('!GetAtt [Bucket, Arn]').value).toBe('arn:aws:lambda:eu-west-1:123456789012:function:Bucket');
  });

  test('cannot resolve any other attribute', () => {
    expect(() => resolveYaml('!GetAtt Bucket.DomainName')).toThrow(UnresolvableIntrinsicError);
  });
});

describe('intrinsicResolver: Fn::Sub', () => {
  test('substitutes parameters, pseudo parameters and resources in the string form', () => {
    expect(resolveYaml("!Sub '${Stage}-${AWS::Region}-${Bucket}'").value).toBe('dev-eu-west-1-Bucket');
  });

  test('uses the variables of the list form first, resolving intrinsics in them', () => {
    expect(resolveYaml("!Sub ['${Name}/${Stage}', { Name: !Join ['-', [x, !Ref Stage]] }]").value).toBe('x-dev/dev');
  });

  test('writes ${!Literal} as ${Literal}', () => {
    expect(resolveYaml("!Sub 'keep ${!Literal} and ${Stage}'").value).toBe('keep ${Literal} and dev');
  });

  test('puts $Resource.Attribute for an attribute only a stack knows, as SAM CLI does', () => {
    const { value, placeholders } = resolveYaml("!Sub 'https://${Bucket.DomainName}/x'");
    expect(value).toBe('https://$Bucket.DomainName/x');
    expect(placeholders).toHaveLength(1);
  });

  test('substitutes Resource.Arn with the made-up ARN', () => {
    expect(resolveYaml("!Sub '${Worker.Arn}'").value).toBe('arn:aws:lambda:eu-west-1:123456789012:function:worker-fn');
  });
});

describe('intrinsicResolver: Fn::Join, Fn::Select, Fn::Split', () => {
  test('joins resolved items, a list parameter included', () => {
    expect(resolveYaml("!Join [',', [!Ref Stage, lit, 7]]").value).toBe('dev,lit,7');
    expect(resolveYaml("!Join ['|', !Ref Names]").value).toBe('a|b|c');
  });

  test('drops AWS::NoValue items from a joined list', () => {
    expect(resolveYaml("!Join ['-', [a, !If [IsProd, b, !Ref AWS::NoValue], c]]").value).toBe('a-c');
  });

  test('selects by a number or numeric string, and rejects an index outside the list', () => {
    expect(resolveYaml('!Select [1, !Ref Names]').value).toBe('b');
    expect(resolveYaml("!Select ['2', [x, y, z]]").value).toBe('z');
    expect(() => resolveYaml('!Select [3, [x, y, z]]')).toThrow(UnresolvableIntrinsicError);
  });

  test('splits a resolved string, and nests with Select', () => {
    expect(resolveYaml("!Split [':', !Sub 'a:${Stage}:c']").value).toEqual(['a', 'dev', 'c']);
    expect(resolveYaml("!Select [1, !Split ['/', 'x/y/z']]").value).toBe('y');
  });
});

describe('intrinsicResolver: conditions', () => {
  test('evaluates Equals, Not, And, Or and Condition', () => {
    const { resolver } = resolverFor();
    expect(resolver.condition('IsProd')).toBe(false);
    expect(resolver.condition('IsDev')).toBe(true);
    expect(resolver.condition('CountIsThree')).toBe(true);
    expect(resolver.condition('DevAndThree')).toBe(true);
    expect(resolver.condition('ProdOrThree')).toBe(true);
  });

  test('follows parameter overrides', () => {
    const { resolver } = resolverFor({ Stage: 'prod', Count: '4' });
    expect(resolver.condition('IsProd')).toBe(true);
    expect(resolver.condition('DevAndThree')).toBe(false);
    expect(resolver.condition('ProdOrThree')).toBe(true);
  });

  test('picks the branch of Fn::If and resolves only that branch', () => {
    expect(resolveYaml('!If [IsProd, !GetAtt Bucket.DomainName, !Sub "dev-${Stage}"]').value).toBe('dev-dev');
    expect(resolveYaml('!If [IsProd, big, small]', { Stage: 'prod' }).value).toBe('big');
  });

  test('removes a map entry whose value is AWS::NoValue', () => {
    expect(resolveYaml('{ A: x, B: !If [IsProd, y, !Ref AWS::NoValue] }').value).toEqual({ A: 'x' });
  });

  test('rejects an unknown or self-referring condition', () => {
    const { resolver } = resolverFor();
    expect(() => resolver.condition('Nope')).toThrow(UnresolvableIntrinsicError);
    expect(() => resolver.condition('Loop')).toThrow(UnresolvableIntrinsicError);
  });
});

describe('intrinsicResolver: other functions', () => {
  test('looks up Fn::FindInMap and encodes Fn::Base64', () => {
    expect(resolveYaml('!FindInMap [Sizes, !Ref Stage, Memory]').value).toBe(128);
    expect(resolveYaml('!Base64 hello').value).toBe('aGVsbG8=');
  });

  test('refuses what only a deployed stack knows', () => {
    expect(() => resolveYaml('!ImportValue shared-bucket')).toThrow(UnresolvableIntrinsicError);
    expect(() => resolveYaml("!GetAZs ''")).toThrow(UnresolvableIntrinsicError);
  });

  test('keeps a __proto__ key as plain data', () => {
    const { resolver } = resolverFor();
    const value = resolver.resolve(JSON.parse('{"__proto__": {"polluted": true}, "a": 1}')) as Record<string, unknown>;
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('intrinsicResolver: condition expressions and extra functions', () => {
  test('evaluates a condition expression, a named Condition included', () => {
    const { resolver } = resolverFor({ Stage: 'prod' });

    expect(resolver.evaluateCondition({ Condition: 'IsProd' })).toBe(true);
    expect(resolver.evaluateCondition({ 'Fn::And': [{ Condition: 'IsProd' }, { 'Fn::Equals': [{ Ref: 'Count' }, '4'] }] })).toBe(false);
    expect(() => resolver.evaluateCondition({ Ref: 'Stage' })).toThrow(/a condition must be/);
  });

  test('knows the functions a section adds, inside the built-in ones, and lets no extra function replace a built-in one', () => {
    const template = parseTemplate(TEMPLATE);
    const symbols = buildSymbolTable(template, new Map(), 'eu-west-1');
    const resolver = intrinsicResolver({
      template,
      symbols,
      extraFunctions: {
        'Fn::Contains': (argument, resolve) => {
          const [list, item] = argument as [unknown, unknown];
          return (resolve(list) as unknown[]).includes(resolve(item));
        },
        'Fn::Equals': () => 'replaced',
      },
    });

    expect(resolver.evaluateCondition({ 'Fn::Not': [{ 'Fn::Contains': [{ Ref: 'Names' }, 'b'] }] })).toBe(false);
    expect(resolver.evaluateCondition({ 'Fn::Equals': [{ Ref: 'Stage' }, 'dev'] })).toBe(true);
  });
});

describe('isIntrinsic', () => {
  test('recognises one-key Ref and Fn:: maps only', () => {
    expect(isIntrinsic({ Ref: 'X' })).toBe(true);
    expect(isIntrinsic({ 'Fn::Sub': 'x' })).toBe(true);
    expect(isIntrinsic({ Ref: 'X', Other: 1 })).toBe(false);
    expect(isIntrinsic({ Variables: {} })).toBe(false);
    expect(isIntrinsic(['Ref'])).toBe(false);
  });
});
