import { readFileSync } from 'node:fs';
import { parse, type Tags, type ScalarTag, type CollectionTag } from 'yaml';

/** CloudFormation short-form tags and the long form each becomes (`!Ref X` → `{ Ref: 'X' }`). */
const INTRINSICS = [
  'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub',
  'Transform', 'And', 'Equals', 'If', 'Not', 'Or', 'Condition', 'Length', 'ToJsonString',
] as const;

function longName(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

function tagsFor(name: string): (ScalarTag | CollectionTag)[] {
  const key = longName(name);
  const tag = `!${name}`;
  // `!GetAtt A.B` is the short form of `{ 'Fn::GetAtt': ['A', 'B'] }`.
  const scalarValue = (value: string): unknown =>
    name === 'GetAtt' ? value.split(/\.(.*)/s, 2) : value;
  return [
    { tag, resolve: (value: string) => ({ [key]: scalarValue(value) }) } as ScalarTag,
    { tag, collection: 'seq', resolve: (seq) => ({ [key]: seq.toJSON() }) } as CollectionTag,
    { tag, collection: 'map', resolve: (map) => ({ [key]: map.toJSON() }) } as CollectionTag,
  ];
}

const CFN_TAGS: Tags = [...tagsFor('Ref'), ...INTRINSICS.flatMap(tagsFor)];

/** A CloudFormation/SAM template as plain data, intrinsics in their long form. */
export interface Template {
  readonly Transform?: unknown;
  readonly Parameters?: Record<string, Record<string, unknown>>;
  readonly Conditions?: Record<string, unknown>;
  readonly Rules?: Record<string, unknown>;
  readonly Globals?: Record<string, Record<string, unknown>>;
  readonly Resources: Record<string, { Type: string; Properties?: Record<string, unknown>; [k: string]: unknown }>;
  readonly Outputs?: Record<string, Record<string, unknown>>;
  readonly Metadata?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

/** Parses template YAML (or JSON) text, turning `!Ref`, `!Sub`, `!If`… into their long forms. */
export function parseTemplate(text: string): Template {
  const data: unknown = parse(text, { customTags: CFN_TAGS, maxAliasCount: -1 });
  if (typeof data !== 'object' || data === null || !('Resources' in data)) {
    throw new Error('The template has no Resources section; point at the project template.yaml.');
  }
  return data as Template;
}

/** Reads and parses a template file. */
export function loadTemplate(file: string): Template {
  return parseTemplate(readFileSync(file, 'utf8'));
}
