import { request } from 'node:http';
import type { Agent } from 'node:http';
import type { SealedBundle } from '../src/bundle/sealBundle';
import { relayPaths } from '../src/protocol/relayPaths';

export interface PutTarget {
  readonly relay: string;
  readonly mailboxId: string;
  readonly uploadToken: string;
}

function putOne(agent: Agent, target: PutTarget, bundle: SealedBundle): Promise<{ status: number; body: string }> {
  const url = new URL(`${target.relay}${relayPaths.bundle(target.mailboxId, bundle.id)}`);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'PUT',
        agent,
        headers: { authorization: `Bearer ${target.uploadToken}`, 'content-type': 'application/octet-stream', 'content-length': bundle.bytes.length },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(bundle.bytes);
  });
}

/**
 * PUTs every bundle to the mailbox with `concurrency` requests in flight over the agent's connections
 * (node:http: Node's fetch costs the client about a millisecond a request, which would hide the relay's
 * own cost; pass a keep-alive agent), and throws unless each was newly stored (201): a benchmark that counted refusals would lie.
 */
export async function putBundles(agent: Agent, target: PutTarget, bundles: readonly SealedBundle[], concurrency: number): Promise<void> {
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) throw new RangeError(`putBundles: concurrency must be >= 1, got ${concurrency}`);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < bundles.length) {
      const bundle = bundles[next] as SealedBundle;
      next += 1;
      const { status, body } = await putOne(agent, target, bundle);
      if (status !== 201) throw new Error(`putBundles: the relay answered ${status} ${body}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, bundles.length) }, worker));
}
