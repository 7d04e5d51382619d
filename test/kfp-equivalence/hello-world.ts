import { component, pipeline } from '../../dsl/index.ts';
import type { EquivalenceCase } from './_lib.ts';

const echo = component('echo', {
  image: 'registry.access.redhat.com/ubi9/python-311:1-77',
  command: ['echo'],
  args: ['hello world'],
});

export default {
  upstream: 'sdk/hello_world.yaml',
  pipeline: pipeline('echo', {}, (p) => {
    p.task('echo', echo);
  }),
} satisfies EquivalenceCase;
