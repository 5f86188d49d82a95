// @ts-check
'use strict';
/**
 * The one list of the project's Lambda functions and where each one's code and bundle live. The list is
 * template.yaml itself: every function resource (`AWS::Lambda::Function` or `AWS::Serverless::Function`) with
 * `Metadata.BuildMethod: makefile`, the functions `sam build` builds through the Makefile. A function's folder follows from its logical id —
 * `PackInstallFunction` → `functions/pack-install/index.ts` → `dist/pack-install/index.js` — so adding a
 * function is its template resource plus its folder, and nothing else.
 *
 * Read by esbuild.config.mjs (which the Makefile asks for its targets), by `o2-cognito invoke` and by the tests.
 * CommonJS with JSDoc types, because an ES module of the build, the TypeScript CLI and jest all load it as is.
 */
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { parse } = require('yaml');

const LOGICAL_ID = /^[A-Z][A-Za-z0-9]*Function$/;
/** The resource types `sam build` builds with `Metadata.BuildMethod`. */
const FUNCTION_TYPES = new Set(['AWS::Lambda::Function', 'AWS::Serverless::Function']);

/**
 * The folder name of a function: its logical id without `Function`, in kebab-case.
 * @param {string} logicalId e.g. `EndpointCheckFunction`
 * @returns {string} e.g. `endpoint-check`
 */
function functionFolder(logicalId) {
  if (!LOGICAL_ID.test(logicalId)) {
    throw new Error(`${logicalId} is not a function logical id of this project; name it <Name>Function, e.g. TransformFunction.`);
  }
  return logicalId
    .slice(0, -'Function'.length)
    .replace(/(?<=[a-z0-9])(?=[A-Z])/g, '-')
    .toLowerCase();
}

/**
 * Where `npm run build` puts a function's bundle, relative to the project folder.
 * @param {string} logicalId
 * @returns {string} e.g. `dist/transform`
 */
function bundleDir(logicalId) {
  return `dist/${functionFolder(logicalId)}`;
}

/**
 * A function's entry point, relative to the project folder.
 * @param {string} logicalId
 * @returns {string} e.g. `functions/transform/index.ts`
 */
function entryFile(logicalId) {
  return `functions/${functionFolder(logicalId)}/index.ts`;
}

/**
 * @typedef {{ readonly id: string; readonly entry: string; readonly outdir: string; readonly runtime: string }} LambdaFunction
 */

/**
 * The functions `sam build` builds with the Makefile, in template order.
 * @param {{ readonly Resources?: Readonly<Record<string, unknown>>; readonly Globals?: unknown }} template a parsed template
 *   (the runtime of an `AWS::Serverless::Function` may come from `Globals.Function`)
 * @returns {LambdaFunction[]}
 */
function builtFunctions(template) {
  const globals = isRecord(template.Globals) && isRecord(template.Globals.Function) ? template.Globals.Function : {};
  /** @type {LambdaFunction[]} */
  const found = [];
  for (const [id, resource] of Object.entries(template.Resources ?? {})) {
    if (!isRecord(resource) || typeof resource.Type !== 'string' || !FUNCTION_TYPES.has(resource.Type)) continue;
    if (!isRecord(resource.Metadata) || resource.Metadata.BuildMethod !== 'makefile') continue;
    const properties = isRecord(resource.Properties) ? resource.Properties : {};
    found.push({ id, entry: entryFile(id), outdir: bundleDir(id), runtime: String(properties.Runtime ?? globals.Runtime ?? '') });
  }
  return found;
}

/**
 * Reads `template.yaml` of the project at `root` and lists its built functions. Only `Type`, `Metadata` and
 * `Runtime` are read, so the CloudFormation short-form tags (`!Ref`…) are left unresolved, silently.
 * @param {string} root the project folder
 * @returns {LambdaFunction[]}
 */
function readBuiltFunctions(root) {
  const text = readFileSync(path.join(root, 'template.yaml'), 'utf8');
  const functions = builtFunctions(parse(text, { logLevel: 'error', maxAliasCount: -1 }) ?? {});
  if (functions.length === 0) {
    throw new Error(`${path.join(root, 'template.yaml')} has no function with Metadata BuildMethod: makefile; add one.`);
  }
  return functions;
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

exports.functionFolder = functionFolder;
exports.bundleDir = bundleDir;
exports.entryFile = entryFile;
exports.builtFunctions = builtFunctions;
exports.readBuiltFunctions = readBuiltFunctions;
