/** Prints the shard `glocal sweep` takes from SLURM_ARRAY_TASK_* (the cluster test's preflight). */
import { shardFromSlurm } from '../../src/sweep/shard.ts';

const shard = shardFromSlurm(process.env);
console.log(shard ? `shard ${shard.index} of ${shard.count}` : 'no shard: not inside a Slurm array job');
