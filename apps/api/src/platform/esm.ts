import { randomUUID } from 'node:crypto';

/**
 * Loads an ES-module-only package from this CommonJS build. TypeScript would turn a plain
 * `import()` into `require()`, which Jest's module system cannot do for ES modules; a real dynamic
 * import hidden in a Function works in Node and in Jest (run with --experimental-vm-modules).
 *
 * The Function's source is made unique per module instance on purpose: V8 reuses a compiled
 * Function for identical source, and under Jest the reused one would import through the test
 * environment that compiled it first, torn down by the next test file in the same worker.
 */
const dynamicImport = new Function('specifier', `return import(specifier); // ${randomUUID()}`) as <T>(specifier: string) => Promise<T>;

export function importEsm<T>(specifier: string): Promise<T> {
  return dynamicImport<T>(specifier);
}
