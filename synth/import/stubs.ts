import { createHash } from 'node:crypto';
import { NameScope, camel } from './names.ts';
import { byName, ImportProblem, isObj, type Obj } from './scope.ts';
import { quote } from './ts-literal.ts';

/** A WorkflowTemplate or ClusterWorkflowTemplate read for stubs, with where it came from. */
export interface StubSource {
  readonly object: unknown;
  /** File (or `cluster`) it was read from, for the findings. */
  readonly where: string;
  /**
   * The YAML file to record in the stub (relative to the stub module), so `argosy validate
   * --stubs` can compare the stub with it; none for stdin and the cluster.
   */
  readonly file?: string;
}

/** The content hash a stub records: sha256 of the spec as canonical JSON (sorted keys). */
export function specHash(spec: unknown): string {
  const canon = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canon)
      : isObj(v)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canon(v[k])]),
          )
        : v;
  return `sha256:${createHash('sha256')
    .update(JSON.stringify(canon(spec)))
    .digest('hex')}`;
}

const prop = (k: string): string => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k));

/** The input type of a template: required vs defaulted parameters, enums as literal tuples. */
function inputsType(inputs: unknown, at: string): { type: string; doc: string[] } {
  const doc: string[] = [];
  if (!isObj(inputs)) return { type: '{}', doc };
  const params = Object.entries(byName(inputs.parameters, `${at}.parameters`)).map(([name, d]) => {
    const p = d as Obj;
    const fields: string[] = [];
    if (p.value !== undefined) fields.push('value: string');
    if (p.default !== undefined) fields.push('default: string');
    if (p.valueFrom !== undefined) fields.push('valueFrom: {}');
    if (Array.isArray(p.enum)) fields.push(`enum: readonly [${p.enum.map((e) => quote(String(e))).join(', ')}]`);
    const optional = p.value !== undefined || p.default !== undefined || p.valueFrom !== undefined;
    doc.push(
      `${name}${optional ? ` (default ${JSON.stringify(p.default ?? p.value ?? 'from valueFrom')})` : ' (required)'}${Array.isArray(p.enum) ? `: one of ${p.enum.join(' | ')}` : ''}`,
    );
    return `${prop(name)}: { ${fields.join('; ')} }`;
  });
  const artifacts = Object.entries(byName(inputs.artifacts, `${at}.artifacts`)).map(([name, d]) => {
    const a = d as Obj;
    const optional = Object.keys(a).some((k) => k !== 'path' && k !== 'mode' && (k !== 'optional' || a[k] === true));
    doc.push(`artifact ${name}${optional ? ' (optional)' : ' (required)'}`);
    return `${prop(name)}: { ${optional ? 'optional: true' : ''} }`;
  });
  const parts = [
    params.length ? `parameters: { ${params.join('; ')} }` : '',
    artifacts.length ? `artifacts: { ${artifacts.join('; ')} }` : '',
  ].filter(Boolean);
  return { type: `{ ${parts.join('; ')} }`, doc };
}

function outputsType(outputs: unknown, at: string): { type: string; doc: string[] } {
  if (!isObj(outputs)) return { type: '{}', doc: [] };
  const params = Object.keys(byName(outputs.parameters, `${at}.parameters`));
  const artifacts = Object.keys(byName(outputs.artifacts, `${at}.artifacts`));
  const parts = [
    params.length ? `parameters: { ${params.map((p) => `${prop(p)}: {}`).join('; ')} }` : '',
    artifacts.length ? `artifacts: { ${artifacts.map((a) => `${prop(a)}: {}`).join('; ')} }` : '',
  ].filter(Boolean);
  return { type: `{ ${parts.join('; ')} }`, doc: [...params, ...artifacts.map((a) => `artifact ${a}`)] };
}

