import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { ApplyCommandOptions } from './commands/apply.ts';
import type { ClusterCommandOptions } from './commands/cluster-cli.ts';
import type { RunCommandOptions } from './commands/run-local.ts';
import type { StubsCommandOptions } from './import/import-command.ts';
import type { UploadCommandOptions } from './commands/upload.ts';
import { EXIT_USAGE, processIO, type CommandIO } from './command-io.ts';

const APP_HELP =
  'module that default-exports the project (default: "argosy": { "app" } of package.json, else pipelines/index.ts)';

function positiveInt(flag: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError(`${flag} takes a whole number of characters (got ${v})`);
  return n;
}

/** The options of every command that talks to a cluster through a kubeconfig context. */
function clusterOptions(cmd: Command): Command {
  return cmd
    .option('--kubeconfig <file>', 'kubeconfig file (default: $KUBECONFIG or ~/.kube/config)')
    .option('--context <name>', 'kubeconfig context (default: the current one)')
    .option('-n, --namespace <name>', "namespace (default: --env's, else the context's, else default)")
    .option('--env <environment>', "an environment of the project: its namespace (loads --app's project)")
    .option('--app <file>', APP_HELP);
}

const collect = (v: string, all: string[] = []): string[] => [...all, v];

/**
 * Parses argv and dispatches to a command; all logic lives in the commands, loaded on use so a
 * command does not pay for the others' dependencies (the Kubernetes client, the YAML engine). Returns the exit code.
 */
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
    .option('--app <file>', APP_HELP)
    .option('--out <dir>', 'output directory (cdk8s synth passes CDK8S_OUTDIR)', process.env.CDK8S_OUTDIR ?? 'dist')
    .option('--check', 'write nothing; exit 1 if the output directory is stale')
    .addOption(new Option('--target <backend>', 'pipeline backend').choices(['argo', 'kfp']).default('argo'))
    .option('--validate', 'validate the objects as `argosy validate` would, before writing; write nothing on errors')
    .option('--schema-location <dir>', 'JSON Schemas for --validate (default: the `argosy schemas pull` cache)')
    .action(
      async (opts: {
        app?: string;
        out: string;
        check?: boolean;
        target: 'argo' | 'kfp';
        validate?: boolean;
        schemaLocation?: string;
      }) => {
        code = await (await import('./commands/synth.ts')).runSynth(opts, io);
      },
    );

  program
    .command('init')
    .description('scaffold a new project (components, a pipeline, a schedule, a deployment, tests, CI) in dir')
    .argument('[dir]', 'where to create it', '.')
    .option('--force', 'overwrite files that already exist')
    .action(async (dir: string, opts: { force?: boolean }) => {
      code = (await import('./commands/init.ts')).runInit(dir, opts, io);
    });

  program
    .command('check')
    .description("type-check the project with its tsconfig, then build it: tsc's and the DSL's errors, nothing written")
    .option('--app <file>', APP_HELP)
    .option('--project <tsconfig>', 'the tsconfig of the project', 'tsconfig.json')
    .action(async (opts: { app?: string; project: string }) => {
      code = await (await import('./commands/check.ts')).runCheck(opts, io);
    });

  program
    .command('validate')
    .description(
      "check YAML (a directory, files, or - for stdin) against schemas, Argo's rules, policy and size budgets, and KFP documents against KFP's rules",
    )
    .argument('[paths...]', 'directories, files or - (default: dist)')
    .option(
      '--schema-location <dir>',
      'JSON Schemas laid out as <group>/<kind>_<version>.json, and KFP .proto files under kfp/ (default: the `argosy schemas pull` cache)',
    )
    .option(
      '--skip <layers-or-rules>',
      'comma-separated layers (schema, argo, metadata, policy, size, kfp, stubs) or rule ids to skip',
      (v: string) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
    )
    .addOption(
      new Option('--policy-level <severity>', 'severity of policy findings')
        .choices(['error', 'warning'])
        .default('error'),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(
      new Option('--external-refs <severity>', 'templateRefs/workflowTemplateRefs to templates not among the inputs')
        .choices(['error', 'warn'])
        .default('error'),
    )
    .option(
      '--stubs <paths>',
      'warn when templates that stub modules (or directories of them) describe have drifted from their YAML files (repeatable)',
      collect,
    )
    .option('--cluster', "with --stubs: also compare the stubs with the kubeconfig's cluster")
    .option('--kubeconfig <file>', 'with --cluster: kubeconfig file (default: $KUBECONFIG or ~/.kube/config)')
    .option('--context <name>', 'with --cluster: kubeconfig context (default: the current one)')
    .option(
      '-n, --namespace <name>',
      "with --cluster: namespace of WorkflowTemplates whose stub records none (default: the context's, else default)",
    )
    .action(
      async (
        paths: string[],
        opts: {
          schemaLocation?: string;
          skip?: string[];
          policyLevel: 'error' | 'warning';
          format: 'text' | 'json';
          externalRefs: 'error' | 'warn';
          stubs?: string[];
          cluster?: boolean;
          kubeconfig?: string;
          context?: string;
          namespace?: string;
        },
      ) => {
        code = await (await import('./commands/validate.ts')).runValidate(paths, opts, io);
      },
    );

  program
    .command('diff')
    .description('object-level diff of the synthesized project against a git ref, or of two directories')
    .argument('[dirs...]', 'two directories to compare instead of synthesizing')
    .option('--base <ref>', 'git ref to compare the working tree with', 'HEAD')
    .option('--app <file>', APP_HELP)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown']).default('text'))
    .option('--output <file>', 'write the diff to this file instead of stdout (only when the comparison completed)')
    .option('--full-output <file>', 'also write the uncapped diff to this file (e.g. a CI artifact)')
    .option(
      '--max-chars <n>',
      'cap of the markdown output in characters; 0 for none',
      (v: string) => positiveInt('--max-chars', v),
      60_000,
    )
    .action(
      async (
        dirs: string[],
        opts: {
          base: string;
          app?: string;
          format: 'text' | 'markdown';
          output?: string;
          fullOutput?: string;
          maxChars: number;
        },
      ) => {
        code = await (await import('./commands/diff.ts')).runDiff(dirs, opts, io);
      },
    );

  program
    .command('graph')
    .description(
      "draw a pipeline (tasks, artifacts on edges, conditions and loops) or a model deployment's strategy as Mermaid or DOT",
    )
    .argument('<name>', 'pipeline or deployment name (kind/name when both exist, e.g. deployment/churn)')
    .option('--app <file>', APP_HELP)
    .option('--env <environment>', 'environment to draw it from (default: the first that has it)')
    .addOption(new Option('--format <format>', 'output format').choices(['mermaid', 'dot']).default('mermaid'))
    .action(async (name: string, opts: { app?: string; env?: string; format: 'mermaid' | 'dot' }) => {
      code = await (await import('./commands/graph.ts')).runGraph(name, opts, io);
    });

  program
    .command('import')
    .description(
      'convert Argo Workflows YAML (Workflow, WorkflowTemplate, ClusterWorkflowTemplate, CronWorkflow) to Argosy TypeScript, one file per object',
    )
    .argument('<paths...>', 'YAML files, directories or - for stdin')
    .option('--out <dir>', 'write <object name>.ts files here (default: print them)')
    .option(
      '--dsl <module>',
      "module the generated code imports the Argo-native API from (default: this project's dsl/argo, else argosy/argo)",
    )
    .addOption(
      new Option(
        '--style <style>',
        'argo: the Argo-native API; pipeline: the ML pipeline() form where a workflow is a plain DAG of container templates (others stay Argo-native, with a note)',
      )
        .choices(['argo', 'pipeline'])
        .default('argo'),
    )
    .action(async (paths: string[], opts: { out?: string; dsl?: string; style: 'argo' | 'pipeline' }) => {
      code = await (await import('./import/import-command.ts')).runImport(paths, opts, io);
    });

  program
    .command('stubs')
    .description(
      'write a TypeScript module of typed templateRefs to WorkflowTemplates / ClusterWorkflowTemplates you do not own',
    )
    .argument('[paths...]', 'YAML files, directories or - for stdin (or --from-cluster)')
    .option('--out <file>', 'write the module here (default: print it)')
    .option(
      '--dsl <module>',
      "module the stub imports the Argo-native API from (default: this project's dsl/argo, else argosy/argo)",
    )
    .option('--from-cluster', "read them from the kubeconfig's cluster instead of files")
    .option('--kubeconfig <file>', 'with --from-cluster: kubeconfig file (default: $KUBECONFIG or ~/.kube/config)')
    .option('--context <name>', 'with --from-cluster: kubeconfig context (default: the current one)')
    .option(
      '-n, --namespace <name>',
      "with --from-cluster: namespace of the WorkflowTemplates (default: the context's, else default)",
    )
    .option('-A, --all-namespaces', 'with --from-cluster: WorkflowTemplates of every namespace')
    .option('-l, --selector <labels>', 'with --from-cluster: only templates with these labels (team=data,tier!=dev)')
    .action(async (paths: string[], opts: StubsCommandOptions) => {
      code = await (await import('./import/import-command.ts')).runStubs(paths, opts, io);
    });

  program
    .command('schemas')
    .description('manage the JSON Schemas argosy validate uses')
    .command('pull')
    .description("fetch the current cluster's CRD schemas once and cache them for offline validation")
    .option(
      '--out <dir>',
      'where to write them (default: $ARGOSY_SCHEMA_CACHE, else $XDG_CACHE_HOME/argosy/schemas, else ~/.cache/argosy/schemas)',
    )
    .option('--kubeconfig <file>', 'kubeconfig file (default: $KUBECONFIG or ~/.kube/config)')
    .option('--context <name>', 'kubeconfig context (default: the current one)')
    .action(async (opts: { out?: string; kubeconfig?: string; context?: string }) => {
      code = await (await import('./commands/schemas-pull.ts')).runSchemasPull(opts, io);
    });

  program
    .command('apply')
    .description(
      'server-side apply YAML (default dist/) to the current kube context in Argo CD sync order; --dry-run=server checks without storing',
    )
    .argument('[paths...]', 'directories, files or - (default: dist)')
    .option('--dry-run <mode>', 'server: the API server checks everything and stores nothing; none: apply', 'none')
    .option('--kubeconfig <file>', 'kubeconfig file (default: $KUBECONFIG or ~/.kube/config)')
    .option('--context <name>', 'kubeconfig context (default: the current one)')
    .option('-n, --namespace <name>', "for objects that name none (default: the context's namespace, else default)")
    .option('--force-conflicts', 'take over fields that other field managers own')
    .action(async (paths: string[], opts: ApplyCommandOptions) => {
      code = await (await import('./commands/apply.ts')).runApply(paths, opts, io);
    });

  program
    .command('run')
    .description('run a pipeline on this machine: script steps as processes, container steps under docker or podman')
    .argument('<pipeline>', 'pipeline name')
    .option('--local', 'run here rather than on a cluster (the only mode)')
    .option('-p, --param <name=value>', 'a pipeline parameter, typed by its declaration (repeatable)', collect)
    .option('--workdir <dir>', 'where the steps leave outputs and logs (default .argosy/runs/<pipeline>-<time>)')
    .option('--parallelism <n>', 'steps running at once (default: the CPU count)')
    .option('--no-cache', 'run every step, reusing no earlier outputs')
    .option('--cache-dir <dir>', 'where outputs are cached (default .argosy/cache)')
    .option('--no-containers', 'use no container runtime: fail up front if a step needs one')
    .option(
      '--command <step=program args>',
      'run a step with a local program and the same environment (repeatable)',
      collect,
    )
    .option('--value <kind:name/key=value>', 'a secret or ConfigMap value a step reads (repeatable)', collect)
    .option('--python <interpreter>', 'interpreter for Python scripts (default: their own, python3)')
    .option('--app <file>', APP_HELP)
    .option('--env <environment>', 'environment to take the pipeline from (default: the first that has it)')
    .action(async (name: string, opts: RunCommandOptions) => {
      const live = io.color ? { tty: true, write: (t: string) => void process.stdout.write(t) } : {};
      code = await (await import('./commands/run-local.ts')).runRunLocal(name, opts, { ...io, ...live });
    });
  clusterOptions(
    program
      .command('submit')
      .description(
        "start a run of a pipeline's WorkflowTemplate; parameters are checked against its typed params first",
      )
      .argument('<pipeline>', 'pipeline name')
      .option('-p, --param <name=value>', 'a parameter (repeatable)', collect)
      .option('--watch', 'follow the run; exit 0 when it succeeds, 1 when it fails')
      .option('--inline', 'submit the whole synthesized workflow (for a WorkflowTemplate not applied yet)'),
  ).action(
    async (name: string, opts: ClusterCommandOptions & { param?: string[]; watch?: boolean; inline?: boolean }) => {
      code = await (await import('./commands/submit.ts')).runSubmit(name, opts, io);
    },
  );

  clusterOptions(
    program
      .command('runs')
      .description('list the runs of a namespace, or get, delete, stop or retry one')
      .argument('<action>', 'list, get, delete, stop or retry')
      .argument('[run]', 'run name (all actions but list)')
      .option('--pipeline <name>', 'list: only runs of this pipeline')
      .option('--phase <phase>', 'list: only runs in this phase (Pending, Running, Succeeded, Failed, Error)')
      .option('--limit <n>', 'list: at most this many, newest first', (v: string) => positiveInt('--limit', v))
      .option('--watch', 'get, retry: follow the run until it ends'),
  ).action(
    async (
      action: string,
      run: string | undefined,
      opts: ClusterCommandOptions & { pipeline?: string; phase?: string; limit?: number; watch?: boolean },
    ) => {
      code = await (await import('./commands/runs.ts')).runRuns(action, run, opts, io);
    },
  );

  clusterOptions(
    program
      .command('logs')
      .description("print the logs of a run's tasks, each line prefixed with its task")
      .argument('<run>', 'run name')
      .option('--task <name>', 'only this task')
      .option('-f, --follow', 'keep streaming while the tasks run'),
  ).action(async (run: string, opts: ClusterCommandOptions & { task?: string; follow?: boolean }) => {
    code = await (await import('./commands/logs.ts')).runLogs(run, opts, io);
  });

  clusterOptions(
    program
      .command('trigger')
      .description("start a run of a schedule now (its CronWorkflow's workflow, as argo cron trigger)")
      .argument('<schedule>', 'schedule name')
      .option('--watch', 'follow the run; exit 0 when it succeeds, 1 when it fails'),
  ).action(async (schedule: string, opts: ClusterCommandOptions & { watch?: boolean }) => {
    code = await (await import('./commands/trigger.ts')).runTrigger(schedule, opts, io);
  });

  program
    .command('upload')
    .description(
      'upload what argosy synth --target kfp wrote to Kubeflow Pipelines: pipelines (a new version when the spec changed) and recurring runs',
    )
    .argument('[paths...]', 'directories or files: pipelinespec.*.yaml and recurringrun.*.yaml (default: dist)')
    .addOption(new Option('--target <backend>', 'where to upload').choices(['kfp']).makeOptionMandatory())
    .option('--host <url>', 'KFP API address (default: $KFP_HOST, else $KF_PIPELINES_ENDPOINT)')
    .option('-n, --namespace <name>', 'KFP namespace (multi-user KFP: the profile namespace; default: none)')
    .option('--token-file <file>', 'file holding a bearer token for an auth proxy (default: $KFP_TOKEN)')
    .option('--dry-run', 'print the requests an upload into an empty KFP would send; send nothing')
    .action(async (paths: string[], opts: UploadCommandOptions) => {
      code = await (await import('./commands/upload.ts')).runUpload(paths, opts, io);
    });

  for (const [action, description] of [
    [
      'status',
      "a model deployment's live state: Rollout phase, step, weights and analysis, or InferenceService traffic and its promotion run",
    ],
    [
      'promote',
      'promote a paused Rollout to its next step (--full: to the end), or resume the KServe promotion run at its approval or pause',
    ],
    ['abort', "abort a Rollout's update, or stop the KServe promotion run: traffic goes back to the stable version"],
  ] as const) {
    const cmd = clusterOptions(
      program
        .command(action)
        .description(description)
        .argument('<deployment>', 'deployment (Rollout or InferenceService) name'),
    );
    if (action === 'promote') cmd.option('--full', 'Rollouts: skip the remaining steps, pauses and analysis');
    cmd.action(async (name: string, opts: ClusterCommandOptions & { full?: boolean }) => {
      code = await (await import('./commands/deployment.ts')).runDeployment(action, name, opts, io);
    });
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_USAGE;
    throw e;
  }
  return code;
}
