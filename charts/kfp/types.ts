import type { ArtifactPortIR, JsonValue, ParamPortIR, ParamTypeIR } from '../../dsl/ir/index.ts';

/** KFP `ParameterType.ParameterTypeEnum` names used by Argosy. */
export type KfpParamType = 'STRING' | 'NUMBER_INTEGER' | 'NUMBER_DOUBLE' | 'BOOLEAN' | 'LIST' | 'STRUCT';

/** A ProtoJSON object as it is written (keys in camelCase, enums as names). */
export type Json = { [key: string]: unknown };

/** The KFP type of a parameter: `json` is a LIST when declared or defaulted as one, else a STRUCT. */
export function paramType(type: ParamTypeIR, port?: Pick<ParamPortIR, 'jsonShape' | 'default'>): KfpParamType {
  switch (type) {
    case 'string':
      return 'STRING';
    case 'int':
      return 'NUMBER_INTEGER';
    case 'float':
      return 'NUMBER_DOUBLE';
    case 'bool':
      return 'BOOLEAN';
    case 'json':
      if (port?.jsonShape) return port.jsonShape === 'list' ? 'LIST' : 'STRUCT';
      return Array.isArray(port?.default) ? 'LIST' : 'STRUCT';
  }
}

/** The KFP type of a literal value (static loop items). */
export function typeOfValue(value: JsonValue): KfpParamType {
  if (typeof value === 'string') return 'STRING';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return Number.isInteger(value) ? 'NUMBER_INTEGER' : 'NUMBER_DOUBLE';
  return Array.isArray(value) ? 'LIST' : 'STRUCT';
}

const SYSTEM_KINDS = new Set([
  'Artifact',
  'Dataset',
  'Model',
  'Metrics',
  'ClassificationMetrics',
  'SlicedClassificationMetrics',
  'HTML',
  'Markdown',
]);

/**
 * KFP's artifact type for an Argosy artifact kind: the built-in `system.*` schema titles, a
 * namespaced title as given (e.g. `google.VertexDataset`), any other custom kind as
 * `system.Artifact` (KFP only knows registered schema titles).
 */
export function artifactType(kind: string): Json {
  const schemaTitle = SYSTEM_KINDS.has(kind) ? `system.${kind}` : kind.includes('.') ? kind : 'system.Artifact';
  return { schemaTitle, schemaVersion: '0.0.1' };
}

/** `inputDefinitions`/`outputDefinitions` entry of a parameter port. */
export function paramDefinition(port: ParamPortIR, direction: 'input' | 'output'): Json {
  return {
    parameterType: paramType(port.type, port),
    ...(direction === 'input' && port.default !== undefined ? { defaultValue: port.default } : {}),
    ...(direction === 'input' && port.optional ? { isOptional: true } : {}),
    ...(direction === 'input' && port.enum ? { literals: port.enum } : {}),
    ...(port.description ? { description: port.description } : {}),
  };
}

/** `inputDefinitions`/`outputDefinitions` entry of an artifact port. */
export function artifactDefinition(port: ArtifactPortIR, direction: 'input' | 'output'): Json {
  return {
    artifactType: artifactType(port.artifactType),
    ...(port.list ? { isArtifactList: true } : {}),
    ...(direction === 'input' && port.optional ? { isOptional: true } : {}),
    ...(port.description ? { description: port.description } : {}),
  };
}

/** Drops empty maps and lists, which canonical ProtoJSON never writes. */
export function compact(obj: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return out;
}

/** `{ parameters, artifacts }` with empty halves left out; undefined when both are empty. */
export function definitions(parameters: Json, artifacts: Json): Json | undefined {
  const d = compact({ parameters, artifacts });
  return Object.keys(d).length ? d : undefined;
}
