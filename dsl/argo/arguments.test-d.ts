import { describe, it } from 'vitest';
import {
  cronWorkflow,
  dag,
  steps,
  template,
  templateRef,
  workflow,
  workflowArguments,
  workflowEventBinding,
  workflowTemplate,
} from './index.ts';

const echo = template('echo', {
  inputs: { parameters: { message: {} } },
  container: { image: 'busybox', args: ['{{inputs.parameters.message}}'] },
});
const leveled = template('leveled', {
  inputs: { parameters: { level: { default: 'info' } } },
  container: { image: 'busybox' },
});
const plainTpl = template('plain', { container: { image: 'busybox' } });
const needsData = template('needs-data', {
  inputs: { artifacts: { data: { path: '/data' } } },
  container: { image: 'busybox' },
});

describe('hook and onExit arguments are typed', () => {
  it('a hook passes exactly the inputs of its template', () => {
    steps((s) => {
      s.step('ok', plainTpl, {
        hooks: {
          exit: { template: echo, arguments: { parameters: { message: 'bye' } } },
          running: { expression: 'true', template: plainTpl },
        },
      });
      s.step('from-self', plainTpl, {
        hooks: (self) => ({ exit: { template: echo, arguments: { parameters: { message: self.status } } } }),
      });
      // @ts-expect-error misspelt input of the hook's template
      s.step('typo', plainTpl, { hooks: { exit: { template: echo, arguments: { parameters: { mesage: 'bye' } } } } });
      // @ts-expect-error the hook's template has a required input and the hook passes no arguments
      s.step('missing', plainTpl, { hooks: { exit: { template: echo } } });
      s.step('typo-fn', plainTpl, {
        // @ts-expect-error misspelt through the function form too
        hooks: (self) => ({ exit: { template: echo, arguments: { parameters: { mesage: self.status } } } }),
      });
      s.step('extra', plainTpl, {
        // @ts-expect-error a template without inputs takes no arguments
        hooks: { exit: { template: plainTpl, arguments: { parameters: { message: 'x' } } } },
      });
      // @ts-expect-error misspelt hook field
      s.step('field', plainTpl, { hooks: { running: { template: plainTpl, expresion: 'true' } } });
    });
    dag((d) => {
      d.task('ok', plainTpl, { hooks: { exit: { template: echo, arguments: { parameters: { message: 'bye' } } } } });
      // @ts-expect-error DAG tasks check hooks the same way
      d.task('typo', plainTpl, { hooks: { exit: { template: echo, arguments: { parameters: { mesage: 'bye' } } } } });
    });
  });

  it('a step-level onExit template must not have required inputs', () => {
    steps((s) => {
      s.step('ok', plainTpl, { onExit: plainTpl });
      s.step('default-only', plainTpl, { onExit: leveled });
      // @ts-expect-error onExit passes no arguments, but "echo" requires "message"
      s.step('required', plainTpl, { onExit: echo });
      // @ts-expect-error a required input artifact counts too
      s.step('required-artifact', plainTpl, { onExit: needsData });
    });
  });

  it('workflow-level hooks are checked like step hooks', () => {
    workflow({
      metadata: { generateName: 'h-' },
      spec: { entrypoint: plainTpl, hooks: { exit: { template: echo, arguments: { parameters: { message: 'x' } } } } },
    });
    workflow({
      metadata: { generateName: 'h-' },
      // @ts-expect-error misspelt input of a workflow-level hook
      spec: { entrypoint: plainTpl, hooks: { exit: { template: echo, arguments: { parameters: { mesage: 'x' } } } } },
    });
  });
});

