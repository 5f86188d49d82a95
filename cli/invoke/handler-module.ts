import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { compileFunction } from 'node:vm';

/** A parsed `Handler` property: `path/file.export` → file `path/file` (no extension), export path `['export']`. */
export interface HandlerSpec {
  readonly modulePath: string;
  readonly exportPath: readonly string[];
}

/**
 * Parses a Handler the way the Lambda Node.js runtime does (UserFunction.js): the folder part, then the
 * file name up to its first dot, then the (possibly nested, dot-separated) export. `undefined` when malformed.
 */
export function parseHandler(handler: string): HandlerSpec | undefined {
  const base = path.posix.basename(handler);
  const folder = handler.slice(0, handler.length - base.length);
  const match = /^([^.]+)\.(.+)$/.exec(base);
  if (!match) return undefined;
  return { modulePath: folder + match[1], exportPath: match[2]!.split('.') };
}

/** File extensions tried in order, as the runtime does for CommonJS (`.mjs` needs import(), not supported). */
export const HANDLER_EXTENSIONS = ['.js', '.cjs'] as const;

/** The handler's file inside `bundleDir`, or `undefined` when none of the extensions exists. */
export function findHandlerFile(bundleDir: string, spec: HandlerSpec): string | undefined {
  return HANDLER_EXTENSIONS.map((extension) => path.join(bundleDir, spec.modulePath + extension)).find((file) =>
    existsSync(file),
  );
}

/** What a loaded bundle sees as its globals `console` and `process`. */
export interface ModuleGlobals {
  readonly console: Console;
  readonly process: NodeJS.Process;
}

/**
 * Loads a CommonJS file afresh — a new module instance every call, never cached — with `console` and
 * `process` bound to `globals`, and resolves its own `require`s from its folder. The file reads its
 * configuration at load, so the caller sets the environment first.
 */
export function loadModuleFresh(file: string, globals: ModuleGlobals): unknown {
  const source = readFileSync(file, 'utf8').replace(/^#!.*/, '');
  const wrapper = compileFunction(
    source,
    ['exports', 'require', 'module', '__filename', '__dirname', 'console', 'process'],
    { filename: file },
  );
  const module = { exports: {} as unknown, id: file, filename: file, loaded: false };
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file), globals.console, globals.process);
  module.loaded = true;
  return module.exports;
}

/** Follows `exportPath` into the module's exports; `undefined` when a step is missing. */
export function exportAt(moduleExports: unknown, exportPath: readonly string[]): unknown {
  let value: unknown = moduleExports;
  for (const key of exportPath) {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
    value = Object.hasOwn(value, key) || key in value ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}
