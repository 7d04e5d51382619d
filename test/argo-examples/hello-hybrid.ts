import { steps, template, workflow } from '../../dsl/argo/index.ts';

const mytemplate = template('mytemplate', {
  steps: steps((s) => {
    s.step('step1', helloWin);
    s.step('step2', helloLinux);
  }),
});

const helloWin = template('hello-win', {
  nodeSelector: { 'kubernetes.io/os': 'windows' },
  container: {
    image: 'mcr.microsoft.com/windows/nanoserver:1809',
    command: ['cmd', '/c'],
    args: ['echo', 'Hello from Windows Container!'],
  },
});

const helloLinux = template('hello-linux', {
  nodeSelector: { 'kubernetes.io/os': 'linux' },
  container: { image: 'alpine', command: ['echo'], args: ['Hello from Linux Container!'] },
});

export default workflow({
  metadata: { labels: { 'workflows.argoproj.io/no-test': 'environment' }, generateName: 'hello-hybrid-' },
  spec: { entrypoint: mytemplate },
});
