import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where `argosy schemas pull` caches cluster CRD schemas and where `argosy validate` looks
 * when no --schema-location is given: $ARGOSY_SCHEMA_CACHE, else $XDG_CACHE_HOME/argosy/schemas,
 * else ~/.cache/argosy/schemas.
 */
export function defaultSchemaCache(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ARGOSY_SCHEMA_CACHE) return env.ARGOSY_SCHEMA_CACHE;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'argosy', 'schemas');
}

/** The schema directory to use: the given one, or the cache when it exists. */
export function schemaLocation(given: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (given) return given;
  const cache = defaultSchemaCache(env);
  return existsSync(cache) ? cache : undefined;
}
