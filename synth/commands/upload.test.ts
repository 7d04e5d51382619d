import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadAll } from 'js-yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { captureIO } from '../../test/capture-io.ts';
import { startFakeKfp, type FakeKfp } from '../../test/kfp-fake-server.ts';
import referenceProject from '../../pipelines/index.ts';
import { main } from '../cli.ts';
import { synthesize } from '../engine.ts';
import { KfpError } from '../client/kfp-api.ts';
import { readKfpInput } from '../client/kfp-input.ts';
import { uploadToKfp, versionName } from '../client/kfp-upload.ts';
import { runUpload, type UploadCommandOptions } from './upload.ts';

// No KFP API server can run here (it needs MySQL, object storage and a cluster): these tests talk
// to test/kfp-fake-server.ts, a loopback server that answers as KFP 2.x does and records every
// request. test/peers/kfp-upload.test.ts checks the recorded bodies with the KFP SDK's API models.

const GOLDEN = join(import.meta.dirname, '..', '..', 'test', 'golden', 'kfp', 'pipelinespec.ctr-training.yaml');

const RECURRING_RUN = `displayName: ctr-training-weekly
maxConcurrency: '1'
mode: ENABLE
noCatchup: true
pipelineSpec:
  pipeline_spec:
    pipelineInfo:
      name: ctr-training
    schemaVersion: 2.1.0
runtimeConfig:
  parameters:
    snapshotDate: '[[ScheduledTime.2006-01-02T15:04:05Z07:00]]'
serviceAccount: ml-pipelines
trigger:
  cronSchedule:
    cron: 0 0 3 * * 1
`;

function project(recurring = RECURRING_RUN): string {
  const dir = mkdtempSync(join(tmpdir(), 'argosy-upload-'));
  mkdirSync(join(dir, 'production', 'recommended-categories'), { recursive: true });
  copyFileSync(GOLDEN, join(dir, 'production', 'recommended-categories', 'pipelinespec.ctr-training.yaml'));
  writeFileSync(join(dir, 'production', 'recommended-categories', 'recurringrun.ctr-training-weekly.yaml'), recurring);
  writeFileSync(
    join(dir, 'production', 'recommended-categories', 'workflowtemplate.other.yaml'),
    'kind: WorkflowTemplate\n',
  );
  return join(dir, 'production');
}

let server: FakeKfp | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function upload(paths: string[], opts: Partial<UploadCommandOptions>, env: NodeJS.ProcessEnv = {}) {
  const io = captureIO();
  const code = await runUpload(paths, { target: 'kfp', ...opts }, io, env);
  return { code, out: io.lines, err: io.errs };
}

const writes = (s: FakeKfp) => s.requests.filter((r) => r.method === 'POST').map((r) => `${r.method} ${r.path}`);

