import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Any load of the seed's data library fails the test: a deployment that is not seeded must not need it.
jest.mock('@faker-js/faker', () => {
  throw new Error('the seed’s library was loaded');
});

describe('a cluster deployment without its seed', () => {
  it('starts, migrates its database and serves, never loading the seed or its libraries', async () => {
    const { createClusterSubgraph } = await import('../../subgraphs/cluster/src/index.js');
    const { prepareClusterDatabase } = await import('../../scripts/run-network.js');
    const { createLogger } = await import('../../shared/logger.js');
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itro-seed-apart-'));
    const logger = createLogger('test', 'silent');
    try {
      const dataSource = await prepareClusterDatabase(['banat'], `sqlite:${path.join(folder, 'banat.sqlite')}`, 'never', 1, logger);
      const subgraph = await createClusterSubgraph({ dataSource, clusterIds: ['banat'], logger, gatewayAssertion: 'off' });
      expect(Object.keys(subgraph.sdl).sort()).toEqual(['members', 'participation', 'projects']);
      expect(await dataSource.query('SELECT COUNT(*) AS n FROM members')).toEqual([{ n: 0 }]);
      await subgraph.stop();
      await dataSource.destroy();
      // Seeding is what loads it.
      await expect(prepareClusterDatabase(['banat'], `sqlite:${path.join(folder, 'seeded.sqlite')}`, 'always', 1, logger)).rejects.toThrow('the seed’s library was loaded');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
