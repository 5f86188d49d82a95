/**
 * Two rules of the Lambda code that nothing else checks. The transform core (`functions/transform/` except
 * `index.ts`) is pure: it reads no environment, clock, randomness or console and does no I/O, so that a test
 * gives it every input as an argument and a replay runs it as Lambda does; `index.ts` is the edge that
 * reads them. And each function's folder uses only itself and `functions/shared/`, and `functions/shared/`
 * uses no function's folder, so that shared code has one home and a bundle carries no other function's code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../../..');
const FUNCTIONS = path.join(ROOT, 'functions');
const TRANSFORM = path.join(FUNCTIONS, 'transform');

/**
 * Modules from outside its folder the core may use: pure computation, the log level names the settings parse,
 * and the Lambda wire types of @types/aws-lambda (types only: there is no `aws-lambda` module to bundle).
 */
const CORE_MAY_IMPORT = new Set(['node:buffer', 'node:crypto', '../shared/logger', 'aws-lambda']);
/** Globals whose use means the environment, the clock, randomness, the console, a timer or I/O. */
const IMPURE_GLOBALS = new Set(['process', 'console', 'performance', 'setTimeout', 'setInterval', 'setImmediate', 'fetch', 'require']);
const IMPURE_MEMBERS = new Set(['Date.now', 'Math.random']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

/** Every module specifier a file imports or re-exports. */
function specifiers(source: ts.SourceFile): string[] {
  return source.statements.flatMap((statement) =>
    (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier !== undefined && ts.isStringLiteral(statement.moduleSpecifier)
      ? [statement.moduleSpecifier.text]
      : [],
  );
}

/**
 * The impure globals a file's code (not its comments) uses, as `name (line n)`: `process.env` counts as
 * `process`, `x.process` (a property of something else) does not.
 */
function impureUses(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    const parent = node.parent as ts.Node | undefined;
    const isMemberName = parent !== undefined && (ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent)) && parent.name === node;
    if (ts.isIdentifier(node) && IMPURE_GLOBALS.has(node.text) && !isMemberName) found.push(`${node.text} (line ${line})`);
    if (ts.isPropertyAccessExpression(node) && IMPURE_MEMBERS.has(node.getText(source))) found.push(`${node.getText(source)} (line ${line})`);
    if (ts.isNewExpression(node) && node.expression.getText(source) === 'Date' && (node.arguments?.length ?? 0) === 0) found.push(`new Date() (line ${line})`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the transform core', () => {
  const core = sourceFiles(TRANSFORM).filter((file) => path.basename(file) !== 'index.ts');

  test('finds the core and sees an impure use where there is one', () => {
    expect(core.length).toBeGreaterThan(20);
    const edge = impureUses(parse(path.join(TRANSFORM, 'index.ts')));
    expect(edge.some((use) => use.startsWith('process'))).toBe(true);
    const sample = ts.createSourceFile('x.ts', 'const a = Date.now(); const b = new Date(); const c = new Date(0); const d = x.process; const e = process.env.X; // console.log', ts.ScriptTarget.Latest, true);
    expect(impureUses(sample)).toEqual(['Date.now (line 1)', 'new Date() (line 1)', 'process (line 1)']);
  });

  test('reads no environment, clock, randomness, console or timer', () => {
    const uses = core.flatMap((file) => impureUses(parse(file)).map((use) => `${path.relative(ROOT, file)}: ${use}`));
    expect(uses).toEqual([]);
  });

  test('imports nothing from outside its folder but pure Node.js modules and the log level names', () => {
    const outside = core.flatMap((file) =>
      specifiers(parse(file))
        .filter((specifier) => !specifier.startsWith('./') && !CORE_MAY_IMPORT.has(specifier))
        .map((specifier) => `${path.relative(ROOT, file)} → ${specifier}`),
    );
    expect(outside).toEqual([]);
  });
});

/** What a function folder may use besides itself and functions/shared/: the record's definition, which the pack's queries are checked against. */
const ALSO_ALLOWED = new Set(['transform/schema']);

describe('function folders', () => {
  const folders = readdirSync(FUNCTIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

  test('each uses only itself and functions/shared/, and functions/shared/ no function folder but the schema', () => {
    // Prepare
    expect(folders).toEqual(expect.arrayContaining(['endpoint-check', 'pack-install', 'shared', 'transform']));

    // Act
    const crossings = folders.flatMap((folder) =>
      sourceFiles(path.join(FUNCTIONS, folder)).flatMap((file) =>
        specifiers(parse(file))
          .filter((specifier) => specifier.startsWith('.'))
          .map((specifier) => path.relative(FUNCTIONS, path.resolve(path.dirname(file), specifier)).split(path.sep).join('/'))
          .filter((target) => {
            const top = target.split('/')[0] ?? '';
            return top !== folder && top !== 'shared' && folders.includes(top) && !ALSO_ALLOWED.has(target);
          })
          .map((target) => `functions/${folder}/${path.relative(path.join(FUNCTIONS, folder), file)} → functions/${target}`),
      ),
    );

    // Assess
    expect(crossings).toEqual([]);
  });
});
