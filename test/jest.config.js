/** API unit tests (beside the code) and end-to-end tests (test/e2e) against a real PostgreSQL. */
module.exports = {
  rootDir: '..',
  moduleFileExtensions: ['js', 'json', 'ts'],
  testEnvironment: 'node',
  testRegex: ['apps/api/.*\\.spec\\.ts$', 'libs/.*\\.spec\\.ts$', 'test/e2e/.*\\.e2e-spec\\.ts$'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: { '^@app/contracts(.*)$': '<rootDir>/libs/contracts/src$1', '^@app/edxml(.*)$': '<rootDir>/libs/edxml/src$1' },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
