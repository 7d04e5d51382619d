import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { me } from '../../synth/writer-lock.ts';
import { cli, type MisuseCase } from './case.ts';

const APP = 'test/fixtures/docs/mini-training.ts';
const GEN = 'dist/dev/mini/workflowtemplate.mini-training.yaml';
const synth = (...more: string[]): string[] => ['synth', '--app', APP, '--out', '{dir}/dist', ...more];
// Schemas skipped: whether a schema cache exists must not change the answer.
const validate = (...paths: string[]): string[] => ['validate', '--skip', 'schema', ...paths.map((p) => `{dir}/${p}`)];

/** A billion-laughs Workflow of about 700 bytes. */
const BOMB = (() => {
  const lines = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i++)
    lines.push(
      `l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  return `apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: bomb}\nspec:\n  ${lines.join('\n  ')}\n`;
})();

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok, namespace: a}\ndata: {a: b}\n';
const deployment = (env: string): string => `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: a}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
      containers:
      - name: api
        image: ghcr.io/acme/api:1.0.0
        resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 64Mi}}
        securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
        env: [${env}]
`;
const cronWorkflow = (schedule: string): string => `apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
metadata: {name: nightly, namespace: a}
spec:
  schedules: ['${schedule}']
  workflowSpec:
    entrypoint: main
    securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
    templates:
    - name: main
      container:
        image: alpine:3.20
        resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 64Mi}}
        securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
