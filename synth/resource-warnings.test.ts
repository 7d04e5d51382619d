import { describe, expect, it } from 'vitest';
import { app, component, param, pipeline, project, resolveProject, type AnyPipeline } from '../dsl/index.ts';
import { resourceWarnings } from './resource-warnings.ts';

const bare = component('bare', { image: 'busybox:1.36', inputs: { text: param.string() }, command: ['echo'] });
const sized = component('sized', { image: 'busybox:1.36', command: ['true'], resources: { cpu: '100m', memory: '64Mi' } });
const cpuOnly = component('cpu-only', { image: 'busybox:1.36', command: ['true'], resources: { cpu: '100m' } });

const warningsOf = (...pipelines: AnyPipeline[]) => resourceWarnings(resolveProject(project('p', { apps: [app('a', { pipelines })] })));

describe('resourceWarnings', () => {
  it('GIVEN components without requests or a memory limit THEN each is named once with what it lacks', () => {
    const p = pipeline('train', {}, (p) => {
      p.task('one', bare, { text: 'a' });
      p.task('two', bare, { text: 'b' });
      p.task('ok', sized);
      p.forEach('each', ['x'], (p) => { p.task('inner', cpuOnly); });
    });
    expect(warningsOf(p)).toEqual([
      'component "bare" (task "one" of pipeline "train") sets no requests.cpu, requests.memory, limits.memory, so `argosy validate` reports policy/resources on its pods. Set resources: { cpu, memory } on the component or the task',
      'component "cpu-only" (task "inner" of pipeline "train") sets no requests.memory, limits.memory, so `argosy validate` reports policy/resources on its pods. Set resources: { cpu, memory } on the component or the task',
    ]);
  });

  it('GIVEN a task that sets resources for a bare component THEN there is nothing to warn about', () => {
    const p = pipeline('fixed', {}, (p) => { p.task('one', bare, { text: 'a' }).resources({ cpu: '1', memory: '1Gi' }); });
    expect(warningsOf(p)).toEqual([]);
  });
});
