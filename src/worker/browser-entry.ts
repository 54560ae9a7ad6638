import { expose } from 'comlink';
import { api } from './api.ts';

/** The browser Web Worker: the same API object the CLI drives over worker_threads. */
expose(api);
