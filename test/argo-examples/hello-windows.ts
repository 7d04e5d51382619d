import { template, workflow } from '../../dsl/argo/index.ts';

const helloWin = template('hello-win', {
  nodeSelector: { 'kubernetes.io/os': 'windows' },
  container: {
    image: 'mcr.microsoft.com/windows/nanoserver:1809',
    command: ['cmd', '/c'],
    args: ['echo', 'Hello from Windows Container!'],
  },
});

export default workflow({
  metadata: { labels: { 'workflows.argoproj.io/no-test': 'environment' }, generateName: 'hello-windows-' },
  spec: { entrypoint: helloWin },
});
