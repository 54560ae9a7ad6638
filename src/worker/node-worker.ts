import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import { api } from './api.ts';

if (!parentPort) throw new Error('node-worker.ts must run inside a worker thread');
expose(api, nodeEndpoint(parentPort));
