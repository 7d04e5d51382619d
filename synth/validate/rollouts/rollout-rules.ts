import type { RuleId } from '../finding.ts';

/**
 * The rule ids of the Argo Rollouts layer. The rules are those the Rollouts controller enforces
 * when it reconciles (its `pkg/apis/rollouts/validation` package and the AnalysisTemplate checks
 * of `pkg/apis/rollouts/validation/validation_references.go` / `analysisutil`), ported so a
 * mistake shows up in `argosy validate` instead of as an InvalidSpec condition on the cluster.
 */
export const ROLLOUTS_RULES = {
  managedRoutes: 'rollouts/managed-routes',
  stepFields: 'rollouts/step-fields',
  services: 'rollouts/services',
  analysisRefs: 'rollouts/analysis-refs',
  experiment: 'rollouts/experiment',
  blueGreen: 'rollouts/blue-green',
  metrics: 'rollouts/analysis-metrics',
} as const satisfies Record<string, RuleId>;

export type RolloutsRule = (typeof ROLLOUTS_RULES)[keyof typeof ROLLOUTS_RULES];

/** One problem: the rule, where in the object, and what is wrong (with the fix). */
export interface RuleProblem {
  readonly rule: RolloutsRule;
  readonly path: string;
  readonly message: string;
}

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** What a Rollout's analysis references resolve against: the AnalysisTemplates of the same input. */
export type TemplateArgs = ReadonlyMap<string, readonly { readonly name: string; readonly hasValue: boolean }[]>;

const STEP_FIELDS = [
  'setWeight',
  'pause',
  'experiment',
  'analysis',
  'setCanaryScale',
  'setHeaderRoute',
  'setMirrorRoute',
  'plugin',
] as const;

/** Checks one analysis reference (`templates: [{templateName}]` + `args`, or the flat experiment form). */
function checkAnalysisRef(ref: Rec, at: string, templates: TemplateArgs | undefined, out: RuleProblem[]): void {
  const refs = ref.templates !== undefined ? list(ref.templates).map(rec) : [ref];
  if (refs.length === 0 || refs.some((t) => !str(t.templateName) && !str(t.clusterTemplateName)))
    out.push({
      rule: ROLLOUTS_RULES.analysisRefs,
      path: at,
      message:
        'an analysis needs templateName (or clusterTemplateName) in every template reference. Name the AnalysisTemplate',
    });
  if (!templates) return;
  const given = new Set(list(ref.args).map((a) => str(rec(a).name)));
  for (const t of refs) {
    const name = str(t.templateName);
    if (!name) continue;
    const args = templates.get(name);
    if (!args) {
      out.push({
        rule: ROLLOUTS_RULES.analysisRefs,
        path: at,
        message: `AnalysisTemplate "${name}" is not among the inputs (got ${name}). Validate it together with the Rollout, or fix the name`,
      });
      continue;
    }
    for (const a of args)
      if (!a.hasValue && !given.has(a.name))
        out.push({
          rule: ROLLOUTS_RULES.analysisRefs,
          path: `${at}.args`,
          message: `AnalysisTemplate "${name}" needs argument "${a.name}", which is not passed (got ${[...given].join(', ') || 'none'}). Add { name: ${a.name}, value: ... }`,
        });
  }
}

function checkExperiment(e: Rec, at: string, templates: TemplateArgs | undefined, out: RuleProblem[]): void {
  const ts = list(e.templates).map(rec);
  const bad = (path: string, message: string) => out.push({ rule: ROLLOUTS_RULES.experiment, path, message });
  if (ts.length === 0)
    bad(`${at}.templates`, 'an experiment step needs at least one template. Add one with specRef: canary');
  const names = new Set<string>();
  let weight = 0;
  ts.forEach((t, i) => {
    const name = str(t.name);
    if (!name) bad(`${at}.templates[${i}].name`, 'an experiment template needs a name. Name it');
    else if (names.has(name))
      bad(
        `${at}.templates[${i}].name`,
        `two experiment templates are named "${name}" (got ${name}). Give each its own name`,
      );
    if (name) names.add(name);
    if (t.specRef !== 'stable' && t.specRef !== 'canary')
      bad(
        `${at}.templates[${i}].specRef`,
        `specRef must be "stable" or "canary" (got ${String(t.specRef)}). Use one of them`,
      );
    if (typeof t.weight === 'number') weight += t.weight;
  });
  if (weight > 100)
    bad(`${at}.templates`, `the experiment templates' weights add up to more than 100 (got ${weight}). Lower them`);
  const analyses = new Set<string>();
  list(e.analyses)
    .map(rec)
    .forEach((a, i) => {
      const name = str(a.name) ?? '';
      if (analyses.has(name))
        bad(`${at}.analyses[${i}].name`, `two experiment analyses are named "${name}" (got ${name}). Rename one`);
      analyses.add(name);
      checkAnalysisRef(a, `${at}.analyses[${i}]`, templates, out);
    });
}

