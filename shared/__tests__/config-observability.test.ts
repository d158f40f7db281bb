import { loadConfig } from '../config';

describe('the settings for logs, metrics and shutdown', () => {
  it('writes readable logs in development and JSON elsewhere, unless told', () => {
    expect(loadConfig({}).logFormat).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'production' }).logFormat).toBe('json');
    expect(loadConfig({ NODE_ENV: 'test' }).logFormat).toBe('json');
    expect(loadConfig({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
  });

  it('records metrics, shares reads and gives 10 s of grace by default', () => {
    expect(loadConfig({})).toMatchObject({ metrics: true, shareReads: true, shutdownGraceMs: 10_000 });
    expect(loadConfig({ METRICS_ENABLED: 'false', SHARD_SHARE_READS: 'false', SHUTDOWN_GRACE_MS: '0' })).toMatchObject({ metrics: false, shareReads: false, shutdownGraceMs: 0 });
  });

  it('names a setting it cannot read', () => {
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
    expect(() => loadConfig({ SHUTDOWN_GRACE_MS: '-1' })).toThrow(/SHUTDOWN_GRACE_MS/);
  });
});
