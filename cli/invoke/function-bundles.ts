/**
 * Where `npm run build` puts each function's bundle, relative to the project folder. It mirrors FUNCTIONS
 * in esbuild.config.mjs (a test keeps the two equal); the CLI cannot import that file, which imports esbuild.
 */
export const FUNCTION_BUNDLES: Readonly<Record<string, string>> = {
  TransformFunction: 'dist/transform',
  EndpointCheckFunction: 'dist/endpoint-check',
  PackInstallFunction: 'dist/pack-install',
};
