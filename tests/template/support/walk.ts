import type { Template } from '../../../cli/template/load-template';
import { branches } from './evaluate';

/** Small readers over template data, shared by the checks. */

export type Resource = Template['Resources'][string];

export function resourcesOfType(template: Template, type: string): [string, Resource][] {
  return Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
}

export function propertiesOf(resource: Resource | undefined): Record<string, unknown> {
  return (resource?.Properties ?? {}) as Record<string, unknown>;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** `{ Ref: X }` → X, else undefined. */
export function refName(value: unknown): string | undefined {
  if (typeof value === 'object' && value !== null && 'Ref' in value) return String((value as { Ref: unknown }).Ref);
  return undefined;
}

/** `{ 'Fn::GetAtt': [X, A] }` → [X, A], else undefined. */
export function getAtt(value: unknown): [string, string] | undefined {
  if (typeof value === 'object' && value !== null && 'Fn::GetAtt' in value) {
    const target = (value as { 'Fn::GetAtt': unknown })['Fn::GetAtt'];
    const [id, attribute] = Array.isArray(target) ? target : String(target).split(/\.(.*)/s, 2);
    return [String(id), String(attribute)];
  }
  return undefined;
}

/** The logical ids a `DependsOn` names. */
export function dependsOn(resource: Resource | undefined): string[] {
  return asArray(resource?.DependsOn).map(String);
}

/** Depth-first walk over every value, with its path, for "no literal X anywhere" checks. */
export function walk(value: unknown, visit: (value: unknown, path: string) => void, path = ''): void {
  visit(value, path);
  if (Array.isArray(value)) value.forEach((item, index) => void walk(item, visit, `${path}/${index}`));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) walk(item, visit, `${path}/${key}`);
  }
}

/** An IAM statement, where it sits, and which resource holds it. */
export interface PolicyStatement {
  readonly holder: string;
  readonly holderType: string;
  readonly where: string;
  readonly document: Record<string, unknown>;
  readonly statement: Record<string, unknown>;
}

/**
 * Every policy document in the template (role inline policies and trust policies, managed and inline
 * policies, bucket, queue and event-bus policies), each statement listed once per Fn::If branch. The single
 * statement of an AWS::Events::EventBusPolicy is wrapped in a document of its own, with the version
 * EventBridge gives it.
 */
export function policyDocuments(template: Template): { holder: string; holderType: string; where: string; document: Record<string, unknown> }[] {
  const documents: { holder: string; holderType: string; where: string; document: Record<string, unknown> }[] = [];
  for (const [id, resource] of Object.entries(template.Resources)) {
    const properties = propertiesOf(resource);
    const add = (where: string, document: unknown): void => {
      for (const option of branches(document)) {
        if (typeof option === 'object' && option !== null) {
          documents.push({ holder: id, holderType: resource.Type, where, document: option as Record<string, unknown> });
        }
      }
    };
    if (properties.AssumeRolePolicyDocument !== undefined) add('AssumeRolePolicyDocument', properties.AssumeRolePolicyDocument);
    if (properties.PolicyDocument !== undefined) add('PolicyDocument', properties.PolicyDocument);
    // An event bus holds its resource policy in `Policy`; an AWS::Events::EventBusPolicy holds one statement.
    if (resource.Type === 'AWS::Events::EventBus' && properties.Policy !== undefined) add('Policy', properties.Policy);
    if (resource.Type === 'AWS::Events::EventBusPolicy' && properties.Statement !== undefined) {
      add('Statement', { Version: '2012-10-17', Statement: [properties.Statement] });
    }
    asArray(properties.Policies).forEach((policy, index) => {
      for (const option of branches(policy)) {
        const document = (option as { PolicyDocument?: unknown }).PolicyDocument;
        if (document !== undefined) add(`Policies/${index}`, document);
      }
    });
  }
  return documents;
}

export function policyStatements(template: Template): PolicyStatement[] {
  return policyDocuments(template).flatMap(({ holder, holderType, where, document }) =>
    asArray(document.Statement)
      .flatMap((statement) => branches(statement))
      .map((statement, index) => ({
        holder,
        holderType,
        where: `${where}/Statement/${index}`,
        document,
        statement: statement as Record<string, unknown>,
      })),
  );
}