describe('argosy upload --target kfp against a fake KFP API server', () => {
  it('GIVEN an empty KFP WHEN uploading THEN it creates the pipeline and the recurring run with the SDK-shaped requests', async () => {
    server = await startFakeKfp();
    const dir = project();
    const r = await upload([dir], { host: server.url, namespace: 'ml-production' });
    expect(r.err.at(-1)).toBe(`uploading 1 pipelines and 1 recurring runs to ${server.url}…`);
    expect(r.out).toEqual([
      '✓ pipeline ctr-training: created (id 00000000-0000-4000-8000-000000000001), with its first version',
      '✓ recurring run ctr-training-weekly: created (id 00000000-0000-4000-8000-000000000003)',
      `✓ uploaded to ${server.url}: 2 created, 0 unchanged`,
    ]);
    expect(r.code).toBe(0);
    const [find, up, findRun, create] = server.requests;
    expect(find).toMatchObject({
      method: 'GET',
      path: '/apis/v2beta1/pipelines',
      query: { namespace: 'ml-production' },
    });
    expect(JSON.parse(find?.query.filter ?? '')).toEqual({
      predicates: [{ operation: 'EQUALS', key: 'display_name', string_value: 'ctr-training' }],
    });
    expect(up).toMatchObject({
      path: '/apis/v2beta1/pipelines/upload',
      query: { name: 'ctr-training', namespace: 'ml-production' },
    });
    expect(up?.files?.uploadfile?.text).toBe(readFileSync(GOLDEN, 'utf8'));
    expect(findRun?.path).toBe('/apis/v2beta1/recurringruns');
    expect(create?.json).toEqual({
      display_name: 'ctr-training-weekly',
      max_concurrency: '1',
      mode: 'ENABLE',
      no_catchup: true,
      // Struct and map contents keep their keys: pipeline_spec is the IR, parameters are the pipeline's.
      pipeline_spec: { pipeline_spec: { pipelineInfo: { name: 'ctr-training' }, schemaVersion: '2.1.0' } },
      runtime_config: { parameters: { snapshotDate: '[[ScheduledTime.2006-01-02T15:04:05Z07:00]]' } },
      service_account: 'ml-pipelines',
      trigger: { cron_schedule: { cron: '0 0 3 * * 1' } },
      namespace: 'ml-production',
    });
  });

  it('GIVEN the same files uploaded twice THEN the second upload writes nothing', async () => {
    server = await startFakeKfp();
    const dir = project();
    expect((await upload([dir], { host: server.url })).code).toBe(0);
    const before = server.requests.length;
    const r = await upload([dir], { host: server.url });
    expect(r.out).toEqual([
      '= pipeline ctr-training: unchanged, version ctr-training holds this spec',
      '= recurring run ctr-training-weekly: exists (id 00000000-0000-4000-8000-000000000003), left as it is: KFP cannot update a recurring run; delete it to replace it',
      `✓ uploaded to ${server.url}: 0 created, 2 unchanged`,
    ]);
    expect(writes({ ...server, requests: server.requests.slice(before) })).toEqual([]);
    expect(server.versions).toHaveLength(1);
  });

  it('GIVEN a changed spec THEN it becomes a new version named by its content hash, once', async () => {
    server = await startFakeKfp();
    const dir = project();
    await upload([dir], { host: server.url });
    const file = join(dir, 'recommended-categories', 'pipelinespec.ctr-training.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('parameterType: STRING', 'parameterType: NUMBER_INTEGER'));
    const r = await upload([file], { host: server.url });
    const docs = server.versions.at(-1)?.pipeline_spec as { pipeline_spec: unknown; platform_spec: unknown };
    const version = versionName({ name: 'ctr-training', documents: [docs.pipeline_spec, docs.platform_spec] });
    expect(version).toMatch(/^ctr-training-[0-9a-f]{12}$/);
    expect(r.out[0]).toBe(`✓ pipeline ctr-training: new version ${version} (id 00000000-0000-4000-8000-000000000004)`);
    expect(server.requests.at(-1)).toMatchObject({
      path: '/apis/v2beta1/pipelines/upload_version',
      query: { name: version, pipelineid: '00000000-0000-4000-8000-000000000001' },
    });
    const again = await upload([file], { host: server.url });
    expect(again.out[0]).toBe(`= pipeline ctr-training: unchanged, version ${version} holds this spec`);
    expect(server.versions).toHaveLength(2);
  });

  it('GIVEN the same spec with other formatting and comments THEN its version name is the same', () => {
    const text = readFileSync(GOLDEN, 'utf8');
    const docs = (t: string) => loadAll(t).filter((d) => d != null);
    const reformatted = `# edited by hand\n${text.replace(/^schemaVersion: (.*)$/m, "schemaVersion: '$1'   # quoted")}`;
    expect(reformatted).not.toBe(text);
    expect(versionName({ name: 'x', documents: docs(reformatted) })).toBe(
      versionName({ name: 'x', documents: docs(text) }),
    );
    const changed = text.replace('parameterType: STRING', 'parameterType: NUMBER_INTEGER');
    expect(versionName({ name: 'x', documents: docs(changed) })).not.toBe(
      versionName({ name: 'x', documents: docs(text) }),
    );
  });

  it('GIVEN a KFP behind an auth proxy THEN the bearer token from KFP_TOKEN or --token-file is sent, and none is a 401', async () => {
    server = await startFakeKfp({ token: 's3cret' });
    const dir = project();
    const denied = await upload([dir], { host: server.url });
    expect(denied.code).toBe(1);
    expect(denied.err.slice(-2)).toEqual([
      '✗ GET /apis/v2beta1/pipelines: the KFP API did not accept the credentials (got 401: Unauthenticated: request is not authenticated). Pass a valid bearer token with --token-file or KFP_TOKEN.',
      '✗ stopped after 0 of 2 uploads',
    ]);
    expect((await upload([dir], { host: server.url }, { KFP_TOKEN: 's3cret' })).code).toBe(0);
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, 's3cret\n');
    expect((await upload([dir], { host: server.url, tokenFile })).code).toBe(0);
    expect(server.requests.at(-1)?.authorization).toBe('Bearer s3cret');
  });

  it('GIVEN a namespace the user may not write to THEN 403 names the fix; what was done is reported', async () => {
    server = await startFakeKfp({ forbiddenNamespaces: ['team-b'] });
    const r = await upload([project()], { host: server.url, namespace: 'team-b' });
    expect(r.code).toBe(1);
    expect(r.err.slice(-2)).toEqual([
      "✗ POST /apis/v2beta1/pipelines/upload: refused (got 403: PermissionDenied: user is not authorized to access namespace team-b). The token's user needs access to the namespace (a contributor of its KFP profile); pass --namespace with a namespace the user may write to.",
      '✗ stopped after 0 of 2 uploads',
    ]);
  });

  it.each([
    [
      409,
      '{"error":"AlreadyExistsError: pipeline ctr-training already exists","code":6,"message":"AlreadyExistsError: pipeline ctr-training already exists"}',
      '✗ GET /apis/v2beta1/pipelines: already exists (got 409: AlreadyExistsError: pipeline ctr-training already exists). Someone created it at the same time; run the upload again, it finds the existing object.',
    ],
    [
      400,
      '{"error":"Invalid input error: Failed to parse the filter","code":3,"message":"Invalid input error: Failed to parse the filter","details":[]}',
      '✗ GET /apis/v2beta1/pipelines: the KFP API refused the request (got 400: Invalid input error: Failed to parse the filter). Fix what it names, then upload again.',
    ],
    [
      200,
      '<html><body>Sign in</body></html>',
      "✗ GET /apis/v2beta1/pipelines: the answer is not KFP's JSON (got application/json: <html><body>Sign in</body></html>). Point --host at the KFP API server; an auth proxy's login page means the token is missing (--token-file or KFP_TOKEN).",
    ],
  ])(
    'GIVEN KFP answers %i THEN its message is shown in house format and the exit code is 1',
    async (status, body, line) => {
      server = await startFakeKfp({ failWith: { status, body } });
      const r = await upload([project()], { host: server.url });
      expect(r.err.at(-2)).toBe(line);
      expect(r.code).toBe(1);
    },
  );

  it('GIVEN an auth proxy that redirects to its login page THEN it says the token is missing', async () => {
    server = await startFakeKfp({
      failWith: { status: 302, body: '', headers: { location: 'https://login.example.com/' } },
    });
    const r = await upload([project()], { host: server.url });
    expect(r.err.at(-2)).toBe(
      `✗ GET /apis/v2beta1/pipelines: the server at ${server.url} redirects (got 302 to https://login.example.com/). An auth proxy sends you to its login page when the token is missing or expired: pass one with --token-file or KFP_TOKEN, or point --host at the redirect target.`,
    );
    expect(r.code).toBe(1);
  });

  it('GIVEN a server that never answers THEN the typed API rejects with a timeout KfpError (no hang)', async () => {
    server = await startFakeKfp({ silent: true });
    const input = readKfpInput([project()]);
    const err = await uploadToKfp({ host: server.url, timeoutMs: 300 }, input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KfpError);
    expect((err as KfpError).reason).toBe('timeout');
    expect((err as KfpError).message).toBe(
      `GET /apis/v2beta1/pipelines: the KFP API at ${server.url} did not answer (got no answer within 0.3 s). Check that the API server is up and --host points at it`,
    );
  });

  it('GIVEN no server at the host THEN it says it cannot reach it, exit 1', async () => {
    server = await startFakeKfp();
    const url = server.url;
    await server.close();
    server = undefined;
    const r = await upload([project()], { host: url });
    expect(r.err.at(-2)).toBe(
      `✗ cannot reach the KFP API at ${url} (got ECONNREFUSED). Check --host (or KFP_HOST) and that the API server is reachable, e.g. kubectl port-forward -n kubeflow svc/ml-pipeline 8888:8888 and --host http://localhost:8888.`,
    );
    expect(r.code).toBe(1);
  });

  it('GIVEN --dry-run THEN it prints the requests and sends nothing (no host needed)', async () => {
    const r = await upload([project()], { dryRun: true, namespace: 'ml' });
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('POST $KFP_HOST/apis/v2beta1/pipelines/upload?name=ctr-training&namespace=ml');
    expect(r.out[1]).toMatch(/^ {2}multipart\/form-data: uploadfile=pipelinespec\.ctr-training\.yaml \(\d+ bytes\)$/);
    expect(r.out[2]).toBe('POST $KFP_HOST/apis/v2beta1/recurringruns');
    expect(r.out).toContain('    "display_name": "ctr-training-weekly",');
    expect(r.out.at(-1)).toMatch(/^dry run: 2 requests for 1 pipelines and 1 recurring runs, nothing sent\./);
  });
});

