'use strict';
/**
 * Preloaded (`node --require tests/helpers/offline.cjs …`) into a child process a test starts: every DNS
 * lookup of a name other than localhost fails with ENOTFOUND, as on a machine without a network, so that
 * the example hosts of a sample event (and AWS's endpoints) are never resolved or reached from a test,
 * and the outcome is the same on a laptop with internet access as in CI. IP literals need no lookup and
 * are not affected; the test that uses this keeps them to loopback.
 */
const dns = require('node:dns');

const LOCAL_NAMES = new Set(['localhost', 'localhost.']);
const notFound = (hostname) => Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', errno: -3008, syscall: 'getaddrinfo', hostname });
const isLocal = (hostname) => typeof hostname === 'string' && (LOCAL_NAMES.has(hostname.toLowerCase()) || require('node:net').isIP(hostname) !== 0);

const lookup = dns.lookup;
dns.lookup = function offlineLookup(hostname, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  if (isLocal(hostname)) return lookup.call(this, hostname, options, callback);
  process.nextTick(() => done(notFound(hostname)));
  return {};
};

const lookupPromise = dns.promises.lookup;
dns.promises.lookup = async function offlineLookupPromise(hostname, options) {
  if (isLocal(hostname)) return lookupPromise.call(this, hostname, options);
  throw notFound(hostname);
};
