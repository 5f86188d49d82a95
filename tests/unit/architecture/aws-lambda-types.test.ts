/**
 * The Lambda wire types are @types/aws-lambda's; inside, the code keeps narrower types of its own (a response
 * entry that always has data, a parsed custom resource request whose properties are unknown, not any). Each
 * check below is a type: `npm run typecheck` (tsc --noEmit, the first step of npm test) fails when one of
 * them stops holding, for example when a result is added to our response that Firehose does not know. The
 * expect() only lists each proof in the test report; at run time they are all `true`.
 */
import type {
  CloudFormationCustomResourceEvent,
  CloudFormationCustomResourceHandler,
  CloudFormationCustomResourceResponse,
  Context,
  FirehoseRecordTransformationStatus,
  FirehoseTransformationHandler,
  FirehoseTransformationResult,
} from 'aws-lambda';
import type { createLambdaContext } from '../../../cli/lambda-context';
import type { CfnResponseBody } from '../../../functions/shared/cfn-response';
import type { customResourceHandler } from '../../../functions/shared/custom-resource';
import type { CustomResourceRequest } from '../../../functions/shared/custom-resource-request';
import type { handler as transformHandler } from '../../../functions/transform/index';
import type { FirehoseResult, TransformResponse } from '../../../functions/transform/types';

/** `true` when every A is a B. */
type Assignable<A, B> = [A] extends [B] ? true : false;
/** `true` when A and B are the same type (neither wider). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

describe('the transform against @types/aws-lambda', () => {
  test('knows exactly the results Firehose knows', () => {
    const proof: Same<FirehoseResult, FirehoseRecordTransformationStatus> = true;
    expect(proof).toBe(true);
  });

  test('answers a FirehoseTransformationResult', () => {
    const proof: Assignable<TransformResponse, FirehoseTransformationResult> = true;
    expect(proof).toBe(true);
  });

  test('is a FirehoseTransformationHandler', () => {
    const proof: Assignable<typeof transformHandler, FirehoseTransformationHandler> = true;
    expect(proof).toBe(true);
  });
});

describe('the custom resources against @types/aws-lambda', () => {
  test('parse every CloudFormationCustomResourceEvent into a request of their own, asking for no field CloudFormation does not send', () => {
    const proof: Assignable<CloudFormationCustomResourceEvent, CustomResourceRequest> = true;
    expect(proof).toBe(true);
  });

  test('hand the work properties as unknown values, never any', () => {
    type Property = CustomResourceRequest['ResourceProperties'][string];
    const proof: Same<Property, unknown> = true;
    expect(proof).toBe(true);
  });

  test('answer a CloudFormationCustomResourceResponse, whose FAILED always has a Reason', () => {
    const proof: Assignable<CfnResponseBody, CloudFormationCustomResourceResponse> = true;
    const failedNeedsReason: Assignable<{ Status: 'FAILED'; PhysicalResourceId: string; StackId: string; RequestId: string; LogicalResourceId: string }, CfnResponseBody> = false;
    expect([proof, failedNeedsReason]).toEqual([true, false]);
  });

  test('are CloudFormationCustomResourceHandlers', () => {
    const proof: Assignable<ReturnType<typeof customResourceHandler>, CloudFormationCustomResourceHandler> = true;
    expect(proof).toBe(true);
  });
});

describe('o2-cognito invoke against @types/aws-lambda', () => {
  test('passes handlers the Context of the Node.js runtime', () => {
    const proof: Same<ReturnType<typeof createLambdaContext>, Context> = true;
    expect(proof).toBe(true);
  });
});
