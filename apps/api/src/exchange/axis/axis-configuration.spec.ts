import { AppConfig, ConfigError, loadConfig } from '../../platform/config/app-config';
import { Clock } from '../../platform/clock/clock';
import { AxisConnection } from './axis-connection';

const problemsOf = (environment: Record<string, string>): string[] => {
  try {
    loadConfig(environment);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('the axis connection from configuration', () => {
  it('is off without AXIS_ENDPOINT: nothing is sent or fetched', () => {
    const config = loadConfig({});
    expect(config.axisEnabled).toBe(false);
    expect(new AxisConnection(config, new Clock()).client).toBeNull();
  });

  it('is on with an endpoint and a secret; the centre id defaults to the organ id', () => {
    const config: AppConfig = loadConfig({ AXIS_ENDPOINT: 'https://axis.example.gov.vn/', AXIS_SECRET: 'a-secret-of-twenty-chars', ORGAN_ID: '000.00.00.G12' });
    expect(config.axisEnabled).toBe(true);
    const connection = new AxisConnection(config, new Clock());
    expect(connection.client).not.toBeNull();
    expect(connection.organId).toBe('000.00.00.G12');
    expect(config.AXIS_RETRY_DELAY_SECONDS).toBe(30);
  });

  it('names what is wrong, never showing the secret', () => {
    expect(problemsOf({ AXIS_ENDPOINT: 'https://axis.example.gov.vn/' })).toEqual(['AXIS_SECRET: is required when AXIS_ENDPOINT is set (not set)']);
    const short = problemsOf({ AXIS_ENDPOINT: 'https://axis.example.gov.vn/', AXIS_SECRET: 'short' });
    expect(short).toEqual([expect.stringMatching(/^AXIS_SECRET: .*\(got hidden\)$/)]);
    expect(problemsOf({ AXIS_ENDPOINT: 'not a url', AXIS_SECRET: 'a-secret-of-twenty-chars' })).toEqual([expect.stringMatching(/^AXIS_ENDPOINT: must be a URL/)]);
    expect(problemsOf({ AXIS_RETRY_DELAY_SECONDS: '0' })).toEqual([expect.stringMatching(/^AXIS_RETRY_DELAY_SECONDS: /)]);
  });
});
