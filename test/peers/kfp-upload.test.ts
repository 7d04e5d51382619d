import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import referenceProject from '../../pipelines/index.ts';
import { runUpload } from '../../synth/commands/upload.ts';
import { synthesize } from '../../synth/engine.ts';
import { captureIO } from '../capture-io.ts';
import { startFakeKfp, type FakeKfp, type RecordedRequest } from '../kfp-fake-server.ts';
import { ROOT } from '../shared-dir.ts';

// No KFP API server can run here (it needs MySQL, object storage, Argo and a cluster). The
// requests `argosy upload --target kfp` sends go to test/kfp-fake-server.ts, a loopback server
// that answers as KFP 2.x does and records them; the KFP SDK's generated REST models
// (kfp-server-api 2.17.3, the API's swagger) then judge every recorded request, and the real
// `kfp.Client` is pointed at the same fake server to compare what it sends with what we send.

const python = inject('peersPython');
const script = (name: string): string => join(ROOT, 'test', 'peers', name);

function checkRequests(requests: readonly RecordedRequest[]): { status: number | null; lines: string[] } {
  const file = join(mkdtempSync(join(tmpdir(), 'argosy-kfp-api-')), 'requests.json');
  writeFileSync(file, JSON.stringify(requests));
  const r = spawnSync(python, [script('kfp_api_check.py'), file], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONWARNINGS: 'ignore' },
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`kfp_api_check.py failed (exit ${r.status}):\n${r.stderr}`);
  return { status: r.status, lines: r.stdout.trimEnd().split('\n') };
}

/** The reference project's production output of `argosy synth --target kfp`: PipelineSpecs and recurring runs. */
function referenceKfpOutput(): string {
  const dir = mkdtempSync(join(tmpdir(), 'argosy-kfp-upload-'));
  for (const f of synthesize(referenceProject, { pipelineBackend: 'kfp' }).files)
    if (/^production\/.*\/(pipelinespec|recurringrun)\.[^/]+\.yaml$/.test(f.path)) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.content);
    }
  return join(dir, 'production');
}

