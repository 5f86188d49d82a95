import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportAt, findHandlerFile, loadModuleFresh, parseHandler } from '../../../../cli/invoke/handler-module';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'o2-handler-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(relative: string, text: string): string {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

const globals = { console, process };

describe('parseHandler', () => {
  test('splits file and export the way the Lambda runtime does', () => {
    expect(parseHandler('index.handler')).toEqual({ modulePath: 'index', exportPath: ['handler'] });
    expect(parseHandler('src/app.main')).toEqual({ modulePath: 'src/app', exportPath: ['main'] });
    expect(parseHandler('lib/app.handlers.transform')).toEqual({ modulePath: 'lib/app', exportPath: ['handlers', 'transform'] });
  });

  test('rejects a handler without a file or an export', () => {
    expect(parseHandler('index')).toBeUndefined();
    expect(parseHandler('.handler')).toBeUndefined();
    expect(parseHandler('index.')).toBeUndefined();
  });
});

describe('findHandlerFile', () => {
  test('finds index.js, then a .cjs file, and nothing when neither exists', () => {
    const js = write('index.js', '');
    const cjs = write('lib/app.cjs', '');

    expect(findHandlerFile(dir, { modulePath: 'index', exportPath: ['handler'] })).toBe(js);
    expect(findHandlerFile(dir, { modulePath: 'lib/app', exportPath: ['main'] })).toBe(cjs);
    expect(findHandlerFile(dir, { modulePath: 'missing', exportPath: ['x'] })).toBeUndefined();
  });
});

describe('loadModuleFresh', () => {
  test('runs the module again on every load, reading the environment of that moment', () => {
    const file = write('index.js', '"use strict";\nexports.mode = process.env.O2_TEST_LOAD_MODE;\n');
    process.env.O2_TEST_LOAD_MODE = 'first';
    const first = loadModuleFresh(file, globals);
    process.env.O2_TEST_LOAD_MODE = 'second';
    const second = loadModuleFresh(file, globals);
    delete process.env.O2_TEST_LOAD_MODE;

    expect(exportAt(first, ['mode'])).toBe('first');
    expect(exportAt(second, ['mode'])).toBe('second');
  });

  test('gives the module the console it is handed, and a require relative to its file', () => {
    write('lib/helper.js', 'module.exports = { value: 41 };\n');
    const file = write('index.js', '#!/usr/bin/env node\nconst h = require("./lib/helper");\nconsole.log("loaded");\nmodule.exports = { answer: h.value + 1 };\n');
    const lines: unknown[] = [];
    const fakeConsole = { log: (...args: unknown[]) => lines.push(args) } as unknown as Console;

    const exports = loadModuleFresh(file, { console: fakeConsole, process });

    expect(exportAt(exports, ['answer'])).toBe(42);
    expect(lines).toEqual([['loaded']]);
  });
});

describe('exportAt', () => {
  test('follows a nested export path and gives undefined for a missing step', () => {
    const moduleExports = { handlers: { transform: 'fn' } };

    expect(exportAt(moduleExports, ['handlers', 'transform'])).toBe('fn');
    expect(exportAt(moduleExports, ['handlers', 'missing'])).toBeUndefined();
    expect(exportAt(moduleExports, ['nothing', 'deeper'])).toBeUndefined();
  });
});
