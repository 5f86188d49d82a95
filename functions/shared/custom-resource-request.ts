/**
 * A CloudFormation custom resource request, parsed once where the handler receives it. The wire shape is
 * @types/aws-lambda's `CloudFormationCustomResourceEvent`
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html); the parsed
 * `CustomResourceRequest` is narrower: its properties are `unknown` values for each resource's own parser
 * (never `any`), an Update always has its PhysicalResourceId and OldResourceProperties, a Delete its
 * PhysicalResourceId. tests/unit/architecture/aws-lambda-types.test.ts proves every official event fits it.
 */

/** A custom resource's properties: numbers and booleans arrive as strings; ServiceToken is among them. */
export type ResourceProperties = Readonly<Record<string, unknown>>;

export const REQUEST_TYPES = ['Create', 'Update', 'Delete'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** Where the one answer goes and the ids it echoes: all that is needed to answer, even a malformed request. */
export interface ReplyAddress {
  readonly ResponseURL: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
}

interface RequestCommon extends ReplyAddress {
  readonly ResourceType: string;
  readonly ResourceProperties: ResourceProperties;
}

export type CustomResourceRequest =
  | (RequestCommon & { readonly RequestType: 'Create'; readonly PhysicalResourceId?: undefined })
  | (RequestCommon & { readonly RequestType: 'Update'; readonly PhysicalResourceId: string; readonly OldResourceProperties: ResourceProperties })
  | (RequestCommon & { readonly RequestType: 'Delete'; readonly PhysicalResourceId: string });

/**
 * A request that cannot be worked on. With `replyTo`, it can still be answered (FAILED, or SUCCESS for a
 * Delete, which must never block a stack's deletion); without it there is nowhere to send an answer.
 */
export interface MalformedRequest {
  readonly reason: string;
  readonly replyTo?: ReplyAddress & { readonly PhysicalResourceId?: string };
  /** The RequestType as sent, when it was a string. */
  readonly requestType?: string;
}

export type ParsedRequest = { readonly ok: true; readonly request: CustomResourceRequest } | ({ readonly ok: false } & MalformedRequest);

type Fields = Readonly<Record<string, unknown>>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (fields: Fields, name: string): string | undefined => {
  const value = fields[name];
  return typeof value === 'string' ? value : undefined;
};
/** PhysicalResourceId and ResourceType must not be empty (a ResponseURL that is, sendCfnResponse reports). */
const nonEmpty = (fields: Fields, name: string): string | undefined => {
  const value = text(fields, name);
  return value === '' ? undefined : value;
};
const isRequestType = (value: unknown): value is RequestType => REQUEST_TYPES.some((type) => type === value);

/** The sentence for a missing field: what is wrong, and what to do (only a hand-written test event lacks one). */
const missing = (field: string, why: string): string =>
  `The request has no ${field}, which CloudFormation sends ${why}; invoke the function with the request as CloudFormation sends it (see events/).`;

/** Parses what the handler received; never throws, and never puts a property value in a reason. */
export function parseCustomResourceRequest(event: unknown): ParsedRequest {
  if (!isFields(event)) return { ok: false, reason: 'The request is not a JSON object; nothing can be answered.' };
  const ResponseURL = text(event, 'ResponseURL');
  const StackId = text(event, 'StackId');
  const RequestId = text(event, 'RequestId');
  const LogicalResourceId = text(event, 'LogicalResourceId');
  if (ResponseURL === undefined || StackId === undefined || RequestId === undefined || LogicalResourceId === undefined) {
    return { ok: false, reason: 'The request lacks ResponseURL, StackId, RequestId or LogicalResourceId, so no answer can be sent.' };
  }
  const PhysicalResourceId = nonEmpty(event, 'PhysicalResourceId');
  const replyTo = { ResponseURL, StackId, RequestId, LogicalResourceId, ...(PhysicalResourceId !== undefined ? { PhysicalResourceId } : {}) };
  const RequestType = event.RequestType;
  const requestType = typeof RequestType === 'string' ? { requestType: RequestType } : {};
  const malformed = (reason: string): ParsedRequest => ({ ok: false, reason, replyTo, ...requestType });
  if (!isRequestType(RequestType)) return malformed('Unknown RequestType; expected Create, Update or Delete.');
  const ResourceType = nonEmpty(event, 'ResourceType');
  if (ResourceType === undefined) return malformed(missing('ResourceType', 'with every request'));
  const ResourceProperties = event.ResourceProperties;
  if (!isFields(ResourceProperties)) return malformed(missing('ResourceProperties object', 'with every request'));
  const common = { ResponseURL, StackId, RequestId, LogicalResourceId, ResourceType, ResourceProperties };
  if (RequestType === 'Create') return { ok: true, request: { ...common, RequestType } };
  if (PhysicalResourceId === undefined) return malformed(missing('PhysicalResourceId', `with every ${RequestType}`));
  if (RequestType === 'Delete') return { ok: true, request: { ...common, RequestType, PhysicalResourceId } };
  const OldResourceProperties = event.OldResourceProperties;
  if (!isFields(OldResourceProperties)) return malformed(missing('OldResourceProperties object', 'with every Update'));
  return { ok: true, request: { ...common, RequestType, PhysicalResourceId, OldResourceProperties } };
}