`;

const generated = (dir: string): void => {
  execFileSync(process.execPath, ['synth/bin.mjs', 'synth', '--app', APP, '--out', join(dir, 'dist')], {
    stdio: 'ignore',
  });
};

/** CLI misuse: usage mistakes, hostile YAML, and output trees synth must not damage. */
export const CLI_CASES: readonly MisuseCase[] = [
  // Usage (exit 2).
  cli('unknown command', ['frobnicate'], {}, 2, ["error: unknown command 'frobnicate'"]),
  cli('validate a path that does not exist', validate('nope'), {}, 2, [
    '✗ {dir}/nope: no such file or directory (got {dir}/nope). Pass existing files or directories, - for stdin, or run `argosy synth` first to write dist/.',
  ]),
  cli('validate skipping the parser', ['validate', '--skip', 'yaml', '{dir}'], {}, 2, [
    '✗ --skip yaml: parse errors cannot be skipped (got yaml). A file that does not parse was not checked at all: fix it, or leave it out of the paths.',
  ]),
  cli('validate skipping an unknown rule', ['validate', '--skip', 'nope', '{dir}'], {}, 2, [
    '✗ --skip nope: no such layer or rule (got nope). Pass any of schema, argo, rollouts, metadata, policy, size, kfp, stubs, schema/strict, schema/missing, argo/semantics, argo/external-ref, rollouts/managed-routes, rollouts/step-fields, rollouts/services, rollouts/analysis-refs, rollouts/experiment, rollouts/blue-green, rollouts/analysis-metrics, kfp/upload, kfp/lint, kfp/proto, kfp/recurring-run, metadata/object, metadata/api-version, metadata/kind, metadata/name, metadata/labels, metadata/annotations, policy/pss-restricted, policy/pinned-image, policy/resources, policy/inline-secret, size/budget, stubs/drift.',
  ]),
  cli('validate a directory without YAML', validate('.'), { 'README.md': '# hi\n' }, 2, [
    '✗ {dir}/.: no Kubernetes objects to validate (got 0 YAML files, 0 documents). Pass the directory holding the manifests, or run `argosy synth` first.',
  ]),
  cli('validate with a missing schema location', ['validate', '--schema-location', '{dir}/none', '{dir}'], {}, 2, [
    '✗ --schema-location {dir}/none: directory not found. Pass a directory laid out as <group>/<kind>_<version>.json, or run `argosy schemas pull`.',
  ]),
  cli('synth an app that does not exist', ['synth', '--app', '{dir}/nope.ts', '--out', '{dir}/dist'], {}, 2, [
    '✗ {dir}/nope.ts: app entry not found (got {dir}/nope.ts). Pass --app <file> pointing at the module that default-exports project(...), or set "argosy": { "app": "<file>" } in package.json.',
  ]),
  cli('graph without a name', ['graph'], {}, 2, ["error: missing required argument 'name'"]),
  cli('apply with an unknown dry-run mode', ['apply', '--dry-run', 'client', '{dir}'], { 'a.yaml': CM }, 2, [
    '✗ --dry-run=client: not supported (got client). Pass --dry-run=server, or leave it out to apply; a client-side dry run checks nothing a cluster would, use `argosy validate` for offline checks.',
  ]),
  cli('validate with an unknown format', ['validate', '--format', 'xml', '{dir}'], { 'a.yaml': CM }, 2, [
    "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json.",
  ]),
  // Hostile YAML (exit 1, one finding per file, the rest checked).
  cli('validate an alias bomb', validate('bomb.yaml'), { 'bomb.yaml': BOMB }, 1, [
    '{dir}/bomb.yaml',
    '    error   yaml/parse: a document expands to more than 16 MiB once its aliases are resolved (got an alias bomb, or an object far over the 3 MiB Kubernetes accepts). Write repeated values out, or use fewer nested aliases',
    '✗ 0 objects checked: 1 error, 0 warnings',
  ]),
  cli('validate an alias cycle', validate('cycle.yaml'), { 'cycle.yaml': `${CM}extra: &x {b: *x}\n` }, 1, [
    '{dir}/cycle.yaml',
    '    error   yaml/parse: an alias refers to a node that contains it (got a cycle). Kubernetes cannot represent it: write the value out instead of the alias',
    '✗ 0 objects checked: 1 error, 0 warnings',
  ]),
  cli(
    'validate latin-1 bytes',
    validate('l1.yaml'),
    { 'l1.yaml': Buffer.from(`${CM}  note: caf\xe9\n`, 'latin1') },
    1,
    [
      '{dir}/l1.yaml',
      '    error   yaml/parse: not valid UTF-8 (got byte 0xe9 at line 5, column 12). Kubernetes rejects such manifests: save the file as UTF-8',
      '✗ 0 objects checked: 1 error, 0 warnings',
    ],
  ),
  cli(
    'validate a lone UTF-8 continuation byte',
    validate('c.yaml'),
    { 'c.yaml': Buffer.from([0x61, 0x3a, 0x20, 0x80, 0x0a]) },
    1,
    [
      '{dir}/c.yaml',
      '    error   yaml/parse: not valid UTF-8 (got byte 0x80 at line 1, column 4). Kubernetes rejects such manifests: save the file as UTF-8',
      '✗ 0 objects checked: 1 error, 0 warnings',
    ],
  ),
  cli(
    'validate a *.yaml symlink loop beside a good file',
    validate('.'),
    { 'ok.yaml': CM, loop: (d) => symlinkSync('loop.yaml', join(d, 'loop.yaml')) },
    1,
    [
      '{dir}/loop.yaml',
      '    error   yaml/parse: cannot be read: a symlink loop (got ELOOP). Fix or remove the file, or leave it out of the paths',
      '✗ 1 object checked: 1 error, 0 warnings',
    ],
  ),
  cli(
    'validate a FIFO named *.yaml beside a good file',
    validate('.'),
    { 'ok.yaml': CM, fifo: (d) => execFileSync('mkfifo', [join(d, 'pipe.yaml')]) },
    0,
    [
      '{dir}/pipe.yaml',
      '    warning yaml/parse: skipped: not a regular file (got a FIFO). Only regular files are read; rename it if it is not meant as YAML input',
      '✓ 1 object checked: 0 errors, 1 warning',
    ],
  ),
  cli(
    'validate a dangling *.yaml symlink',
    validate('.'),
    { 'ok.yaml': CM, link: (d) => symlinkSync('gone.yaml', join(d, 'dangling.yaml')) },
    1,
    [
      '{dir}/dangling.yaml',
      '    error   yaml/parse: cannot be read: no such file (a dangling symlink, or removed while reading) (got ENOENT). Fix or remove the file, or leave it out of the paths',
      '✗ 1 object checked: 1 error, 0 warnings',
    ],
  ),
  cli(
    'validate a file over 64 MiB',
    validate('huge.yaml'),
    { 'huge.yaml': '', grow: (d) => truncateSync(join(d, 'huge.yaml'), 65 * 1024 * 1024) },
    1,
    [
      '{dir}/huge.yaml',
      '    error   yaml/parse: file is larger than Argosy reads (got 65 MiB, the limit is 64 MiB). Split it: Kubernetes accepts no object over 3 MiB',
      '✗ 0 objects checked: 1 error, 0 warnings',
    ],
  ),
  cli('validate broken YAML syntax', validate('bad.yaml'), { 'bad.yaml': 'a: [1, 2\n' }, 1, [
    '{dir}/bad.yaml',
    '    error   yaml/parse: not valid YAML: unexpected end of the stream within a flow collection in "{dir}/bad.yaml" (2:3)',
    '✗ 0 objects checked: 1 error, 0 warnings',
  ]),
  cli('validate a tab-indented mapping', validate('tab.yaml'), { 'tab.yaml': 'a:\n\tb: 1\n' }, 1, [
    '{dir}/tab.yaml',
    '    error   yaml/parse: not valid YAML: tab characters must not be used in indentation in "{dir}/tab.yaml" (2:1)',
    '✗ 0 objects checked: 1 error, 0 warnings',
  ]),
  cli('validate a CronWorkflow on February 30', validate('cron.yaml'), { 'cron.yaml': cronWorkflow('0 3 30 2 *') }, 1, [
    '{dir}/cron.yaml',
    '  CronWorkflow nightly',
    '    error   argo/semantics: cron schedule 0 3 30 2 * is malformed: (project): cron never fires: no month in "2" has day 30 (got "0 3 30 2 *"). Pick a day every listed month has (1-28 fits all of them, 30 all but February), or list the months that have it.',
    '✗ 1 object checked: 1 error, 0 warnings',
  ]),
  cli('validate a CronWorkflow on April 31', validate('cron.yaml'), { 'cron.yaml': cronWorkflow('0 3 31 4 *') }, 1, [
    '{dir}/cron.yaml',
    '  CronWorkflow nightly',
    '    error   argo/semantics: cron schedule 0 3 31 4 * is malformed: (project): cron never fires: no month in "4" has day 31 (got "0 3 31 4 *"). Pick a day every listed month has (1-28 fits all of them, 30 all but February), or list the months that have it.',
    '✗ 1 object checked: 1 error, 0 warnings',
  ]),
  cli(
    'validate a CronWorkflow on February 29 only',
    validate('cron.yaml'),
    { 'cron.yaml': cronWorkflow('0 3 29 2 *') },
    0,
    [
      '{dir}/cron.yaml',
      '  CronWorkflow nightly',
      '    warning argo/semantics spec.schedules[0]: cron "0 3 29 2 *" fires only on February 29, once in four years. Pick a day every year has (e.g. 28), unless that is the point',
      '✓ 1 object checked: 0 errors, 1 warning',
    ],
  ),
  cli(
    'validate an inline AWS key',
    validate('d.yaml'),
    { 'd.yaml': deployment('{name: S3_CONFIG, value: AKIAIOSFODNN7EXAMPLE}') },
    1,
    [
      '{dir}/d.yaml',
      '  Deployment api',
      '    error   policy/inline-secret spec.template.spec.containers[0].env[0].value: env S3_CONFIG holds what looks like a credential (an AWS access key id) inline; it ends up in git and in the pod spec. Use valueFrom.secretKeyRef (secretKey() in Argosy)',
      '✗ 1 object checked: 1 error, 0 warnings',
    ],
  ),
  cli(
    'validate a database URL with a password',
    validate('d.yaml'),
    { 'd.yaml': deployment("{name: DATABASE_URL, value: 'postgres://admin:hunter2@db:5432/app'}") },
    1,
    [
      '{dir}/d.yaml',
      '  Deployment api',
      '    error   policy/inline-secret spec.template.spec.containers[0].env[0].value: env DATABASE_URL holds a URL with a password in it inline; it ends up in git and in the pod spec. Use valueFrom.secretKeyRef (secretKey() in Argosy)',
      '✗ 1 object checked: 1 error, 0 warnings',
    ],
  ),
  cli(
    'validate an inline password',
    validate('d.yaml'),
    { 'd.yaml': deployment('{name: DB_PASSWORD, value: hunter2}') },
    1,
    [
      '{dir}/d.yaml',
      '  Deployment api',
      '    error   policy/inline-secret spec.template.spec.containers[0].env[0].value: env DB_PASSWORD holds what its name says is a secret inline; it ends up in git and in the pod spec. Use valueFrom.secretKeyRef (secretKey() in Argosy)',
      '✗ 1 object checked: 1 error, 0 warnings',
    ],
  ),
  cli(
    'validate a random token under a key-like name',
    validate('d.yaml'),
    { 'd.yaml': deployment('{name: SIGNING_KEY, value: q8Vf2LmZ0xT7rW4kP1sN9bYc}') },
    1,
    [
      '{dir}/d.yaml',
      '  Deployment api',
      '    error   policy/inline-secret spec.template.spec.containers[0].env[0].value: env SIGNING_KEY holds a random-looking token under a key-like name inline; it ends up in git and in the pod spec. Use valueFrom.secretKeyRef (secretKey() in Argosy)',
      '✗ 1 object checked: 1 error, 0 warnings',
    ],
  ),
  // Output trees (synth / --check).
  cli('synth --out that is a file', synth(), { dist: 'a file\n' }, 1, [
    '  synthesized dev/mini (1 file)',
    '⚠ component "extract" (task "extract" of pipeline "mini-training") sets no requests.cpu, requests.memory, limits.memory, so `argosy validate` reports policy/resources on its pods. Set resources: { cpu, memory } on the component or the task',
    '✗ {dir}/dist: the output path exists and is not a directory (got a file). Move it away or pass --out <dir>.',
  ]),
  cli('synth --out below a file', ['synth', '--app', APP, '--out', '{dir}/afile/sub'], { afile: '' }, 1, [
    '  synthesized dev/mini (1 file)',
    '⚠ component "extract" (task "extract" of pipeline "mini-training") sets no requests.cpu, requests.memory, limits.memory, so `argosy validate` reports policy/resources on its pods. Set resources: { cpu, memory } on the component or the task',
    '✗ {dir}/afile/sub: a part of the path is a file, not a directory (got ENOTDIR). Move that file away or pass --out <dir>.',
  ]),
  cli('synth --out that is a symlink loop', synth(), { loop: (d) => symlinkSync('dist', join(d, 'dist')) }, 1, [
    '  synthesized dev/mini (1 file)',
    '⚠ component "extract" (task "extract" of pipeline "mini-training") sets no requests.cpu, requests.memory, limits.memory, so `argosy validate` reports policy/resources on its pods. Set resources: { cpu, memory } on the component or the task',
    '✗ {dir}/dist: a symlink loop (got ELOOP). Fix or remove the link, or pass --out <dir>.',
  ]),
  cli(
    'synth --out that is a dangling symlink',
    synth(),
    { link: (d) => symlinkSync(join(d, 'nowhere'), join(d, 'dist')) },
    1,
    [
      '  synthesized dev/mini (1 file)',
      '⚠ component "extract" (task "extract" of pipeline "mini-training") sets no requests.cpu, requests.memory, limits.memory, so `argosy validate` reports policy/resources on its pods. Set resources: { cpu, memory } on the component or the task',
      '✗ {dir}/dist: the output directory is a symlink to nothing (got {dir}/nowhere). Create its target or pass --out <dir>.',
    ],
  ),
  cli('synth over a user file at a generated path', synth(), { [GEN]: 'mine\n' }, 1, [
    '  synthesized dev/mini (1 file)',
    '⚠ component "extract" (task "extract" of pipeline "mini-training") sets no requests.cpu, requests.memory, limits.memory, so `argosy validate` reports policy/resources on its pods. Set resources: { cpu, memory } on the component or the task',
    '✗ {dir}/dist/dev/mini/workflowtemplate.mini-training.yaml: file exists and was not generated by Argosy (got no "# Generated by Argosy ..." first line). Move it away or rename the object; if Argosy wrote it and its header line was removed, delete it. Argosy never overwrites files it did not write.',
  ]),
  cli('synth --check over a user file at a generated path', synth('--check'), { [GEN]: 'mine\n' }, 1, [
    '  synthesized dev/mini (1 file)',
    '⚠ component "extract" (task "extract" of pipeline "mini-training") sets no requests.cpu, requests.memory, limits.memory, so `argosy validate` reports policy/resources on its pods. Set resources: { cpu, memory } on the component or the task',
    '✗ {dir}/dist/dev/mini/workflowtemplate.mini-training.yaml: file exists and was not generated by Argosy (got no "# Generated by Argosy ..." first line). Move it away or rename the object; if Argosy wrote it and its header line was removed, delete it. Argosy never overwrites files it did not write.',
  ]),
  cli(
    'synth over a generated file whose header was removed',
    synth(),
    { gen: generated, strip: (d) => stripHeader(join(d, GEN)) },
    1,
    [
      '  synthesized dev/mini (1 file)',
      '⚠ component "extract" (task "extract" of pipeline "mini-training") sets no requests.cpu, requests.memory, limits.memory, so `argosy validate` reports policy/resources on its pods. Set resources: { cpu, memory } on the component or the task',
      '✗ {dir}/dist/dev/mini/workflowtemplate.mini-training.yaml: file exists and was not generated by Argosy (got no "# Generated by Argosy ..." first line). Move it away or rename the object; if Argosy wrote it and its header line was removed, delete it. Argosy never overwrites files it did not write.',
    ],
  ),
  cli(
    'synth --check over a generated file whose header was removed',
    synth('--check'),
    { gen: generated, strip: (d) => stripHeader(join(d, GEN)) },
    1,
    [
      '  synthesized dev/mini (1 file)',
      '⚠ component "extract" (task "extract" of pipeline "mini-training") sets no requests.cpu, requests.memory, limits.memory, so `argosy validate` reports policy/resources on its pods. Set resources: { cpu, memory } on the component or the task',
      '✗ {dir}/dist/dev/mini/workflowtemplate.mini-training.yaml: file exists and was not generated by Argosy (got no "# Generated by Argosy ..." first line). Move it away or rename the object; if Argosy wrote it and its header line was removed, delete it. Argosy never overwrites files it did not write.',
    ],
  ),
  cli(
    'synth where a symlink replaces a generated file',
    synth(),
    { gen: generated, link: (d) => replaceWithLink(join(d, GEN)) },
    1,
    [
      '  synthesized dev/mini (1 file)',
      '⚠ component "extract" (task "extract" of pipeline "mini-training") sets no requests.cpu, requests.memory, limits.memory, so `argosy validate` reports policy/resources on its pods. Set resources: { cpu, memory } on the component or the task',
      '✗ {dir}/dist/dev/mini/workflowtemplate.mini-training.yaml: is a symlink where Argosy writes dev/mini/workflowtemplate.mini-training.yaml (got a link to /etc/hostname). Replace it with a real file or remove it; Argosy never writes through symlinks.',
    ],
  ),
  cli(
    'synth where a directory sits at a generated path',
    synth(),
    { dir: (d) => mkdirSync(join(d, GEN), { recursive: true }) },
    1,
    [
      '  synthesized dev/mini (1 file)',
      '⚠ component "extract" (task "extract" of pipeline "mini-training") sets no requests.cpu, requests.memory, limits.memory, so `argosy validate` reports policy/resources on its pods. Set resources: { cpu, memory } on the component or the task',
      '✗ {dir}/dist/dev/mini/workflowtemplate.mini-training.yaml: a directory is where Argosy writes a file (got a directory). Move it away or rename the object.',
    ],
  ),
  cli(
    'synth while another synth holds the lock',
    synth(),
    {
      gen: generated,
      edit: (d) => editGenerated(join(d, GEN)),
      lock: (d) => writeFileSync(join(d, 'dist/.argosy-lock'), JSON.stringify(me())),
    },
    1,
    [
      '  synthesized dev/mini (1 file)',
      '⚠ component "extract" (task "extract" of pipeline "mini-training") sets no requests.cpu, requests.memory, limits.memory, so `argosy validate` reports policy/resources on its pods. Set resources: { cpu, memory } on the component or the task',
      `✗ {dir}/dist/.argosy-lock: another argosy synth is writing this directory (got pid ${process.pid}). Wait for it to finish, or delete the lock file if no synth runs.`,
    ],
  ),
  cli(
    'synth --check on a hand-edited file',
    synth('--check'),
    { gen: generated, edit: (d) => editGenerated(join(d, GEN)) },
    1,
    [
      'stale    {dir}/dist/dev/mini/workflowtemplate.mini-training.yaml',
      '  synthesized dev/mini (1 file)',
      '⚠ component "extract" (task "extract" of pipeline "mini-training") sets no requests.cpu, requests.memory, limits.memory, so `argosy validate` reports policy/resources on its pods. Set resources: { cpu, memory } on the component or the task',
      '✗ {dir}/dist/ is out of date: 1 file(s) differ. Run `argosy synth` and commit the result.',
    ],
  ),
  cli(
    'synth over a stale lock of a dead run',
    synth(),
    {
      gen: generated,
      edit: (d) => editGenerated(join(d, GEN)),
      lock: (d) =>
        writeFileSync(join(d, 'dist/.argosy-lock'), JSON.stringify({ tool: 'argosy', pid: 2 ** 22 + 7, start: null })),
    },
    0,
    [
      '✓ wrote {dir}/dist/: 1 file (0 new, 1 changed, 0 removed)',
      '  synthesized dev/mini (1 file)',
      '⚠ component "extract" (task "extract" of pipeline "mini-training") sets no requests.cpu, requests.memory, limits.memory, so `argosy validate` reports policy/resources on its pods. Set resources: { cpu, memory } on the component or the task',
      '⚠ took over .argosy-lock, left by an interrupted run',
    ],
  ),
  cli(
    'diff two directories, one holding an alias bomb',
    ['diff', '{dir}/a', '{dir}/b'],
    { 'a/bomb.yaml': BOMB, 'b/ok.yaml': CM },
    2,
    [
      '✗ {dir}/a/bomb.yaml: a document expands to more than 16 MiB once its aliases are resolved (got an alias bomb, or an object far over the 3 MiB Kubernetes accepts). Write repeated values out, or use fewer nested aliases. Fix the file or compare other directories.',
      '✗ argosy diff could not compare the trees (exit 2); nothing was written.',
    ],
  ),
  cli(
    'diff two directories, one holding latin-1 bytes',
    ['diff', '{dir}/a', '{dir}/b'],
    { 'a/ok.yaml': CM, 'b/l1.yaml': Buffer.from(`${CM}  note: caf\xe9\n`, 'latin1') },
    2,
    [
      '✗ {dir}/b/l1.yaml: not valid UTF-8 (got byte 0xe9 at line 5, column 12). Kubernetes rejects such manifests: save the file as UTF-8. Fix the file or compare other directories.',
      '✗ argosy diff could not compare the trees (exit 2); nothing was written.',
    ],
  ),
  cli('apply an alias bomb', ['apply', '--dry-run', 'server', '{dir}/bomb.yaml'], { 'bomb.yaml': BOMB }, 2, [
    '✗ {dir}/bomb.yaml: a document expands to more than 16 MiB once its aliases are resolved (got an alias bomb, or an object far over the 3 MiB Kubernetes accepts). Write repeated values out, or use fewer nested aliases (got 1 file that does not parse). Fix the YAML; nothing was sent.',
  ]),
  cli(
    'validate a directory holding a symlink to itself',
    validate('.'),
    { 'ok.yaml': CM, loop: (d) => symlinkSync('.', join(d, 'self')) },
    0,
    ['✓ 1 object checked: 0 errors, 0 warnings'],
  ),
  cli(
    'synth over a FIFO the user keeps in the tree',
    synth(),
    { gen: generated, fifo: (d) => execFileSync('mkfifo', [join(d, 'dist/pipe')]) },
    0,
    [
      '✓ wrote {dir}/dist/: 1 file (0 new, 0 changed, 0 removed, nothing to do)',
      '  synthesized dev/mini (1 file)',
      '⚠ component "extract" (task "extract" of pipeline "mini-training") sets no requests.cpu, requests.memory, limits.memory, so `argosy validate` reports policy/resources on its pods. Set resources: { cpu, memory } on the component or the task',
    ],
  ),
  cli(
    'upload --target kfp with a host that is not a URL',
    ['upload', '--target', 'kfp', '{dir}', '--host', 'localhost:8888'],
    {},
    2,
    ['✗ --host: not an http(s) URL (got "localhost:8888"). Pass the KFP API address, e.g. http://localhost:8888.'],
  ),
  cli(
    'upload --target kfp of a hand-edited recurring run with a misspelt field',
    ['upload', '--target', 'kfp', '{dir}', '--dry-run'],
    {
      'recurringrun.daily.yaml':
        'displayName: daily\nmaxConcurency: "1"\ntrigger: {cronSchedule: {cron: "0 0 3 * * *"}}\n',
    },
    2,
    [
      '✗ {dir}/recurringrun.daily.yaml: maxConcurency: not a field of a KFP RecurringRun (got "maxConcurency"). Remove it or fix its name (fields: recurring_run_id, display_name, description, pipeline_version_id, pipeline_spec, pipeline_version_reference, runtime_config, service_account, max_concurrency, trigger, mode, no_catchup, namespace, experiment_id).',
    ],
  ),
];

function stripHeader(file: string): void {
  writeFileSync(file, readFileSync(file, 'utf8').split('\n').slice(1).join('\n'));
}

function editGenerated(file: string): void {
  writeFileSync(file, `${readFileSync(file, 'utf8')}# edited\n`);
}

function replaceWithLink(file: string): void {
  rmSync(file);
  symlinkSync('/etc/hostname', file);
}
