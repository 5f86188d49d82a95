/** An intrinsic function whose value only a deployed stack knows, or that the template gets wrong. */
export class UnresolvableIntrinsicError extends Error {
  override name = 'UnresolvableIntrinsicError';
}
