/** The function's bundle (or its handler file) is not on disk: the project has not been built. */
export class MissingBuildError extends Error {
  override name = 'MissingBuildError';
}
