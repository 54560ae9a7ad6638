// Starts the TypeScript worker inside a worker thread: tsx's loader is registered first
// (Node 20 does not accept it through execArgv), then the worker module is imported.
import { register } from 'tsx/esm/api';

register();
await import('./node-worker.ts');
