import { awsReason, isAccessDenied } from '../../../functions/user-activity-logs/aws-errors';
import { MAX_AWS_MESSAGE_CHARS } from '../../../functions/user-activity-logs/constants';

describe('aws errors', () => {
  test("a Reason holds the error's name and AWS's message, shortened", () => {
    expect(awsReason(Object.assign(new Error('User pool x does not exist.'), { name: 'ResourceNotFoundException' }))).toBe('ResourceNotFoundException: User pool x does not exist.');
    expect(awsReason(Object.assign(new Error('replaced'), { name: 'ThrottlingException', message: '' }))).toBe('ThrottlingException');
    expect(awsReason(new Error('m'.repeat(1000)))).toHaveLength('Error: '.length + MAX_AWS_MESSAGE_CHARS);
    expect(awsReason('text')).toBe('a string was thrown');
  });

  test('tells an IAM refusal', () => {
    expect(isAccessDenied(Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException' }))).toBe(true);
    expect(isAccessDenied(Object.assign(new Error('Incorrect username or password.'), { name: 'NotAuthorizedException' }))).toBe(false);
  });
});
