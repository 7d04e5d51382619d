/**
 * The files `argosy init` writes: a small, complete project that synthesizes, validates and
 * tests green as written. `{{name}}` and `{{version}}` are filled in by {@link scaffoldFiles}.
 */
const TEMPLATES: Readonly<Record<string, string>> = {
  'package.json': `{
  "name": "{{name}}",
  "version": "0.1.0",
  "private": true,
  "type": "module",
  "argosy": { "app": "pipelines/index.ts" },
  "scripts": {
    "check": "argosy check",
    "synth": "argosy synth",
    "validate": "argosy validate",
    "test": "node --import tsx --test test/project.test.ts"
  },
  "dependencies": {
    "argosy": "^{{version}}"
  },
  "devDependencies": {
    "@types/node": "^20.19.0",
    "tsx": "^4.20.0",
    "typescript": "^5.9.0"
  }
}
`,
  'tsconfig.json': `{
  "compilerOptions": {
    "target": "ES2022",
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "lib": ["ES2023"],
    "types": ["node"],
    "strict": true,
    "noEmit": true,
    "allowImportingTsExtensions": true,
    "verbatimModuleSyntax": true,
    "skipLibCheck": true
  },
  "include": ["components", "pipelines", "test"]
}
`,
  '.gitignore': 'node_modules/\n',
  'components/prepare.ts': `import { artifact, component, param } from 'argosy';

/** A container component: exports one day of events as a Parquet dataset. */
export const prepare = component('prepare', {
  description: 'Export the events of one day as a Parquet dataset.',
  image: 'ghcr.io/example/warehouse-tools:1.0.0', // pinned: no latest, no untagged
  inputs: { day: param.string() },
  outputs: { dataset: artifact('Dataset') },
  command: (io) => ['warehouse-export', '--day', io.inputs.day, '--out', io.outputs.dataset.path],
  resources: { cpu: '500m', memory: '1Gi' },
});
`,
  'components/train.ts': `import { readFileSync } from 'node:fs';
import { artifact, component, param } from 'argosy';

/**
 * A Python script component: scripts/train.py reads each input from INPUT_<PORT> and writes each
 * output to the path in OUTPUT_<PORT> (port names in upper snake case).
 */
export const train = component('train', {
  description: 'Train a model on a dataset.',
  image: 'python:3.12-slim',
  inputs: { dataset: artifact('Dataset'), learningRate: param.float().default(0.1) },
  outputs: { model: artifact('Model'), auc: param.float() },
  script: { source: readFileSync(new URL('./scripts/train.py', import.meta.url), 'utf8') },
  resources: { cpu: '1', memory: '2Gi' },
});
`,
  'components/scripts/train.py': `"""Trains a (placeholder) model: replace the body with your training code."""
import json
import os

dataset = os.environ["INPUT_DATASET"]
learning_rate = float(os.environ["INPUT_LEARNING_RATE"])

with open(os.environ["OUTPUT_MODEL"], "w") as f:
    json.dump({"trained_on": dataset, "learning_rate": learning_rate}, f)
with open(os.environ["OUTPUT_AUC"], "w") as f:
    f.write("0.5")
`,
  'pipelines/training.ts': `import { cron, param, pipeline, runtime, schedule } from 'argosy';
import { prepare } from '../components/prepare.ts';
import { train } from '../components/train.ts';

/** The training pipeline: tasks wired by typed references (a Model into a Dataset would not compile). */
export const training = pipeline('training', { params: { day: param.string() } }, (p, params) => {
  const data = p.task('prepare', prepare, { day: params.day });
  p.task('train', train, { dataset: data.outputs.dataset });
});

/** Runs the pipeline every Monday at 03:00 on the previous day's data. */
export const weeklyTraining = schedule(training, {
  name: 'training-weekly',
  cron: cron.weekly({ day: 'mon', hour: 3 }),
  args: { day: \`\${runtime.scheduledTime}\` },
});
`,
  'pipelines/serving.ts': `import { analysis, below, canary, errorRate, kserve, latencyP99, metric, minutes, modelDeployment } from 'argosy';

/** The model on KServe; a new version goes to 10 %, then 50 %, gated by error rate and latency. */
export const scorer = modelDeployment('scorer', {
  prometheus: 'http://prometheus.monitoring:9090',
  serving: kserve({
    format: 'sklearn',
    storageUri: 's3://models/scorer/v1',
    version: 'v1',
    resources: { cpu: '1', memory: '2Gi' },
  }),
  strategy: canary({
    candidate: { version: 'v2', storageUri: 's3://models/scorer/v2' },
    steps: [{ weight: 10, pause: minutes(10) }, { weight: 50, pause: minutes(10) }],
    analysis: analysis({
      interval: minutes(1),
      metrics: [
        metric.prometheus('error-rate', { query: errorRate(), success: below(0.01) }),
        metric.prometheus('p99-latency', { query: latencyP99(), success: below(0.5) }),
      ],
    }),
  }),
});
`,
  'pipelines/index.ts': `import { app, environment, project } from 'argosy';
import { scorer } from './serving.ts';
import { training, weeklyTraining } from './training.ts';

/** The project \`argosy synth\` builds (package.json "argosy": { "app" } points here). */
export default project('{{name}}', {
  environments: [
    environment('staging', { namespace: 'ml-staging', suspendSchedules: true }),
    environment('production', { namespace: 'ml-production' }),
  ],
  apps: [app('ml', { pipelines: [training], schedules: [weeklyTraining], deployments: [scorer] })],
});
`,
  'test/project.test.ts': `import assert from 'node:assert/strict';
import { test } from 'node:test';
import { synth } from 'argosy/testing';
import project from '../pipelines/index.ts';

test('GIVEN the project WHEN synthesized THEN production runs the training weekly and staging pauses it', () => {
  const out = synth(project);
  const prod = out.find('CronWorkflow', 'training-weekly', { env: 'production' });
  const staging = out.find('CronWorkflow', 'training-weekly', { env: 'staging' });
  assert.deepEqual((prod.spec as { schedules: string[] }).schedules, ['0 3 * * 1']);
  assert.equal((staging.spec as { suspend?: boolean }).suspend, true);
});

test('GIVEN the project WHEN synthesized THEN the scorer is a KServe InferenceService with its canary analysis', () => {
  const out = synth(project);
  assert.ok(out.find('InferenceService', 'scorer', { env: 'production' }));
  assert.ok(out.findAll('AnalysisTemplate', { env: 'production' }).length > 0);
});
`,
  '.github/workflows/argosy.yml': `# Type-check, synthesize and validate on every push and pull request; on a pull request,
# post the object-level diff of the synthesized YAML as a comment.
name: argosy
on: [push, pull_request]
permissions:
  contents: read
  pull-requests: write
jobs:
  argosy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with: { fetch-depth: 0 }
      - uses: actions/setup-node@v4
        with: { node-version: 22, cache: npm }
      - run: npm ci
      - run: npx argosy check
      - run: npm test
      - run: npx argosy synth --check
      - run: npx argosy validate
      - if: github.event_name == 'pull_request'
        run: npx argosy diff --base origin/\${{ github.base_ref }} --format markdown --output argosy-diff.md || true
      - if: github.event_name == 'pull_request'
        env: { GH_TOKEN: \${{ github.token }} }
        run: gh pr comment \${{ github.event.pull_request.number }} --body-file argosy-diff.md --edit-last || gh pr comment \${{ github.event.pull_request.number }} --body-file argosy-diff.md
`,
};

/**
 * The scaffold's files for a project called `name`, depending on argosy `version`.
 *
 * @example
 * ```ts
 * scaffoldFiles('churn', '0.1.0').get('package.json'); // '{ "name": "churn", ... }'
 * ```
 */
export function scaffoldFiles(name: string, version: string): Map<string, string> {
  return new Map(
    Object.entries(TEMPLATES).map(([path, text]) => [
      path,
      text.replaceAll('{{name}}', name).replaceAll('{{version}}', version),
    ]),
  );
}
