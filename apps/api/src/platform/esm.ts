/**
 * Loads an ES-module-only package from this CommonJS build. TypeScript would turn a plain
 * `import()` into `require()`, which Jest's module system cannot do for ES modules; a real
 * dynamic import works in Node and in Jest (run with --experimental-vm-modules).
 */
const dynamicImport = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;

export function importEsm<T>(specifier: string): Promise<T> {
  return dynamicImport<T>(specifier);
}
