// Imported by `argosy import --style pipeline` from WorkflowTemplate "churn-training".
import { artifact, component, param, pipeline } from '../../../dsl/index.ts';

const extract = component('extract', {
  image: 'ghcr.io/acme/extract:1.4.2',
  inputs: { date: param.string() },
  outputs: { table: artifact('Artifact').at('/tmp/table.parquet') },
  command: ['python', '-m', 'extract'],
  args: (io) => [`--date=${io.inputs.date}`, '--out', io.outputs.table.path],
});

const train = component('train', {
  image: 'ghcr.io/acme/train:2.0.0',
  inputs: { lr: param.string().default('0.1'), data: artifact('Artifact').at('/data/table.parquet') },
  outputs: { model: artifact('Artifact').at('/tmp/model.bin') },
  command: (io) => ['python', '-m', 'train', '--lr', io.inputs.lr, '--data', io.inputs.data.path],
});

const report = component('report', {
  image: 'alpine:3.20',
  inputs: { model: artifact('Artifact').at('/model.bin') },
  command: ['sh', '-c', 'ls -l /model.bin'],
});

export default pipeline(
  'churn-training',
  { params: { 'snapshot-date': param.string(), 'learning-rate': param.string().default('0.05') } },
  (p, params) => {
    const extractTask = p.task('extract', extract, { date: params['snapshot-date'] });
    const trainTask = p.task('train', train, { lr: params['learning-rate'], data: extractTask.outputs.table });
    p.task('report', report, { model: trainTask.outputs.model }).after(extractTask);
  },
);
