import { Command, CommanderError, Option } from 'commander';
import { runSynth } from './commands/synth.ts';
import { EXIT_USAGE, processIO, type CommandIO } from './report.ts';

/** Parses argv and dispatches to a command; all logic lives in the commands. Returns the exit code. */
export async function main(argv: readonly string[], io: CommandIO = processIO()): Promise<number> {
  let code = 0;
  const program = new Command()
    .name('argosy')
    .description('Typed ML pipelines and model deployments for Kubernetes, synthesized to plain YAML.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError();

  program
    .command('synth')
    .description('synthesize the project into dist/<environment>/<app>/<kind>.<name>.yaml')
    .option('--app <file>', 'module that default-exports the project', 'pipelines/index.ts')
    .option('--out <dir>', 'output directory (cdk8s synth passes CDK8S_OUTDIR)', process.env.CDK8S_OUTDIR ?? 'dist')
    .option('--check', 'write nothing; exit 1 if the output directory is stale')
    .addOption(new Option('--target <backend>', 'pipeline backend').choices(['argo', 'kfp']).default('argo'))
    .action(async (opts: { app: string; out: string; check?: boolean; target: 'argo' | 'kfp' }) => {
      code = await runSynth(opts, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_USAGE;
    throw e;
  }
  return code;
}
