// Parses SQL with sqlparser-rs (the parser OpenObserve runs, PostgreSQL dialect) through its WebAssembly
// build. A child process because the package is ESM with a WebAssembly init that jest's CommonJS VM cannot
// import. stdin: a JSON array of SQL texts; stdout: a JSON array of `null` (parsed into exactly one
// statement) or the parser's error message, in the same order.
import { init, parse } from '@guanmingchiu/sqlparser-ts';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const queries = JSON.parse(Buffer.concat(chunks).toString('utf8'));
await init();
const results = queries.map((sql) => {
  try {
    const statements = parse(sql, 'postgresql');
    return statements.length === 1 ? null : `parsed into ${statements.length} statements`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
});
process.stdout.write(JSON.stringify(results));