/** The Rollouts controller's rules for one Rollout. */
export function rolloutProblems(rollout: unknown, templates?: TemplateArgs): RuleProblem[] {
  const out: RuleProblem[] = [];
  const strategy = rec(rec(rec(rollout).spec).strategy);
  const bg = strategy.blueGreen !== undefined ? rec(strategy.blueGreen) : undefined;
  if (bg) {
    const active = str(bg.activeService);
    if (!active)
      out.push({
        rule: ROLLOUTS_RULES.blueGreen,
        path: 'spec.strategy.blueGreen.activeService',
        message: 'a blueGreen Rollout needs activeService. Name the Service clients call',
      });
    if (active && active === str(bg.previewService))
      out.push({
        rule: ROLLOUTS_RULES.blueGreen,
        path: 'spec.strategy.blueGreen.previewService',
        message: `previewService and activeService must differ (got ${active}). Give the preview its own Service`,
      });
    for (const k of ['prePromotionAnalysis', 'postPromotionAnalysis'])
      if (bg[k] !== undefined) checkAnalysisRef(rec(bg[k]), `spec.strategy.blueGreen.${k}`, templates, out);
  }
  if (strategy.canary === undefined) return out;
  const c = rec(strategy.canary);
  const at = 'spec.strategy.canary';
  const canarySvc = str(c.canaryService);
  const stableSvc = str(c.stableService);
  const routing = c.trafficRouting !== undefined ? rec(c.trafficRouting) : undefined;
  if (canarySvc && canarySvc === stableSvc)
    out.push({
      rule: ROLLOUTS_RULES.services,
      path: `${at}.stableService`,
      message: `canaryService and stableService must differ (got ${canarySvc}). Give each its own Service`,
    });
  const subsets = routing && rec(routing.istio).destinationRule !== undefined;
  if (routing && !subsets && (!canarySvc || !stableSvc))
    out.push({
      rule: ROLLOUTS_RULES.services,
      path: at,
      message: `traffic routing needs both canaryService and stableService (got ${canarySvc ?? '-'} / ${stableSvc ?? '-'}). Set both, or use an Istio destinationRule`,
    });
  const managed = new Set(list(routing?.managedRoutes).map((r) => str(rec(r).name)));
  if (c.analysis !== undefined) checkAnalysisRef(rec(c.analysis), `${at}.analysis`, templates, out);
  list(c.steps).forEach((raw, i) => {
    const step = rec(raw);
    const sp = `${at}.steps[${i}]`;
    const set = STEP_FIELDS.filter((k) => step[k] !== undefined);
    if (set.length !== 1)
      out.push({
        rule: ROLLOUTS_RULES.stepFields,
        path: sp,
        message: `a step sets exactly one of ${STEP_FIELDS.join(', ')} (got ${set.join(', ') || 'none'}). Split it into one step per action`,
      });
    if (
      step.setWeight !== undefined &&
      !(typeof step.setWeight === 'number' && step.setWeight >= 0 && step.setWeight <= 100)
    )
      out.push({
        rule: ROLLOUTS_RULES.stepFields,
        path: `${sp}.setWeight`,
        message: `setWeight must be between 0 and 100 (got ${String(step.setWeight)}). Use a percentage`,
      });
    if (step.setCanaryScale !== undefined) {
      const s = rec(step.setCanaryScale);
      const n = ['weight', 'replicas', 'matchTrafficWeight'].filter((k) => s[k] !== undefined).length;
      if (n !== 1)
        out.push({
          rule: ROLLOUTS_RULES.stepFields,
          path: `${sp}.setCanaryScale`,
          message: `setCanaryScale sets exactly one of weight, replicas, matchTrafficWeight (got ${n}). Keep one`,
        });
    }
    for (const k of ['setHeaderRoute', 'setMirrorRoute'] as const) {
      if (step[k] === undefined) continue;
      const name = str(rec(step[k]).name);
      if (!routing)
        out.push({
          rule: ROLLOUTS_RULES.managedRoutes,
          path: `${sp}.${k}`,
          message: `${k} needs trafficRouting. Add trafficRouting with managedRoutes`,
        });
      else if (!name || !managed.has(name))
        out.push({
          rule: ROLLOUTS_RULES.managedRoutes,
          path: `${sp}.${k}.name`,
          message: `${k} names a route that is not in trafficRouting.managedRoutes (got ${name ?? 'no name'}). Add { name: ${name ?? '<route>'} } to managedRoutes`,
        });
    }
    if (step.analysis !== undefined) checkAnalysisRef(rec(step.analysis), `${sp}.analysis`, templates, out);
    if (step.experiment !== undefined) checkExperiment(rec(step.experiment), `${sp}.experiment`, templates, out);
  });
  return out;
}

