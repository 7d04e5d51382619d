import { dag, loopItem, template, vars, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/dag-custom-metrics.yaml. Metrics on a template that looped DAG tasks run, and on the workflow. */
const item = loopItem('command', 'tag');

const dagTask = template('dag-task', {
  dag: dag((d) => {
    d.task('TEST-ONE', echo, {
      arguments: { parameters: { message: `console output-->TEST-${item.command}`, tag: item.tag } },
      withItems: [
        { tag: 'TEST-ONE-A', command: 'ONE-A' },
        { tag: 'TEST-ONE-B', command: 'ONE-B' },
      ],
    });
    d.task('TEST-TWO', echo, {
      arguments: { parameters: { message: `console output-->TEST-${item.command}`, tag: item.tag } },
      withItems: [
        { tag: 'TEST-TWO-A', command: 'TWO-A' },
        { tag: 'TEST-TWO-B', command: 'TWO-B' },
      ],
    });
  }),
});

const echo = template('echo', { inputs: { parameters: { message: {}, tag: {} } } }, ({ inputs }) => ({
  metrics: {
    prometheus: [
      {
        name: 'playground_workflow_duration_task_seconds',
        help: 'Duration gauge by task name in seconds - task level',
        labels: [
          { key: 'playground_task_name', value: inputs.parameters.tag },
          { key: 'status', value: vars.status },
        ],
        gauge: { realtime: false, value: vars.duration },
      },
      {
        name: 'playground_workflow_result_task_counter',
        help: 'Count of task execution by result status  - task level',
        labels: [
          { key: 'playground_task_name_counter', value: inputs.parameters.tag },
          { key: 'status', value: vars.status },
        ],
        counter: { value: '1' },
      },
    ],
  },
  container: { image: 'busybox', command: ['echo', inputs.parameters.message] },
}));

export default workflow({
  metadata: { generateName: 'dag-task-' },
  spec: {
    entrypoint: dagTask,
    metrics: {
      prometheus: [
        {
          name: 'playground_workflow_duration',
          help: 'Duration gauge by workflow level',
          labels: [
            { key: 'playground_id_workflow', value: 'test' },
            { key: 'status', value: vars.workflow.status },
          ],
          gauge: { realtime: false, value: vars.workflow.duration },
        },
        {
          name: 'playground_workflow_result_counter',
          help: 'Count of workflow execution by result status  - workflow level',
          labels: [
            { key: 'playground_id_workflow_counter', value: 'test' },
            { key: 'status', value: vars.workflow.status },
          ],
          counter: { value: '1' },
        },
      ],
    },
  },
});