describe('the README example', () => {
  it('GIVEN DSRPMart popular-products synthesized for KFP WHEN uploaded twice THEN the output is what README.md shows', async () => {
    server = await startFakeKfp();
    const dir = mkdtempSync(join(tmpdir(), 'argosy-upload-readme-'));
    for (const f of synthesize(referenceProject, { pipelineBackend: 'kfp' }).files)
      if (f.path.startsWith('production/popular-products/')) {
        mkdirSync(dirname(join(dir, f.path)), { recursive: true });
        writeFileSync(join(dir, f.path), f.content);
      }
    const shown = (await readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8'))
      .split(
        '$ argosy upload --target kfp out/production/popular-products --host http://localhost:8888 -n ml-production\n',
      )
      .slice(1)
      .map((block) => block.slice(0, block.search(/\n(\n|```)/)).split('\n'));
    expect(shown).toHaveLength(2);
    for (const expected of shown) {
      const r = await upload([join(dir, 'production', 'popular-products')], {
        host: server.url,
        namespace: 'ml-production',
      });
      expect(r.code).toBe(0);
      const lines = [...r.err, ...r.out].map((l) => l.replaceAll(server?.url ?? '', 'http://localhost:8888'));
      expect(lines).toEqual(expected);
    }
  });
});

describe('argosy upload: usage errors send nothing and exit 2', () => {
  it.each([
    [
      {},
      {},
      '✗ --host: no KFP API address (got neither --host nor KFP_HOST). Pass --host http://<kfp-api>:8888 or set KFP_HOST.',
    ],
    [
      { host: 'localhost:8888' },
      {},
      '✗ --host: not an http(s) URL (got "localhost:8888"). Pass the KFP API address, e.g. http://localhost:8888.',
    ],
    [
      { host: 'http://x', namespace: 'Team_B' },
      {},
      '✗ --namespace: not a Kubernetes namespace name (got "Team_B"). Use lower-case letters, digits and \'-\'.',
    ],
    [
      { target: 'argo', host: 'http://x' },
      {},
      '✗ --target: argosy upload sends to Kubeflow Pipelines only (got "argo"). Pass --target kfp; Argo objects go to the cluster with argosy apply.',
    ],
  ])('GIVEN options %j THEN %s', async (opts, env, line) => {
    const r = await upload([project()], opts, env);
    expect(r.err).toEqual([line]);
    expect(r.code).toBe(2);
  });

  it('GIVEN a token file that is missing, empty or not a file THEN it says so before sending anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'argosy-upload-token-'));
    writeFileSync(join(dir, 'empty'), '\n');
    const lines = async (tokenFile: string) => (await upload([project()], { host: 'http://x', tokenFile })).err;
    expect(await lines(join(dir, 'empty'))).toEqual([
      `✗ --token-file: ${join(dir, 'empty')} holds no single token (got nothing). Write just the bearer token into it.`,
    ]);
    expect((await lines(join(dir, 'nope')))[0]).toMatch(/^✗ --token-file: .*\/nope: cannot be read: .*\(got ENOENT\)/);
    expect((await lines(dir))[0]).toMatch(/^✗ --token-file: .*: skipped: not a regular file \(got a directory\)/);
  });

  it('GIVEN a directory without KFP files or a missing path THEN it says what to synthesize', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'argosy-upload-empty-'));
    expect((await upload([empty], { host: 'http://x' })).err).toEqual([
      `✗ ${empty}: no KFP PipelineSpec or recurring run (got no pipelinespec.*.yaml or recurringrun.*.yaml). Write them with argosy synth --target kfp --out <dir>, then upload <dir>/<environment>.`,
    ]);
    const missing = join(empty, 'nope');
    const r = await upload([missing], { host: 'http://x' });
    expect(r.err).toEqual([
      `✗ ${missing}: no such file or directory (got a missing path). Pass the directory argosy synth --target kfp wrote, e.g. dist/production/<app>.`,
    ]);
    expect(r.code).toBe(2);
  });

  it('GIVEN a recurring run with a field KFP does not know THEN every problem is listed and nothing is sent', async () => {
    server = await startFakeKfp();
    const dir = project(RECURRING_RUN.replace('noCatchup: true', 'noCatchUp: true\ntimezone: Europe/Berlin'));
    const r = await upload([dir], { host: server.url });
    const file = join(dir, 'recommended-categories', 'recurringrun.ctr-training-weekly.yaml');
    expect(r.err.map((l) => l.slice(0, l.indexOf(' (fields'))).filter(Boolean)).toEqual([
      `✗ ${file}: noCatchUp: not a field of a KFP RecurringRun (got "noCatchUp"). Remove it or fix its name`,
      `✗ ${file}: timezone: not a field of a KFP RecurringRun (got "timezone"). Remove it or fix its name`,
    ]);
    expect(r.code).toBe(2);
    expect(server.requests).toEqual([]);
  });

  it('GIVEN the CLI without --target or with another target THEN commander refuses it (exit 2)', async () => {
    const io = captureIO();
    expect(await main(['upload', 'dist', '--host', 'http://x'], io)).toBe(2);
    expect(io.errs[0]).toBe("error: required option '--target <backend>' not specified");
    const io2 = captureIO();
    expect(await main(['upload', '--target', 'argo'], io2)).toBe(2);
    expect(io2.errs[0]).toBe("error: option '--target <backend>' argument 'argo' is invalid. Allowed choices are kfp.");
  });

  it('GIVEN the CLI with every option THEN they reach the command (dry run)', async () => {
    const io = captureIO();
    const dir = project();
    const tokenFile = join(dir, 't');
    writeFileSync(tokenFile, 'tok');
    const code = await main(
      [
        'upload',
        dir,
        '--target',
        'kfp',
        '--host',
        'https://kfp.example.com/pipeline/',
        '-n',
        'ml',
        '--token-file',
        tokenFile,
        '--dry-run',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(io.lines[0]).toBe(
      'POST https://kfp.example.com/pipeline/apis/v2beta1/pipelines/upload?name=ctr-training&namespace=ml',
    );
  });
});