const PROVIDERS = [
  'prometheus',
  'web',
  'job',
  'datadog',
  'newRelic',
  'wavefront',
  'kayenta',
  'cloudWatch',
  'graphite',
  'influxdb',
  'skywalking',
  'plugin',
];

/** The Rollouts controller's rules for the metrics of one AnalysisTemplate (or AnalysisRun). */
export function analysisTemplateProblems(template: unknown): RuleProblem[] {
  const out: RuleProblem[] = [];
  const metrics = list(rec(rec(template).spec).metrics).map(rec);
  const bad = (path: string, message: string) => out.push({ rule: ROLLOUTS_RULES.metrics, path, message });
  if (metrics.length === 0) bad('spec.metrics', 'an analysis needs at least one metric. Add one');
  const names = new Set<string>();
  metrics.forEach((m, i) => {
    const at = `spec.metrics[${i}]`;
    const name = str(m.name) ?? '';
    if (names.has(name)) bad(`${at}.name`, `two metrics are named "${name}" (got ${name}). Rename one`);
    names.add(name);
    const providers = PROVIDERS.filter((p) => rec(m.provider)[p] !== undefined);
    if (providers.length !== 1)
      bad(`${at}.provider`, `a metric has exactly one provider (got ${providers.join(', ') || 'none'}). Keep one`);
    const count = typeof m.count === 'number' ? m.count : undefined;
    if (count !== undefined && count > 1 && m.interval === undefined)
      bad(`${at}.interval`, `a metric measured ${count} times needs an interval (got none). Add e.g. interval: 1m`);
    for (const k of ['failureLimit', 'inconclusiveLimit'] as const) {
      const limit = m[k];
      if (typeof limit === 'number' && limit < 0)
        bad(`${at}.${k}`, `${k} must not be negative (got ${limit}). Use 0 or more`);
      if (typeof limit === 'number' && count !== undefined && count > 0 && limit > count)
        bad(`${at}.${k}`, `${k} is larger than count, so it can never be reached (got ${limit} > ${count}). Lower it`);
    }
    for (const k of ['successCondition', 'failureCondition'] as const) {
      const cond = m[k];
      if (cond === undefined) continue;
      if (typeof cond !== 'string' || !balanced(cond))
        bad(
          `${at}.${k}`,
          `the condition does not parse: unbalanced brackets or quotes (got ${String(cond)}). Fix the expression`,
        );
    }
  });
  return out;
}

/** Brackets and quotes close in order (what a condition needs before the expr parser sees it). */
function balanced(expr: string): boolean {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  let quote: string | undefined;
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i] as string;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if ('([{'.includes(ch)) stack.push(ch);
    else if (ch in pairs && stack.pop() !== pairs[ch]) return false;
  }
  return !quote && stack.length === 0 && expr.trim().length > 0;
}
