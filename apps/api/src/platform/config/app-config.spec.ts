import { ConfigError, loadConfig } from './app-config';

const problems = (environment: Record<string, string>) => {
  try {
    loadConfig(environment);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('configuration', () => {
  it('has defaults that start a development machine with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, UPLOAD_MAX_BYTES: 100 * 1024 * 1024, CORS_ORIGINS: [], ORGAN_ID: '000.00.00.G10' });
    expect(config.storageDriver).toBe('local');
    expect(config.demoSeed).toBe(true);
    expect(config.cookieSecure).toBe(false);
    expect(config.oidcEnabled).toBe(false);
  });

  it('reads numbers, booleans and lists from their text', () => {
    const config = loadConfig({ PORT: '8080', DEMO_SEED: 'no', CORS_ORIGINS: 'https://a.gov.vn, https://b.gov.vn', S3_ENDPOINT: 'http://minio:9000', S3_ACCESS_KEY: 'k', S3_SECRET_KEY: 's' });
    expect(config.PORT).toBe(8080);
    expect(config.demoSeed).toBe(false);
    expect(config.CORS_ORIGINS).toEqual(['https://a.gov.vn', 'https://b.gov.vn']);
    expect(config.storageDriver).toBe('s3');
  });

  it('names every wrong variable once, with what is wrong and what was given', () => {
    expect(problems({ PORT: '70000', LOG_LEVEL: 'loud', UPLOAD_MAX_BYTES: '-1', DEMO_SEED: 'maybe', ORGAN_ID: 'abc' })).toEqual([
      expect.stringMatching(/^PORT: must not be greater than 65535 \(got "70000"\)$/),
      expect.stringMatching(/^LOG_LEVEL: .* \(got "loud"\)$/),
      expect.stringMatching(/^UPLOAD_MAX_BYTES: .*\(got "-1"\)$/),
      expect.stringMatching(/^DEMO_SEED: .*boolean.*\(got "maybe"\)$/),
      expect.stringMatching(/^ORGAN_ID: must be an organ id such as 000.00.00.G10 \(got "abc"\)$/),
    ]);
  });

  it('never prints a secret it refuses', () => {
    const [problem] = problems({ JWT_SECRET: 'short-secret' });
    expect(problem).toMatch(/^JWT_SECRET: .*\(got hidden\)$/);
    expect(problem).not.toContain('short-secret');
  });

  it('asks for what production, S3 and single sign-on need', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual([expect.stringContaining('JWT_SECRET: is required in production')]);
    expect(problems({ STORAGE_DRIVER: 's3' })).toHaveLength(3);
    expect(problems({ OIDC_ISSUER: 'https://sso.example.gov.vn' })).toEqual([
      expect.stringContaining('OIDC_CLIENT_ID'),
      expect.stringContaining('OIDC_CLIENT_SECRET'),
      expect.stringContaining('OIDC_REDIRECT_URI'),
    ]);
    const production = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    expect(production.cookieSecure).toBe(true);
    expect(production.demoSeed).toBe(false);
  });
});