let servers: FakeKfp[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
async function fake(): Promise<FakeKfp> {
  const s = await startFakeKfp();
  servers.push(s);
  return s;
}

describe('argosy upload --target kfp sends what the KFP API declares (kfp-server-api models)', () => {
  it('GIVEN the reference project uploaded, re-uploaded and changed THEN every request passes the strict model check', async () => {
    const server = await fake();
    const dir = referenceKfpOutput();
    const io = captureIO();
    expect(await runUpload([dir], { target: 'kfp', host: server.url, namespace: 'ml-production' }, io, {})).toBe(0);
    expect(io.lines.at(-1)).toBe(`✓ uploaded to ${server.url}: 13 created, 0 unchanged`);
    const spec = join(dir, 'popular-products', 'pipelinespec.popular-products.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('parameterType: STRING', 'parameterType: NUMBER_INTEGER'));
    expect(await runUpload([dir], { target: 'kfp', host: server.url, namespace: 'ml-production' }, io, {})).toBe(0);
    expect(io.lines.at(-1)).toBe(`✓ uploaded to ${server.url}: 1 created, 12 unchanged`);

    const kinds = new Set(
      server.requests.map(
        (r) => `${r.method} ${r.path.replace(/pipelines\/[^/]+\/versions/, 'pipelines/{id}/versions')}`,
      ),
    );
    expect([...kinds].sort()).toEqual([
      'GET /apis/v2beta1/pipelines',
      'GET /apis/v2beta1/pipelines/{id}/versions',
      'GET /apis/v2beta1/recurringruns',
      'POST /apis/v2beta1/pipelines/upload',
      'POST /apis/v2beta1/pipelines/upload_version',
      'POST /apis/v2beta1/recurringruns',
    ]);
    expect(server.recurringRuns).toHaveLength(7);
    const r = checkRequests(server.requests);
    console.log(r.lines.join('\n'));
    expect(r.lines).toEqual([`kfp-server-api: ${server.requests.length} requests checked, 0 failed`]);
    expect(r.status).toBe(0);
  });

  it('GIVEN a recurring-run body with an unknown field, a wrong type or a bad enum THEN the check fails (negative control)', async () => {
    const server = await fake();
    const io = captureIO();
    await runUpload([referenceKfpOutput()], { target: 'kfp', host: server.url }, io, {});
    const create = server.requests.find((x) => x.method === 'POST' && x.path === '/apis/v2beta1/recurringruns');
    const body = create?.json as Record<string, unknown>;
    expect(checkRequests([create as RecordedRequest]).status).toBe(0);
    const broken: RecordedRequest[] = [
      { ...(create as RecordedRequest), json: { ...body, displayName: body.display_name } },
      { ...(create as RecordedRequest), json: { ...body, no_catchup: 'true' } },
      { ...(create as RecordedRequest), json: { ...body, mode: 'ON' } },
      {
        ...(create as RecordedRequest),
        json: { ...body, trigger: { cron_schedule: { cron: '0 0 * * * *', tz: 'UTC' } } },
      },
      { ...(create as RecordedRequest), query: { namespace: 'x' } },
    ];
    const r = checkRequests(broken);
    expect(r.lines).toEqual([
      'FAIL POST /apis/v2beta1/recurringruns: V2beta1RecurringRun.displayName: not a field of V2beta1RecurringRun',
      'FAIL POST /apis/v2beta1/recurringruns: V2beta1RecurringRun.no_catchup: expected a boolean (got "true")',
      "FAIL POST /apis/v2beta1/recurringruns: V2beta1RecurringRun.mode: expected one of ['MODE_UNSPECIFIED', 'ENABLE', 'DISABLE'] (got \"ON\")",
      'FAIL POST /apis/v2beta1/recurringruns: V2beta1RecurringRun.trigger.cron_schedule.tz: not a field of V2beta1CronSchedule',
      'FAIL POST /apis/v2beta1/recurringruns: query parameter namespace: not a parameter of recurring_run_service_create_recurring_run_with_http_info (it takes [])',
      'kfp-server-api: 5 requests checked, 5 failed',
    ]);
    expect(r.status).toBe(1);
  });
});

describe('argosy upload and the KFP SDK send the same upload requests', () => {
  it('GIVEN kfp.Client.upload_pipeline and upload_pipeline_version against the same fake server THEN path, query, file field and file match ours', async () => {
    const dir = referenceKfpOutput();
    const file = join(dir, 'popular-products', 'pipelinespec.popular-products.yaml');
    const ours = await fake();
    const io = captureIO();
    expect(await runUpload([file], { target: 'kfp', host: ours.url, namespace: 'ml-production' }, io, {})).toBe(0);
    writeFileSync(file, readFileSync(file, 'utf8').replace('parameterType: STRING', 'parameterType: NUMBER_INTEGER'));
    expect(await runUpload([file], { target: 'kfp', host: ours.url, namespace: 'ml-production' }, io, {})).toBe(0);
    const version = /new version (\S+)/.exec(io.lines.join('\n'))?.[1] ?? '';
    expect(version).toMatch(/^popular-products-[0-9a-f]{12}$/);

    const sdk = await fake();
    // Asynchronous: the fake server answers on this process's event loop while the SDK waits.
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        python,
        [script('kfp_sdk_upload.py'), sdk.url, file, 'popular-products', 'ml-production', version],
        {
          env: { ...process.env, PYTHONWARNINGS: 'ignore', HOME: mkdtempSync(join(tmpdir(), 'argosy-kfp-home-')) },
        },
      );
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString()));
      child.stderr.on('data', (d: Buffer) => (text += d.toString()));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve(text) : reject(new Error(`kfp_sdk_upload.py exit ${code}:\n${text}`)),
      );
    });
    expect(out).toContain('sdk: uploaded');

    const shape = (r: RecordedRequest | undefined) => ({
      method: r?.method,
      path: r?.path,
      queryKeys: Object.keys(r?.query ?? {}).sort(),
      fileFields: Object.keys(r?.files ?? {}),
    });
    const pick = (s: FakeKfp, path: string) => s.requests.filter((r) => r.method === 'POST' && r.path === path);
    const [sdkUpload] = pick(sdk, '/apis/v2beta1/pipelines/upload');
    const [ourUpload] = pick(ours, '/apis/v2beta1/pipelines/upload');
    expect(shape(ourUpload)).toEqual(shape(sdkUpload));
    expect(ourUpload?.query).toEqual(sdkUpload?.query);
    const [sdkVersion] = pick(sdk, '/apis/v2beta1/pipelines/upload_version');
    const [ourVersion] = pick(ours, '/apis/v2beta1/pipelines/upload_version');
    expect(shape(ourVersion)).toEqual(shape(sdkVersion));
    expect(ourVersion?.query.name).toBe(sdkVersion?.query.name);
    expect(ourVersion?.files?.uploadfile?.text).toBe(sdkVersion?.files?.uploadfile?.text);
    expect(ourVersion?.files?.uploadfile?.filename).toBe(sdkVersion?.files?.uploadfile?.filename);

    // The SDK finds the pipeline with the same filter, spelt with JSON names and the enum's number.
    const sdkFilter = JSON.parse(
      sdk.requests.find((r) => r.method === 'GET' && r.path === '/apis/v2beta1/pipelines')?.query.filter ?? '{}',
    ) as unknown;
    const ourFilter = JSON.parse(
      ours.requests.find((r) => r.path === '/apis/v2beta1/pipelines')?.query.filter ?? '{}',
    ) as unknown;
    expect(sdkFilter).toEqual({ predicates: [{ operation: 1, key: 'display_name', stringValue: 'popular-products' }] });
    expect(ourFilter).toEqual({
      predicates: [{ operation: 'EQUALS', key: 'display_name', string_value: 'popular-products' }],
    });

    // Both sides' requests pass the model check (the SDK's filter spelling is the JSON one the
    // server also reads, so only its upload requests are checked).
    const r = checkRequests([
      ...ours.requests,
      ...pick(sdk, '/apis/v2beta1/pipelines/upload'),
      ...pick(sdk, '/apis/v2beta1/pipelines/upload_version'),
    ]);
    expect(r.lines.at(-1)).toMatch(/^kfp-server-api: \d+ requests checked, 0 failed$/);
  });
});
