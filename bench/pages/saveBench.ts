// Runs inside Chromium (built by bench/vite.bench.config.ts): the real store and domain, timed against
// a plain Dexie put of the same plaintext. Only timings leave the page.
import { Dexie } from 'dexie';
import { reportSchema } from '../../src/domain/report';
import type { ReportInput } from '../../src/domain/report';
import { openDalaStore } from '../../src/store/openDalaStore';
import type { BenchApi, SaveTimings } from './benchApi';

const passphrase = 'correct horse battery staple steppe';
const warmUpRounds = 1;
const batchSize = 10;

/** A report of the size a monitor types in the field: a paragraph of narrative and the required fields. */
function sampleReport(i: number): ReportInput {
  const sentence = `At ${6 + (i % 12)}:10 four officers in plain clothes came to the flat of an activist and asked him to come to the station. `;
  return {
    id: crypto.randomUUID(),
    incidentType: 'police_visit',
    when: { value: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}T06:10`, precision: 'exact' },
    where: { city: 'Almaty', region: 'Almaty', venue: `Flat ${i}` },
    narrative: sentence.repeat(6),
    actors: ['police'],
    freedoms: ['association'],
  };
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

async function measureSave(rounds: number): Promise<SaveTimings> {
  const runId = crypto.randomUUID();
  const store = openDalaStore({ dbName: `bench-save-${runId}` });
  const created = await store.createVault(passphrase);
  if (!created.ok) throw new Error(`createVault failed: ${created.reason}`);
  const session = created.value;
  // The same durability as the store, so the ratio is the cost of validation, encryption and the outbox.
  const plain = new Dexie(`bench-plain-${runId}`, { chromeTransactionDurability: 'strict' });
  plain.version(1).stores({ reports: 'id' });

  const saveMs: number[] = [];
  const plainPutMs: number[] = [];
  const parseMs: number[] = [];
  let n = 0;
  // Batches, because performance.now() is coarsened to 0.1 ms outside cross-origin isolation; rounds
  // alternate between the two sides so that drift in the machine's speed affects both alike.
  for (let round = 0; round < warmUpRounds + rounds; round += 1) {
    const inputs = Array.from({ length: batchSize }, () => sampleReport((n += 1)));
    const save = await timed(async () => {
      for (const input of inputs) {
        const result = await session.saveReport(reportSchema.parse(input));
        if (!result.ok) throw new Error(`saveReport failed: ${result.reason}`);
      }
    });
    const plainReports = Array.from({ length: batchSize }, () => reportSchema.parse(sampleReport((n += 1))));
    const put = await timed(async () => {
      for (const report of plainReports) await plain.table('reports').put(report);
    });
    const parse = await timed(async () => {
      for (const input of inputs) reportSchema.parse(input);
    });
    if (round >= warmUpRounds) {
      saveMs.push(save / batchSize);
      plainPutMs.push(put / batchSize);
      parseMs.push(parse / batchSize);
    }
  }
  session.lock();
  store.close();
  plain.close();
  return { saveMs, plainPutMs, parseMs };
}

async function measureUnlock(runs: number): Promise<number[]> {
  const store = openDalaStore({ dbName: `bench-unlock-${crypto.randomUUID()}` });
  const created = await store.createVault(passphrase);
  if (!created.ok) throw new Error(`createVault failed: ${created.reason}`);
  created.value.lock();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    let session: { lock(): void } | undefined;
    times.push(
      await timed(async () => {
        const result = await store.unlock(passphrase);
        if (!result.ok) throw new Error(`unlock failed: ${result.reason}`);
        session = result.value;
      }),
    );
    session?.lock();
  }
  store.close();
  return times;
}

const api: BenchApi = { measureSave, measureUnlock };
window.dalaBench = api;
document.getElementById('status')?.replaceChildren('ready');
