/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type-checking is done once by `tsc --noEmit` in `npm test`; the transform only strips types.
    '^.+\\.ts$': 'ts-jest',
  },
  testTimeout: 20000,
};
