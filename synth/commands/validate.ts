import { existsSync, readFileSync } from 'node:fs';
import { UsageError } from '../load-app.ts';
import { EXIT_FINDINGS, EXIT_OK, reportError, type CommandIO } from '../report.ts';
import { readSources } from '../validate/documents.ts';
import { errorCount } from '../validate/finding.ts';
import { COLORS, PLAIN, renderValidation } from '../validate/render.ts';
import { schemaLocation } from '../validate/schema-cache.ts';
import { SchemaRegistry } from '../validate/schema-registry.ts';
import { validateSources } from '../validate/validate.ts';

export interface ValidateCommandOptions {
  readonly schemaLocation?: string;
  readonly skip?: readonly string[];
  readonly policyLevel?: 'error' | 'warning';
  readonly format?: 'text' | 'json';
}

/**
 * `argosy validate [paths...]`: checks YAML of the kinds Argosy targets, hand-written or
 * generated, and prints findings grouped by file and object. Exit 1 on any error.
 */
export async function runValidate(paths: readonly string[], opts: ValidateCommandOptions, io: CommandIO, cwd = process.cwd(), stdin: () => string = () => readFileSync(0, 'utf8')): Promise<number> {
  try {
    const inputs = paths.length > 0 ? paths : ['dist'];
    const location = schemaLocation(opts.schemaLocation);
    if (opts.schemaLocation && !existsSync(opts.schemaLocation)) {
      throw new UsageError(`--schema-location ${opts.schemaLocation}: directory not found. Pass a directory laid out as <group>/<kind>_<version>.json, or run \`argosy schemas pull\``);
    }
    const sources = readSources(inputs, cwd, stdin);
    const reports = validateSources(sources, {
      ...(location ? { registry: new SchemaRegistry(location) } : {}),
      ...(opts.skip ? { skip: opts.skip } : {}),
      ...(opts.policyLevel ? { policySeverity: opts.policyLevel } : {}),
    });
    if (opts.format === 'json') {
      io.out(JSON.stringify({ files: sources.files, objects: sources.documents.length, errors: errorCount(reports), reports: reports.filter((r) => r.findings.length > 0) }, null, 2));
    } else {
      if (!location && !(opts.skip ?? []).includes('schema')) io.err('  CRD kinds not schema-checked: no --schema-location and no cache from `argosy schemas pull` (built-in kinds are)');
      renderValidation(reports, io.color ? COLORS : PLAIN, sources.documents.length).forEach((l) => io.out(l));
    }
    return errorCount(reports) > 0 ? EXIT_FINDINGS : EXIT_OK;
  } catch (e) {
    return reportError(e, io);
  }
}
