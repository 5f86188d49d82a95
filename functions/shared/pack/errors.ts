/**
 * Installer failures. Messages are one sentence (what is wrong, what to do) and never hold credentials,
 * headers or a webhook URL; server text is cut short and scrubbed before it gets here.
 */
export class PackError extends Error {
  override name = 'PackError';
}

/** 401: wrong user/secret, or the Firehose access key (ingestion passcode) used for management. */
export class PackUnauthorizedError extends PackError {
  override name = 'PackUnauthorizedError';
}

/** 403: valid credentials without the role the pack needs (Enterprise RBAC). */
export class PackForbiddenError extends PackError {
  override name = 'PackForbiddenError';
}

/** 404 "Organization not found" on a management call. */
export class PackOrganizationNotFoundError extends PackError {
  override name = 'PackOrganizationNotFoundError';
}

/** The server is older than the pack supports. */
export class PackServerTooOldError extends PackError {
  override name = 'PackServerTooOldError';
}

/** A panel or alert query was rejected by `_search`. */
export class PackQueryRejectedError extends PackError {
  override name = 'PackQueryRejectedError';
}

/** Any other unexpected HTTP answer, or an answer that is not what the contract describes. */
export class PackHttpError extends PackError {
  override name = 'PackHttpError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** OpenObserve could not be reached, or did not answer in time. */
export class PackNetworkError extends PackError {
  override name = 'PackNetworkError';
  constructor(
    message: string,
    /** Node's error code (ECONNREFUSED, CERT_HAS_EXPIRED…), ETIMEDOUT when no answer came in time. */
    readonly code: string,
  ) {
    super(message);
  }
}