describe('workflow arguments supply the entrypoint and onExit inputs', () => {
  it('required entrypoint inputs must come from the arguments; extra names are global parameters', () => {
    workflow({ metadata: { generateName: 'w-' }, spec: { entrypoint: plainTpl } });
    workflow({ metadata: { generateName: 'w-' }, spec: { entrypoint: leveled } });
    workflow({
      metadata: { generateName: 'w-' },
      spec: { entrypoint: echo, arguments: { parameters: { message: 'hi', extra: 'global' } } },
    });
    workflow({
      metadata: { generateName: 'w-' },
      spec: { entrypoint: echo, arguments: workflowArguments({ parameters: { message: 'hi' } }) },
    });
    workflow({
      metadata: { generateName: 'w-' },
      spec: { entrypoint: needsData, arguments: { artifacts: { data: { raw: { data: 'x' } } } } },
    });
    // @ts-expect-error "echo" requires "message" and there are no arguments
    workflow({ metadata: { generateName: 'w-' }, spec: { entrypoint: echo } });
    workflow({
      metadata: { generateName: 'w-' },
      // @ts-expect-error misspelt argument leaves "message" unsupplied
      spec: { entrypoint: echo, arguments: { parameters: { mesage: 'hi' } } },
    });
    workflow({
      metadata: { generateName: 'w-' },
      // @ts-expect-error workflowArguments() without "message"
      spec: { entrypoint: echo, arguments: workflowArguments({ parameters: { greeting: 'hi' } }) },
    });
    workflow({
      metadata: { generateName: 'w-' },
      // @ts-expect-error required input artifact without an argument
      spec: { entrypoint: needsData, arguments: { parameters: { x: '1' } } },
    });
    workflow({
      metadata: { generateName: 'w-' },
      // @ts-expect-error misspelt top-level field of arguments
      spec: { entrypoint: plainTpl, arguments: { parameter: { x: '1' } } },
    });
  });

  it('a workflow-level onExit gets its inputs from the arguments too', () => {
    workflow({
      metadata: { generateName: 'w-' },
      spec: { entrypoint: plainTpl, onExit: echo, arguments: { parameters: { message: 'bye' } } },
    });
    // @ts-expect-error "echo" as onExit needs "message" from the arguments
    workflow({ metadata: { generateName: 'w-' }, spec: { entrypoint: plainTpl, onExit: echo } });
  });

  it('a CronWorkflow is checked like a Workflow; a WorkflowTemplate gets its arguments at submission', () => {
    cronWorkflow({
      metadata: { name: 'c' },
      spec: {
        schedules: ['0 * * * *'],
        workflowSpec: { entrypoint: echo, arguments: { parameters: { message: 'x' } } },
      },
    });
    // @ts-expect-error the CronWorkflow's runs would miss "message"
    cronWorkflow({ metadata: { name: 'c' }, spec: { schedules: ['0 * * * *'], workflowSpec: { entrypoint: echo } } });
    workflowTemplate({ metadata: { name: 'submitted-later' }, spec: { entrypoint: echo } });
  });

  it('next to a typed workflowTemplateRef the referenced entrypoint decides, minus what the template supplies', () => {
    const needs = workflowTemplate({ metadata: { name: 'needs' }, spec: { entrypoint: echo } });
    const supplies = workflowTemplate({
      metadata: { name: 'supplies' },
      spec: { entrypoint: echo, arguments: { parameters: { message: 'default' } } },
    });
    workflow({
      metadata: { generateName: 'r-' },
      spec: { workflowTemplateRef: needs, arguments: { parameters: { message: 'x' } } },
    });
    workflow({ metadata: { generateName: 'r-' }, spec: { workflowTemplateRef: supplies } });
    workflow({
      metadata: { generateName: 'r-' },
      spec: { workflowTemplateRef: { name: 'on-the-cluster' }, arguments: { parameters: { anything: 'x' } } },
    });
    // @ts-expect-error the referenced template's entrypoint needs "message"
    workflow({ metadata: { generateName: 'r-' }, spec: { workflowTemplateRef: needs } });
    // @ts-expect-error an entrypoint override is checked too
    workflow({ metadata: { generateName: 'r-' }, spec: { workflowTemplateRef: supplies, entrypoint: needsData } });
    // @ts-expect-error misspelt field of a by-name reference
    workflow({ metadata: { generateName: 'r-' }, spec: { workflowTemplateRef: { name: 'x', clusterscope: true } } });
    workflowEventBinding({
      metadata: { name: 'b' },
      spec: {
        event: { selector: 'true' },
        submit: {
          workflowTemplateRef: needs,
          arguments: { parameters: { message: { valueFrom: { event: 'payload.m' } } } },
        },
      },
    });
    workflowEventBinding({
      metadata: { name: 'b' },
      // @ts-expect-error an event submission must supply "message" as well
      spec: { event: { selector: 'true' }, submit: { workflowTemplateRef: needs } },
    });
  });
});

describe('enum-typed fields and exclusive choices', () => {
  it('rejects values Argo does not know', () => {
    // @ts-expect-error unknown podGC strategy
    workflow({ metadata: { generateName: 'g-' }, spec: { entrypoint: plainTpl, podGC: { strategy: 'OnPodFailure' } } });
    // @ts-expect-error unknown resource action
    template('r', { resource: { action: 'upsert', manifest: 'x' } });
    // @ts-expect-error unknown retry policy
    template('t', { container: { image: 'busybox' }, retryStrategy: { retryPolicy: 'Sometimes' } });
    workflow({
      metadata: { generateName: 'g-' },
      // @ts-expect-error unknown artifactGC strategy
      spec: { entrypoint: plainTpl, artifactGC: { strategy: 'OnWorkflowSuccess' } },
    });
    cronWorkflow({
      metadata: { name: 'c' },
      // @ts-expect-error unknown concurrency policy
      spec: { schedules: ['0 * * * *'], concurrencyPolicy: 'Queue', workflowSpec: { entrypoint: plainTpl } },
    });
  });

  it('an artifact has at most one location', () => {
    template('one', {
      inputs: { artifacts: { a: { path: '/a', s3: { key: 'a' } } } },
      container: { image: 'busybox' },
    });
    template('two', {
      // @ts-expect-error s3 and gcs on one artifact
      inputs: { artifacts: { a: { path: '/a', s3: { key: 'a' }, gcs: { key: 'a' } } } },
      container: { image: 'busybox' },
    });
    template('two-out', {
      // @ts-expect-error git and http on an output artifact
      outputs: { artifacts: { a: { path: '/a', git: { repo: 'r' }, http: { url: 'u' } } } },
      container: { image: 'busybox' },
    });
    steps((s) => {
      // @ts-expect-error raw and oss on an argument
      s.step('arg', needsData, { arguments: { artifacts: { data: { raw: { data: 'x' }, oss: { key: 'k' } } } } });
    });
  });

  it('external templateRefs stay loose', () => {
    steps((s) => {
      s.step('any', templateRef({ name: 'lib', template: 't' }), {
        hooks: {
          exit: {
            template: templateRef({ name: 'lib', template: 'exit' }),
            arguments: { parameters: { whatever: 'x' } },
          },
        },
      });
    });
  });
});
