import { workflowEventBinding } from '../../dsl/argo/index.ts';
import { eventConsumer } from './workflow-event-binding--event-consumer-workflowtemplate.ts';

export default workflowEventBinding({
  metadata: { name: 'event-consumer' },
  spec: {
    event: { selector: 'payload.appellation != ""' },
    submit: {
      workflowTemplateRef: eventConsumer,
      arguments: { parameters: { appellation: { valueFrom: { event: 'payload.appellation' } } } },
    },
  },
});
