import { template, workflow } from '../../dsl/argo/index.ts';

const helloWorld = template('hello-world', {
  container: {
    image: 'busybox',
    command: ['echo'],
    args: ['hello world'],
    resources: { limits: { memory: '32Mi', cpu: '100m' } },
  },
});

export default workflow({
  metadata: { generateName: 'test-dns-config-' },
  spec: {
    entrypoint: helloWorld,
    dnsConfig: { nameservers: ['1.2.3.4'], options: [{ name: 'ndots', value: '2' }] },
  },
});
