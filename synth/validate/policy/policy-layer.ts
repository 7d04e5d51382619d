import type { Finding, Severity } from '../finding.ts';
import { podLevelRestricted, pssRestricted } from './pss-restricted.ts';
import { POLICY_RULES, type PolicyRule } from './rules.ts';
import { containersOf } from './workloads.ts';

/** The rule ids the policy layer emits: one per policy rule. */
export const POLICY_RULE_IDS: readonly PolicyRule['id'][] = POLICY_RULES.map((r) => r.id);

/** Runs every policy rule not skipped over the containers of one object. */
export function policyFindings(o: unknown, severity: Severity, skip: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  const seenPods = new Set<string>();
  for (const site of containersOf(o)) {
    for (const rule of POLICY_RULES) {
      if (skip.has(rule.id)) continue;
      for (const f of rule.check(site)) out.push({ severity, layer: 'policy', rule: rule.id, ...f });
    }
    if (!skip.has(pssRestricted.id) && !seenPods.has(site.pod.path)) {
      seenPods.add(site.pod.path);
      for (const f of podLevelRestricted(site)) out.push({ severity, layer: 'policy', rule: pssRestricted.id, ...f });
    }
  }
  // The same pod-level problem is reached through every container of a pod; report it once.
  const unique = new Map(out.map((f) => [`${f.rule}|${f.path}|${f.message}`, f]));
  return [...unique.values()];
}
