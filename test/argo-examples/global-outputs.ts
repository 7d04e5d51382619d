import { steps, template, vars, workflow } from '../../dsl/argo/index.ts';

const generateGlobals = template('generate-globals', {
  steps: steps((s) => {
    s.step('generate', globalOutput);
    s.step('consume-globals', consumeGlobals);
  }),
});

const globalOutput = template('global-output', {
  container: {
    image: 'alpine:3.23',
    command: ['sh', '-c'],
    args: ['sleep 1; echo -n hello world > /tmp/hello_world.txt'],
  },
  outputs: {
    parameters: { 'hello-param': { valueFrom: { path: '/tmp/hello_world.txt' }, globalName: 'my-global-param' } },
    artifacts: { 'hello-art': { path: '/tmp/hello_world.txt', globalName: 'my-global-art' } },
  },
});

const consumeGlobals = template('consume-globals', {
  steps: steps((s) => {
    s.parallel((g) => {
      g.step('consume-global-param', consumeGlobalParam);
      g.step('consume-global-art', consumeGlobalArt, {
        arguments: { artifacts: { art: vars.workflow.outputs.artifact('my-global-art') } },
      });
    });
  }),
});

const consumeGlobalParam = template(
  'consume-global-param',
  {
    inputs: { parameters: { param: { value: vars.workflow.outputs.parameter('my-global-param') } } },
  },
  ({ inputs }) => ({
    container: { image: 'alpine:3.23', command: ['sh', '-c'], args: [`echo ${inputs.parameters.param}`] },
  }),
);

const consumeGlobalArt = template('consume-global-art', {
  inputs: { artifacts: { art: { path: '/art' } } },
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['cat /art'] },
});

export default workflow({
  metadata: { generateName: 'global-outputs-' },
  spec: { entrypoint: generateGlobals, onExit: consumeGlobals },
});
