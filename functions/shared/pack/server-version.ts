/** OpenObserve release versions as `GET /config` reports them (`v0.92.2`, `v0.15.0-rc1`, `0.93.0-dev`). */

export interface ServerVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

/** The leading `major.minor.patch`, or undefined for a version string without one. */
export function parseServerVersion(text: string): ServerVersion | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(text.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

export function isOlderThan(version: ServerVersion, minimum: ServerVersion): boolean {
  if (version.major !== minimum.major) return version.major < minimum.major;
  if (version.minor !== minimum.minor) return version.minor < minimum.minor;
  return version.patch < minimum.patch;
}

export const formatVersion = (v: ServerVersion): string => `v${v.major}.${v.minor}.${v.patch}`;
