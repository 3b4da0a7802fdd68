import { openEmbedded, servedBackend } from './backend_fixtures.js';
import { describeBackendContract } from './contract_suite.js';
import { everyRequestFailsOnce } from './fault_injection.js';

/**
 * One contract suite, three ways of reaching the same behaviour: the embedded backend called directly; the
 * reference server over a real socket through the HTTP client; and the same through a network that fails every
 * request once (a reply lost after the backend acted, or a 503), where the client's retries and the backend's
 * idempotency keys must make the difference invisible.
 */

describeBackendContract('embedded', async (file, clock) => {
  const backend = openEmbedded(file, clock);
  return { backend, close: () => backend.close() };
});

describeBackendContract('reference server over HTTP', async (file, clock) => {
  const served = await servedBackend(file, clock);
  return { backend: served.client, close: served.close };
});

describeBackendContract(
  'HTTP client through a network that fails every request once',
  async (file, clock) => {
    const served = await servedBackend(file, clock, { wrap: everyRequestFailsOnce() });
    return { backend: served.client, close: served.close };
  },
);
