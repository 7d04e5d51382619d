import { steps, template, workflow } from '../../dsl/argo/index.ts';

/**
 * Example showing a Step with an onExit template. The onExit template ("exitContainer")
 * will run after the parent ("hello-world"), regardless of if it fails or succeeds.
 * This is also similarly possible with DAG Tasks
 *  STEP                        TEMPLATE       PODNAME                             DURATION  MESSAGE
 *   ✔ container-on-exit-fp8r5  step-template
 *   ├───✔ stepA                hello-world    container-on-exit-fp8r5-2775884244  12s
 *   ├─✔ stepA.onExit           exitContainer  container-on-exit-fp8r5-2310719573  2s
 *   ├───✔ stepB                hello-world    container-on-exit-fp8r5-3252557200  3s
 *   └─✔ stepB.onExit           exitContainer  container-on-exit-fp8r5-949151358   2s
 * Template onExit containers work for DAG Tasks and Steps.
 */
const stepTemplate = template('step-template', {
  steps: steps((s) => {
    s.step('stepA', helloWorld, { hooks: { exit: { template: exitContainer } } });
    s.step('stepB', helloWorld, { hooks: { exit: { template: exitContainer } } });
  }),
});

const helloWorld = template('hello-world', {
  container: { image: 'busybox', command: ['echo'], args: ['hello world'] },
});

const exitContainer = template('exit-container', {
  container: { image: 'busybox', command: ['echo'], args: ['goodbye world'] },
});

export default workflow({
  metadata: { generateName: 'container-on-exit-', labels: { 'workflows.argoproj.io/no-test': 'environment' } },
  spec: { entrypoint: stepTemplate },
});
