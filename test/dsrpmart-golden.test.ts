import { describe, expect, it } from 'vitest';
import referenceProject from '../pipelines/index.ts';
import { synthesize } from '../synth/engine.ts';
import { expectGolden } from './golden.ts';

describe('DSRPMart golden YAML', () => {
  const { files } = synthesize(referenceProject);

  it('GIVEN the reference project WHEN synthesized THEN every pipeline, schedule, deployment object, alert rule, RBAC object and Argo CD Application is covered', () => {
    const kinds = new Set(files.map((f) => f.path.split('/')[2]?.split('.')[0]));
    expect([...kinds].sort()).toEqual([
      'analysistemplate',
      'application',
      'cronworkflow',
      'inferenceservice',
      'prometheusrule',
      'role',
      'rolebinding',
      'rollout',
      'service',
      'serviceaccount',
      'virtualservice',
      'workflow',
      'workflowtemplate',
    ]);
  });

  it.each(files.map((f) => [f.path, f] as const))('%s matches its golden file', (path, file) => {
    expectGolden(`dsrpmart/${path}`, file.content);
  });
});