/** One object's stub: `export const <name> = { source, entrypoint, templates: { ... } };`. */
function objectStub(doc: unknown, ids: NameScope, file?: string): { code: string; enums: string[] } {
  if (!isObj(doc) || (doc.kind !== 'WorkflowTemplate' && doc.kind !== 'ClusterWorkflowTemplate'))
    throw new ImportProblem(
      '/',
      'stubs are made of WorkflowTemplates and ClusterWorkflowTemplates',
      isObj(doc) ? doc.kind : doc,
      'Pass only those',
    );
  const meta = isObj(doc.metadata) ? doc.metadata : {};
  const name = meta.name;
  if (typeof name !== 'string' || !name)
    throw new ImportProblem('/metadata', 'the template has no name', meta, 'Add metadata.name');
  if (!isObj(doc.spec) || !Array.isArray(doc.spec.templates))
    throw new ImportProblem('/spec/templates', 'the template has no templates', doc.spec, 'Add spec.templates');
  const cluster = doc.kind === 'ClusterWorkflowTemplate';
  const id = ids.claim(name);
  const keys = new NameScope();
  const enums: string[] = [];
  const templates = doc.spec.templates.map((t, i) => {
    if (!isObj(t) || typeof t.name !== 'string')
      throw new ImportProblem(`/spec/templates[${i}]`, 'a template needs a name', t, 'Add name:');
    const at = `/spec/templates[${i}] (${t.name})`;
    const input = inputsType(t.inputs, `${at}.inputs`);
    const output = outputsType(t.outputs, `${at}.outputs`);
    const key = keys.claim(t.name);
    for (const p of isObj(t.inputs) && Array.isArray(t.inputs.parameters) ? t.inputs.parameters : []) {
      if (isObj(p) && Array.isArray(p.enum) && typeof p.name === 'string')
        enums.push(
          `/** Values of input "${p.name}" of ${t.name} in ${name}. */\nexport type ${id.charAt(0).toUpperCase()}${id.slice(1)}${key.charAt(0).toUpperCase()}${key.slice(1)}${camel(p.name).replace(/^./, (c) => c.toUpperCase())} = ${p.enum.map((e) => quote(String(e))).join(' | ')};`,
        );
    }
    const ref = `{ name: ${quote(name)}, template: ${quote(t.name)}${cluster ? ', clusterScope: true' : ''} }`;
    const docLine = `/** ${t.name}: inputs ${input.doc.join(', ') || 'none'}; outputs ${output.doc.join(', ') || 'none'}. */`;
    return `${docLine}\n${key}: templateRef<${input.type}, ${output.type}>(${ref}),`;
  });
  const source = [
    `kind: ${quote(String(doc.kind))}`,
    `name: ${quote(name)}`,
    `hash: ${quote(specHash(doc.spec))}`,
    ...(typeof meta.resourceVersion === 'string' ? [`resourceVersion: ${quote(meta.resourceVersion)}`] : []),
    ...(!cluster && typeof meta.namespace === 'string' ? [`namespace: ${quote(meta.namespace)}`] : []),
    ...(file !== undefined ? [`file: ${quote(file)}`] : []),
  ];
  const entry = typeof doc.spec.entrypoint === 'string' ? `entrypoint: ${quote(doc.spec.entrypoint)},\n` : '';
  return {
    code: `/** Typed references to ${doc.kind} "${name}". */\nexport const ${id} = {\n/** What this stub was generated from: regenerate when the template changes. */\nsource: { ${source.join(', ')} },\n${entry}ref: { name: ${quote(name)}${cluster ? ', clusterScope: true' : ''} },\ntemplates: {\n${templates.join('\n')}\n},\n};`,
    enums,
  };
}

/**
 * A TypeScript module of typed references to WorkflowTemplates you do not own: each template
 * is a `templateRef` whose inputs (required vs defaulted) and outputs are known, so calls to it
 * are type-checked. Deterministic: objects sorted by kind and name.
 *
 * @example
 * ```ts
 * const { source } = stubsModule([{ object: wt, where: 'wt.yaml' }], '../dsl/argo/index.ts');
 * ```
 */
export function stubsModule(
  sources: readonly StubSource[],
  dsl: string,
): { source: string; findings: { where: string; message: string }[]; count: number } {
  const findings: { where: string; message: string }[] = [];
  const ids = new NameScope(['templateRef']);
  const sorted = [...sources].sort((a, b) => {
    const k = (s: StubSource): string => {
      const o = s.object as { kind?: unknown; metadata?: { name?: unknown } } | null;
      return `${String(o?.kind)}/${String(o?.metadata?.name)}`;
    };
    return k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0;
  });
  const seen = new Set<string>();
  const parts: string[] = [];
  let count = 0;
  for (const s of sorted) {
    const o = s.object as { kind?: unknown; metadata?: { name?: unknown } } | null;
    const key = `${String(o?.kind)}/${String(o?.metadata?.name)}`;
    try {
      if (seen.has(key)) throw new ImportProblem('/metadata', `a second ${key}`, key, 'Pass each template once');
      seen.add(key);
      const stub = objectStub(s.object, ids, s.file);
      parts.push(stub.code, ...stub.enums);
      count++;
    } catch (e) {
      if (!(e instanceof ImportProblem)) throw e;
      findings.push({
        where: `${s.where} ${key}`,
        message: `${e.at}: ${e.problem} (got ${JSON.stringify(e.got)?.slice(0, 80)}). ${e.fix}`,
      });
    }
  }
  const source = [
    '// Generated by `argosy stubs`; do not edit. Regenerate it when the templates change.',
    `import { templateRef } from '${dsl}';`,
    '',
    ...parts.flatMap((p) => [p, '']),
  ].join('\n');
  return { source, findings, count };
}
