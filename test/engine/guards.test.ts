import { runInNewContext } from 'node:vm';
import { ConfigError, isConfigError, isInvalidRecordError, isScoringError } from '../../src/index';

describe('error guards', () => {
  it('recognise an error built by a copy of the class in another realm', () => {
    const foreign = runInNewContext(`
      class ScoringError extends Error { get isScoringError() { return true; } }
      const e = new ScoringError('bad config'); e.code = 'E_CONFIG'; e;
    `) as unknown;
    expect(foreign instanceof Error).toBe(false);
    expect(isScoringError(foreign)).toBe(true);
    expect(isConfigError(foreign)).toBe(true);
    expect(isInvalidRecordError(foreign)).toBe(false);
  });

  it('recognise local errors and reject look-alikes without the brand', () => {
    expect(isConfigError(new ConfigError([{ path: 'x', message: 'y' }]))).toBe(true);
    expect(isScoringError(new Error('x'))).toBe(false);
    expect(isScoringError({ code: 'E_CONFIG' })).toBe(false);
    expect(isScoringError(null)).toBe(false);
  });
});
