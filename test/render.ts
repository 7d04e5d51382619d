import { app, project, type AnyPipeline, type AppContent, type Schedule } from '../dsl/index.ts';
import { synthesize, type SynthFile } from '../synth/engine.ts';

/** Synthesizes app content in a one-app, one-environment project (no namespace) for tests. */
export function synthApp(content: AppContent, name = 'test'): readonly SynthFile[] {
  return synthesize(project('test', { apps: [app(name, content)] })).files;
}

/** The single WorkflowTemplate object of a pipeline, as plain data. */
export function workflowTemplateOf(
  p: AnyPipeline,
): { spec: { templates: Record<string, unknown>[] } & Record<string, unknown> } & Record<string, unknown> {
  const file = synthApp({ pipelines: [p] }).find((f) => f.path.includes('/workflowtemplate.'));
  if (!file) throw new Error('no WorkflowTemplate synthesized');
  return file.documents[0] as never;
}

/** The YAML of everything a pipeline (and its schedules) synthesizes to, files separated by their path. */
export function yamlOf(content: { pipelines?: AnyPipeline[]; schedules?: Schedule[] }): string {
  return synthApp(content)
    .map((f) => `# ${f.path}\n${f.content}`)
    .join('\n');
}

/** A template of a WorkflowTemplate by name. */
export function templateNamed(wt: ReturnType<typeof workflowTemplateOf>, name: string): Record<string, unknown> {
  const t = wt.spec.templates.find((x) => x.name === name);
  if (!t) throw new Error(`no template ${name}; have ${wt.spec.templates.map((x) => x.name).join(', ')}`);
  return t;
}
