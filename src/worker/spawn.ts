import { Worker } from 'node:worker_threads';
import { wrap, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import type { Api } from './api.ts';

export interface WorkerHandle {
  api: Remote<Api>;
  terminate(): Promise<void>;
}

/** Starts a simulation worker thread and wraps its API with comlink. */
export function spawnWorker(): WorkerHandle {
  const worker = new Worker(new URL('./node-entry.mjs', import.meta.url));
  const api = wrap<Api>(nodeEndpoint(worker));
  return {
    api,
    async terminate() {
      await worker.terminate();
    },
  };
}
