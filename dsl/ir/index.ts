/**
 * The intermediate representation: plain, serialisable data produced by the builders and consumed
 * by every backend in charts/. Nothing here has behaviour, so backends never depend on builders.
 */
export type * from './values.ts';
export type * from './component.ts';
export type * from './pipeline.ts';
export type * from './schedule.ts';
export type * from './project.ts';
export type * from './monitoring.ts';
export type * from './gitops.ts';
export type * from './deployment.ts';
export type * from './strategies/canary.ts';
export type * from './strategies/shadow.ts';
export type * from './strategies/ab-test.ts';
export type * from './strategies/blue-green.ts';
export type * from './strategies/model.ts';
export type * from './argo-kube.ts';
export type * from './argo-artifacts.ts';
export type * from './argo-template.ts';
export type * from './argo-workflow.ts';
export type * from './argo-object.ts';
export type * from './platform.ts';
