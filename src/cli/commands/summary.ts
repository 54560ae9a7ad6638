import { resolveRun, type RunRequest } from '../run-inputs.ts';
import { streamRun } from '../stream-run.ts';

/**
 * `glocal summary`: runs a world's scenario headless (no files) and prints what happened: each
 * headline indicator at the start, its lowest and highest value with the week, and at the end;
 * the losses against the same-seed reference.
 */
export async function summaryCommand(request: RunRequest, quiet = false): Promise<string> {
  const resolved = resolveRun(request);
  for (const warning of resolved.warnings) process.stderr.write(`${warning}\n`);
  const { spec } = resolved;
  const { info, summary, agents } = await streamRun(resolved, { quiet });
  return [
    `Glocal — ${spec.world}, scenario "${spec.scenarioName}", seed ${spec.seed}, ${spec.weeks} weeks, ${agents.toLocaleString('en')} agents at the end (${info.agents.toLocaleString('en')} at the start)`,
    '',
    ...summary.table(spec.paired),
    '',
    'Nothing was written. Run a scenario and keep the results:',
    `  npx glocal run --world ${spec.world} --scenario ${spec.world === 'two-hubs' ? 'hub-lockdown' : 'covid-2020'} --seed 1 --out results/my-run`,
    'Every parameter, with units and sources: npx glocal params',
    ...(spec.world === 'world-2019' ? ['Country data: Free data from Gapminder.org (CC-BY 4.0).'] : []),
  ].join('\n');
}
